-- lua_of_ocaml for Neovim: the language server for OCaml compiled to Lua, and
-- commands to run a program, see its Lua and write it to a file.
--
--   require("lua_of_ocaml").setup({ target = "luajit" })
--
-- See :help lua_of_ocaml.

local config = require("lua_of_ocaml.config")
local util = require("lua_of_ocaml.util")

local M = {}

local HIGHLIGHTS = {
  LuaOcamlMapped = "Visual",
  LuaOcamlSource = "Visual",
  LuaOcamlStderr = "DiagnosticError",
  LuaOcamlRunStatus = "Comment",
  LuaOcamlRunFailed = "WarningMsg",
}

--- Define the highlight groups (links that a colour scheme may override).
function M.highlights()
  for name, link in pairs(HIGHLIGHTS) do
    vim.api.nvim_set_hl(0, name, { link = link, default = true })
  end
end

--- Configure the plugin and start the language server for OCaml buffers.
--- Calling it again applies new options (running servers get the new settings).
---@param opts? table see :help lua_of_ocaml-setup
---@return boolean ok
function M.setup(opts)
  if not util.has("0.10") then
    util.error("Neovim 0.10 or later is needed")
    return false
  end
  local resolved, problems = config.resolve(opts)
  for _, p in ipairs(problems) do
    util.warn(p)
  end
  config.current = resolved
  M.highlights()
  require("lua_of_ocaml.lsp").setup(resolved)
  return true
end

--- The options in force.
---@return table
function M.options()
  return vim.deepcopy(config.get())
end

--- The OCaml buffer a command is about: `bufnr` itself, or the source of a Lua
--- view or a run output shown in it.
---@param bufnr? integer
---@return integer
function M.source_buffer(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local src = vim.b[bufnr].lua_of_ocaml_source
  if type(src) ~= "string" then
    return bufnr
  end
  for _, b in ipairs(vim.api.nvim_list_bufs()) do
    local file = util.buf_file(b)
    if file and util.realpath(file) == src then
      return b
    end
  end
  local b = vim.fn.bufadd(src)
  vim.fn.bufload(b)
  return b
end

local function write_if_needed(bufnr)
  if not vim.bo[bufnr].modified then
    return true
  end
  if not config.get().autowrite then
    util.warn("the buffer has unsaved changes: the server uses the saved file")
    return true
  end
  local ok, err = pcall(vim.api.nvim_buf_call, bufnr, function()
    vim.cmd("silent update")
  end)
  if not ok then
    util.error("cannot write the buffer: " .. tostring(err))
  end
  return ok
end

local function ocaml_buffer(bufnr)
  bufnr = M.source_buffer(bufnr)
  if not util.is_ocaml_source(util.buf_file(bufnr)) then
    util.error("this command works in an OCaml source buffer (.ml or .mli)")
    return nil
  end
  return bufnr
end

--- Run the program of a buffer (:LuaOcamlRun).
---@param args? string[] command-line arguments (nil: the run_args option)
---@param bufnr? integer
function M.run(args, bufnr)
  bufnr = ocaml_buffer(bufnr)
  if bufnr and write_if_needed(bufnr) then
    require("lua_of_ocaml.run").run(bufnr, args)
  end
end

--- Stop the run of a buffer's program (:LuaOcamlStop).
---@param bufnr? integer
function M.stop(bufnr)
  bufnr = ocaml_buffer(bufnr)
  if bufnr then
    require("lua_of_ocaml.run").stop(bufnr)
  end
end

--- Show the generated Lua beside the buffer (:LuaOcamlShowLua).
---@param bufnr? integer
function M.show_lua(bufnr)
  bufnr = ocaml_buffer(bufnr)
  if bufnr and write_if_needed(bufnr) then
    require("lua_of_ocaml.show_lua").open(bufnr)
  end
end

--- Write the Lua of the buffer's program to a file (:LuaOcamlCompile).
---@param output? string the Lua file (nil: by the compile options)
---@param bufnr? integer
function M.compile(output, bufnr)
  bufnr = ocaml_buffer(bufnr)
  if bufnr then
    require("lua_of_ocaml.compile").compile(bufnr, output)
  end
end

--- Restart the language server(s) (:LuaOcamlRestart).
function M.restart()
  if config.current == nil then
    util.error("the plugin is not set up: call require('lua_of_ocaml').setup() in your configuration")
    return
  end
  local lsp = require("lua_of_ocaml.lsp")
  local clients = lsp.clients()
  for _, client in ipairs(clients) do
    if util.has("0.11") then
      client:stop()
    else
      client.stop()
    end
  end
  local function wait_and_start(tries)
    local running = false
    for _, client in ipairs(clients) do
      local stopped
      if util.has("0.11") then
        stopped = client:is_stopped()
      else
        stopped = client.is_stopped()
      end
      running = running or not stopped
    end
    if running and tries > 0 then
      return vim.defer_fn(function()
        wait_and_start(tries - 1)
      end, 100)
    end
    lsp.setup(config.get())
    for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
      if vim.api.nvim_buf_is_loaded(bufnr) and util.is_ocaml_source(util.buf_file(bufnr)) then
        vim.api.nvim_exec_autocmds("FileType", { buffer = bufnr, modeline = false })
      end
    end
  end
  wait_and_start(50)
end

return M
