-- Options of setup(): defaults, checking, and the settings object sent to the server.

local M = {}

M.TARGETS = { "luajit", "lua51", "lua54" }

---@return table
function M.defaults()
  return {
    -- the language server
    cmd = { "lua-of-ocaml-lsp" },
    filetypes = { "ocaml" },
    root_markers = { "dune-workspace", "dune-project", ".git" },
    lsp_api = "auto",
    on_attach = nil,
    capabilities = nil,
    start_timeout = 15,
    autowrite = true,
    -- settings of the server (see settings())
    target = "luajit",
    check_targets = {},
    ocamlc = "ocamlc",
    ocamlc_flags = {},
    link_flags = {},
    runtime_files = {},
    run_timeout = 10,
    run_memory_mb = 512,
    run_args = {},
    module = false,
    trusted_workspace = false,
    dune = "dune",
    settings = {},
    -- commands
    run = {
      output = "buffer",
      split = "botright 12split",
      focus = false,
    },
    show_lua = {
      split = "vertical rightbelow split",
      follow = true,
      focus = false,
    },
    compile = {
      cmd = { "lua_of_ocaml" },
      output_dir = nil,
      module = nil,
      source_map = false,
      timeout = 120,
    },
  }
end

-- Option name (snake_case) -> server setting name (camelCase).
local SERVER_NAMES = {
  target = "target",
  check_targets = "checkTargets",
  ocamlc = "ocamlc",
  ocamlc_flags = "ocamlcFlags",
  link_flags = "linkFlags",
  runtime_files = "runtimeFiles",
  run_timeout = "runTimeout",
  run_memory_mb = "runMemoryMB",
  run_args = "runArgs",
  module = "module",
  trusted_workspace = "trustedWorkspace",
  dune = "dune",
}

local function is_string_list(v)
  if type(v) ~= "table" then
    return false
  end
  for k, x in pairs(v) do
    if type(k) ~= "number" or type(x) ~= "string" then
      return false
    end
  end
  return #v == vim.tbl_count(v)
end

local function one_of(choices)
  return function(v)
    return vim.tbl_contains(choices, v), "one of " .. table.concat(choices, ", ")
  end
end

local function kind(t, what)
  return function(v)
    return type(v) == t, what
  end
end

local function number_in(lo, hi, what)
  return function(v)
    return type(v) == "number" and v > lo and v <= hi, what
  end
end

local function non_empty_string(v)
  return type(v) == "string" and v ~= "", "a command name or path"
end

local function command(v)
  return (is_string_list(v) and #v > 0) or type(v) == "function",
    "a list of strings (the command and its arguments)"
end

local function argv(v)
  return is_string_list(v) and #v > 0, "a list of strings (the command and its arguments)"
end

local function optional(check)
  return function(v)
    if v == nil then
      return true
    end
    return check(v)
  end
end

local function targets(v)
  if not is_string_list(v) then
    return false, "a list of targets (" .. table.concat(M.TARGETS, ", ") .. ")"
  end
  for _, t in ipairs(v) do
    if not vim.tbl_contains(M.TARGETS, t) then
      return false, "a list of targets (" .. table.concat(M.TARGETS, ", ") .. ")"
    end
  end
  return true
end

local string_list = function(v)
  return is_string_list(v), "a list of strings"
end

local SCHEMA = {
  cmd = command,
  filetypes = function(v)
    return is_string_list(v) and #v > 0, "a list of filetypes"
  end,
  root_markers = string_list,
  lsp_api = one_of({ "auto", "enable", "start" }),
  on_attach = optional(kind("function", "a function(client, bufnr)")),
  capabilities = optional(kind("table", "a table of client capabilities")),
  start_timeout = number_in(0, 600, "a number of seconds"),
  autowrite = kind("boolean", "true or false"),
  target = one_of(M.TARGETS),
  check_targets = targets,
  ocamlc = non_empty_string,
  ocamlc_flags = string_list,
  link_flags = string_list,
  runtime_files = string_list,
  run_timeout = number_in(0, 3600, "a number of seconds (at most 3600)"),
  run_memory_mb = function(v)
    return type(v) == "number" and v >= 16, "a number of MiB, at least 16"
  end,
  run_args = string_list,
  module = kind("boolean", "true or false"),
  trusted_workspace = kind("boolean", "true or false"),
  dune = non_empty_string,
  settings = kind("table", "a table of server settings"),
  run = {
    output = one_of({ "buffer", "messages" }),
    split = kind("string", "an Ex command that opens a window (e.g. 'botright 12split')"),
    focus = kind("boolean", "true or false"),
  },
  show_lua = {
    split = kind("string", "an Ex command that opens a window (e.g. 'vsplit')"),
    follow = kind("boolean", "true or false"),
    focus = kind("boolean", "true or false"),
  },
  compile = {
    cmd = argv,
    output_dir = optional(kind("string", "a folder")),
    module = optional(kind("boolean", "true or false")),
    source_map = kind("boolean", "true or false"),
    timeout = number_in(0, 3600, "a number of seconds"),
  },
}

local function show(v)
  if type(v) == "string" then
    return string.format("%q", v)
  end
  return vim.inspect(v, { newline = " ", indent = "" })
end

-- Merge `user` over `base` following `schema`; bad values keep the base value.
local function merge(base, user, schema, prefix, problems)
  for key, value in pairs(user) do
    local name = prefix .. tostring(key)
    local check = schema[key]
    if check == nil then
      table.insert(problems, "unknown option " .. name .. " ignored")
    elseif type(check) == "table" then
      if type(value) ~= "table" then
        table.insert(problems, "option " .. name .. ": expected a table, got " .. show(value))
      else
        merge(base[key], value, check, name .. ".", problems)
      end
    else
      local ok, expected = check(value)
      if ok then
        base[key] = value
      else
        table.insert(
          problems,
          string.format("option %s: expected %s, got %s; keeping %s", name, expected, show(value), show(base[key]))
        )
      end
    end
  end
end

--- The options: defaults overridden by `user`, and the problems found in `user`.
---@param user table?
---@return table options, string[] problems
function M.resolve(user)
  local opts = M.defaults()
  local problems = {}
  if user == nil then
    return opts, problems
  end
  if type(user) ~= "table" then
    return opts, { "setup() expects a table of options, got " .. show(user) }
  end
  merge(opts, user, SCHEMA, "", problems)
  return opts, problems
end

--- The settings object of the server (initializationOptions, and the `lua_of_ocaml`
--- section of workspace/configuration): camelCase names as the server expects.
---@param opts table
---@return table
function M.settings(opts)
  local s = {}
  for name, server_name in pairs(SERVER_NAMES) do
    s[server_name] = vim.deepcopy(opts[name])
  end
  for k, v in pairs(opts.settings or {}) do
    s[k] = vim.deepcopy(v)
  end
  return s
end

-- The options in force (set by setup()).
M.current = nil

---@return table
function M.get()
  return M.current or M.defaults()
end

M.is_string_list = is_string_list

return M
