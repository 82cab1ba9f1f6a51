"""The OCaml library `Lua`: conversions, calls, callbacks and errors, require and
exports, on the embedded engines (LuaJIT, Lua 5.1, Lua 5.4), the Lua binaries and
Neovim. The OCaml side is tests/nvim/ocaml/interop.ml, compiled with --module; the
Lua side tests/nvim/lua/interop_check.lua."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from lua_engines import TARGETS, engine
from nvim_run import HERE, build_lua, parse_report, run_nvim

CHECK = HERE / "lua" / "interop_check.lua"
SOURCE = HERE / "ocaml" / "interop.ml"
NATIVE = {"luajit": "luajit", "lua51": "lua5.1", "lua54": "lua5.4"}

EXPECTED = {
    "init_ran": "42", "argc": "1", "from_all": "7", "exports_is_table": "true",
    "echo_string": "true", "shout": "ABC!", "shout_type": "string",
    "echo_int": "-42", "int_trunc": "3", "int_trunc_neg": "-3", "int_wrap": "5",
    "add_ints": "-2147483648", "half": "1.5", "negate": "true",
    "truthy_nil": "false", "truthy_zero": "true",
    "opt_succ_some": "5", "opt_succ_none": "nil",
    "rev_list": "3,2,1", "array_sum": "7", "assoc_keys": "a,b",
    "table": "ocaml 3 true x+y nil", "of_assoc": "3",
    "typeof": "nil,function,table,number", "is_nil": "true", "nil_in_tuple": "true",
    "pairs_count": "3", "length": "4", "get_set": "yestenfirst", "get_set_gone": "nil",
    "path": "deep", "path_missing": "nil",
    "count_args": "4", "sum_all": "21", "nil_args": "numbernilnil", "five": "15",
    "apply": "40", "apply_nil": "nil2", "multi": "3", "multi_second": "two",
    "method": "15", "global_type": "table,nil", "call_global": "12",
    "require_field": "42", "counter": "3,1", "curried": "42", "partial": "103",
    "eval": "3", "equal": "true,false",
    "fail": 'Failure("boom")', "not_found": "Not_found", "my_error": "My_error 42",
    "lua_error": "plain", "pass_through_string": "from lua", "pass_through_table": "table:7",
    "type_error": "Lua.to_int: expected a number, got string",
    "index_nil": "Lua.get_field: expected a table, got nil",
    "call_nil": "Lua.call: expected a function, got nil",
    "exit_code": "OCaml code called exit 3", "after_errors": "3",
    "deep": "705082704", "new_globals": "",
}


def _check(report: dict[str, str]) -> None:
    catch = report.pop("catch_lua", "")
    assert catch.startswith("caught: oops"), catch
    wrong = {k: (report.get(k), v) for k, v in EXPECTED.items() if report.get(k) != v}
    assert not wrong, f"(got, expected): {wrong}"


@pytest.fixture(scope="module")
def compiled() -> dict[str, Path]:
    return build_lua([SOURCE], module=True, targets=tuple(TARGETS))


_RUN = b"""function(chunk, check)
  local before = {}
  for k in pairs(_G) do before[k] = true end
  package.preload["interop"] = chunk
  local m = require("interop")
  return check(m, before)
end"""


@pytest.mark.parametrize("target", TARGETS)
def test_round_trips_embedded(compiled, target: str) -> None:
    rt = engine(target).LuaRuntime(unpack_returned_tuples=True, encoding=None)
    load = rt.eval(b"function(s, n) local f, e = (loadstring or load)(s, n) return f or error(e) end")
    chunk = load(compiled[target].read_bytes(), b"=interop")
    check = load(CHECK.read_bytes(), b"=interop_check")()
    report = rt.eval(_RUN)(chunk, check)
    _check(parse_report(report.decode("utf-8")))


@pytest.mark.parametrize("target", TARGETS)
def test_round_trips_lua_binaries(compiled, target: str, tmp_path: Path) -> None:
    exe = shutil.which(NATIVE[target])
    if exe is None:
        pytest.skip(f"{NATIVE[target]} is not installed")
    runner = tmp_path / "runner.lua"
    runner.write_text(
        f"package.path = {str(compiled[target].parent)!r} .. '/?.lua;' .. package.path\n"
        "local before = {}\nfor k in pairs(_G) do before[k] = true end\n"
        f"local check = dofile({str(CHECK)!r})\n"
        "io.write(check(require('interop'), before))\n")
    proc = subprocess.run([exe, str(runner)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    _check(parse_report(proc.stdout))


def test_round_trips_in_neovim(compiled) -> None:
    rtp = compiled["luajit"].parent.parent
    report = run_nvim(
        "local before = {}\nfor k in pairs(_G) do before[k] = true end\n"
        f"local check = dofile({str(CHECK)!r})\n"
        "return check(require('interop'), before)", rtp=[rtp])
    _check(parse_report(report))


def test_require_name_is_not_argv(compiled) -> None:
    """require passes the module name (and on 5.2+ a file): Sys.argv is the name."""
    rt = engine("lua54").LuaRuntime(unpack_returned_tuples=True, encoding=None)
    load = rt.eval(b"function(s) return (load)(s, '=interop') end")
    chunk = load(compiled["lua54"].read_bytes())
    m = rt.eval(b"function(chunk) package.preload.interop = chunk return (require('interop')) end")(chunk)
    assert m[b"argv0"] == b"interop" and m[b"argc"] == 1


def test_host_table_still_configures_a_module(compiled) -> None:
    """The embedding host's configuration table (the lupa runner's) works in module mode."""
    from lua_of_ocaml.runner import run_chunk
    import io
    out = io.BytesIO()
    lua = compiled["luajit"].read_text(encoding="latin-1")
    assert run_chunk(lua, "luajit", ["prog", "a"], stdout=out) == 0
