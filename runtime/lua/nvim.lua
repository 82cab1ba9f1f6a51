-- Neovim host support for the OCaml modules Nvim and Vim (runtime/ocaml).

--Provides: caml_nvim_redirect_output
--Requires: caml_sys_write
-- Inside Neovim, send the program's standard output and error to the message
-- area, as Lua's print does, instead of the editor's own terminal: each line
-- written becomes a message (stderr ones highlighted as errors). Outside Neovim
-- (no global `vim`) nothing changes.
function P.caml_nvim_redirect_output(_)
  if P.caml_nvim_redirected then return 0 end
  local vim = _G.vim
  if type(vim) ~= "table" or type(vim.api) ~= "table" or not vim.api.nvim_echo then return 0 end
  P.caml_nvim_redirected = true
  local default = P.caml_sys_write
  local find, sub = string.find, string.sub
  local function echo(line, is_err)
    local chunk = is_err and { line, "ErrorMsg" } or { line }
    local function show() vim.api.nvim_echo({ chunk }, true, {}) end
    -- the API is not callable from fast events (timers, jobs): show it soon
    if vim.in_fast_event and vim.in_fast_event() then vim.schedule(show) else show() end
  end
  P.caml_sys_write = function(fd, s)
    if fd ~= 1 and fd ~= 2 then return default(fd, s) end
    local start, n = 1, #s
    while start <= n do
      local nl = find(s, "\n", start, true)
      if not nl then
        echo(sub(s, start), fd == 2)
        break
      end
      echo(sub(s, start, nl - 1), fd == 2)
      start = nl + 1
    end
    return 0
  end
  return 0
end
