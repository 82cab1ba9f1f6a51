""":LuaOcamlRun, :LuaOcamlStop and :LuaOcamlShowLua in a headless Neovim."""

from __future__ import annotations

from nvim_client_run import lua_str, run_client, write

PROGRAM = """let greet name = print_endline ("hello " ^ name)
let twice f x = f (f x)
let () = greet "world"
let () = print_int (twice (fun x -> x * 3) 7); print_newline ()
"""

ARGS_AND_STDERR = """let () =
  print_endline "starting";
  prerr_endline "to stderr";
  print_endline (String.concat "," (List.tl (Array.to_list Sys.argv)))
"""

RAISES = """let check x = if x > 2 then failwith "too big" else x
let scale x = check (x + 1) * 10
let () = print_endline "before"
let () = print_int (scale 5); print_newline ()
"""

LOOP = """let () =
  print_endline "tick";
  while true do () done
"""


def test_run_shows_the_output_in_a_buffer(tmp_path):
    main = write(tmp_path / "main.ml", ARGS_AND_STDERR)
    value, _ = run_client(tmp_path, f"""
        vim.cmd.edit({lua_str(main)})
        local src = vim.api.nvim_get_current_buf()
        T.client(src)
        local run = require("lua_of_ocaml.run")
        vim.cmd("LuaOcamlRun one two")
        local last = T.wait(function()
          local l = run.last({lua_str(main)})
          return l and l.reply and l
        end, 15000, "the end of the run")
        local out = last.bufnr
        local marks = vim.api.nvim_buf_get_extmarks(out, -1, 0, -1, {{ details = true }})
        local stderr_rows = {{}}
        for _, m in ipairs(marks) do
          if m[4].hl_group == "LuaOcamlStderr" then
            table.insert(stderr_rows, m[2])
          end
        end
        return {{
          lines = vim.api.nvim_buf_get_lines(out, 0, -1, false),
          shown = vim.fn.bufwinid(out) ~= -1,
          current_is_source = vim.api.nvim_get_current_buf() == src,
          name = vim.api.nvim_buf_get_name(out),
          stderr_rows = stderr_rows,
          reply = last.reply,
        }}
    """)
    lines = value["lines"]
    assert sorted(lines[:3]) == sorted(["starting", "to stderr", "one,two"])
    assert lines[3].startswith("[exited with code 0, ") and lines[3].endswith(", luajit]")
    assert len(lines) == 4
    assert value["shown"] and value["current_is_source"]        # shown in a split, focus kept
    assert value["name"].endswith("main.ml")
    assert value["stderr_rows"] == [lines.index("to stderr")]
    assert value["reply"]["status"] == "exited" and value["reply"]["exitCode"] == 0


def test_uncaught_exception_is_reported_and_becomes_a_diagnostic(tmp_path):
    main = write(tmp_path / "main.ml", RAISES)
    value, _ = run_client(tmp_path, f"""
        vim.cmd.edit({lua_str(main)})
        local src = vim.api.nvim_get_current_buf()
        T.client(src)
        local run = require("lua_of_ocaml.run")
        vim.cmd("LuaOcamlRun")
        local last = T.wait(function()
          local l = run.last({lua_str(main)})
          return l and l.reply and l
        end, 15000, "the end of the run")
        local diags = T.diagnostics(src, function(d) return #d > 0 end, 10000, "the run's diagnostic")
        return {{ lines = last.lines, lnum = diags[1].lnum, code = diags[1].code, message = diags[1].message }}
    """)
    lines = value["lines"]
    assert lines[0] == "before"
    assert any('Fatal error: exception Failure("too big")' in l for l in lines)
    assert lines[-1].startswith("[exited with code 2") and 'uncaught exception Failure("too big")' in lines[-1]
    assert "(1 diagnostic)" in lines[-1]
    assert value["code"] == "uncaught-exception" and value["lnum"] == 1
    assert "too big" in value["message"]


def test_run_in_the_message_area_and_stop(tmp_path):
    main = write(tmp_path / "main.ml", PROGRAM)
    loop = write(tmp_path / "loop" / "loop.ml", LOOP)
    value, messages = run_client(tmp_path, f"""
        local run = require("lua_of_ocaml.run")
        vim.cmd.edit({lua_str(main)})
        T.client(0)
        vim.cmd("LuaOcamlRun")
        T.wait(function() local l = run.last({lua_str(main)}); return l and l.reply end, 15000, "the first run")
        local first = T.messages()
        vim.cmd.edit({lua_str(loop)})
        T.client(0)
        vim.cmd("LuaOcamlRun")
        T.wait(function() return T.messages():find("tick") end, 15000, "the loop's output")
        vim.cmd("LuaOcamlStop")
        local l = T.wait(function() local l = run.last({lua_str(loop)}); return l and l.reply and l end,
          10000, "the stopped run")
        return {{ first = first, reply = l.reply, mode = l.mode, buffers = #vim.api.nvim_list_bufs() }}
    """, setup='{ run = { output = "messages" }, run_timeout = 15 }')
    assert "hello world\n63\n[exited with code 0" in value["first"]
    assert value["reply"]["status"] == "stopped" and value["mode"] == "messages"
    assert "[stopped" in messages
    assert value["buffers"] == 2          # no output buffer in this mode


