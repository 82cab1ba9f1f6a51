-- Loaded before each test body: runs the body in a coroutine so that waiting
-- gives the main loop back to Neovim (typed keys are processed, CursorMoved
-- fires, LSP messages arrive), then writes the result as JSON and quits.
-- The runner replaces OUT_PATH, BODY_PATH and TIMEOUT_MS.

local T = {}
local out_path = OUT_PATH
local co
local done = false

local function messages()
  local ok, text = pcall(vim.fn.execute, "messages")
  return ok and text or ""
end

local function finish(ok, value, err)
  if done then
    return
  end
  done = true
  local f = assert(io.open(out_path, "w"))
  f:write(vim.json.encode({
    ok = ok,
    value = (ok and value ~= nil) and value or vim.NIL,
    error = err or vim.NIL,
    messages = messages(),
  }))
  f:close()
  vim.cmd("qa!")
end

local function step()
  local ok, res = coroutine.resume(co)
  if not ok then
    finish(false, nil, debug.traceback(co, tostring(res)))
  elseif coroutine.status(co) == "dead" then
    finish(true, res)
  end
end

--- Give the main loop `ms` milliseconds.
function T.sleep(ms)
  vim.defer_fn(step, ms or 20)
  coroutine.yield()
end

--- Poll `pred` until it returns a true value (returned), or fail after `ms`.
function T.wait(pred, ms, what)
  local deadline = vim.uv.now() + (ms or 10000)
  while true do
    local ok, v = pcall(pred)
    if ok and v then
      return v
    end
    if vim.uv.now() > deadline then
      error("timed out waiting for " .. (what or "a condition") .. (ok and "" or (": " .. tostring(v))), 2)
    end
    T.sleep(25)
  end
end

--- Type keys as a user would; they are processed by the main loop.
function T.keys(keys)
  vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes(keys, true, false, true), "t", false)
  T.sleep(30)
end

local typed = 0

--- Type an Ex command as a user would (":" cmd Enter) and wait until it has run.
function T.command(cmd)
  typed = typed + 1
  vim.g.prelude_typed = 0
  T.keys(":" .. cmd .. "<CR>:let g:prelude_typed = " .. typed .. "<CR>")
  T.wait(function()
    return vim.g.prelude_typed == typed
  end, 10000, "the typed command " .. cmd)
end

--- The lua_of_ocaml client of a buffer, once initialized.
function T.client(bufnr, ms)
  return T.wait(function()
    for _, c in ipairs(vim.lsp.get_clients({ bufnr = bufnr or 0, name = "lua_of_ocaml" })) do
      if c.initialized then
        return c
      end
    end
  end, ms or 10000, "the lua_of_ocaml client")
end

--- The messages shown so far.
T.messages = messages

--- Hover at (line, character) of a buffer, retried until the server has a result.
function T.hover(bufnr, line, character, ms)
  return T.wait(function()
    local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = line, character = character } }
    local res = vim.lsp.buf_request_sync(bufnr, "textDocument/hover", params, 5000) or {}
    for _, r in pairs(res) do
      if r.result and r.result.contents then
        return r.result
      end
    end
  end, ms or 15000, "a hover result")
end

--- Diagnostics of a buffer, waited for until `pred(diagnostics)` holds.
function T.diagnostics(bufnr, pred, ms, what)
  return T.wait(function()
    local d = vim.diagnostic.get(bufnr)
    if pred(d) then
      return d
    end
  end, ms or 15000, what or "diagnostics")
end

vim.defer_fn(function()
  finish(false, nil, "the test did not finish within TIMEOUT_MS ms")
end, TIMEOUT_MS)

local body = assert(loadfile(BODY_PATH))
co = coroutine.create(function()
  return body(T)
end)
vim.schedule(step)
