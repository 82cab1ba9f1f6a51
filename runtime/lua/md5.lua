-- MD5 (RFC 1321) for Digest: P.caml_md5_raw(s) is the 16-byte digest of a
-- Lua string, written once per target for speed (Lua 5.4 integers, LuaJIT's
-- bit library, plain arithmetic on Lua 5.1).

--Provides: caml_md5_tables
-- Shared constants: K[i] = floor(|sin(i)| * 2^32), shifts S, and the message
-- word used by each of the 64 steps (0-based).
local K, S, W = {}, {}, {}
local shifts = { { 7, 12, 17, 22 }, { 5, 9, 14, 20 }, { 4, 11, 16, 23 }, { 6, 10, 15, 21 } }
for i = 0, 63 do
  K[i + 1] = math.floor(math.abs(math.sin(i + 1)) * 4294967296)
  local r = math.floor(i / 16)
  S[i + 1] = shifts[r + 1][i % 4 + 1]
  local g
  if r == 0 then g = i
  elseif r == 1 then g = (5 * i + 1) % 16
  elseif r == 2 then g = (3 * i + 5) % 16
  else g = (7 * i) % 16 end
  W[i + 1] = g + 1
end
P.caml_md5_tables = { K = K, S = S, W = W }

--Provides: caml_md5_tail
-- The last one or two blocks: the bytes of `s` after its whole blocks, the
-- 0x80 byte, zeros, and the bit length (little-endian 64-bit).
function P.caml_md5_tail(s)
  local len = #s
  local rest = string.sub(s, len - len % 64 + 1)
  local zeros = (55 - len % 64) % 64
  local bits = len * 8
  local lo = bits % 4294967296
  local hi = math.floor(bits / 4294967296)
  local function le(x)
    return string.char(x % 256, math.floor(x / 256) % 256,
      math.floor(x / 65536) % 256, math.floor(x / 16777216) % 256)
  end
  return rest .. "\128" .. string.rep("\0", zeros) .. le(lo) .. le(hi)
end

