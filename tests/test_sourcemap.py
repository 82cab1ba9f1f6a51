"""Source maps: the map loads in the `sourcemap` package and lands on OCaml positions."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import sourcemap

from lua_of_ocaml.api import compile_file
from lua_of_ocaml.sourcemap import SourceMap

PROGRAM = """\
let double x = x * 2

let check x =
  if x < 0 then raise (Invalid_argument "negative")
  else double x

let () =
  print_int (check 21);
  print_newline ();
  print_int (check (-1))
"""


@pytest.fixture(scope="module")
def compiled(tmp_path_factory):
    d = tmp_path_factory.mktemp("smap")
    (d / "prog.ml").write_text(PROGRAM)
    subprocess.run(["ocamlc", "-g", "prog.ml", "-o", "prog.byte"], cwd=d, check=True)
    proc = subprocess.run([sys.executable, "-m", "lua_of_ocaml.cli", "compile", "prog.byte", "-o",
                           "prog.lua", "--source-map"], cwd=d, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return d


def test_map_file_is_linked_and_valid(compiled: Path) -> None:
    lua = (compiled / "prog.lua").read_text()
    assert lua.rstrip().endswith("--# sourceMappingURL=prog.lua.map")
    index = sourcemap.load(open(compiled / "prog.lua.map"))
    sources = {tok.src for tok in index}
    assert "prog.ml" in sources
    assert (compiled / "prog.lua").stat().st_mode & 0o644 == 0o644


def _lua_line_of(lua: str, *needles: str) -> int:
    for i, line in enumerate(lua.split("\n"), start=1):
        if all(n in line for n in needles):
            return i
    raise AssertionError(needles)


def _col(lua: str, line: int) -> int:
    text = lua.split("\n")[line - 1]
    return len(text) - len(text.lstrip())


def test_lookups_land_on_ocaml_lines(compiled: Path) -> None:
    lua = (compiled / "prog.lua").read_text()
    index = sourcemap.load(open(compiled / "prog.lua.map"))
    # the raise of line 4 and the multiplication of line 1
    raise_line = _lua_line_of(lua, "error(", '"negative"')
    tok = index.lookup(raise_line - 1, _col(lua, raise_line))
    assert tok.src == "prog.ml" and tok.src_line + 1 == 4
    mul_line = _lua_line_of(lua, "caml_int_mul(", ", 2)")
    tok = index.lookup(mul_line - 1, _col(lua, mul_line))
    assert tok.src == "prog.ml" and tok.src_line + 1 == 1


def test_python_api_round_trip(compiled: Path) -> None:
    smap = SourceMap.from_json((compiled / "prog.lua.map").read_text())
    lua = (compiled / "prog.lua").read_text()
    raise_line = _lua_line_of(lua, "error(", '"negative"')
    m = smap.lua_to_ocaml(raise_line, 10)
    assert m is not None and (m.source, m.line) == ("prog.ml", 4)
    ranges = smap.ocaml_to_lua("prog.ml", 4)
    assert any(r.line_start <= raise_line <= r.line_end for r in ranges)
    assert smap.sources_content.get("prog.ml") == PROGRAM
    text = smap.rewrite_traceback(f"prog.lua:{raise_line}: in function <prog.lua:12>")
    assert 'File "prog.ml", line 4' in text


def test_api_without_cli(compiled: Path) -> None:
    res = compile_file(compiled / "prog.byte", "lua54")
    assert res.source_map is not None
    assert any(m.source == "prog.ml" and m.line == 10 for m in res.source_map.mappings)
