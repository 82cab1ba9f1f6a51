"""The embedded Lua engines (lupa) that runtime unit tests run chunks in."""

from __future__ import annotations

import importlib

import pytest

from lua_of_ocaml.linker.link import link_runtime  # noqa: F401  (re-exported for the tests)

ENGINES = {"luajit": "lupa.luajit21", "lua51": "lupa.lua51", "lua54": "lupa.lua54"}
TARGETS = list(ENGINES)


def engine(target: str):
    """The lupa module of a target (scripts/setup.sh installs a lupa with all of them)."""
    try:
        return importlib.import_module(ENGINES[target])
    except ImportError:  # pragma: no cover - depends on the lupa build
        pytest.fail(f"{ENGINES[target]} is not available: reinstall lupa (scripts/setup.sh)")


# The start of a runtime unit test chunk: the predefined exceptions the runtime
# raises, and `check`, which records a failed comparison in `fails`.
CHECKS = r"""
local G = P.caml_global_data
local exn_names = { "Out_of_memory", "Sys_error", "Failure", "Invalid_argument" }
for i, n in ipairs(exn_names) do G[i] = G[i] or { 248, n, -i } end
local fails = {}
local function check(name, got, exp)
  if got ~= exp then
    fails[#fails + 1] = name .. ": got " .. tostring(got) .. ", expected " .. tostring(exp)
  end
end
"""


def run_checks(target: str, names: set[str], prelude: str, body: str) -> None:
    """Run `body` in a fresh engine after the runtime fragments reachable from `names`,
    CHECKS and `prelude` (needs caml_format_exception); fail with the failed checks
    and any uncaught error."""
    linked = link_runtime(names | {"caml_format_exception"}, target)
    code = (linked.code + CHECKS + prelude + "local ok, err = pcall(function()\n" + body
            + "\nend)\nif not ok then fails[#fails + 1] = 'uncaught: ' .. "
            + "(type(err) == 'table' and P.caml_format_exception(err) or tostring(err)) end\n"
            + 'return table.concat(fails, "\\n")\n')
    res = engine(target).LuaRuntime().execute(code)
    assert not res, f"[{target}]\n{res}"
