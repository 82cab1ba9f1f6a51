-- :LuaOcamlRun — run the program of a buffer in the server and show what it prints.
--
-- The server streams the output as lua_of_ocaml/output notifications while the
-- program runs, then answers the lua_of_ocaml.run command with the exit status.
-- An uncaught exception comes back as diagnostics on the OCaml lines.

local config = require("lua_of_ocaml.config")
local lsp = require("lua_of_ocaml.lsp")
local util = require("lua_of_ocaml.util")

local M = {}

local ns = vim.api.nvim_create_namespace("lua_of_ocaml_run")

-- One record per program file: where its output goes.
---@type table<string, table>
local runs = {}

local function output_buffer(path)
  local bufnr = util.scratch_buffer("lua_of_ocaml://run" .. path)
  vim.b[bufnr].lua_of_ocaml_source = path
  vim.bo[bufnr].modifiable = false
  vim.keymap.set("n", "q", "<cmd>close<cr>", { buffer = bufnr, silent = true, desc = "Close the run output" })
  return bufnr
end

local function new_run(path, mode)
  local run = { path = path, mode = mode, partial = { stdout = "", stderr = "" } }
  if mode == "buffer" then
    run.buf = output_buffer(path)
    vim.api.nvim_buf_clear_namespace(run.buf, ns, 0, -1)
    util.set_lines(run.buf, 0, -1, { "" })
  end
  runs[path] = run
  return run
end

local function follow_end(bufnr)
  local last = vim.api.nvim_buf_line_count(bufnr)
  for _, win in ipairs(vim.api.nvim_list_wins()) do
    if vim.api.nvim_win_get_buf(win) == bufnr and win ~= vim.api.nvim_get_current_win() then
      vim.api.nvim_win_set_cursor(win, { last, 0 })
    end
  end
end

-- Append text to the buffer, whose last line is always the line being written.
local function append_to_buffer(run, stream, text)
  local bufnr = run.buf
  if not vim.api.nvim_buf_is_valid(bufnr) then
    run.buf = output_buffer(run.path)
    bufnr = run.buf
    util.set_lines(bufnr, 0, -1, { "" })
  end
  local count = vim.api.nvim_buf_line_count(bufnr)
  local last = vim.api.nvim_buf_get_lines(bufnr, count - 1, count, false)[1] or ""
  local lines = vim.split(text, "\n", { plain = true })
  local tail = lines[#lines]
  lines[1] = last .. lines[1]
  util.set_lines(bufnr, count - 1, count, lines)
  if stream == "stderr" then
    local end_row = count - 1 + #lines - 1
    local end_col = #lines == 1 and #lines[1] or #tail
    if end_row > count - 1 or end_col > #last then
      vim.api.nvim_buf_set_extmark(bufnr, ns, count - 1, #last, {
        end_row = end_row,
        end_col = end_col,
        hl_group = "LuaOcamlStderr",
      })
    end
  end
  follow_end(bufnr)
end

local function echo_line(line, stream)
  vim.api.nvim_echo({ { line, stream == "stderr" and "LuaOcamlStderr" or "Normal" } }, true, {})
end

local function append_to_messages(run, stream, text)
  local lines = vim.split(run.partial[stream] .. text, "\n", { plain = true })
  run.partial[stream] = table.remove(lines)
  for _, line in ipairs(lines) do
    echo_line(line, stream)
  end
end

--- Handler of the lua_of_ocaml/output notification: {uri, stream, text}.
function M.on_output(_, result)
  if type(result) ~= "table" or type(result.text) ~= "string" or type(result.uri) ~= "string" then
    return
  end
  local path = util.uri_path(result.uri)
  local run = runs[path] or new_run(path, config.get().run.output)
  local stream = result.stream == "stderr" and "stderr" or "stdout"
  if run.mode == "buffer" then
    append_to_buffer(run, stream, result.text)
  else
    append_to_messages(run, stream, result.text)
  end
end

