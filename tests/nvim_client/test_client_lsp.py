"""The client plugin starts the language server for OCaml buffers: settings
reach the server, diagnostics and hover work, on both ways of starting the
client (vim.lsp.config/enable on 0.11+, vim.lsp.start as on 0.10)."""

from __future__ import annotations

import pytest

from nvim_client_run import lua_str, run_client, write

PROGRAM = """let greet name = print_endline ("hello " ^ name)
let twice f x = f (f x)
let () = greet "world"
let () = print_int (twice (fun x -> x * 3) 7); print_newline ()
"""


@pytest.mark.parametrize("api", ["auto", "start"])
def test_server_starts_for_ocaml_buffers_only(tmp_path, api):
    main = write(tmp_path / "proj" / "main.ml", PROGRAM)
    lexer = write(tmp_path / "proj" / "lexer.mll", "{ }\nrule token = parse eof { () }\n")
    notes = write(tmp_path / "proj" / "notes.txt", "hello\n")
    value, _ = run_client(tmp_path, f"""
        vim.cmd.edit({lua_str(main)})
        local buf = vim.api.nvim_get_current_buf()
        local client = T.client(buf)
        -- the server checked the file: a clean file gets its (empty) diagnostics
        T.hover(buf, 2, 10)
        vim.cmd.edit({lua_str(lexer)})
        local lexer_ft = vim.bo.filetype
        vim.cmd.edit({lua_str(notes)})
        T.sleep(300)
        local others = 0
        for _, b in ipairs(vim.api.nvim_list_bufs()) do
          if b ~= buf then
            others = others + #vim.lsp.get_clients({{ bufnr = b, name = "lua_of_ocaml" }})
          end
        end
        return {{
          name = client.name,
          root = client.root_dir,
          cmd = client.config.cmd,
          init = client.config.init_options,
          settings = client.settings,
          lexer_ft = lexer_ft,
          others = others,
          clients = #vim.lsp.get_clients({{ name = "lua_of_ocaml" }}),
          enabled = vim.lsp.is_enabled ~= nil and vim.lsp.is_enabled("lua_of_ocaml") or false,
        }}
    """, setup=f'{{ lsp_api = "{api}", target = "lua54", ocamlc_flags = {{ "-w", "+a" }} }}')
    assert value["name"] == "lua_of_ocaml"
    assert value["root"] == str((tmp_path / "proj").resolve())     # no marker: the file's folder
    assert value["cmd"] == ["lua-of-ocaml-lsp"]
    init = value["init"]
    assert init["target"] == "lua54" and init["ocamlcFlags"] == ["-w", "+a"]
    assert init["runTimeout"] == 10 and init["checkTargets"] == [] and init["module"] is False
    assert value["settings"] == {"lua_of_ocaml": init}
    assert value["lexer_ft"] == "ocaml" and value["others"] == 0   # .mll is ocaml too, but not checked
    assert value["clients"] == 1
    assert value["enabled"] is (api == "auto")


def test_root_is_the_nearest_marker(tmp_path):
    write(tmp_path / "repo" / ".git" / "HEAD", "ref: refs/heads/main\n")
    a = write(tmp_path / "repo" / "a" / "main.ml", 'let () = print_string "a"\n')
    b = write(tmp_path / "repo" / "b" / "main.ml", 'let () = print_string "b"\n')
    value, _ = run_client(tmp_path, f"""
        vim.cmd.edit({lua_str(a)})
        local ca = T.client(0)
        vim.cmd.edit({lua_str(b)})
        local cb = T.client(0)
        return {{ same = ca.id == cb.id, root = ca.root_dir }}
    """)
    assert value["same"] is True                      # one server for the repository
    assert value["root"] == str((tmp_path / "repo").resolve())


@pytest.mark.parametrize("api", ["auto", "start"])
def test_type_error_becomes_a_diagnostic_and_clears_on_save(tmp_path, api):
    main = write(tmp_path / "main.ml", 'let x : int = "not an int"\nlet () = print_int x\n')
    value, _ = run_client(tmp_path, f"""
        vim.cmd.edit({lua_str(main)})
        local buf = vim.api.nvim_get_current_buf()
        T.client(buf)
        local diags = T.diagnostics(buf, function(d) return #d > 0 end, 15000, "the type error")
        local d = diags[1]
        local first = {{ lnum = d.lnum, col = d.col, severity = d.severity, source = d.source,
                         message = d.message }}
        -- fix it and save: the server checks again and clears the error
        vim.api.nvim_buf_set_lines(buf, 0, 1, false, {{ "let x : int = 42" }})
        vim.cmd("write")
        T.diagnostics(buf, function(d) return #d == 0 end, 15000, "no diagnostics after the fix")
        return first
    """, setup=f'{{ lsp_api = "{api}" }}')
    assert value["lnum"] == 0 and value["col"] >= 14
    assert value["severity"] == 1 and value["source"] == "ocamlc"
    assert "string" in value["message"] and "int" in value["message"]


def test_hover_returns_the_lua(tmp_path):
    main = write(tmp_path / "main.ml", PROGRAM)
    value, _ = run_client(tmp_path, f"""
        vim.cmd.edit({lua_str(main)})
        local buf = vim.api.nvim_get_current_buf()
        T.client(buf)
        local h = T.hover(buf, 2, 10)
        return {{ kind = h.contents.kind, value = h.contents.value, range = h.range }}
    """)
    assert value["kind"] == "markdown"
    assert value["value"].startswith("```lua\n")
    code = value["value"].split("```lua\n", 1)[1].split("\n```", 1)[0]
    assert '"world"' in code
    assert "*Lua (luajit)" in value["value"]
    assert value["range"]["start"]["line"] == 2


def test_setup_again_sends_the_new_settings(tmp_path):
    main = write(tmp_path / "main.ml", PROGRAM)
    value, _ = run_client(tmp_path, f"""
        vim.cmd.edit({lua_str(main)})
        local buf = vim.api.nvim_get_current_buf()
        T.client(buf)
        local before = T.hover(buf, 0, 20).contents.value
        require("lua_of_ocaml").setup({{ target = "lua51" }})
        -- the server checks the open files again with the new target
        local after = T.wait(function()
          local v = T.hover(buf, 0, 20).contents.value
          return v:find("Lua %(lua51%)") and v
        end, 15000, "a hover for lua51")
        return {{ before = before, after = after, clients = #vim.lsp.get_clients({{ name = "lua_of_ocaml" }}) }}
    """)
    assert "*Lua (luajit)" in value["before"]
    assert "*Lua (lua51)" in value["after"]
    assert value["clients"] == 1


def test_restart_starts_a_new_server(tmp_path):
    main = write(tmp_path / "main.ml", PROGRAM)
    value, _ = run_client(tmp_path, f"""
        vim.cmd.edit({lua_str(main)})
        local buf = vim.api.nvim_get_current_buf()
        local first = T.client(buf).id
        T.command("LuaOcamlRestart")
        local second = T.wait(function()
          local c = vim.lsp.get_clients({{ bufnr = buf, name = "lua_of_ocaml" }})[1]
          return c and c.id ~= first and c.initialized and c.id
        end, 15000, "a new client")
        T.hover(buf, 2, 10)
        return {{ first = first, second = second, clients = #vim.lsp.get_clients({{ name = "lua_of_ocaml" }}) }}
    """)
    assert value["second"] != value["first"] and value["clients"] == 1
