-- Channels (runtime/io.c). A channel is a table with metatable
-- P.caml_channel_mt: { fd, out, offset, closed, name, ... }.
-- Output channels buffer up to 65536 bytes like ocamlrun's and write through
-- P.caml_sys_write(fd, s); input channels refill their buffer through
-- P.caml_sys_read(fd, n). A host may replace both (see core.lua).
-- File descriptors of the default implementation live in P.caml_sys_fds:
-- fd -> { file = Lua file handle, std = true for 0..2 }.

--Provides: caml_sys_fds
-- (A host without the io library replaces caml_sys_write and caml_sys_read.)
P.caml_sys_fds = {}
if io then
  P.caml_sys_fds[0] = { file = io.stdin, std = true }
  P.caml_sys_fds[1] = { file = io.stdout, std = true }
  P.caml_sys_fds[2] = { file = io.stderr, std = true }
end

--Provides: caml_sys_write_default
--Requires: caml_sys_fds, caml_raise_sys_error
-- Write the Lua string `s` to `fd` at once (like write(2)).
function P.caml_sys_write_default(fd, s)
  local e = P.caml_sys_fds[fd]
  if not e then P.caml_raise_sys_error("Bad file descriptor") end
  local f = e.file
  local ok, err = f:write(s)
  if not ok then P.caml_raise_sys_error(err or "Input/output error") end
  f:flush()
  return 0
end

--Provides: caml_sys_write
--Requires: caml_sys_write_default
-- All output goes through P.caml_sys_write(fd, s); a host may replace it.
P.caml_sys_write = P.caml_sys_write_default

--Provides: caml_sys_read_default
--Requires: caml_sys_fds, caml_raise_sys_error, caml_sys_read_line
-- Up to `n` bytes from `fd` as a Lua string, "" at end of file. Standard input
-- is read a line at a time so that interactive programs see their input.
function P.caml_sys_read_default(fd, n)
  local e = P.caml_sys_fds[fd]
  if not e then P.caml_raise_sys_error("Bad file descriptor") end
  if n <= 0 then return "" end
  local s, err
  local pending = e.pending
  if pending then
    if #pending > n then
      e.pending = string.sub(pending, n + 1)
      return string.sub(pending, 1, n)
    end
    e.pending = nil
    return pending
  end
  if e.std then
    s, err = P.caml_sys_read_line(e.file)
    if s and #s > n then
      e.pending = string.sub(s, n + 1)
      s = string.sub(s, 1, n)
    end
  else
    s, err = e.file:read(n)
  end
  if s == nil then
    if err then P.caml_raise_sys_error(err) end
    return ""
  end
  return s
end

--Provides: caml_sys_read
--Requires: caml_sys_read_default
-- All input goes through P.caml_sys_read(fd, n); a host may replace it.
P.caml_sys_read = P.caml_sys_read_default

--Provides: caml_sys_read_line
--If: luajit, lua54
-- One line of `f` with its newline (nil, err at end or on error).
function P.caml_sys_read_line(f)
  return f:read("*L")
end

--Provides: caml_sys_read_line
--If: lua51
-- Lua 5.1 has no "*L": read byte by byte up to the newline.
function P.caml_sys_read_line(f)
  local parts, n = {}, 0
  while true do
    local c, err = f:read(1)
    if c == nil then
      if n == 0 then return nil, err end
      break
    end
    n = n + 1
    parts[n] = c
    if c == "\n" or n >= 4096 then break end
  end
  return table.concat(parts)
end

--Provides: caml_sys_lseek
--Requires: caml_sys_fds, caml_raise_sys_error
-- lseek(2): whence is "set", "cur" or "end"; returns the new offset or raises
-- Sys_error.
function P.caml_sys_lseek(fd, pos, whence)
  local e = P.caml_sys_fds[fd]
  if not e then P.caml_raise_sys_error("Bad file descriptor") end
  local f = e.file
  local ok, r, err = pcall(f.seek, f, whence, pos)
  if not ok then P.caml_raise_sys_error("Illegal seek") end
  if r == nil then P.caml_raise_sys_error(err or "Illegal seek") end
  if whence ~= "cur" or pos ~= 0 then e.pending = nil end
  return r
