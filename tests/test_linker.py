"""Runtime linking: fragment headers, reachability, targets, overrides, missing primitives."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import build_program
from lua_of_ocaml.api import compile_file
from lua_of_ocaml.errors import CompileError
from lua_of_ocaml.linker.fragments import parse_fragments, select
from lua_of_ocaml.runner import run_chunk

SAMPLE = """-- doc text before the first fragment is dropped
--Provides: a
--Requires: b
function P.a() return P.b() + 1 end

--Provides: b
--If: luajit
function P.b() return 10 end

--Provides: b
--If: lua51, lua54
function P.b() return 20 end

--Provides: unused
function P.unused() end
"""


def test_parse_and_select_by_target() -> None:
    frags = parse_fragments(SAMPLE, "sample.lua")
    assert [f.provides for f in frags] == [["a"], ["b"], ["b"], ["unused"]]
    for target, expected in (("luajit", "10"), ("lua54", "20")):
        table = {}
        for f in frags:
            if f.targets is None or target in f.targets:
                for n in f.provides:
                    table[n] = f
        order, missing = select(table, {"a", "c"})
        assert missing == {"c"}
        assert [f.provides[0] for f in order] == ["b", "a"]  # dependencies first
        assert expected in order[0].code


def test_bad_header_is_an_error() -> None:
    with pytest.raises(CompileError):
        parse_fragments("--Requires: x\nlocal y = 1\n", "bad.lua")
    with pytest.raises(CompileError):
        parse_fragments("--Provides: x\n--If: lua99\n", "bad.lua")


def _prog_with_external(tmp_path: Path) -> Path:
    src = tmp_path / "ext.ml"
    src.write_text('external triple : int -> int = "my_triple"\n'
                   'let () = print_int (triple 14); print_newline ()\n')
    subprocess.run(["ocamlc", "-g", "-no-check-prims", "ext.ml", "-o", "ext.byte"], cwd=tmp_path,
                   check=True, capture_output=True)
    return tmp_path / "ext.byte"


def test_user_primitive_file(tmp_path: Path, capfdbinary) -> None:
    exe = _prog_with_external(tmp_path)
    user = tmp_path / "mine.lua"
    user.write_text("--Provides: my_triple\nfunction P.my_triple(x) return 3 * x end\n")
    res = compile_file(exe, "lua54", [str(user)])
    assert "my_triple" not in res.missing_primitives
    import io
    out = io.BytesIO()
    assert run_chunk(res.lua, "lua54", ["ext"], stdout=out) == 0
    assert out.getvalue() == b"42\n"


def test_missing_primitive_is_reported_and_fails_when_called(tmp_path: Path) -> None:
    exe = _prog_with_external(tmp_path)
    res = compile_file(exe, "luajit")
    assert "my_triple" in res.missing_primitives
    loc = res.missing_primitives["my_triple"]
    assert loc is not None and loc.file == "ext.ml" and loc.line == 2
    import io
    err = io.BytesIO()
    code = run_chunk(res.lua, "luajit", ["ext"], stdout=io.BytesIO(), stderr=err)
    assert code == 2
    assert b'Failure("primitive my_triple is not implemented")' in err.getvalue()
    with pytest.raises(CompileError, match="my_triple"):
        compile_file(exe, "luajit", strict=True)


def test_override_builtin_primitive(tmp_path: Path) -> None:
    exe, _ = build_program("closures")
    user = tmp_path / "override.lua"
    user.write_text("--Provides: caml_ml_string_length\n"
                    "function P.caml_ml_string_length(s) return 0 end\n")
    res = compile_file(exe, "lua51", [str(user)])
    assert "function P.caml_ml_string_length(s) return 0 end" in res.lua


STD_NAMES = ("assert collectgarbage dofile error getmetatable ipairs load loadfile next pairs pcall print "
             "rawequal rawget rawlen rawset require select setmetatable tonumber tostring type xpcall "
             "_G _VERSION coroutine debug io math os package string table utf8 bit jit unpack "
             "loadstring setfenv getfenv module gcinfo newproxy").split()


@pytest.mark.parametrize("target", ["lua51", "lua54", "luajit"])
def test_no_global_variables(target: str) -> None:
    """The chunk reads no global but the standard library's and writes none."""
    exe, _ = build_program("closures")
    res = compile_file(exe, target)
    from lua_of_ocaml.runner import lua_runtime
    rt = lua_runtime(target)
    allowed = "{" + ", ".join(f'["{n}"] = true' for n in STD_NAMES) + "}"
    rt.execute((
        f"local allowed = {allowed}\n"
        "setmetatable(_G, {__newindex = function(_, k) error('global write: ' .. tostring(k)) end,\n"
        "  __index = function(_, k) if allowed[k] then return nil end\n"
        "    error('global read: ' .. tostring(k)) end})\n").encode())
    out = []
    f = rt.eval(b"function(s) return (loadstring or load)(s) end")(res.lua.encode("latin-1"))
    ok = rt.eval(b"function(f, w) return pcall(f, {argv = {'p'}, write = w, exit = function() end}) end")(
        f, lambda fd, s: out.append(s) or 0)
    ok = ok[0] if isinstance(ok, tuple) else ok
    assert ok is True
    assert b"".join(out)
