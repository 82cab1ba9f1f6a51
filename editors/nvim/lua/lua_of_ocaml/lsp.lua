-- Starting the language server for OCaml buffers and talking to it.
--
-- On Neovim 0.11 and later the client is declared with vim.lsp.config and
-- activated with vim.lsp.enable; on 0.10 (or with lsp_api = "start") a FileType
-- autocommand calls vim.lsp.start. Either way one server runs per project root.

local config = require("lua_of_ocaml.config")
local util = require("lua_of_ocaml.util")

local M = {}

M.NAME = "lua_of_ocaml"
M.OUTPUT = "lua_of_ocaml/output"
M.RUN_FINISHED = "lua_of_ocaml/runFinished"

local GROUP = "lua_of_ocaml.lsp"
local warned_missing = false

--- The folder the server of a buffer works in: the nearest folder holding a root
--- marker, else the file's own folder. Nil for buffers the server does not check.
---@param bufnr integer
---@param opts table
---@return string?
function M.root_dir(bufnr, opts)
  local file = util.buf_file(bufnr)
  if not util.is_ocaml_source(file) then
    return nil
  end
  local root
  if #opts.root_markers > 0 then
    root = vim.fs.root(file, opts.root_markers)
  end
  return root or vim.fs.dirname(file)
end

local function handlers()
  return {
    [M.OUTPUT] = function(err, result, ctx)
      require("lua_of_ocaml.run").on_output(err, result, ctx)
    end,
    -- the reply of lua_of_ocaml.run carries the same facts: nothing more to do
    [M.RUN_FINISHED] = function() end,
  }
end

local function capabilities(opts)
  local caps = vim.lsp.protocol.make_client_capabilities()
  if opts.capabilities then
    caps = vim.tbl_deep_extend("force", caps, opts.capabilities)
  end
  return caps
end

--- The client configuration for vim.lsp.start / vim.lsp.config.
---@param opts table
---@return table
function M.client_config(opts)
  local settings = config.settings(opts)
  return {
    name = M.NAME,
    cmd = opts.cmd,
    filetypes = vim.deepcopy(opts.filetypes),
    init_options = settings,
    settings = { [M.NAME] = vim.deepcopy(settings) },
    capabilities = capabilities(opts),
    handlers = handlers(),
    on_attach = function(client, bufnr)
      local user = config.get().on_attach
      if user then
        local ok, err = pcall(user, client, bufnr)
        if not ok then
          util.error("on_attach failed: " .. tostring(err))
        end
      end
    end,
  }
end

local function executable(opts)
  return type(opts.cmd) == "function" or vim.fn.executable(opts.cmd[1]) == 1
end

local function check_executable(opts)
  if executable(opts) or warned_missing then
    return executable(opts)
  end
  warned_missing = true
  util.warn(
    string.format(
      "the language server %q was not found: install lua_of_ocaml (pip install -e . in a clone "
        .. "provides lua-of-ocaml-lsp) or set the cmd option of setup(); see :checkhealth lua_of_ocaml",
      opts.cmd[1]
    )
  )
  return false
end

local function start_buffer(bufnr, opts)
  local root = M.root_dir(bufnr, opts)
  if root == nil or not check_executable(opts) then
    return
  end
  local cfg = M.client_config(opts)
  cfg.root_dir = root
  vim.lsp.start(cfg, { bufnr = bufnr })
end

local function use_enable(opts)
  if opts.lsp_api == "start" then
    return false
  end
  local available = vim.lsp.config ~= nil and vim.lsp.enable ~= nil and util.has("0.11")
  if opts.lsp_api == "enable" and not available then
    util.warn("lsp_api = 'enable' needs Neovim 0.11 or later: using vim.lsp.start")
  end
  return available
end

