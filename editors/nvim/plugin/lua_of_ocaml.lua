-- Commands of lua_of_ocaml. The language server starts once
-- require("lua_of_ocaml").setup() has been called (see :help lua_of_ocaml).

if vim.g.loaded_lua_of_ocaml then
  return
end
vim.g.loaded_lua_of_ocaml = true

if vim.fn.has("nvim-0.10") ~= 1 then
  vim.api.nvim_echo({ { "lua_of_ocaml: Neovim 0.10 or later is needed", "WarningMsg" } }, true, {})
  return
end

-- Run a command's function; a failure is one clear message, not a traceback.
local function guarded(fn)
  return function(cmd)
    local ok, err = pcall(fn, cmd)
    if not ok then
      vim.notify("lua_of_ocaml: " .. tostring(err), vim.log.levels.ERROR)
    end
  end
end

local function plugin()
  return require("lua_of_ocaml")
end

vim.api.nvim_create_user_command("LuaOcamlRun", guarded(function(cmd)
  plugin().run(#cmd.fargs > 0 and cmd.fargs or nil)
end), { nargs = "*", complete = "file", desc = "Run the OCaml program of this buffer (lua_of_ocaml)" })

vim.api.nvim_create_user_command("LuaOcamlStop", guarded(function()
  plugin().stop()
end), { nargs = 0, desc = "Stop the running OCaml program (lua_of_ocaml)" })

vim.api.nvim_create_user_command("LuaOcamlShowLua", guarded(function()
  plugin().show_lua()
end), { nargs = 0, desc = "Show the Lua generated for this OCaml buffer (lua_of_ocaml)" })

vim.api.nvim_create_user_command("LuaOcamlCompile", guarded(function(cmd)
  plugin().compile(cmd.args ~= "" and cmd.args or nil)
end), { nargs = "?", complete = "file", desc = "Write the Lua of this OCaml program to a file (lua_of_ocaml)" })

vim.api.nvim_create_user_command("LuaOcamlRestart", guarded(function()
  plugin().restart()
end), { nargs = 0, desc = "Restart the lua_of_ocaml language server" })

local group = vim.api.nvim_create_augroup("lua_of_ocaml.highlights", { clear = true })
vim.api.nvim_create_autocmd("ColorScheme", {
  group = group,
  callback = function()
    plugin().highlights()
  end,
})
plugin().highlights()
