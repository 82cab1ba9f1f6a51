"""The example plugin (examples/nvim-wordcount), written in OCaml, compiled with
--module and loaded by a headless Neovim from its runtimepath."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from nvim_run import ROOT, run_nvim, tool_env

EXAMPLE = ROOT / "examples" / "nvim-wordcount"


@pytest.fixture(scope="module")
def plugin(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("plugin") / "nvim-wordcount"
    shutil.copytree(EXAMPLE, d)
    (d / "lua" / "wordcount.lua").unlink(missing_ok=True)  # a local build of the example
    # what the example's Makefile runs
    proc = subprocess.run([sys.executable, "-m", "lua_of_ocaml.cli", "compile", "wordcount.ml",
                           "--module", "-o", "lua/wordcount.lua"], cwd=d, capture_output=True,
                          text=True, env=tool_env(), timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "Makefile" in {p.name for p in d.iterdir()}
    return d


_NOTES = """
local notes = {}
vim.notify = function(msg, level) notes[#notes + 1] = msg end
"""


def test_word_count_command(plugin: Path) -> None:
    r = run_nvim(_NOTES + r"""
vim.api.nvim_buf_set_lines(0, 0, -1, false, { "The quick  brown", "", "\tfox jumps", "over" })
vim.cmd("WordCount")
vim.cmd("3,4WordCount")
vim.cmd("1WordCount")
return { notes = notes, var = vim.b.wordcount }
""", rtp=[plugin])
    assert r["notes"] == ["6 words, 4 lines", "3 words, 2 lines", "3 words, 1 line"]
    assert r["var"] == 3


def test_tidy_keymap(plugin: Path) -> None:
    r = run_nvim(r"""
vim.api.nvim_buf_set_lines(0, 0, -1, false, { "  keep   this ", "\t tidy \t  me   please  " })
vim.api.nvim_win_set_cursor(0, { 2, 0 })
vim.cmd("normal \\ts")
local desc = vim.fn.maparg("\\ts", "n", false, true).desc
return { lines = vim.api.nvim_buf_get_lines(0, 0, -1, false), desc = desc }
""", rtp=[plugin])
    assert r["lines"] == ["  keep   this ", "tidy me please"]
    assert r["desc"] == "Tidy the blanks of the line"


def test_setup_options_and_exports(plugin: Path) -> None:
    r = run_nvim(r"""
local m = require("wordcount")
m.setup({ keymap = "<F6>" })
vim.api.nvim_buf_set_lines(0, 0, -1, false, { "a    b" })
vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes("<F6>", true, false, true), "x", false)
return {
  line = vim.api.nvim_get_current_line(),
  count = m.count_words(" one two  three "),
  tidy = m.tidy("  x   y "),
  same_module = m == require("wordcount"),
}
""", rtp=[plugin])
    assert r == {"line": "a b", "count": 3, "tidy": "x y", "same_module": True}