--- The one-line account of a run's reply.
---@param reply table
---@return string text, boolean failed
function M.describe(reply)
  local parts = {}
  local failed = reply.status ~= "exited" or (reply.exitCode or 0) ~= 0
  if reply.status == "exited" then
    table.insert(parts, string.format("exited with code %d", reply.exitCode or 0))
  else
    table.insert(parts, tostring(reply.message or reply.status))
  end
  if type(reply.elapsed) == "number" then
    table.insert(parts, string.format("%.2f s", reply.elapsed))
  end
  if reply.target then
    table.insert(parts, tostring(reply.target))
  end
  local text = table.concat(parts, ", ")
  if reply.exception then
    text = text .. "; uncaught exception " .. tostring(reply.exception)
  end
  if type(reply.diagnostics) == "number" and reply.diagnostics > 0 then
    text = text .. string.format(" (%d diagnostic%s)", reply.diagnostics, reply.diagnostics == 1 and "" or "s")
  end
  return "[" .. text .. "]", failed
end

local function finish(run, reply)
  local status, failed = M.describe(reply)
  run.reply = reply
  if run.mode == "buffer" then
    local bufnr = run.buf
    if not vim.api.nvim_buf_is_valid(bufnr) then
      return
    end
    local count = vim.api.nvim_buf_line_count(bufnr)
    local last = vim.api.nvim_buf_get_lines(bufnr, count - 1, count, false)[1]
    local row = count
    if last == "" then
      row = count - 1
      util.set_lines(bufnr, row, count, { status })
    else
      util.set_lines(bufnr, count, count, { status })
    end
    vim.api.nvim_buf_set_extmark(bufnr, ns, row, 0, {
      end_row = row,
      end_col = #status,
      hl_group = failed and "LuaOcamlRunFailed" or "LuaOcamlRunStatus",
    })
    follow_end(bufnr)
  else
    for _, stream in ipairs({ "stdout", "stderr" }) do
      if run.partial[stream] ~= "" then
        echo_line(run.partial[stream], stream)
        run.partial[stream] = ""
      end
    end
    echo_line(status, failed and "stderr" or "stdout")
  end
end

--- Run the program of `bufnr` with `args` (nil: the run_args option).
---@param bufnr integer
---@param args? string[]
function M.run(bufnr, args)
  local path = util.realpath(util.buf_file(bufnr) or "")
  local opts = config.get()
  local argument = { uri = vim.uri_from_fname(path) }
  if args and #args > 0 then
    argument.args = args
  end
  lsp.with_client(bufnr, function()
    local run = new_run(path, opts.run.output)
    if run.mode == "buffer" then
      local ok, err = pcall(util.show_buffer, run.buf, opts.run.split, opts.run.focus)
      if not ok then
        util.error("run.split: " .. tostring(err))
      end
    end
    lsp.execute(bufnr, "lua_of_ocaml.run", argument, function(reply)
      if runs[path] == run and type(reply) == "table" then
        finish(run, reply)
      end
    end, function(message)
      if runs[path] == run then
        finish(run, { status = "error", message = message })
      end
    end)
  end)
end

--- Stop the run of the program of `bufnr`.
---@param bufnr integer
function M.stop(bufnr)
  local path = util.realpath(util.buf_file(bufnr) or "")
  lsp.execute(bufnr, "lua_of_ocaml.stop", { uri = vim.uri_from_fname(path) }, function(reply)
    if type(reply) == "table" and not reply.stopped then
      util.notify("no run of " .. vim.fn.fnamemodify(path, ":t") .. " is going")
    end
  end)
end

--- What the last run of a file printed and returned (for scripts and tests).
---@param path string
---@return table?
function M.last(path)
  local run = runs[util.realpath(path)]
  if run == nil then
    return nil
  end
  local out = { reply = run.reply, mode = run.mode }
  if run.buf and vim.api.nvim_buf_is_valid(run.buf) then
    out.bufnr = run.buf
    out.lines = vim.api.nvim_buf_get_lines(run.buf, 0, -1, false)
  end
  return out
end

return M
