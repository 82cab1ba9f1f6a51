-- :LuaOcamlShowLua — the generated Lua beside the OCaml, following the cursor.
--
-- The server's lua_of_ocaml.showLua command returns the whole chunk and, for
-- each mapped Lua line, the OCaml range it came from. Moving in the OCaml
-- window highlights the Lua of the innermost OCaml range under the cursor (or of
-- the cursor's line); moving in the Lua window highlights the OCaml it came from.

local config = require("lua_of_ocaml.config")
local lsp = require("lua_of_ocaml.lsp")
local util = require("lua_of_ocaml.util")

local M = {}

local unpack = unpack or table.unpack

local ns_lua = vim.api.nvim_create_namespace("lua_of_ocaml_show_lua")
local ns_src = vim.api.nvim_create_namespace("lua_of_ocaml_show_lua_source")

M.ns_lua = ns_lua
M.ns_src = ns_src

-- Lua lines a mapped line may extend over (the lines after it up to the next mapped one).
local MAX_BLOCK = 30

---@type table<integer, table> views by source buffer
local views = {}

local FUNCTION_START = {
  "^%s*local%s+function%f[^%w_]",
  "^%s*function%f[^%w_]",
  "^%s*local%s+[%w_,%s]+=%s*function%f[^%w_]",
  "^%s*[%w_%.%[%]]+%s*=%s*function%f[^%w_]",
}

local function starts_function(line)
  for _, pat in ipairs(FUNCTION_START) do
    if line:match(pat) then
      return true
    end
  end
  return false
end

-- The first index of `list` (sorted) whose value is greater than `x`.
local function upper_bound(list, x)
  local lo, hi = 1, #list + 1
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if list[mid] <= x then
      lo = mid + 1
    else
      hi = mid
    end
  end
  return lo
end

local function size(m)
  if m.sl == m.el then
    return 0, m.ec - m.sc
  end
  return m.el - m.sl, m.ec - m.sc + 10000
end

local function smaller(a1, a2, b1, b2)
  return a1 < b1 or (a1 == b1 and a2 < b2)
end

local function contains(m, line, col)
  if line < m.sl or line > m.el then
    return false
  end
  if line == m.sl and col < m.sc then
    return false
  end
  if line == m.el and col > m.ec then
    return false
  end
  return true
end

--- The Lua lines (0-based, inclusive) that the mapped line `first` stands for.
local function block(view, first)
  local nxt = view.mapped[upper_bound(view.mapped, first)]
  local last = first
  local limit = math.min((nxt or math.huge) - 1, first + MAX_BLOCK - 1, #view.lines - 1)
  for row = first + 1, limit do
    local text = view.lines[row + 1]
    if starts_function(text) then
      break
    end
    last = row
  end
  while last > first and view.lines[last + 1]:match("^%s*$") do
    last = last - 1
  end
  return first, last
end

--- The mappings of the source under (line, col) in the server's encoding.
local function select(view, line, col)
  local inside = {}
  local b1, b2
  for _, m in ipairs(view.mappings) do
    if contains(m, line, col) then
      local s1, s2 = size(m)
      if b1 == nil or smaller(s1, s2, b1, b2) then
        b1, b2 = s1, s2
      end
      table.insert(inside, m)
    end
  end
  local chosen = {}
  if #inside > 0 then
    for _, m in ipairs(inside) do
      local s1, s2 = size(m)
      if s1 == b1 and s2 == b2 then
        table.insert(chosen, m)
      end
    end
  else
    for _, m in ipairs(view.mappings) do
      if m.sl == line then
        table.insert(chosen, m)
      end
    end
  end
  return chosen
end

local function visible_win(bufnr)
  return util.win_of(bufnr)
end

local function scroll_to(win, row)
  local top, bottom = unpack(vim.api.nvim_win_call(win, function()
    return { vim.fn.line("w0"), vim.fn.line("w$") }
  end))
  vim.api.nvim_win_set_cursor(win, { row + 1, 0 })
  if row + 1 < top or row + 1 > bottom then
    vim.api.nvim_win_call(win, function()
      vim.cmd("normal! zz")
    end)
  end
end

-- Byte range of an LSP range in the source buffer.
local function source_bytes(view, sl, sc, el, ec)
  local src = view.source
  local count = vim.api.nvim_buf_line_count(src)
  if sl >= count then
    return nil
  end
  el = math.min(el, count - 1)
  local l1 = vim.api.nvim_buf_get_lines(src, sl, sl + 1, false)[1] or ""
  local l2 = vim.api.nvim_buf_get_lines(src, el, el + 1, false)[1] or ""
  return sl, util.to_byte_col(l1, sc, view.encoding), el, util.to_byte_col(l2, ec, view.encoding)
end

local function highlight_source(view, chosen)
  vim.api.nvim_buf_clear_namespace(view.source, ns_src, 0, -1)
  if #chosen == 0 then
    return
  end
  local sl, sc, el, ec = chosen[1].sl, chosen[1].sc, chosen[1].el, chosen[1].ec
  for _, m in ipairs(chosen) do
    if smaller(m.sl, m.sc, sl, sc) then
      sl, sc = m.sl, m.sc
    end
    if smaller(el, ec, m.el, m.ec) then
      el, ec = m.el, m.ec
    end
  end
  local r1, c1, r2, c2 = source_bytes(view, sl, sc, el, ec)
  if r1 then
    pcall(vim.api.nvim_buf_set_extmark, view.source, ns_src, r1, c1, {
      end_row = r2,
      end_col = c2,
      hl_group = "LuaOcamlSource",
    })
  end
  return r1, c1
end

--- Highlight the Lua of `chosen` mappings; returns the highlighted blocks.
local function highlight_lua(view, chosen)
  vim.api.nvim_buf_clear_namespace(view.lua_buf, ns_lua, 0, -1)
  local starts = {}
  for _, m in ipairs(chosen) do
    starts[m.lua] = true
  end
  local rows = vim.tbl_keys(starts)
  table.sort(rows)
  local blocks = {}
  for _, row in ipairs(rows) do
    local first, last = block(view, row)
    local prev = blocks[#blocks]
    if prev and first <= prev[2] + 1 then
      prev[2] = math.max(prev[2], last)
    else
      table.insert(blocks, { first, last })
    end
  end
  for _, b in ipairs(blocks) do
    vim.api.nvim_buf_set_extmark(view.lua_buf, ns_lua, b[1], 0, {
      end_row = b[2] + 1,
      end_col = 0,
      hl_group = "LuaOcamlMapped",
      hl_eol = true,
    })
  end
  view.blocks = blocks
  return blocks
end

--- Follow the cursor of the OCaml window.
local function follow_source(view)
  if not vim.api.nvim_buf_is_valid(view.lua_buf) then
    return
  end
  local win = visible_win(view.lua_buf)
  if win == nil then
    return
  end
  local cur = vim.api.nvim_win_get_cursor(0)
  local text = vim.api.nvim_buf_get_lines(view.source, cur[1] - 1, cur[1], false)[1] or ""
  local line, col = cur[1] - 1, util.to_lsp_col(text, cur[2], view.encoding)
  local chosen = select(view, line, col)
  local blocks = highlight_lua(view, chosen)
  highlight_source(view, chosen)
  if blocks[1] then
    scroll_to(win, blocks[1][1])
  end
end

--- Follow the cursor of the Lua window: highlight the OCaml the line came from.
local function follow_lua(view)
  local row = vim.api.nvim_win_get_cursor(0)[1] - 1
  local best
  for _, m in ipairs(view.mappings) do
    if m.lua <= row and (best == nil or m.lua > best.lua) then
      best = m
    end
  end
  if best == nil then
    return
  end
  local chosen = {}
  for _, m in ipairs(view.mappings) do
    if m.lua == best.lua then
      table.insert(chosen, m)
    end
  end
  local r1, c1 = highlight_source(view, chosen)
  local win = visible_win(view.source)
  if r1 and win then
    vim.api.nvim_win_set_cursor(win, { r1 + 1, c1 })
  end
end

local function render(view, result)
  local lua = result.lua or ""
  local lines = vim.split(lua, "\n", { plain = true })
  if lines[#lines] == "" and #lines > 1 then
    table.remove(lines)
  end
  view.lines = lines
  view.target = result.target
  local mine, mapped, seen = {}, {}, {}
  for _, m in ipairs(result.mappings or {}) do
    local r = m.range
    if type(m.luaLine) == "number" and type(r) == "table" and r.start and r["end"] then
      if not seen[m.luaLine] then
        seen[m.luaLine] = true
        table.insert(mapped, m.luaLine)
      end
      if util.uri_path(m.uri) == view.path then
        table.insert(mine, {
          lua = m.luaLine,
          sl = r.start.line,
          sc = r.start.character,
          el = r["end"].line,
          ec = r["end"].character,
        })
      end
    end
  end
  table.sort(mapped)
  view.mappings = mine
  view.mapped = mapped
  vim.api.nvim_buf_clear_namespace(view.lua_buf, ns_lua, 0, -1)
  util.set_lines(view.lua_buf, 0, -1, lines)
  vim.bo[view.lua_buf].modified = false
  vim.b[view.lua_buf].lua_of_ocaml_target = result.target
end

local function mark_stale(view, message)
  if vim.api.nvim_buf_is_valid(view.lua_buf) then
    vim.api.nvim_buf_clear_namespace(view.lua_buf, ns_lua, 0, -1)
    vim.api.nvim_buf_set_extmark(view.lua_buf, ns_lua, 0, 0, {
      virt_lines = { { { "-- out of date: " .. message, "LuaOcamlRunFailed" } } },
      virt_lines_above = true,
    })
  end
end

local function attach(view)
  local group = vim.api.nvim_create_augroup("lua_of_ocaml.show_lua." .. view.source, { clear = true })
  view.group = group
  vim.api.nvim_create_autocmd({ "CursorMoved", "CursorMovedI" }, {
    group = group,
    buffer = view.source,
    callback = function()
      if config.get().show_lua.follow then
        follow_source(view)
      end
    end,
  })
  vim.api.nvim_create_autocmd("CursorMoved", {
    group = group,
    buffer = view.lua_buf,
    callback = function()
      if config.get().show_lua.follow and vim.api.nvim_buf_is_valid(view.source) then
        follow_lua(view)
      end
    end,
  })
  vim.api.nvim_create_autocmd("BufWritePost", {
    group = group,
    buffer = view.source,
    callback = function()
      if visible_win(view.lua_buf) then
        M.refresh(view.source)
      end
    end,
  })
  vim.api.nvim_create_autocmd({ "BufWipeout", "BufDelete" }, {
    group = group,
    buffer = view.lua_buf,
    callback = function()
      M.close(view.source)
    end,
  })
  vim.api.nvim_create_autocmd({ "BufWipeout", "BufDelete" }, {
    group = group,
    buffer = view.source,
    callback = function()
      M.close(view.source)
    end,
  })
end

local function request(bufnr, on_result, on_error)
  local path = util.realpath(util.buf_file(bufnr) or "")
  lsp.execute(bufnr, "lua_of_ocaml.showLua", { uri = vim.uri_from_fname(path) }, on_result, on_error)
end

--- Open (or update) the Lua view of the OCaml buffer `bufnr`.
---@param bufnr integer
function M.open(bufnr)
  local opts = config.get()
  request(bufnr, function(result, client)
    if type(result) ~= "table" or type(result.lua) ~= "string" then
      util.error("the server sent no Lua")
      return
    end
    if not vim.api.nvim_buf_is_valid(bufnr) then
      return
    end
    local path = util.realpath(util.buf_file(bufnr))
    local view = views[bufnr]
    if view == nil or not vim.api.nvim_buf_is_valid(view.lua_buf) then
      local lua_buf = util.scratch_buffer("lua_of_ocaml://lua" .. path .. ".lua", "lua")
      vim.bo[lua_buf].modifiable = false
      vim.b[lua_buf].lua_of_ocaml_source = path
      view = { source = bufnr, lua_buf = lua_buf, path = path }
      views[bufnr] = view
      attach(view)
    end
    view.encoding = client.offset_encoding or "utf-16"
    render(view, result)
    local ok, err = pcall(util.show_buffer, view.lua_buf, opts.show_lua.split, opts.show_lua.focus)
    if not ok then
      util.error("show_lua.split: " .. tostring(err))
      return
    end
    if vim.api.nvim_get_current_buf() == bufnr then
      follow_source(view)
    end
  end)
end

--- Fetch the Lua again (after a save) into an open view.
---@param bufnr integer
function M.refresh(bufnr)
  local view = views[bufnr]
  if view == nil then
    return
  end
  local path = util.realpath(util.buf_file(bufnr) or "")
  lsp.with_client(bufnr, function(client)
    local params = { command = "lua_of_ocaml.showLua", arguments = { { uri = vim.uri_from_fname(path) } } }
    lsp.request(client, "workspace/executeCommand", params, function(err, result)
      if views[bufnr] ~= view or not vim.api.nvim_buf_is_valid(view.lua_buf) then
        return
      end
      if err or type(result) ~= "table" or type(result.lua) ~= "string" then
        local msg = err and tostring(err.message or err) or "no Lua"
        mark_stale(view, (msg:gsub("^lua_of_ocaml: ", "")))
        return
      end
      view.encoding = client.offset_encoding or view.encoding
      render(view, result)
      if vim.api.nvim_get_current_buf() == bufnr then
        follow_source(view)
      end
    end, bufnr)
  end)
end

--- Forget the view of a source buffer.
---@param bufnr integer
function M.close(bufnr)
  local view = views[bufnr]
  if view == nil then
    return
  end
  views[bufnr] = nil
  pcall(vim.api.nvim_del_augroup_by_id, view.group)
  if vim.api.nvim_buf_is_valid(view.source) then
    vim.api.nvim_buf_clear_namespace(view.source, ns_src, 0, -1)
  end
end

--- The state of the view of a source buffer (for scripts and tests).
---@param bufnr integer
---@return table?
function M.state(bufnr)
  local view = views[bufnr]
  if view == nil then
    return nil
  end
  return {
    lua_buf = view.lua_buf,
    lua_win = visible_win(view.lua_buf),
    target = view.target,
    mappings = #view.mappings,
    blocks = vim.deepcopy(view.blocks or {}),
  }
end

return M
