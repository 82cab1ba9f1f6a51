""":LuaOcamlCompile writes Lua that runs: a script for a Lua interpreter, a
module that Neovim requires, with the configured target, folder and ocamlc flags."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from nvim_client_run import lua_str, run_client, write

WAIT_COMPILE = """
    local compile = require("lua_of_ocaml.compile")
    local function compiled()
      compile.last = nil
      return function() return compile.last end
    end
"""


def _run_lua(binary: str, script, *args: str) -> str:
    exe = shutil.which(binary)
    if exe is None:
        pytest.fail(f"{binary} is not installed (scripts/setup.sh installs it)")
    proc = subprocess.run([exe, str(script), *args], capture_output=True, text=True, timeout=30)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_compile_writes_a_script_next_to_the_file(tmp_path):
    write(tmp_path / "util.ml", "let shout s = String.uppercase_ascii s ^ \"!\"\n")
    main = write(tmp_path / "main.ml", 'let () = print_endline (Util.shout "hello")\n')
    value, messages = run_client(tmp_path, WAIT_COMPILE + f"""
        vim.cmd.edit({lua_str(main)})
        -- unsaved changes are written first
        vim.api.nvim_buf_set_lines(0, 0, -1, false, {{ 'let () = print_endline (Util.shout "hello, lua")' }})
        local done = compiled()
        vim.cmd("LuaOcamlCompile")
        return T.wait(done, 15000, "the compilation")
    """)
    assert value["ok"] is True, value["message"]
    out = tmp_path / "main.lua"
    assert value["output"] == str(out)
    assert "wrote main.lua" in messages
    assert _run_lua("luajit", out) == "HELLO, LUA!\n"


def test_compile_a_plugin_module_that_neovim_requires(tmp_path):
    plugin = tmp_path / "hello"
    src = write(plugin / "hello.ml", """let greet who = Vim.notify (Printf.sprintf "Hello, %s!" who)
let () = Lua.export "greet" (Lua.fn1 (fun who -> greet (Lua.to_string who); Lua.nil))
""")
    value, messages = run_client(tmp_path, WAIT_COMPILE + f"""
        vim.cmd.edit({lua_str(src)})
        local done = compiled()
        vim.cmd("LuaOcamlCompile")
        local res = T.wait(done, 20000, "the compilation")
        assert(res.ok, res.message)
        vim.opt.runtimepath:prepend({lua_str(plugin)})
        require("hello").greet("OCaml")
        return res
    """, setup='{ compile = { module = true, output_dir = "lua" } }')
    assert value["output"] == str(plugin / "lua" / "hello.lua")
    assert "Hello, OCaml!" in messages


def test_compile_with_ocamlc_flags_target_and_explicit_output(tmp_path):
    # -open Printf: the program compiles only if the flags reach ocamlc
    main = write(tmp_path / "src" / "main.ml", 'let () = printf "%d %s\\n" (max_int / 1000) "ok"\n')
    out = tmp_path / "build" / "prog.lua"
    value, _ = run_client(tmp_path, WAIT_COMPILE + f"""
        vim.cmd.edit({lua_str(main)})
        local done = compiled()
        vim.cmd("LuaOcamlCompile " .. vim.fn.fnameescape({lua_str(out)}))
        return T.wait(done, 20000, "the compilation")
    """, setup='{ ocamlc_flags = { "-open", "Printf" }, target = "lua54", compile = { source_map = true } }')
    assert value["ok"] is True, value["message"]
    assert out.is_file() and (tmp_path / "build" / "prog.lua.map").is_file()
    assert _run_lua("lua5.4", out) == "2147483 ok\n"      # 32-bit max_int, on Lua 5.4


def test_compile_failures_are_clear_messages(tmp_path):
    bad = write(tmp_path / "bad" / "main.ml", 'let () = print_int "no"\n')
    dune = write(tmp_path / "dn" / "bin" / "main.ml", "let () = ()\n")
    write(tmp_path / "dn" / "dune-project", "(lang dune 2.9)\n")
    notes = write(tmp_path / "notes.txt", "text\n")
    value, messages = run_client(tmp_path, WAIT_COMPILE + f"""
        local out = {{}}
        vim.cmd.edit({lua_str(bad)})
        local done = compiled()
        vim.cmd("LuaOcamlCompile")
        out.type_error = T.wait(done, 20000, "the failed compilation")
        -- typed as a user does: the message is shown, nothing raised
        vim.cmd.edit({lua_str(dune)})
        done = compiled()
        T.command("LuaOcamlCompile")
        out.dune = T.wait(done, 5000, "the dune message")
        vim.cmd.edit({lua_str(notes)})
        T.command("LuaOcamlCompile")
        out.not_ocaml = T.messages()
        -- from a script, the failing command is an error of vim.cmd
        local ok, err = pcall(vim.cmd, "LuaOcamlCompile")
        out.scripted = {{ ok = ok, err = tostring(err) }}
        return out
    """, setup='{ compile = { cmd = { "lua_of_ocaml" } } }')
    te = value["type_error"]
    assert te["ok"] is False
    assert "compile: lua_of_ocaml compile failed" in te["message"]
    assert "This expression has type string but an expression was expected of type" in te["message"]
    assert not (tmp_path / "bad" / "main.lua").exists()
    assert value["dune"]["ok"] is False and "dune project" in value["dune"]["message"]
    assert "works in an OCaml source buffer" in value["not_ocaml"]
    assert value["scripted"]["ok"] is False and "works in an OCaml source buffer" in value["scripted"]["err"]
    assert "stack traceback" not in messages and "E5108" not in messages
