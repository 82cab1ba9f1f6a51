"""The plugin's Lua is portable (LuaJIT and Lua 5.1 parse it) and sets no
global variable: Neovim plugins share _G."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from nvim_client_run import PLUGIN

FILES = sorted(PLUGIN.rglob("*.lua"))
# globals the plugin may read: the standard library and Neovim's `vim`
ALLOWED = {"vim", "require", "pairs", "ipairs", "type", "tostring", "tonumber", "pcall", "xpcall",
           "error", "assert", "select", "next", "rawget", "setmetatable", "getmetatable", "unpack",
           "table", "string", "math", "os", "io", "coroutine", "debug", "_G", "_VERSION"}


def test_plugin_files_exist():
    names = {p.relative_to(PLUGIN).as_posix() for p in FILES}
    assert {"plugin/lua_of_ocaml.lua", "lua/lua_of_ocaml/init.lua", "lua/lua_of_ocaml/health.lua"} <= names


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(PLUGIN).as_posix())
def test_no_globals_and_portable(path):
    luajit = shutil.which("luajit")
    if luajit is None:
        pytest.fail("luajit is not installed (scripts/setup.sh installs it)")
    listing = subprocess.run([luajit, "-bl", str(path)], capture_output=True, text=True, check=True).stdout
    assert not re.search(r"\bGSET\b", listing), "sets a global variable"
    read = set(re.findall(r"\bGGET\b[^\n]*; \"([^\"\n]+)\"$", listing, re.M))
    assert read <= ALLOWED, f"reads unknown globals: {sorted(read - ALLOWED)}"
    luac = shutil.which("luac5.1")
    if luac:
        proc = subprocess.run([luac, "-p", str(path)], capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr
