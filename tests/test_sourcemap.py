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
    raise_line = _lua_line_of(lua, "caml_raise(", '"negative"')
    tok = index.lookup(raise_line - 1, _col(lua, raise_line))
    assert tok.src == "prog.ml" and tok.src_line + 1 == 4
    mul_line = _lua_line_of(lua, "caml_int_mul(", ", 2)")
    tok = index.lookup(mul_line - 1, _col(lua, mul_line))
    assert tok.src == "prog.ml" and tok.src_line + 1 == 1


def test_python_api_round_trip(compiled: Path) -> None:
    smap = SourceMap.from_json((compiled / "prog.lua.map").read_text())
    lua = (compiled / "prog.lua").read_text()
    raise_line = _lua_line_of(lua, "caml_raise(", '"negative"')
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


BT_PROGRAM = """\
let f x = if x > 2 then failwith "boom" else x
let g x = 1 + f (x + 1)
let () = print_int (g 1); print_newline (); print_int (g 5)
"""

BT_CAUGHT = """\
let f x = if x > 2 then raise Not_found else x
let () = Printexc.record_backtrace true;
  (try ignore (f 5) with Not_found -> print_string (Printexc.get_backtrace ()));
  let cs = Printexc.get_callstack 5 in print_string (Printexc.raw_backtrace_to_string cs)
"""


RERAISE_CHAIN = """\
exception E of int
let f x = if x > 2 then raise (E x) else x
let g x = try f x with Not_found -> 0
let h x = try g x + 1 with Failure _ -> 2
let () = Printexc.record_backtrace true;
  (try ignore (h 5) with E n -> Printf.printf "E %d\\n" n; print_string (Printexc.get_backtrace ()));
  (try ignore (h 7) with e -> print_string (Printexc.to_string e); print_newline (); print_string (Printexc.get_backtrace ()));
  for i = 1 to 2 do (try raise Not_found with Not_found -> print_string (Printexc.get_backtrace ())) done;
  let cs = Printexc.get_callstack 5 in print_string (Printexc.raw_backtrace_to_string cs);
  ignore (h 9)
"""


def _build(tmp: Path, name: str, text: str) -> Path:
    (tmp / f"{name}.ml").write_text(text)
    subprocess.run(["ocamlc", "-g", f"{name}.ml", "-o", f"{name}.byte"], cwd=tmp, check=True)
    return tmp / f"{name}.byte"


@pytest.mark.parametrize("target", ["luajit", "lua51", "lua54"])
def test_uncaught_exception_backtrace_matches_ocamlrun(tmp_path: Path, target: str) -> None:
    exe = _build(tmp_path, "bt", BT_PROGRAM)
    env = {**__import__("os").environ, "OCAMLRUNPARAM": "b"}
    ref = subprocess.run(["ocamlrun", str(exe)], capture_output=True, env=env)
    got = subprocess.run([sys.executable, "-m", "lua_of_ocaml.cli", "run", str(exe), "--target", target],
                         capture_output=True, env=env)
    assert b'Raised at Stdlib.failwith in file "stdlib.ml", line 29' in got.stderr
    assert b'Called from Bt.g in file "bt.ml", line 2, characters 14-23' in got.stderr
    assert got.stderr == ref.stderr and got.stdout == ref.stdout and got.returncode == ref.returncode == 2


@pytest.mark.parametrize("target", ["luajit", "lua51", "lua54"])
def test_printexc_backtrace_and_callstack(tmp_path: Path, target: str) -> None:
    exe = _build(tmp_path, "bt2", BT_CAUGHT)
    ref = subprocess.run(["ocamlrun", str(exe)], capture_output=True)
    got = subprocess.run([sys.executable, "-m", "lua_of_ocaml.cli", "run", str(exe), "--target", target],
                         capture_output=True)
    assert b'Raised at Bt2.f in file "bt2.ml", line 1, characters 24-39' in got.stdout
    assert got.stdout == ref.stdout


def test_backtrace_on_real_interpreters(tmp_path: Path) -> None:
    exe = _build(tmp_path, "bt", BT_PROGRAM)
    env = {**__import__("os").environ, "OCAMLRUNPARAM": "b"}
    for target, binary in (("luajit", "luajit"), ("lua51", "lua5.1"), ("lua54", "lua5.4")):
        out = tmp_path / f"bt.{target}.lua"
        subprocess.run([sys.executable, "-m", "lua_of_ocaml.cli", "compile", str(exe), "-o", str(out),
                        "--target", target], check=True)
        got = subprocess.run([binary, str(out)], capture_output=True, env=env)
        assert b'Called from Bt.g in file "bt.ml", line 2, characters 14-23' in got.stderr, target
        assert got.returncode == 2


BT_PRIMITIVE = """\
module Store = struct
  let table = [| 1; 2; 3 |]
  let get i = table.(i) + 1
end
let rec walk n = if n = 0 then Store.get 7 else 1 + walk (n - 1)
let () = Printexc.record_backtrace true;
  (try ignore (walk 3) with Invalid_argument _ -> Printexc.print_backtrace stdout);
  print_endline "--";
  ignore (walk 2)
"""


@pytest.mark.parametrize("target", ["luajit", "lua51", "lua54"])
def test_backtrace_from_a_primitive_in_a_nested_module(tmp_path: Path, target: str) -> None:
    exe = _build(tmp_path, "bt3", BT_PRIMITIVE)
    ref = subprocess.run(["ocamlrun", str(exe)], capture_output=True)
    got = subprocess.run([sys.executable, "-m", "lua_of_ocaml.cli", "run", str(exe), "--target", target],
                         capture_output=True)
    assert b'Raised by primitive operation at Bt3.Store.get in file "bt3.ml", line 3' in got.stdout
    assert (got.stdout, got.stderr, got.returncode) == (ref.stdout, ref.stderr, ref.returncode)


@pytest.mark.parametrize("target", ["luajit", "lua51", "lua54"])
def test_reraise_through_handlers(tmp_path: Path, target: str) -> None:
    """A backtrace holds the frames up to the handler that caught the exception;
    handlers that do not match re-raise and add theirs ("Re-raised at"); a new
    raise of the same exception starts afresh. Byte for byte as ocamlrun."""
    exe = _build(tmp_path, "rr", RERAISE_CHAIN)
    ref = subprocess.run(["ocamlrun", str(exe)], capture_output=True)
    got = subprocess.run([sys.executable, "-m", "lua_of_ocaml.cli", "run", str(exe), "--target", target],
                         capture_output=True)
    assert b"Re-raised at" in ref.stdout
    assert (got.stdout, got.stderr, got.returncode) == (ref.stdout, ref.stderr, ref.returncode)