end

--Provides: caml_channel_mt, caml_ml_channels, caml_ml_channel_count
-- Every open channel, in opening order (for out_channels_list and flush_all).
P.caml_ml_channels = {}
P.caml_ml_channel_count = 0
P.caml_channel_mt = {
  caml_custom = "_chan",
  compare = function(a, b)
    if a.id < b.id then return -1 elseif a.id > b.id then return 1 else return 0 end
  end,
  hash = function(a) return a.id end,
}

--Provides: caml_ml_open_descriptor_in
--Requires: caml_channel_mt, caml_ml_channels, caml_sys_lseek
function P.caml_ml_open_descriptor_in(fd)
  local ok, off = pcall(P.caml_sys_lseek, fd, 0, "cur")
  local id = P.caml_ml_channel_count + 1
  P.caml_ml_channel_count = id
  local ch = setmetatable({
    id = id, fd = fd, out = false,
    offset = ok and off or -1, ibuf = "", icur = 1,
  }, P.caml_channel_mt)
  local l = P.caml_ml_channels
  l[#l + 1] = ch
  return ch
end

--Provides: caml_ml_open_descriptor_out
--Requires: caml_channel_mt, caml_ml_channels, caml_sys_lseek
function P.caml_ml_open_descriptor_out(fd)
  local ok, off = pcall(P.caml_sys_lseek, fd, 0, "cur")
  local id = P.caml_ml_channel_count + 1
  P.caml_ml_channel_count = id
  local ch = setmetatable({
    id = id, fd = fd, out = true,
    offset = ok and off or -1, buf = {}, nbuf = 0, blen = 0,
  }, P.caml_channel_mt)
  local l = P.caml_ml_channels
  l[#l + 1] = ch
  return ch
end

--Provides: caml_ml_flush_channel, caml_ml_put
--Requires: caml_sys_write, caml_raise_sys_error
-- Internal: write out the whole buffer of `ch`; append a Lua string to it.
local SIZE = 65536
local concat, sub = table.concat, string.sub

local function flush(ch)
  local n = ch.nbuf
  if n == 0 or ch.fd < 0 then return end
  local data = n == 1 and ch.buf[1] or concat(ch.buf, "", 1, n)
  ch.buf, ch.nbuf, ch.blen = {}, 0, 0
  ch.offset = ch.offset + #data
  P.caml_sys_write(ch.fd, data)
end
P.caml_ml_flush_channel = flush

function P.caml_ml_put(ch, s)
  local len = #s
  if len == 0 then return end
  if ch.fd < 0 then P.caml_raise_sys_error("Bad file descriptor") end
  local n = ch.nbuf + 1
  ch.buf[n] = s
  ch.nbuf = n
  local blen = ch.blen + len
  ch.blen = blen
  if ch.unbuffered then
    flush(ch)
  elseif blen >= SIZE then
    -- The buffer fills up: write out whole buffers as ocamlrun does.
    local data = concat(ch.buf, "", 1, n)
    local keep = blen % SIZE
    ch.buf, ch.nbuf, ch.blen = {}, 0, 0
    if keep > 0 then
      ch.buf[1] = sub(data, blen - keep + 1)
      ch.nbuf, ch.blen = 1, keep
      data = sub(data, 1, blen - keep)
    end
    ch.offset = ch.offset + #data
    P.caml_sys_write(ch.fd, data)
  end
end

--Provides: caml_sub_lua_string
--Requires: caml_lua_string
-- Internal: bytes ofs..ofs+len-1 of a string or bytes value, as a Lua string.
local unpack = table.unpack or unpack
local char, sub = string.char, string.sub
function P.caml_sub_lua_string(v, ofs, len)
  if type(v) == "string" then
    if ofs == 0 and len == #v then return v end
    return sub(v, ofs + 1, ofs + len)
  end
  if len <= 0 then return "" end
  if getmetatable(v) ~= P.caml_bytes_mt then
    return sub(P.caml_lua_string(v), ofs + 1, ofs + len)
  end
  local last = ofs + len
  if len <= 4000 then return char(unpack(v, ofs + 1, last)) end
  local parts, k, i = {}, 0, ofs + 1
  while i <= last do
    local j = i + 3999
    if j > last then j = last end
    k = k + 1
    parts[k] = char(unpack(v, i, j))
    i = j + 1
  end
  return table.concat(parts)
end

--Provides: caml_ml_output
--Requires: caml_ml_put, caml_sub_lua_string
function P.caml_ml_output(ch, s, ofs, len)
  if len > 0 then P.caml_ml_put(ch, P.caml_sub_lua_string(s, ofs, len)) end
  return 0
end

--Provides: caml_ml_output_bytes
--Requires: caml_ml_put, caml_sub_lua_string
function P.caml_ml_output_bytes(ch, s, ofs, len)
  if len > 0 then P.caml_ml_put(ch, P.caml_sub_lua_string(s, ofs, len)) end
  return 0
end

--Provides: caml_ml_output_char
--Requires: caml_ml_flush_channel, caml_raise_sys_error
local chars = {}
for i = 0, 255 do chars[i] = string.char(i) end
function P.caml_ml_output_char(ch, c)
  if ch.fd < 0 then P.caml_raise_sys_error("Bad file descriptor") end
  -- putch: a full buffer is written out before the byte is added, so the
  -- buffer may stay full.
  if ch.blen >= 65536 then P.caml_ml_flush_channel(ch) end
  local n = ch.nbuf + 1
  ch.buf[n] = chars[c % 256]
  ch.nbuf = n
  ch.blen = ch.blen + 1
  if ch.unbuffered then P.caml_ml_flush_channel(ch) end
  return 0
end

--Provides: caml_ml_output_int
--Requires: caml_ml_put
function P.caml_ml_output_int(ch, i)
  local u = i % 4294967296
  local b0 = math.floor(u / 16777216)
  local b1 = math.floor(u / 65536) % 256
  local b2 = math.floor(u / 256) % 256
  P.caml_ml_put(ch, string.char(b0, b1, b2, u % 256))
  return 0
end

--Provides: caml_ml_flush
--Requires: caml_ml_flush_channel
function P.caml_ml_flush(ch)
  P.caml_ml_flush_channel(ch)
  return 0
end

--Provides: caml_flush_all
--Requires: caml_ml_channels, caml_ml_flush_channel
-- Flush every open output channel, ignoring errors.
function P.caml_flush_all()
  local l = P.caml_ml_channels
  for i = 1, #l do
    local ch = l[i]
    if ch and ch.out then pcall(P.caml_ml_flush_channel, ch) end
  end
  return 0
end

--Provides: caml_ml_out_channels_list
--Requires: caml_ml_channels
function P.caml_ml_out_channels_list()
  local l = P.caml_ml_channels
  local res = 0
  for i = #l, 1, -1 do
    if l[i].out then res = { 0, l[i], res } end
  end
  return res
end

--Provides: caml_ml_is_buffered
function P.caml_ml_is_buffered(ch)
  return ch.unbuffered and 0 or 1
end

--Provides: caml_ml_set_buffered
--Requires: caml_ml_flush_channel
function P.caml_ml_set_buffered(ch, b)
  ch.unbuffered = (b == 0)
  if b == 0 and ch.out then P.caml_ml_flush_channel(ch) end
  return 0
end

--Provides: caml_ml_refill
--Requires: caml_sys_read, caml_raise_sys_error, caml_lua_string
-- Internal: read more input into the buffer of `ch` (after the unread part);
-- returns the number of bytes read (0 at end of file).
local SIZE = 65536
function P.caml_ml_refill(ch)
  if ch.fd < 0 then P.caml_raise_sys_error("Bad file descriptor") end
  local buf, cur = ch.ibuf, ch.icur
  local s = P.caml_sys_read(ch.fd, SIZE - (#buf - cur + 1))
  if s == nil then s = "" elseif type(s) ~= "string" then s = P.caml_lua_string(s) end
  local n = #s
  ch.offset = ch.offset + n
  if cur > #buf then
    ch.ibuf = s
  else
    ch.ibuf = string.sub(buf, cur) .. s
  end
  ch.icur = 1
  return n
end

--Provides: caml_ml_input_char
--Requires: caml_ml_refill, caml_raise_end_of_file
local byte = string.byte
function P.caml_ml_input_char(ch)
  local c = ch.icur
  if c > #ch.ibuf then
    if P.caml_ml_refill(ch) == 0 then P.caml_raise_end_of_file() end
    c = 1
  end
  ch.icur = c + 1
  return byte(ch.ibuf, c)
end

--Provides: caml_ml_input_int
--Requires: caml_ml_input_char
function P.caml_ml_input_int(ch)
  local get = P.caml_ml_input_char
  local b0 = get(ch)
  local b1 = get(ch)
  local b2 = get(ch)
  local b3 = get(ch)
  if b0 >= 128 then b0 = b0 - 256 end
  return ((b0 * 256 + b1) * 256 + b2) * 256 + b3
end

--Provides: caml_ml_input_string
--Requires: caml_ml_refill
-- Internal (caml_getblock): up to `n` bytes of `ch` as a Lua string, "" at
-- end of file; reads from the file only when the buffer is empty.
local sub = string.sub
function P.caml_ml_input_string(ch, n)
  local buf, cur = ch.ibuf, ch.icur
  local avail = #buf - cur + 1
  if n <= avail then
    ch.icur = cur + n
    return sub(buf, cur, cur + n - 1)
  elseif avail > 0 then
    ch.icur = cur + avail
    return sub(buf, cur)
  end
  local nread = P.caml_ml_refill(ch)
  if n > nread then n = nread end
  ch.icur = 1 + n
  return sub(ch.ibuf, 1, n)
end

--Provides: caml_ml_input
--Requires: caml_ml_input_string
local byte = string.byte
function P.caml_ml_input(ch, b, ofs, len)
  local s = P.caml_ml_input_string(ch, len)
  local n = #s
  b.s = nil
  local i = 1
  while i <= n do
    local j = i + 199
    if j > n then j = n end
    local t = { byte(s, i, j) }
    local d = ofs + i
    for k = 1, j - i + 1 do b[d + k - 1] = t[k] end
    i = j + 1
  end
  return n
end

--Provides: caml_ml_input_scan_line
--Requires: caml_ml_refill
-- n > 0: a line of n bytes (newline included) is buffered; n < 0: -n bytes
-- without a newline fill the buffer or end the file; 0: end of file.
local find = string.find
function P.caml_ml_input_scan_line(ch)
  local from = ch.icur
  while true do
    local buf, cur = ch.ibuf, ch.icur
    local p = find(buf, "\n", from, true)
    if p then return p - cur + 1 end
    local avail = #buf - cur + 1
    if avail >= 65536 then return 0 - avail end
    if P.caml_ml_refill(ch) == 0 then return 0 - avail end
    from = avail + 1
  end
end

--Provides: caml_ml_close_channel
--Requires: caml_ml_channels, caml_sys_close
function P.caml_ml_close_channel(ch)
  local fd = ch.fd
  ch.fd = -1
  if ch.out then
    ch.buf, ch.nbuf, ch.blen = {}, 0, 0
  else
    ch.ibuf, ch.icur = "", 1
  end
  if fd ~= -1 then
    ch.closed = true
    local l = P.caml_ml_channels
    for i = 1, #l do
      if l[i] == ch then table.remove(l, i) break end
    end
    P.caml_sys_close(fd)
  end
  return 0
end

--Provides: caml_ml_channel_size_number
--Requires: caml_sys_lseek, caml_raise_sys_error
-- Internal: size of the file under `ch` (does not count unflushed output).
function P.caml_ml_channel_size_number(ch)
  if ch.fd < 0 then P.caml_raise_sys_error("Bad file descriptor") end
  local here = P.caml_sys_lseek(ch.fd, 0, "cur")
  local size = P.caml_sys_lseek(ch.fd, 0, "end")
  P.caml_sys_lseek(ch.fd, here, "set")
  return size
end

--Provides: caml_ml_channel_size
--Requires: caml_ml_channel_size_number
function P.caml_ml_channel_size(ch)
  return P.caml_ml_channel_size_number(ch)
end

--Provides: caml_ml_channel_size_64
--Requires: caml_ml_channel_size_number, caml_int64_of_number
function P.caml_ml_channel_size_64(ch)
  return P.caml_int64_of_number(P.caml_ml_channel_size_number(ch))
end

--Provides: caml_ml_pos_in
function P.caml_ml_pos_in(ch)
  return ch.offset - (#ch.ibuf - ch.icur + 1)
end

--Provides: caml_ml_pos_in_64
--Requires: caml_ml_pos_in, caml_int64_of_number
function P.caml_ml_pos_in_64(ch)
  return P.caml_int64_of_number(P.caml_ml_pos_in(ch))
end

--Provides: caml_ml_pos_out
function P.caml_ml_pos_out(ch)
  -- ocamlrun leaves a closed channel's buffer looking full.
  if ch.closed then return ch.offset + 65536 end
  return ch.offset + ch.blen
end

--Provides: caml_ml_pos_out_64
--Requires: caml_ml_pos_out, caml_int64_of_number
function P.caml_ml_pos_out_64(ch)
  return P.caml_int64_of_number(P.caml_ml_pos_out(ch))
end

--Provides: caml_ml_seek_in
--Requires: caml_sys_lseek, caml_raise_sys_error
function P.caml_ml_seek_in(ch, dest)
  local buflen = #ch.ibuf
  if dest >= ch.offset - buflen and dest <= ch.offset then
    ch.icur = buflen + 1 - (ch.offset - dest)
  else
    if ch.fd < 0 then P.caml_raise_sys_error("Bad file descriptor") end
    local r = P.caml_sys_lseek(ch.fd, dest, "set")
    if r ~= dest then P.caml_raise_sys_error("Invalid argument") end
    ch.offset = dest
    ch.ibuf, ch.icur = "", 1
  end
  return 0
end

--Provides: caml_ml_seek_in_64
--Requires: caml_ml_seek_in, caml_int64_to_number
function P.caml_ml_seek_in_64(ch, dest)
  return P.caml_ml_seek_in(ch, P.caml_int64_to_number(dest))
end

--Provides: caml_ml_seek_out
--Requires: caml_ml_flush_channel, caml_sys_lseek, caml_raise_sys_error
function P.caml_ml_seek_out(ch, dest)
  if ch.fd < 0 then P.caml_raise_sys_error("Bad file descriptor") end
  P.caml_ml_flush_channel(ch)
  local r = P.caml_sys_lseek(ch.fd, dest, "set")
  if r ~= dest then P.caml_raise_sys_error("Invalid argument") end
  ch.offset = dest
  return 0
end

--Provides: caml_ml_seek_out_64
--Requires: caml_ml_seek_out, caml_int64_to_number
function P.caml_ml_seek_out_64(ch, dest)
  return P.caml_ml_seek_out(ch, P.caml_int64_to_number(dest))
end

--Provides: caml_ml_set_binary_mode
function P.caml_ml_set_binary_mode(ch, b)
  return 0
end

--Provides: caml_ml_set_channel_name
--Requires: caml_lua_string
function P.caml_ml_set_channel_name(ch, name)
  ch.name = P.caml_lua_string(name)
  return 0
end

--Provides: caml_channel_descriptor
--Requires: caml_raise_sys_error
function P.caml_channel_descriptor(ch)
  if ch.fd < 0 then P.caml_raise_sys_error("Bad file descriptor") end
  return ch.fd
end
