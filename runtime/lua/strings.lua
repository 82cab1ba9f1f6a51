-- Strings and bytes.
--
-- An OCaml string is a Lua string or a bytes object (Bytes.unsafe_to_string is
-- free), an OCaml bytes is a bytes object `setmetatable({b0, b1, ...},
-- P.caml_bytes_mt)` (byte values at 1..n, length #b) or, after
-- Bytes.unsafe_of_string of a literal, a Lua string that is only ever read.
-- Every primitive reading a string or bytes accepts both representations.

--Provides: caml_bytes_mt
--Requires: caml_lua_string
-- The metatable of bytes objects. No __eq/__lt: `==` stays physical equality.
P.caml_bytes_mt = {
  caml_bytes = true,
  __tostring = function(b) return P.caml_lua_string(b) end,
}

--Provides: caml_lua_string
local char, concat = string.char, table.concat
local unpack = table.unpack or unpack
local rawget, rawset = rawget, rawset
-- The Lua string with the bytes of `v` (a Lua string or a bytes object).
-- A bytes object keeps the string it last converted to in its field `s`
-- (strings built at run time are bytes objects that are never written again:
-- hashing, comparing and printing them converts once); every writer clears it.
function P.caml_lua_string(v)
  if type(v) == "string" then return v end
  local cached = rawget(v, "s")
  if cached then return cached end
  local n = #v
  local r
  if n <= 4096 then
    r = char(unpack(v, 1, n))
  else
    local parts, k = {}, 0
    for i = 1, n, 4096 do
      local j = i + 4095
      if j > n then j = n end
      k = k + 1
      parts[k] = char(unpack(v, i, j))
    end
    r = concat(parts)
  end
  rawset(v, "s", r)
  return r
end

--Provides: caml_bytes_of_lua_string
--Requires: caml_bytes_mt
local byte = string.byte
-- A fresh bytes object with the bytes of the Lua string `s`.
function P.caml_bytes_of_lua_string(s)
  local n = #s
  local b
  if n <= 4096 then
    b = { byte(s, 1, n) }
  else
    b = {}
    for i = 1, n, 4096 do
      local j = i + 4095
      if j > n then j = n end
      local chunk = { byte(s, i, j) }
      for k = 1, #chunk do b[i + k - 1] = chunk[k] end
    end
  end
  return setmetatable(b, P.caml_bytes_mt)
end

--Provides: caml_create_bytes
--Requires: caml_bytes_mt, caml_invalid_argument
--If: luajit
-- The table is made at its final size (table.new), not grown byte by byte.
local ok, tnew = pcall(require, "table.new")
if not ok or type(tnew) ~= "function" then tnew = function() return {} end end
local setmetatable = setmetatable
function P.caml_create_bytes(len)
  -- Sys.max_string_length: 8 bytes per word of Max_wosize, less one
  if len < 0 or len > 1073741815 then P.caml_invalid_argument("Bytes.create") end
  local b = tnew(len, 0)
  for i = 1, len do b[i] = 0 end
  return setmetatable(b, P.caml_bytes_mt)
end

--Provides: caml_create_bytes
--Requires: caml_bytes_mt, caml_invalid_argument
--If: lua51, lua54
-- Short ones are made at their final size by a table constructor.
local byte, setmetatable = string.byte, setmetatable
local ZEROS = string.rep("\0", 256)
function P.caml_create_bytes(len)
  -- Sys.max_string_length: 8 bytes per word of Max_wosize, less one
  if len < 0 or len > 1073741815 then P.caml_invalid_argument("Bytes.create") end
  if len <= 256 then return setmetatable({ byte(ZEROS, 1, len) }, P.caml_bytes_mt) end
  local b = {}
  for i = 1, len do b[i] = 0 end
  return setmetatable(b, P.caml_bytes_mt)
end

--Provides: caml_create_string
--Requires: caml_bytes_mt, caml_invalid_argument
function P.caml_create_string(len)
  if len < 0 then P.caml_invalid_argument("String.create") end
  local b = {}
  for i = 1, len do b[i] = 0 end
  return setmetatable(b, P.caml_bytes_mt)
end

--Provides: caml_ml_string_length
function P.caml_ml_string_length(s)
  return #s
end

--Provides: caml_ml_bytes_length
function P.caml_ml_bytes_length(s)
  return #s
end

--Provides: caml_string_unsafe_get
local byte = string.byte
-- Also used for the GETSTRINGCHAR / GETBYTESCHAR instructions.
function P.caml_string_unsafe_get(s, i)
  if type(s) == "string" then return byte(s, i + 1) end
  return s[i + 1]
end

--Provides: caml_bytes_unsafe_get
local byte = string.byte
function P.caml_bytes_unsafe_get(s, i)
  if type(s) == "string" then return byte(s, i + 1) end
  return s[i + 1]
end

--Provides: caml_bytes_unsafe_set
-- Also used for the SETBYTESCHAR instruction.
function P.caml_bytes_unsafe_set(b, i, c)
  b[i + 1] = c % 256
  b.s = nil
  return 0
end

--Provides: caml_string_get
--Requires: caml_array_bound_error
local byte = string.byte
function P.caml_string_get(s, i)
  if i < 0 or i >= #s then P.caml_array_bound_error() end
  if type(s) == "string" then return byte(s, i + 1) end
  return s[i + 1]
end

--Provides: caml_bytes_get
--Requires: caml_array_bound_error
local byte = string.byte
function P.caml_bytes_get(s, i)
  if i < 0 or i >= #s then P.caml_array_bound_error() end
  if type(s) == "string" then return byte(s, i + 1) end
  return s[i + 1]
end

--Provides: caml_bytes_set
--Requires: caml_array_bound_error, caml_bytes_writable
function P.caml_bytes_set(b, i, c)
  if i < 0 or i >= #b then P.caml_array_bound_error() end
  P.caml_bytes_writable(b)[i + 1] = c % 256
  return 0
end

--Provides: caml_string_set
--Requires: caml_array_bound_error, caml_bytes_writable
-- Only meaningful with -unsafe-string; a Lua string cannot be modified.
function P.caml_string_set(b, i, c)
  if i < 0 or i >= #b then P.caml_array_bound_error() end
  P.caml_bytes_writable(b)[i + 1] = c % 256
  return 0
end

--Provides: caml_bytes_writable
--Requires: caml_invalid_argument
-- `b` itself when it is a bytes object; a Lua string (an immutable string
-- turned into bytes with Bytes.unsafe_of_string) cannot be written to.
function P.caml_bytes_writable(b)
  if type(b) == "string" then
    P.caml_invalid_argument("Bytes: cannot modify an immutable string")
  end
  b.s = nil  -- the cached Lua string (caml_lua_string) is about to be stale
  return b
end

--Provides: caml_string_get16
--Requires: caml_array_bound_error
local byte = string.byte
function P.caml_string_get16(s, i)
  if i < 0 or i + 1 >= #s then P.caml_array_bound_error() end
  local b0, b1
  if type(s) == "string" then b0, b1 = byte(s, i + 1, i + 2)
  else b0, b1 = s[i + 1], s[i + 2] end
  return b0 + b1 * 256
end

--Provides: caml_bytes_get16
--Requires: caml_string_get16
function P.caml_bytes_get16(s, i)
  return P.caml_string_get16(s, i)
end

--Provides: caml_string_get32
--Requires: caml_array_bound_error
local byte = string.byte
function P.caml_string_get32(s, i)
  if i < 0 or i + 3 >= #s then P.caml_array_bound_error() end
  local b0, b1, b2, b3
  if type(s) == "string" then b0, b1, b2, b3 = byte(s, i + 1, i + 4)
  else b0, b1, b2, b3 = s[i + 1], s[i + 2], s[i + 3], s[i + 4] end
  local v = b0 + b1 * 256 + b2 * 65536 + b3 * 16777216
  if v >= 2147483648 then v = v - 4294967296 end
  return v
end

--Provides: caml_bytes_get32
--Requires: caml_string_get32
function P.caml_bytes_get32(s, i)
  return P.caml_string_get32(s, i)
end

--Provides: caml_string_get64
--Requires: caml_array_bound_error, caml_int64_create_lo_hi
local byte = string.byte
function P.caml_string_get64(s, i)
  if i < 0 or i + 7 >= #s then P.caml_array_bound_error() end
  local b0, b1, b2, b3, b4, b5, b6, b7
  if type(s) == "string" then b0, b1, b2, b3, b4, b5, b6, b7 = byte(s, i + 1, i + 8)
  else
    b0, b1, b2, b3 = s[i + 1], s[i + 2], s[i + 3], s[i + 4]
    b4, b5, b6, b7 = s[i + 5], s[i + 6], s[i + 7], s[i + 8]
  end
  return P.caml_int64_create_lo_hi(b0 + b1 * 256 + b2 * 65536 + b3 * 16777216,
    b4 + b5 * 256 + b6 * 65536 + b7 * 16777216)
end

--Provides: caml_bytes_get64
--Requires: caml_string_get64
function P.caml_bytes_get64(s, i)
  return P.caml_string_get64(s, i)
end

--Provides: caml_bytes_set16
--Requires: caml_array_bound_error, caml_bytes_writable
local floor = math.floor
function P.caml_bytes_set16(b, i, v)
  if i < 0 or i + 1 >= #b then P.caml_array_bound_error() end
  b = P.caml_bytes_writable(b)
  v = v % 65536
  b[i + 1] = v % 256
  b[i + 2] = floor(v / 256)
  return 0
end

--Provides: caml_bytes_set32
--Requires: caml_array_bound_error, caml_bytes_writable
local floor = math.floor
function P.caml_bytes_set32(b, i, v)
  if i < 0 or i + 3 >= #b then P.caml_array_bound_error() end
  b = P.caml_bytes_writable(b)
  v = v % 4294967296
  for k = 1, 4 do
    local x = v % 256
    b[i + k] = x
    v = floor(v / 256)
  end
  return 0
end

--Provides: caml_bytes_set64
--Requires: caml_array_bound_error, caml_bytes_writable, caml_int64_lo, caml_int64_hi
local floor = math.floor
function P.caml_bytes_set64(b, i, v)
  if i < 0 or i + 7 >= #b then P.caml_array_bound_error() end
  b = P.caml_bytes_writable(b)
  local lo = P.caml_int64_lo(v) % 4294967296
  local hi = P.caml_int64_hi(v) % 4294967296
  for k = 1, 4 do
    local x = lo % 256
    b[i + k] = x
    lo = floor(lo / 256)
  end
  for k = 5, 8 do
    local x = hi % 256
    b[i + k] = x
    hi = floor(hi / 256)
  end
  return 0
end

--Provides: caml_bswap16
local floor = math.floor
function P.caml_bswap16(x)
  local lo = x % 256
  local hi = floor(x / 256) % 256
  return lo * 256 + hi
end

--Provides: caml_blit_bytes
--Requires: caml_bytes_writable
--If: lua54
-- table.move copies in C (overlapping areas allowed); string.byte reads 4096
-- bytes of a Lua string at a time.
local byte, move, type = string.byte, table.move, type
function P.caml_blit_bytes(s1, ofs1, b2, ofs2, len)
  if len <= 0 then return 0 end
  b2 = P.caml_bytes_writable(b2)
  if type(s1) == "string" then
    if len < 8 then
      for k = 1, len do b2[ofs2 + k] = byte(s1, ofs1 + k) end
    else
      for i = 0, len - 1, 4096 do
        local n = len - i
        if n > 4096 then n = 4096 end
        move({ byte(s1, ofs1 + i + 1, ofs1 + i + n) }, 1, n, ofs2 + i + 1, b2)
      end
    end
  elseif len < 8 and s1 ~= b2 then
    for k = 1, len do b2[ofs2 + k] = s1[ofs1 + k] end
  else
    move(s1, ofs1 + 1, ofs1 + len, ofs2 + 1, b2)
  end
  return 0
end

--Provides: caml_blit_bytes
--Requires: caml_bytes_writable
--If: luajit, lua51
local byte = string.byte
-- Copy `len` bytes of s1 from ofs1 to b2 at ofs2 (overlapping areas allowed).
function P.caml_blit_bytes(s1, ofs1, b2, ofs2, len)
  if len <= 0 then return 0 end
  b2 = P.caml_bytes_writable(b2)
  if type(s1) == "string" then
    -- a plain loop: LuaJIT compiles it once for every length, and it allocates nothing
    for k = 1, len do b2[ofs2 + k] = byte(s1, ofs1 + k) end
  elseif s1 == b2 and ofs1 < ofs2 then
    for k = len, 1, -1 do b2[ofs2 + k] = s1[ofs1 + k] end
  else
    for k = 1, len do b2[ofs2 + k] = s1[ofs1 + k] end
  end
  return 0
end

--Provides: caml_blit_string
--Requires: caml_blit_bytes
function P.caml_blit_string(s1, ofs1, b2, ofs2, len)
  return P.caml_blit_bytes(s1, ofs1, b2, ofs2, len)
end

--Provides: caml_fill_bytes
--Requires: caml_bytes_writable
function P.caml_fill_bytes(b, ofs, len, c)
  b = P.caml_bytes_writable(b)
  c = c % 256
  for i = ofs + 1, ofs + len do b[i] = c end
  return 0
end

--Provides: caml_fill_string
--Requires: caml_fill_bytes
function P.caml_fill_string(b, ofs, len, c)
  return P.caml_fill_bytes(b, ofs, len, c)
end

--Provides: caml_bytes_of_string
--Requires: caml_bytes_of_lua_string
-- The identity in ocamlrun; a Lua string becomes a fresh bytes object so that
-- it can be written to.
function P.caml_bytes_of_string(s)
  if type(s) == "string" then return P.caml_bytes_of_lua_string(s) end
  return s
end

--Provides: caml_string_of_bytes
-- The identity, as in ocamlrun.
function P.caml_string_of_bytes(b)
  return b
end

--Provides: caml_bytes_to_string
function P.caml_bytes_to_string(b)
  return b
end

--Provides: caml_string_concat
--Requires: caml_lua_string
function P.caml_string_concat(s1, s2)
  return P.caml_lua_string(s1) .. P.caml_lua_string(s2)
end

--Provides: caml_string_cmp
--Requires: caml_lua_string
local byte = string.byte
-- -1, 0 or 1: bytewise comparison of two strings or bytes.
function P.caml_string_cmp(s1, s2)
  if s1 == s2 then return 0 end
  local t1, t2 = type(s1) == "string", type(s2) == "string"
  if t1 and t2 then
    if s1 < s2 then return -1 else return 1 end
  end
  local n1, n2 = #s1, #s2
  local n = n1 < n2 and n1 or n2
  if t1 then
    for i = 1, n do
      local a, b = byte(s1, i), s2[i]
      if a ~= b then return a < b and -1 or 1 end
    end
  elseif t2 then
    for i = 1, n do
      local a, b = s1[i], byte(s2, i)
      if a ~= b then return a < b and -1 or 1 end
    end
  else
    for i = 1, n do
      local a, b = s1[i], s2[i]
      if a ~= b then return a < b and -1 or 1 end
    end
  end
  if n1 < n2 then return -1 elseif n1 > n2 then return 1 end
  return 0
end

--Provides: caml_string_eq
local byte = string.byte
-- true when the two strings or bytes have the same bytes.
function P.caml_string_eq(s1, s2)
  if s1 == s2 then return true end
  local n = #s1
  if n ~= #s2 then return false end
  local t1, t2 = type(s1) == "string", type(s2) == "string"
  if t1 and t2 then return false end
  if t1 then s1, s2 = s2, s1; t1, t2 = t2, t1 end
  -- s1 is a bytes object now
  if t2 then
    for i = 1, n do
      if s1[i] ~= byte(s2, i) then return false end
    end
  else
    for i = 1, n do
      if s1[i] ~= s2[i] then return false end
    end
  end
  return true
end

--Provides: caml_string_compare
--Requires: caml_string_cmp
function P.caml_string_compare(s1, s2) return P.caml_string_cmp(s1, s2) end

--Provides: caml_bytes_compare
--Requires: caml_string_cmp
function P.caml_bytes_compare(s1, s2) return P.caml_string_cmp(s1, s2) end

--Provides: caml_string_equal
--Requires: caml_string_eq
function P.caml_string_equal(s1, s2) return P.caml_string_eq(s1, s2) and 1 or 0 end

--Provides: caml_bytes_equal
--Requires: caml_string_eq
function P.caml_bytes_equal(s1, s2) return P.caml_string_eq(s1, s2) and 1 or 0 end

--Provides: caml_string_notequal
--Requires: caml_string_eq
function P.caml_string_notequal(s1, s2) return P.caml_string_eq(s1, s2) and 0 or 1 end

--Provides: caml_bytes_notequal
--Requires: caml_string_eq
function P.caml_bytes_notequal(s1, s2) return P.caml_string_eq(s1, s2) and 0 or 1 end

--Provides: caml_string_lessthan
--Requires: caml_string_cmp
function P.caml_string_lessthan(s1, s2) return P.caml_string_cmp(s1, s2) < 0 and 1 or 0 end

--Provides: caml_bytes_lessthan
--Requires: caml_string_cmp
function P.caml_bytes_lessthan(s1, s2) return P.caml_string_cmp(s1, s2) < 0 and 1 or 0 end

--Provides: caml_string_lessequal
--Requires: caml_string_cmp
function P.caml_string_lessequal(s1, s2) return P.caml_string_cmp(s1, s2) <= 0 and 1 or 0 end

--Provides: caml_bytes_lessequal
--Requires: caml_string_cmp
function P.caml_bytes_lessequal(s1, s2) return P.caml_string_cmp(s1, s2) <= 0 and 1 or 0 end

--Provides: caml_string_greaterthan
--Requires: caml_string_cmp
function P.caml_string_greaterthan(s1, s2) return P.caml_string_cmp(s1, s2) > 0 and 1 or 0 end

--Provides: caml_bytes_greaterthan
--Requires: caml_string_cmp
function P.caml_bytes_greaterthan(s1, s2) return P.caml_string_cmp(s1, s2) > 0 and 1 or 0 end

--Provides: caml_string_greaterequal
--Requires: caml_string_cmp
function P.caml_string_greaterequal(s1, s2) return P.caml_string_cmp(s1, s2) >= 0 and 1 or 0 end

--Provides: caml_bytes_greaterequal
--Requires: caml_string_cmp
function P.caml_bytes_greaterequal(s1, s2) return P.caml_string_cmp(s1, s2) >= 0 and 1 or 0 end
