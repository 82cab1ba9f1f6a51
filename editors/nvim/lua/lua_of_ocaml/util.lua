-- Small pieces shared by the modules of the plugin: messages, paths, positions.

local M = {}

local TITLE = "lua_of_ocaml"

--- Tell the user something, prefixed with the plugin's name.
---@param msg string
---@param level? integer a vim.log.levels value (default INFO)
function M.notify(msg, level)
  vim.notify(TITLE .. ": " .. msg, level or vim.log.levels.INFO, { title = TITLE })
end

function M.warn(msg)
  M.notify(msg, vim.log.levels.WARN)
end

function M.error(msg)
  M.notify(msg, vim.log.levels.ERROR)
end

--- True on Neovim `version` ("0.11") or later.
---@param version string
function M.has(version)
  return vim.fn.has("nvim-" .. version) == 1
end

--- The absolute, symlink-free path of a file (or the path itself when it does not exist).
---@param path string
---@return string
function M.realpath(path)
  if path == nil or path == "" then
    return path
  end
  local full = vim.fn.fnamemodify(path, ":p")
  return vim.uv.fs_realpath(full) or full
end

--- The file of a buffer, when the buffer shows a file on disk (else nil).
---@param bufnr integer
---@return string?
function M.buf_file(bufnr)
  if not vim.api.nvim_buf_is_valid(bufnr) or vim.bo[bufnr].buftype ~= "" then
    return nil
  end
  local name = vim.api.nvim_buf_get_name(bufnr)
  if name == "" or name:match("^%a[%w+.-]*://") then
    return nil
  end
  return vim.fn.fnamemodify(name, ":p")
end

--- True for the files the language server checks: OCaml implementations and interfaces.
---@param path string?
function M.is_ocaml_source(path)
  return path ~= nil and (path:match("%.ml$") ~= nil or path:match("%.mli$") ~= nil)
end

--- The path of a file: URI, resolved like the server resolves it.
---@param uri string
---@return string
function M.uri_path(uri)
  local ok, fname = pcall(vim.uri_to_fname, uri)
  if not ok then
    return uri
  end
  return M.realpath(fname)
end

-- Number of bytes of the UTF-8 sequence whose first byte is `b`.
local function seq_len(b)
  if b < 0x80 then
    return 1
  elseif b >= 0xF0 then
    return 4
  elseif b >= 0xE0 then
    return 3
  elseif b >= 0xC0 then
    return 2
  end
  return 1 -- a stray continuation byte counts as one character
end

--- The column of byte offset `byte_col` of `line` in an LSP encoding.
---@param line string
---@param byte_col integer 0-based byte offset
---@param encoding string "utf-8" | "utf-16" | "utf-32"
---@return integer
function M.to_lsp_col(line, byte_col, encoding)
  if encoding == "utf-8" then
    return byte_col
  end
  local units, i = 0, 1
  local stop = math.min(byte_col, #line)
  while i <= stop do
    local n = seq_len(line:byte(i))
    if encoding == "utf-16" and n == 4 then
      units = units + 2
    else
      units = units + 1
    end
    i = i + n
  end
  return units + math.max(byte_col - #line, 0)
end

--- The byte offset in `line` of a column counted in an LSP encoding.
---@param line string
---@param col integer
---@param encoding string
---@return integer
function M.to_byte_col(line, col, encoding)
  if encoding == "utf-8" then
    return math.min(col, #line)
  end
  local units, i = 0, 1
  while i <= #line and units < col do
    local n = seq_len(line:byte(i))
    units = units + ((encoding == "utf-16" and n == 4) and 2 or 1)
    i = i + n
  end
  return math.min(i - 1, #line)
end

--- A scratch buffer, found by name or created.
---@param name string
---@param filetype? string
---@return integer bufnr
function M.scratch_buffer(name, filetype)
  local bufnr
  for _, b in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_get_name(b) == name then
      bufnr = b
      break
    end
  end
  if bufnr == nil then
    bufnr = vim.api.nvim_create_buf(false, true)
    vim.api.nvim_buf_set_name(bufnr, name)
  end
  vim.bo[bufnr].buftype = "nofile"
  vim.bo[bufnr].bufhidden = "hide"
  vim.bo[bufnr].swapfile = false
  if filetype then
    vim.bo[bufnr].filetype = filetype
  end
  return bufnr
end

--- Replace the lines of a buffer that the user cannot edit.
---@param bufnr integer
---@param first integer
---@param last integer
---@param lines string[]
function M.set_lines(bufnr, first, last, lines)
  local modifiable = vim.bo[bufnr].modifiable
  vim.bo[bufnr].modifiable = true
  vim.api.nvim_buf_set_lines(bufnr, first, last, false, lines)
  vim.bo[bufnr].modifiable = modifiable
end

--- A window of the current tab page showing `bufnr`, if any.
---@param bufnr integer
---@return integer?
function M.win_of(bufnr)
  for _, win in ipairs(vim.api.nvim_tabpage_list_wins(0)) do
    if vim.api.nvim_win_get_buf(win) == bufnr then
      return win
    end
  end
  return nil
end

--- Open `bufnr` in a new window made by the Ex command `split` (e.g. "vsplit"),
--- or reuse a window already showing it. Returns the window; the current window
--- stays current unless `focus` is true.
---@param bufnr integer
---@param split string
---@param focus boolean
---@return integer
function M.show_buffer(bufnr, split, focus)
  local win = M.win_of(bufnr)
  if win == nil then
    local here = vim.api.nvim_get_current_win()
    vim.cmd(split)
    win = vim.api.nvim_get_current_win()
    vim.api.nvim_win_set_buf(win, bufnr)
    if not focus then
      vim.api.nvim_set_current_win(here)
    end
  elseif focus then
    vim.api.nvim_set_current_win(win)
  end
  return win
end

return M