--Provides: caml_md5_raw
--Requires: caml_md5_tables, caml_md5_tail
--If: lua54
local T = P.caml_md5_tables
local K, S, W = T.K, T.S, T.W
local unpack = string.unpack
local M = 0xffffffff
function P.caml_md5_raw(s)
  local h0, h1, h2, h3 = 0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476
  local function blocks(str, last)
    for pos = 1, last, 64 do
      local X = { unpack("<I4I4I4I4I4I4I4I4I4I4I4I4I4I4I4I4", str, pos) }
      local a, b, c, d = h0, h1, h2, h3
      for i = 1, 64 do
        local f
        if i <= 16 then f = d ~ (b & (c ~ d))
        elseif i <= 32 then f = c ~ (d & (b ~ c))
        elseif i <= 48 then f = b ~ c ~ d
        else f = c ~ (b | (~d & M)) end
        local t = (a + f + K[i] + X[W[i]]) & M
        local r = S[i]
        a, d, c = d, c, b
        b = (b + (((t << r) | (t >> (32 - r))) & M)) & M
      end
      h0, h1, h2, h3 = (h0 + a) & M, (h1 + b) & M, (h2 + c) & M, (h3 + d) & M
    end
  end
  local whole = #s - #s % 64
  blocks(s, whole)
  local tail = P.caml_md5_tail(s)
  blocks(tail, #tail)
  return string.pack("<I4I4I4I4", h0, h1, h2, h3)
end

--Provides: caml_md5_raw
--Requires: caml_md5_tables, caml_md5_tail
--If: luajit
local bit = require("bit")
local band, bor, bxor, bnot, rol, tobit, rshift =
  bit.band, bit.bor, bit.bxor, bit.bnot, bit.rol, bit.tobit, bit.rshift
local T = P.caml_md5_tables
local S, W = T.S, T.W
local K = {}
for i = 1, 64 do K[i] = tobit(T.K[i]) end
local byte, char = string.byte, string.char
function P.caml_md5_raw(s)
  local h0, h1, h2, h3 = tobit(0x67452301), tobit(0xefcdab89), tobit(0x98badcfe), tobit(0x10325476)
  local X = {}
  local function blocks(str, last)
    for pos = 1, last, 64 do
      for j = 0, 15 do
        local b0, b1, b2, b3 = byte(str, pos + 4 * j, pos + 4 * j + 3)
        X[j + 1] = bor(b0, bit.lshift(b1, 8), bit.lshift(b2, 16), bit.lshift(b3, 24))
      end
      local a, b, c, d = h0, h1, h2, h3
      for i = 1, 64 do
        local f
        if i <= 16 then f = bxor(d, band(b, bxor(c, d)))
        elseif i <= 32 then f = bxor(c, band(d, bxor(b, c)))
        elseif i <= 48 then f = bxor(b, c, d)
        else f = bxor(c, bor(b, bnot(d))) end
        local t = tobit(a + f + K[i] + X[W[i]])
        a, d, c = d, c, b
        b = tobit(b + rol(t, S[i]))
      end
      h0, h1, h2, h3 = tobit(h0 + a), tobit(h1 + b), tobit(h2 + c), tobit(h3 + d)
    end
  end
  local whole = #s - #s % 64
  blocks(s, whole)
  local tail = P.caml_md5_tail(s)
  blocks(tail, #tail)
  local out = {}
  local h = { h0, h1, h2, h3 }
  for i = 1, 4 do
    local x = h[i]
    out[i] = char(band(x, 255), band(rshift(x, 8), 255), band(rshift(x, 16), 255), band(rshift(x, 24), 255))
  end
  return table.concat(out)
end

--Provides: caml_md5_raw
--Requires: caml_md5_tables, caml_md5_tail
--If: lua51
-- Plain arithmetic on numbers in [0, 2^32): xor through a byte table,
-- and/or from xor (a + b = (a xor b) + 2 (a and b)).
local T = P.caml_md5_tables
local K, S, W = T.K, T.S, T.W
local floor = math.floor
local byte, char = string.byte, string.char
local XT
local function build()
  local x4 = {}
  for a = 0, 15 do
    for b = 0, 15 do
      local r, m, p, q = 0, 1, a, b
      for _ = 1, 4 do
        if p % 2 ~= q % 2 then r = r + m end
        p, q, m = floor(p / 2), floor(q / 2), m * 2
      end
      x4[a * 16 + b] = r
    end
  end
  XT = {}
  for a = 0, 255 do
    local ah, al = floor(a / 16) * 16, a % 16 * 16
    for b = 0, 255 do
      XT[a * 256 + b] = x4[ah + floor(b / 16)] * 16 + x4[al + b % 16]
    end
  end
end
local function bxor(a, b)
  local a1, b1 = a % 256, b % 256
  a, b = (a - a1) / 256, (b - b1) / 256
  local a2, b2 = a % 256, b % 256
  a, b = (a - a2) / 256, (b - b2) / 256
  local a3, b3 = a % 256, b % 256
  a, b = (a - a3) / 256, (b - b3) / 256
  return XT[a1 * 256 + b1] + XT[a2 * 256 + b2] * 256
    + XT[a3 * 256 + b3] * 65536 + XT[a * 256 + b] * 16777216
end
local P2 = {}
for i = 0, 32 do P2[i] = 2 ^ i end
function P.caml_md5_raw(s)
  if not XT then build() end
  local h0, h1, h2, h3 = 0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476
  local X = {}
  local function blocks(str, last)
    for pos = 1, last, 64 do
      for j = 0, 15 do
        local b0, b1, b2, b3 = byte(str, pos + 4 * j, pos + 4 * j + 3)
        X[j + 1] = b0 + b1 * 256 + b2 * 65536 + b3 * 16777216
      end
      local a, b, c, d = h0, h1, h2, h3
      for i = 1, 64 do
        local f
        if i <= 16 then
          local x = bxor(c, d)
          f = bxor(d, (b + x - bxor(b, x)) / 2)
        elseif i <= 32 then
          local x = bxor(b, c)
          f = bxor(c, (d + x - bxor(d, x)) / 2)
        elseif i <= 48 then
          f = bxor(bxor(b, c), d)
        else
          local nd = 4294967295 - d
          f = bxor(c, (b + nd + bxor(b, nd)) / 2)
        end
        local t = (a + f + K[i] + X[W[i]]) % 4294967296
        local r = S[i]
        local q = P2[32 - r]
        local rot = (t % q) * P2[r] + floor(t / q)
        a, d, c = d, c, b
        b = (b + rot) % 4294967296
      end
      h0 = (h0 + a) % 4294967296
      h1 = (h1 + b) % 4294967296
      h2 = (h2 + c) % 4294967296
      h3 = (h3 + d) % 4294967296
    end
  end
  local whole = #s - #s % 64
  blocks(s, whole)
  local tail = P.caml_md5_tail(s)
  blocks(tail, #tail)
  local out = {}
  local h = { h0, h1, h2, h3 }
  for i = 1, 4 do
    local x = h[i]
    out[i] = char(x % 256, floor(x / 256) % 256, floor(x / 65536) % 256, floor(x / 16777216))
  end
  return table.concat(out)
end

--Provides: caml_md5_string
--Requires: caml_md5_raw, caml_sub_lua_string
-- Digest.substring: MD5 of len bytes from ofs.
function P.caml_md5_string(s, ofs, len)
  return P.caml_md5_raw(P.caml_sub_lua_string(s, ofs, len))
end

--Provides: caml_md5_bytes
--Requires: caml_md5_raw, caml_sub_lua_string
function P.caml_md5_bytes(s, ofs, len)
  return P.caml_md5_raw(P.caml_sub_lua_string(s, ofs, len))
end

--Provides: caml_md5_chan
--Requires: caml_md5_raw, caml_ml_input_string, caml_raise_end_of_file
-- Digest.channel: MD5 of the next len bytes of the channel (End_of_file if
-- fewer remain), or of everything up to the end if len < 0.
function P.caml_md5_chan(ch, len)
  local parts = {}
  if len < 0 then
    while true do
      local s = P.caml_ml_input_string(ch, 65536)
      if #s == 0 then break end
      parts[#parts + 1] = s
    end
  else
    while len > 0 do
      local s = P.caml_ml_input_string(ch, len > 65536 and 65536 or len)
      if #s == 0 then P.caml_raise_end_of_file() end
      parts[#parts + 1] = s
      len = len - #s
    end
  end
  return P.caml_md5_raw(table.concat(parts))
end
