"""The OCaml bytecode compiler itself, compiled to Lua, compiles modules.

`ocamlc.byte` (Debian's, 2.5 MB of bytecode) is the largest real program at
hand: compiled once per tool version for LuaJIT and Lua 5.4, it must write .cmi
and .cmo files byte-identical to the native `ocamlc -c`, and print the same
errors and warnings, reading the standard library's .cmi files from disk.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import CACHE, NATIVE, PROGRAMS, _locked, tool_digest

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("selfcompile")]

TARGETS = ("luajit", "lua54")

HELLO = 'let () = print_endline "hello"\n'
TYPE_ERROR = """type shape = Circle of float | Rect of float * float
let area = function
  | Circle r -> 3.14 *. r *. r
  | Rect (w, h) -> w *. h
let total l = List.fold_left (fun acc s -> acc +. area s) 0 l
"""
WARNINGS = """let f x = match x with Some y -> y
let g unused = 3
"""
SYNTAX_ERROR = "let x = (1 +\n"
UNBOUND = "let () = print_endline (Strng.concat \",\" [\"a\"])\n"

# larger modules of the conformance suite: functors, objects, formats, GADT-free
# records and variants, exceptions, polymorphic variants, first-class modules
LARGER = ("json_printer", "map_set", "objects_inheritance", "format_boxes", "stack_vm",
          "polymorphic_variants", "first_class_modules", "extensible_variants", "sprintf")


def _ocamlc_byte() -> Path:
    ocamlc = shutil.which("ocamlc")
    assert ocamlc, "ocamlc is not installed"
    for cand in (Path(ocamlc).resolve().with_name("ocamlc.byte"), Path(ocamlc).with_name("ocamlc.byte")):
        if cand.is_file():
            return cand
    raise AssertionError("ocamlc.byte not found next to ocamlc")


@pytest.fixture(scope="module")
def ocamlc_lua() -> dict[str, Path]:
    """ocamlc.byte compiled for each target, cached between runs of the same tool."""
    from lua_of_ocaml.api import compile_exe_targets, write_atomically
    from lua_of_ocaml.bytecode.exe_file import read_exe

    src = _ocamlc_byte()
    d = CACHE / "selfcompile"
    d.mkdir(parents=True, exist_ok=True)
    key = f"{tool_digest()}-{src.stat().st_size}-{int(src.stat().st_mtime)}"
    outs = {t: d / f"ocamlc.{t}.{key}.lua" for t in TARGETS}
    with _locked(d / ".lock"):
        if not all(p.exists() for p in outs.values()):
            for old in d.glob("ocamlc.*.lua"):
                old.unlink()
            results = compile_exe_targets(read_exe(src), list(TARGETS))
            for t, res in results.items():
                assert not res.missing_primitives, sorted(res.missing_primitives)
                write_atomically(outs[t], res.lua)
    return outs


def _compile_both(tmp: Path, name: str, text: str, lua_file: Path, target: str):
    ref_dir, our_dir = tmp / "ref", tmp / "ours"
    for d in (ref_dir, our_dir):
        d.mkdir(exist_ok=True)
        (d / name).write_text(text)
    ref = subprocess.run(["ocamlc", "-c", name], cwd=ref_dir, capture_output=True, timeout=120)
    ours = subprocess.run([NATIVE[target], str(lua_file), "-c", name], cwd=our_dir,
                          capture_output=True, timeout=300)
    return ref_dir, our_dir, ref, ours


def _same_outputs(ref_dir: Path, our_dir: Path, ref, ours, stem: str) -> None:
    assert ours.stderr.decode() == ref.stderr.decode()
    assert ours.stdout == ref.stdout
    assert ours.returncode == ref.returncode
    for ext in (".cmi", ".cmo"):
        r, o = ref_dir / (stem + ext), our_dir / (stem + ext)
        assert r.exists() == o.exists(), ext
        if r.exists():
            assert o.read_bytes() == r.read_bytes(), f"{stem}{ext} differs"


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("case", ["hello", "type_error", "warnings", "syntax_error", "unbound"])
def test_small_modules(ocamlc_lua, tmp_path, target, case):
    text = {"hello": HELLO, "type_error": TYPE_ERROR, "warnings": WARNINGS,
            "syntax_error": SYNTAX_ERROR, "unbound": UNBOUND}[case]
    ref_dir, our_dir, ref, ours = _compile_both(tmp_path, f"{case}.ml", text, ocamlc_lua[target], target)
    if case != "hello" and case != "warnings":
        assert ref.returncode != 0  # the case really is an error
    _same_outputs(ref_dir, our_dir, ref, ours, case)


@pytest.mark.parametrize("target", TARGETS)
def test_larger_modules(ocamlc_lua, tmp_path, target):
    for name in LARGER:
        text = (PROGRAMS / f"{name}.ml").read_text()
        sub = tmp_path / name
        sub.mkdir()
        ref_dir, our_dir, ref, ours = _compile_both(sub, f"{name}.ml", text, ocamlc_lua[target], target)
        assert ref.returncode == 0, ref.stderr
        _same_outputs(ref_dir, our_dir, ref, ours, name)