--- Start (or reconfigure) the client for every OCaml buffer, now and later.
---@param opts table
function M.setup(opts)
  local group = vim.api.nvim_create_augroup(GROUP, { clear = true })
  local enable = use_enable(opts)
  if not enable and vim.lsp.is_enabled and vim.lsp.is_enabled(M.NAME) then
    vim.lsp.enable(M.NAME, false) -- set up again with lsp_api = "start"
  end
  if enable then
    local cfg = M.client_config(opts)
    cfg.root_dir = function(bufnr, on_dir)
      local root = M.root_dir(bufnr, config.get())
      if root then
        on_dir(root)
      end
    end
    vim.lsp.config[M.NAME] = cfg
  end
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = opts.filetypes,
    callback = function(ev)
      local current = config.get()
      if not util.is_ocaml_source(util.buf_file(ev.buf)) then
        return
      end
      if enable then
        check_executable(current)
      else
        start_buffer(ev.buf, current)
      end
    end,
  })
  -- running servers take the new settings
  for _, client in ipairs(M.clients()) do
    local settings = config.settings(opts)
    client.settings = { [M.NAME] = settings }
    M.notify(client, "workspace/didChangeConfiguration", { settings = { [M.NAME] = settings } })
  end
  if enable then
    vim.lsp.enable(M.NAME)
  end
  -- buffers already open (vim.lsp.enable handles them itself once Neovim has started)
  if not enable or vim.v.vim_did_enter == 0 then
    for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
      if vim.api.nvim_buf_is_loaded(bufnr) and vim.tbl_contains(opts.filetypes, vim.bo[bufnr].filetype) then
        if enable then
          pcall(vim.api.nvim_exec_autocmds, "FileType", { group = "nvim.lsp.enable", buffer = bufnr })
        else
          start_buffer(bufnr, opts)
        end
      end
    end
  end
end

--- The running clients of the plugin (of one buffer, when given).
---@param bufnr? integer
---@return table[]
function M.clients(bufnr)
  return vim.lsp.get_clients({ name = M.NAME, bufnr = bufnr })
end

local function is_stopped(client)
  if util.has("0.11") then
    return client:is_stopped()
  end
  return client.is_stopped()
end

--- The initialized client of a buffer, if any.
---@param bufnr integer
function M.ready_client(bufnr)
  for _, client in ipairs(M.clients(bufnr)) do
    if client.initialized and not is_stopped(client) then
      return client
    end
  end
  return nil
end

---@param client table
---@param method string
---@param params table
---@param handler function
---@param bufnr integer
---@return boolean ok, integer? request_id
function M.request(client, method, params, handler, bufnr)
  if util.has("0.11") then
    return client:request(method, params, handler, bufnr)
  end
  return client.request(method, params, handler, bufnr)
end

function M.notify(client, method, params)
  if util.has("0.11") then
    return client:notify(method, params)
  end
  return client.notify(method, params)
end

--- Call `fn(client)` with the initialized client of `bufnr`, waiting (without
--- blocking) for a starting server; tell the user when there is none.
---@param bufnr integer
---@param fn fun(client: table)
function M.with_client(bufnr, fn)
  local client = M.ready_client(bufnr)
  if client then
    return fn(client)
  end
  local file = util.buf_file(bufnr)
  if not util.is_ocaml_source(file) then
    util.error("this command works in an OCaml source buffer (.ml or .mli)")
    return
  end
  if config.current == nil then
    util.error("the plugin is not set up: call require('lua_of_ocaml').setup() in your configuration")
    return
  end
  local opts = config.get()
  if not executable(opts) then
    check_executable(opts)
    util.error("the language server is not running (see :checkhealth lua_of_ocaml)")
    return
  end
  local deadline = vim.uv.now() + opts.start_timeout * 1000
  local function poll()
    local c = M.ready_client(bufnr)
    if c then
      return fn(c)
    end
    if vim.uv.now() > deadline or not vim.api.nvim_buf_is_valid(bufnr) then
      util.error("the language server did not start for this buffer (see :checkhealth lua_of_ocaml and :LspLog)")
      return
    end
    vim.defer_fn(poll, 50)
  end
  poll()
end

--- Run a server command about a buffer; `on_result(result)` gets the reply, errors
--- are reported to the user (and given to `on_error`, when present).
---@param bufnr integer
---@param command string
---@param argument table
---@param on_result fun(result: any, client: table)
---@param on_error? fun(message: string)
function M.execute(bufnr, command, argument, on_result, on_error)
  M.with_client(bufnr, function(client)
    local params = { command = command, arguments = { argument } }
    local ok = M.request(client, "workspace/executeCommand", params, function(err, result)
      if err then
        local msg = tostring(err.message or err):gsub("^lua_of_ocaml: ", "")
        util.error(msg)
        if on_error then
          on_error(msg)
        end
        return
      end
      on_result(result, client)
    end, bufnr)
    if not ok then
      util.error("the language server is not running any more (see :LspLog)")
      if on_error then
        on_error("not running")
      end
    end
  end)
end

return M
