""":checkhealth lua_of_ocaml, the help file, and bad input (options, buffers,
no setup) answered by clear messages rather than Lua tracebacks."""

from __future__ import annotations

import re
import shutil

from nvim_client_run import PLUGIN, lua_str, run_client, write

HEALTH = """
    vim.cmd("checkhealth lua_of_ocaml")
    return table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), "\\n")
"""


def test_checkhealth_reports_the_tools(tmp_path):
    text, _ = run_client(tmp_path, HEALTH)
    assert "lua_of_ocaml" in text
    assert re.search(r"OK ocamlc \d+\.\d+", text)
    assert re.search(r"OK lua-of-ocaml-lsp: lua-of-ocaml-lsp \d", text)
    assert "Neovim 0." in text and "setup() called; target luajit" in text
    for binary in ("luajit", "lua5.1", "lua5.4"):
        if shutil.which(binary):
            assert re.search(rf"OK {re.escape(binary)}: ", text)
    assert "ERROR" not in text and "Failed to run healthcheck" not in text


def test_checkhealth_without_setup_and_with_a_missing_server(tmp_path):
    text, _ = run_client(tmp_path, HEALTH, setup=None)
    assert "setup() has not been called" in text
    text, _ = run_client(tmp_path, HEALTH, setup='{ cmd = { "no-such-lsp-server" }, ocamlc = "no-such-ocamlc" }')
    assert "ERROR no-such-lsp-server not found" in text
    assert "ERROR ocamlc (no-such-ocamlc): not found" in text
    assert "Failed to run healthcheck" not in text and "stack traceback" not in text


def test_helptags_and_help(tmp_path):
    doc = tmp_path / "plugin" / "doc"
    shutil.copytree(PLUGIN / "doc", doc)
    value, messages = run_client(tmp_path, f"""
        vim.v.errmsg = ""
        vim.cmd("helptags " .. vim.fn.fnameescape({lua_str(doc)}))
        local errmsg = vim.v.errmsg
        vim.opt.runtimepath:prepend({lua_str(doc.parent)})
        local opened = {{}}
        for _, tag in ipairs({{ "lua_of_ocaml", "lua_of_ocaml-setup", ":LuaOcamlRun", ":LuaOcamlShowLua",
                                "lua_of_ocaml-health", ":LuaOcamlCompile" }}) do
          vim.cmd("help " .. tag)
          opened[tag] = vim.fn.expand("%:t") .. ":" .. vim.fn.line(".")
          vim.cmd("close")
        end
        return {{ errmsg = errmsg, opened = opened }}
    """, setup=None)
    assert value["errmsg"] == ""
    tags = (doc / "tags").read_text()
    for tag in ("lua_of_ocaml.txt", "lua_of_ocaml-setup", ":LuaOcamlRun", ":LuaOcamlStop", ":LuaOcamlShowLua",
                ":LuaOcamlCompile", ":LuaOcamlRestart", "lua_of_ocaml-health", "LuaOcamlMapped"):
        assert f"{tag}\tlua_of_ocaml.txt\t" in tags, tag
    assert all(v.startswith("lua_of_ocaml.txt:") for v in value["opened"].values())
    assert "E149" not in messages


def test_bad_options_are_reported_and_defaults_kept(tmp_path):
    main = write(tmp_path / "main.ml", 'let () = print_string "x"\n')
    value, messages = run_client(tmp_path, f"""
        local opts = require("lua_of_ocaml").options()
        vim.cmd.edit({lua_str(main)})
        local client = T.client(0)
        return {{ target = opts.target, output = opts.run.output, timeout = opts.run_timeout,
                  init_target = client.config.init_options.target }}
    """, setup='{ target = "lua99", colour = "blue", run = { output = "popup" }, run_timeout = "long", '
               'compile = 3 }')
    assert value == {"target": "luajit", "output": "buffer", "timeout": 10, "init_target": "luajit"}
    assert "option target: expected one of luajit, lua51, lua54, got \"lua99\"; keeping \"luajit\"" in messages
    assert "unknown option colour ignored" in messages
    assert "option run.output: expected one of buffer, messages" in messages
    assert "option run_timeout: expected a number of seconds" in messages
    assert "option compile: expected a table, got 3" in messages
    assert "stack traceback" not in messages


def test_commands_outside_ocaml_buffers_and_before_setup(tmp_path):
    notes = write(tmp_path / "notes.txt", "text\n")
    main = write(tmp_path / "main.ml", 'let () = print_string "x"\n')
    value, messages = run_client(tmp_path, f"""
        vim.cmd.edit({lua_str(notes)})
        T.command("LuaOcamlRun")
        T.command("LuaOcamlShowLua")
        vim.cmd.edit({lua_str(main)})
        T.command("LuaOcamlRun")
        T.command("LuaOcamlRestart")
        local ok = pcall(require("lua_of_ocaml").setup, "not a table")
        return {{ ok = ok, clients = #vim.lsp.get_clients() }}
    """, setup=None)
    assert messages.count("this command works in an OCaml source buffer (.ml or .mli)") == 2
    assert "the plugin is not set up: call require('lua_of_ocaml').setup()" in messages
    assert "setup() expects a table of options" in messages
    assert value["ok"] is True
    assert "stack traceback" not in messages and "E5108" not in messages


def test_missing_server_is_one_clear_warning(tmp_path):
    main = write(tmp_path / "main.ml", 'let () = print_string "x"\n')
    other = write(tmp_path / "other.ml", 'let () = print_string "y"\n')
    _, messages = run_client(tmp_path, f"""
        vim.cmd.edit({lua_str(main)})
        vim.cmd.edit({lua_str(other)})
        T.command("LuaOcamlRun")
        T.sleep(100)
    """, setup='{ cmd = { "no-such-lsp-server" } }')
    assert messages.count('the language server "no-such-lsp-server" was not found') == 1
    assert "the language server is not running (see :checkhealth lua_of_ocaml)" in messages
    assert "stack traceback" not in messages
