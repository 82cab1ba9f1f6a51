-- :checkhealth lua_of_ocaml

local config = require("lua_of_ocaml.config")

local M = {}

local health = vim.health

-- The first line a command prints (stdout, else stderr), or nil and why not.
local function version_of(cmd)
  if vim.fn.executable(cmd[1]) ~= 1 then
    return nil, "not found"
  end
  local ok, job = pcall(vim.system, cmd, { text = true })
  if not ok then
    return nil, tostring(job)
  end
  local res = job:wait(10000)
  local text = vim.trim((res.stdout or "") ~= "" and res.stdout or (res.stderr or ""))
  local first = vim.split(text, "\n", { plain = true })[1] or ""
  if res.code ~= 0 then
    return nil, string.format("exit code %d%s", res.code, first ~= "" and (": " .. first) or "")
  end
  return first ~= "" and first or "(no version printed)"
end

local function describe(cmd)
  if type(cmd) == "function" then
    return "(a function)"
  end
  return table.concat(cmd, " ")
end

local function check_neovim()
  health.start("Neovim")
  local v = vim.version()
  local text = string.format("Neovim %d.%d.%d", v.major, v.minor, v.patch)
  if type(v.prerelease) == "string" then
    text = text .. "-" .. v.prerelease
  elseif v.prerelease then
    text = text .. "-dev"
  end
  if vim.fn.has("nvim-0.10") ~= 1 then
    health.error(text .. ": lua_of_ocaml needs Neovim 0.10 or later")
  else
    local api = (vim.lsp.config ~= nil and vim.fn.has("nvim-0.11") == 1) and "vim.lsp.config/enable"
      or "vim.lsp.start"
    health.ok(text .. " (LSP client started with " .. api .. ")")
  end
  local jit = rawget(_G, "jit")
  if jit then
    health.ok("Lua of Neovim: " .. tostring(jit.version) .. " (target luajit)")
  else
    health.info("Lua of Neovim: " .. tostring(_VERSION) .. " (not LuaJIT: the target for Neovim plugins is lua51)")
  end
end

local function check_setup(opts)
  health.start("Configuration")
  if config.current == nil then
    health.warn("setup() has not been called: the language server does not start", {
      "Add require('lua_of_ocaml').setup() to your configuration (lazy.nvim: opts = {})",
    })
  else
    health.ok(string.format("setup() called; target %s", opts.target))
  end
  local clients = vim.lsp.get_clients({ name = "lua_of_ocaml" })
  if #clients > 0 then
    for _, client in ipairs(clients) do
      health.ok(string.format("language server running (client %d, root %s)", client.id, tostring(client.root_dir)))
    end
  else
    health.info("no language server running (it starts with the first OCaml buffer)")
  end
end

local function check_server(opts)
  health.start("Language server")
  local cmd = opts.cmd
  if type(cmd) == "function" then
    health.info("cmd is a function: not checked")
    return
  end
  local path = vim.fn.exepath(cmd[1])
  if path == "" then
    health.error(string.format("%s not found (option cmd = { %q ... })", cmd[1], cmd[1]), {
      "Install lua_of_ocaml (pip install -e . in a clone, or bash scripts/setup.sh) and put its "
        .. "bin folder on PATH, or set cmd to the full path of lua-of-ocaml-lsp",
    })
    return
  end
  local version, err = version_of({ cmd[1], "--version" })
  if version then
    health.ok(string.format("%s: %s (%s)", describe(cmd), version, path))
  else
    health.error(string.format("%s (%s) does not run: %s", describe(cmd), path, err))
  end
end

local function check_tools(opts)
  health.start("OCaml and the compiler")
  local version, err = version_of({ opts.ocamlc, "-version" })
  if version then
    health.ok(string.format("ocamlc %s (%s)", version, vim.fn.exepath(opts.ocamlc)))
  else
    health.error(string.format("ocamlc (%s): %s", opts.ocamlc, err), {
      "Install OCaml 4.13 or newer (Debian: apt-get install ocaml-nox), or set the ocamlc option",
    })
  end
  local cli = opts.compile.cmd
  if type(cli) == "table" then
    local v, e = version_of({ cli[1], "--version" })
    if v then
      health.ok(string.format("%s: %s (used by :LuaOcamlCompile)", describe(cli), v))
    else
      health.warn(string.format("%s: %s; :LuaOcamlCompile needs it (option compile.cmd)", describe(cli), e))
    end
  end
  local dune = vim.fn.exepath(opts.dune)
  if dune ~= "" then
    local note = opts.trusted_workspace and "" or " (dune projects build only with trusted_workspace = true)"
    health.ok("dune: " .. dune .. note)
  else
    health.info("dune not found (needed only for dune projects)")
  end
end

local function check_lua()
  health.start("Lua interpreters (targets)")
  local found = 0
  for _, t in ipairs({
    { "luajit", { "luajit", "-v" }, "luajit" },
    { "lua5.1", { "lua5.1", "-v" }, "lua51" },
    { "lua5.4", { "lua5.4", "-v" }, "lua54" },
  }) do
    local v, err = version_of(t[2])
    if v then
      found = found + 1
      health.ok(string.format("%s: %s (target %s)", t[1], v, t[3]))
    else
      health.info(string.format("%s: %s (to run target %s outside Neovim)", t[1], err, t[3]))
    end
  end
  if found == 0 then
    health.info("no Lua interpreter found: programs still run inside the language server (embedded Lua)")
  end
end

function M.check()
  local opts = config.get()
  check_neovim()
  check_setup(opts)
  check_server(opts)
  check_tools(opts)
  check_lua()
end

return M
