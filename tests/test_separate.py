"""Separate compilation: `lua_of_ocaml compile X.cmo|X.cma` writes Lua units,
`lua_of_ocaml link` joins them (with the standard library's cached units) into a
program that behaves as ocamlc's link of the same objects under ocamlrun."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import NATIVE, TARGETS

UTIL = """let greet name = Printf.sprintf "hi %s" name
exception Boom of int
let fail n = if n > 2 then raise (Boom n) else n
let counter = ref 0
let next () = incr counter; !counter
"""
MAIN = """let () =
  print_endline (Util.greet "bob");
  Printf.printf "%d %d %d\\n" (Util.fail 1) (Util.next ()) (Util.next ());
  (match Util.fail 3 with _ -> () | exception Util.Boom n -> Printf.printf "boom %d\\n" n);
  let h = Hashtbl.create 8 in
  List.iter (fun w -> Hashtbl.replace h w (String.length w)) ["a"; "bb"; "ccc"];
  Format.printf "@[<v>%a@]@." (Format.pp_print_list Format.pp_print_int)
    (List.sort compare (Hashtbl.fold (fun _ v acc -> v :: acc) h []));
  ignore (Util.fail 5)
"""


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lua_of_ocaml.cli", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("separate")
    (d / "util.ml").write_text(UTIL)
    (d / "main.ml").write_text(MAIN)
    subprocess.run(["ocamlc", "-g", "-c", "util.ml", "main.ml"], cwd=d, check=True)
    subprocess.run(["ocamlc", "-g", "util.cmo", "main.cmo", "-o", "prog.byte"], cwd=d, check=True)
    ref = subprocess.run(["ocamlrun", "prog.byte"], cwd=d, capture_output=True, text=True,
                         env={**os.environ, "OCAMLRUNPARAM": "b"})
    (d / "ref.json").write_text(json.dumps([ref.stdout, ref.stderr, ref.returncode]))
    return d


def _ref(d: Path) -> tuple[str, str, int]:
    out, err, code = json.loads((d / "ref.json").read_text())
    return out, err, code


@pytest.mark.parametrize("target", TARGETS)
def test_units_then_link(project: Path, target: str) -> None:
    d = project
    for unit in ("util", "main"):
        p = _cli("compile", f"{unit}.cmo", "-o", f"{unit}.{target}.lua", "--target", target, cwd=d)
        assert p.returncode == 0, p.stderr
    text = (d / f"util.{target}.lua").read_text()
    assert text.startswith("-- Lua units compiled by lua_of_ocaml") and '"name":"Util"' in text
    p = _cli("link", f"util.{target}.lua", f"main.{target}.lua", "-o", f"prog.{target}.lua",
             "--target", target, cwd=d)
    assert p.returncode == 0, p.stderr
    run = subprocess.run([NATIVE[target], f"prog.{target}.lua"], cwd=d, capture_output=True, text=True,
                         env={**os.environ, "OCAMLRUNPARAM": "b"})
    out, err, code = _ref(d)
    assert (run.stdout, run.returncode) == (out, code), run.stderr
    # the backtrace goes through both units, mapped back to their sources
    assert run.stderr == err


def test_link_objects_directly_with_source_map(project: Path) -> None:
    """.cmo files given to `link` are compiled on the way; the map points at both sources."""
    d = project
    p = _cli("link", "util.cmo", "main.cmo", "-o", "direct.lua", "--source-map", cwd=d)
    assert p.returncode == 0, p.stderr
    smap = json.loads((d / "direct.lua.map").read_text())
    assert {"util.ml", "main.ml"} <= set(smap["sources"])
    assert (d / "direct.lua").read_text().rstrip().endswith("--# sourceMappingURL=direct.lua.map")
    run = subprocess.run(["luajit", "direct.lua"], cwd=d, capture_output=True, text=True)
    assert (run.stdout, run.returncode) == _ref(d)[:1] + (_ref(d)[2],)


def test_link_minified(project: Path) -> None:
    """--minify on a link: smaller, same behaviour, backtraces still mapped."""
    d = project
    assert _cli("link", "util.cmo", "main.cmo", "-o", "full.lua", cwd=d).returncode == 0
    p = _cli("link", "util.cmo", "main.cmo", "-o", "small.lua", "--minify", cwd=d)
    assert p.returncode == 0, p.stderr
    assert (d / "small.lua").stat().st_size < (d / "full.lua").stat().st_size
    run = subprocess.run(["luajit", "small.lua"], cwd=d, capture_output=True, text=True,
                         env={**os.environ, "OCAMLRUNPARAM": "b"})
    assert (run.stdout, run.stderr, run.returncode) == _ref(d)


def test_library_units_are_linked_when_referenced(tmp_path: Path) -> None:
    """Units of a .cma reach the program only when something uses them, as with ocamlc."""
    (tmp_path / "a.ml").write_text('let () = print_endline "a runs"\nlet x = 1\n')
    (tmp_path / "b.ml").write_text('let () = print_endline "b runs"\nlet y = 2\n')
    (tmp_path / "m.ml").write_text("let () = Printf.printf \"%d\\n\" B.y\n")
    subprocess.run(["ocamlc", "-a", "a.ml", "b.ml", "-o", "ab.cma"], cwd=tmp_path, check=True)
    subprocess.run(["ocamlc", "-c", "m.ml"], cwd=tmp_path, check=True)
    subprocess.run(["ocamlc", "ab.cma", "m.cmo", "-o", "m.byte"], cwd=tmp_path, check=True)
    ref = subprocess.run(["ocamlrun", "m.byte"], cwd=tmp_path, capture_output=True, text=True)
    assert _cli("compile", "ab.cma", "-o", "ab.lua", cwd=tmp_path).returncode == 0
    p = _cli("link", "ab.lua", "m.cmo", "-o", "m.lua", cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    run = subprocess.run(["luajit", "m.lua"], cwd=tmp_path, capture_output=True, text=True)
    assert run.stdout == ref.stdout == "b runs\n2\n"


def test_module_chunk(tmp_path: Path) -> None:
    """--module: the linked chunk returns the exports table, as for whole programs."""
    from lua_of_ocaml.ocaml_lib import ARCHIVE, library_dir
    lib = library_dir()
    (tmp_path / "plugin.ml").write_text(
        'let () = Lua.export "twice" (Lua.fn1 (fun v -> Lua.of_int (2 * Lua.to_int v)))\n')
    subprocess.run(["ocamlc", "-I", str(lib), "-c", "plugin.ml"], cwd=tmp_path, check=True)
    p = _cli("link", str(lib / ARCHIVE), "plugin.cmo", "--module", "-o", "plugin.lua", cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    run = subprocess.run(["luajit", "-e", 'local m = dofile("plugin.lua"); print(m.twice(21))'],
                         cwd=tmp_path, capture_output=True, text=True)
    assert run.stdout == "42\n", run.stderr


def test_recompiling_one_unit_reuses_the_rest(project: Path) -> None:
    """The standard library comes from the cache: a link after a change to the user's
    unit compiles that unit only."""
    from lua_of_ocaml.api import link_files
    from lua_of_ocaml.linker import units
    d = project
    link_files([str(d / "util.cmo"), str(d / "main.cmo")], "luajit")
    compiled: list[str] = []
    real = units.compile_unit

    def spy(unit, targets):
        compiled.append(unit.name)
        return real(unit, targets)

    units.compile_unit = spy
    try:
        (d / "util2.ml").write_text(UTIL + "let extra = 1\n")
        subprocess.run(["ocamlc", "-g", "-c", "util2.ml", "-o", "util2.cmo"], cwd=d, check=True)
        link_files([str(d / "util2.cmo")], "luajit")
    finally:
        units.compile_unit = real
    assert compiled == ["Util2"]


def test_link_errors(project: Path) -> None:
    d = project
    cases = [
        (["link", "main.cmo", "-o", "x.lua"], "unit Main needs unit Util, which is not linked before it"),
        (["link", "nothing.cmo", "-o", "x.lua"], "nothing.cmo: no such file"),
        (["link", "util.ml", "-o", "x.lua"], "util.ml: not a file of Lua units"),
        (["link", "util.cmo", "util.cmo", "-o", "x.lua"], "unit Util is linked twice"),
        (["link", "util.luajit.lua", "-o", "x.lua", "--target", "lua54"],
         "unit Util was compiled for luajit, not lua54"),
        (["link", "util.cmo", "-o", "nodir/x.lua"], "directory nodir does not exist"),
    ]
    if not (d / "util.luajit.lua").exists():
        assert _cli("compile", "util.cmo", "-o", "util.luajit.lua", cwd=d).returncode == 0
    for args, message in cases:
        p = _cli(*args, cwd=d)
        assert p.returncode == 1, (args, p.stderr)
        assert message in p.stderr and "Traceback" not in p.stderr, (args, p.stderr)
        assert len(p.stderr.strip().splitlines()) == 1, p.stderr
    assert not (d / "x.lua").exists()


def test_corrupt_object(tmp_path: Path) -> None:
    (tmp_path / "bad.cmo").write_bytes(b"Caml1999O030" + b"\x00\x00\x00\x20" + b"\x01" * 40)
    p = _cli("compile", "bad.cmo", "-o", "bad.lua", cwd=tmp_path)
    assert p.returncode == 1 and "bad.cmo: corrupt bytecode object file" in p.stderr, p.stderr
    assert not (tmp_path / "bad.lua").exists()
