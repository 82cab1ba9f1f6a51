"""The Neovim bindings (Nvim, generated from the API metadata, and Vim, the
hand-written vim.* part) in a real headless Neovim. The OCaml side is
tests/nvim/ocaml/nvim_check.ml, compiled with --module."""

from __future__ import annotations

from pathlib import Path

import pytest

from nvim_run import HERE, build_lua, run_nvim


@pytest.fixture(scope="module")
def rtp() -> Path:
    return build_lua([HERE / "ocaml" / "nvim_check.ml"], module=True)["luajit"].parent.parent


def test_generated_api_calls_neovim(rtp: Path) -> None:
    r = run_nvim("return require('nvim_check').api()", rtp=[rtp])
    assert r["lines"] == ["alpha", "beta", "gamma"]
    assert r["line_count"] == 3
    assert r["current_is_buf"] is True
    assert r["scratch_valid"] is True and r["scratch_lines"] == ["scratch line"]
    assert r["nbufs"] == 2 and r["nwins"] == 1
    assert r["cursor"] == [2, 3]
    assert r["var"] == 5
    assert r["fired"] == 2  # twice, then deleted
    assert r["eval"] == 42 and r["call_function"] == 4
    assert r["from_command"] == "done"
    assert r["strwidth"] == 3 and r["shiftwidth"] == 8 and r["mode"] == "n"
    assert r["buf_call"] == "scratch line"
    assert r["extmark_positive"] is True
    assert "Invalid buffer id" in r["invalid_buffer"]
    assert r["remote_only"] == "nvim_ui_detach is not in this Neovim's Lua API (vim.api)"
    assert r["current_line"] == "beta"


def test_vim_bindings(rtp: Path) -> None:
    r = run_nvim(r"""
local notes = {}
vim.notify = function(msg, level, opts) notes[#notes + 1] = msg .. "/" .. tostring(level) end
local m = require('nvim_check')
m.vim_setup()
vim.api.nvim_buf_set_lines(0, 0, -1, false, { "one", "two", "three" })
local function keys(k)
  vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes(k, true, false, true), "x", false)
end
vim.api.nvim_win_set_cursor(0, { 1, 0 })
keys("<F2>")
vim.api.nvim_win_set_cursor(0, { 2, 0 })
keys("<F3>")
vim.api.nvim_win_set_cursor(0, { 3, 0 })
keys("<F4>")
keys("<F5>")
vim.cmd("1,2OcamlCmd! a b")
vim.cmd("OcamlCmd")
local cmd_ok, cmd_err = pcall(vim.cmd, "OcamlFail")
vim.api.nvim_exec_autocmds("User", { pattern = "OcamlEvent" })
vim.api.nvim_exec_autocmds("User", { pattern = "OcamlOnce" })
vim.api.nvim_exec_autocmds("User", { pattern = "OcamlOnce" })
vim.wait(1000, function() return false end, 20)
local report = m.vim_report()
report.notes = notes
report.lines = vim.api.nvim_buf_get_lines(0, 0, -1, false)
report.cmd_err = tostring(cmd_err)
report.messages = vim.api.nvim_exec2("messages", { output = true }).output
report.keymap_desc = vim.fn.maparg("<F2>", "n", false, true).desc
return report
""", rtp=[rtp])
    assert r["notes"] == ["careful/3", "plain/2"]
    assert r["lines"] == ["mapped by ocaml", "two!"]
    assert r["keymap_desc"] == "ocaml map"
    # an error in a mapping is reported in the message area
    assert 'Failure("map failed")' in r["messages"]
    assert "Lua :command callback: Not_found" in r["cmd_err"]
    assert r["events"] == [
        "cmd OcamlCmd [a|b] bang=true range=2 1-2",
        "cmd OcamlCmd [] bang=false range=0 2-2",
        "autocmd User OcamlEvent group=true",
        "once",
        "scheduled",
        "deferred",
    ]
    assert r["from_vim_cmd"] == "yes" and r["from_set_g"] == 11 and r["unset_g"] is True
    assert r["toupper"] == "ABC" and r["eval"] == 2
    assert r["inspect"] == "{\n  k = 1\n}"
    assert r["fast"] is False and r["tabstop"] == 8
    messages = r["messages"].splitlines()
    assert "printed by ocaml" in messages
    assert "error printed by ocaml" in messages
    assert "partial line" in messages  # flushed when the callback returned