def test_show_lua_follows_the_cursor(tmp_path):
    main = write(tmp_path / "main.ml", PROGRAM)
    value, _ = run_client(tmp_path, f"""
        local show = require("lua_of_ocaml.show_lua")
        vim.cmd.edit({lua_str(main)})
        local src = vim.api.nvim_get_current_buf()
        local src_win = vim.api.nvim_get_current_win()
        T.client(src)
        vim.cmd("LuaOcamlShowLua")
        local st = T.wait(function() local s = show.state(src); return s and s.lua_win and #s.blocks > 0 and s end,
          15000, "the Lua view")
        local lua_buf = st.lua_buf

        local function highlighted()
          local out = {{}}
          for _, m in ipairs(vim.api.nvim_buf_get_extmarks(lua_buf, show.ns_lua, 0, -1, {{ details = true }})) do
            local lines = vim.api.nvim_buf_get_lines(lua_buf, m[2], m[4].end_row, false)
            table.insert(out, {{ first = m[2], last = m[4].end_row - 1, text = table.concat(lines, "\\n") }})
          end
          return out
        end

        local at_first_line = highlighted()
        -- a user moves to line 3 (greet "world"): the highlight follows
        T.keys("3G")
        local at_line3 = T.wait(function()
          local h = highlighted()
          return h[1] and h[1].first ~= at_first_line[1].first and h
        end, 5000, "the highlight to move")
        local cursor_in_lua = vim.api.nvim_win_get_cursor(st.lua_win)[1] - 1
        -- inside `x * 3` the highlight is narrower than the whole line's
        T.keys("4G0f*")
        local inner = T.wait(function()
          local h = highlighted()
          return h[1] and h[1].first ~= at_line3[1].first and h
        end, 5000, "the highlight of x * 3")
        local src_marks = vim.api.nvim_buf_get_extmarks(src, show.ns_src, 0, -1, {{ details = true }})

        -- in the Lua window, the OCaml the line came from is highlighted
        vim.api.nvim_set_current_win(st.lua_win)
        T.keys(tostring(at_line3[1].first + 1) .. "G")
        local back = T.wait(function()
          local m = vim.api.nvim_buf_get_extmarks(src, show.ns_src, 0, -1, {{}})
          return m[1] and m[1][2] == 2 and m[1]
        end, 5000, "the OCaml highlight")
        return {{
          filetype = vim.bo[lua_buf].filetype,
          modifiable = vim.bo[lua_buf].modifiable,
          target = st.target,
          at_first_line = at_first_line,
          at_line3 = at_line3,
          inner = inner,
          cursor_in_lua = cursor_in_lua,
          src_mark = {{ src_marks[1][2], src_marks[1][3], src_marks[1][4].end_row, src_marks[1][4].end_col }},
          src_cursor = vim.api.nvim_win_get_cursor(src_win),
        }}
    """)
    assert value["filetype"] == "lua" and value["modifiable"] is False and value["target"] == "luajit"
    assert '"world"' not in "".join(h["text"] for h in value["at_first_line"])
    assert any('"world"' in h["text"] for h in value["at_line3"])
    assert value["cursor_in_lua"] == value["at_line3"][0]["first"]
    inner_text = "".join(h["text"] for h in value["inner"])
    assert "3" in inner_text and '"world"' not in inner_text
    assert len(inner_text) < 400
    row, col, end_row, end_col = value["src_mark"]
    assert row == 3 and end_row == 3 and col <= 39 < end_col   # the OCaml `x * 3` under the cursor
    assert value["src_cursor"][0] == 3                         # followed back to line 3


def test_show_lua_updates_on_save(tmp_path):
    main = write(tmp_path / "main.ml", PROGRAM)
    value, _ = run_client(tmp_path, f"""
        local show = require("lua_of_ocaml.show_lua")
        vim.cmd.edit({lua_str(main)})
        local src = vim.api.nvim_get_current_buf()
        T.client(src)
        vim.cmd("LuaOcamlShowLua")
        local st = T.wait(function() local s = show.state(src); return s and s.lua_win and s end, 15000, "the view")
        local function text() return table.concat(vim.api.nvim_buf_get_lines(st.lua_buf, 0, -1, false), "\\n") end
        vim.api.nvim_buf_set_lines(src, 2, 3, false, {{ 'let () = greet "everyone"' }})
        vim.cmd("write")
        T.wait(function() return text():find('"everyone"', 1, true) end, 15000, "the new Lua")
        return {{ still_world = text():find('"world"', 1, true) ~= nil }}
    """)
    assert value["still_world"] is False
