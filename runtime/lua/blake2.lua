-- BLAKE2b (OCaml >= 5.2 Digest.BLAKE2*, runtime/blake2.c): the same digests
-- as ocamlrun, keyed or not, any hash length from 1 to 64 bytes.
--
-- A state is a custom block (identifier "_blake2"):
--   { h = the eight chaining words, len = bytes compressed so far (a number),
--     buf = the pending input (a Lua string of at most 128 bytes) }
-- and caml_blake2_compress(h, block, len, last) is the per-target core. Words
-- are 64-bit integers on Lua 5.4 and { hi, lo } pairs of unsigned 32-bit
-- numbers elsewhere (h[2i - 1] = hi, h[2i] = lo).

--Provides: caml_blake2_compress, caml_blake2_init_words, caml_blake2_extract
--If: lua54
local unpack = string.unpack
local IV = { 0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
  0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179 }
local SIGMA = {
  { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 },
  { 14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3 },
  { 11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4 },
  { 7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8 },
  { 9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13 },
  { 2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9 },
  { 12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11 },
  { 13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10 },
  { 6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5 },
  { 10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0 },
}
local v, m = {}, {}
local function G(a, b, c, d, x, y)
  local va, vb, vc, vd = v[a], v[b], v[c], v[d]
  va = va + vb + x
  vd = vd ~ va
  vd = (vd >> 32) | (vd << 32)
  vc = vc + vd
  vb = vb ~ vc
  vb = (vb >> 24) | (vb << 40)
  va = va + vb + y
  vd = vd ~ va
  vd = (vd >> 16) | (vd << 48)
  vc = vc + vd
  vb = vb ~ vc
  vb = (vb >> 63) | (vb << 1)
  v[a], v[b], v[c], v[d] = va, vb, vc, vd
end
function P.caml_blake2_compress(h, block, len, last)
  for i = 1, 8 do
    v[i] = h[i]
    v[i + 8] = IV[i]
  end
  v[13] = v[13] ~ math.tointeger(len)
  if last then v[15] = ~v[15] end
  for i = 1, 16 do m[i] = unpack("<i8", block, i * 8 - 7) end
  for r = 1, 12 do
    local s = SIGMA[(r - 1) % 10 + 1]
    G(1, 5, 9, 13, m[s[1] + 1], m[s[2] + 1])
    G(2, 6, 10, 14, m[s[3] + 1], m[s[4] + 1])
    G(3, 7, 11, 15, m[s[5] + 1], m[s[6] + 1])
    G(4, 8, 12, 16, m[s[7] + 1], m[s[8] + 1])
    G(1, 6, 11, 16, m[s[9] + 1], m[s[10] + 1])
    G(2, 7, 12, 13, m[s[11] + 1], m[s[12] + 1])
    G(3, 8, 9, 14, m[s[13] + 1], m[s[14] + 1])
    G(4, 5, 10, 15, m[s[15] + 1], m[s[16] + 1])
  end
  for i = 1, 8 do h[i] = h[i] ~ v[i] ~ v[i + 8] end
end
function P.caml_blake2_init_words(param)
  local h = {}
  for i = 1, 8 do h[i] = IV[i] end
  h[1] = h[1] ~ param
  return h
end
function P.caml_blake2_extract(h, hashlen)
  local out = {}
  for i = 0, hashlen - 1 do
    out[i + 1] = string.char((h[i // 8 + 1] >> (8 * (i % 8))) & 0xff)
  end
  return table.concat(out)
end

--Provides: caml_blake2_compress, caml_blake2_init_words, caml_blake2_extract
--Requires: caml_int_xor
--If: luajit, lua51
local floor, byte = math.floor, string.byte
local T32 = 4294967296
local IV = { 0x6a09e667, 0xf3bcc908, 0xbb67ae85, 0x84caa73b, 0x3c6ef372, 0xfe94f82b,
  0xa54ff53a, 0x5f1d36f1, 0x510e527f, 0xade682d1, 0x9b05688c, 0x2b3e6c1f,
  0x1f83d9ab, 0xfb41bd6b, 0x5be0cd19, 0x137e2179 }
local SIGMA = {
  { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 },
  { 14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3 },
  { 11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4 },
  { 7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8 },
  { 9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13 },
  { 2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9 },
  { 12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11 },
  { 13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10 },
  { 6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5 },
  { 10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0 },
}
-- word i (1-based) of a table of pairs: hi at 2i - 1, lo at 2i
local vh, vl, mh, ml = {}, {}, {}, {}
local X
local function xor(a, b) return X(a, b) % T32 end
local function G(a, b, c, d, xh, xl, yh, yl)
  local ah, al, bh, bl = vh[a], vl[a], vh[b], vl[b]
  local ch, cl, dh, dl = vh[c], vl[c], vh[d], vl[d]
  local t
  -- a += b + x
  t = al + bl + xl
  ah = (ah + bh + xh + floor(t / T32)) % T32
  al = t % T32
  -- d = rotr(d ^ a, 32)
  dh, dl = xor(dl, al), xor(dh, ah)
  -- c += d
  t = cl + dl
  ch = (ch + dh + floor(t / T32)) % T32
  cl = t % T32
  -- b = rotr(b ^ c, 24)
  bh, bl = xor(bh, ch), xor(bl, cl)
  bh, bl = floor(bh / 16777216) + (bl % 16777216) * 256, floor(bl / 16777216) + (bh % 16777216) * 256
  -- a += b + y
  t = al + bl + yl
  ah = (ah + bh + yh + floor(t / T32)) % T32
  al = t % T32
  -- d = rotr(d ^ a, 16)
  dh, dl = xor(dh, ah), xor(dl, al)
  dh, dl = floor(dh / 65536) + (dl % 65536) * 65536, floor(dl / 65536) + (dh % 65536) * 65536
  -- c += d
  t = cl + dl
  ch = (ch + dh + floor(t / T32)) % T32
  cl = t % T32
  -- b = rotr(b ^ c, 63) = rotl(b ^ c, 1)
  bh, bl = xor(bh, ch), xor(bl, cl)
  bh, bl = (bh * 2) % T32 + floor(bl / 2147483648), (bl * 2) % T32 + floor(bh / 2147483648)
  vh[a], vl[a], vh[b], vl[b] = ah, al, bh, bl
  vh[c], vl[c], vh[d], vl[d] = ch, cl, dh, dl
end
function P.caml_blake2_compress(h, block, len, last)
  X = P.caml_int_xor
  for i = 1, 8 do
    vh[i], vl[i] = h[2 * i - 1], h[2 * i]
    vh[i + 8], vl[i + 8] = IV[2 * i - 1], IV[2 * i]
  end
  vl[13] = xor(vl[13], len % T32)
  vh[13] = xor(vh[13], floor(len / T32) % T32)
  if last then vh[15], vl[15] = T32 - 1 - vh[15], T32 - 1 - vl[15] end
  for i = 1, 16 do
    local b0, b1, b2, b3, b4, b5, b6, b7 = byte(block, i * 8 - 7, i * 8)
    ml[i - 1] = b0 + b1 * 256 + b2 * 65536 + b3 * 16777216
    mh[i - 1] = b4 + b5 * 256 + b6 * 65536 + b7 * 16777216
  end
  for r = 1, 12 do
    local s = SIGMA[(r - 1) % 10 + 1]
    G(1, 5, 9, 13, mh[s[1]], ml[s[1]], mh[s[2]], ml[s[2]])
    G(2, 6, 10, 14, mh[s[3]], ml[s[3]], mh[s[4]], ml[s[4]])
    G(3, 7, 11, 15, mh[s[5]], ml[s[5]], mh[s[6]], ml[s[6]])
    G(4, 8, 12, 16, mh[s[7]], ml[s[7]], mh[s[8]], ml[s[8]])
    G(1, 6, 11, 16, mh[s[9]], ml[s[9]], mh[s[10]], ml[s[10]])
    G(2, 7, 12, 13, mh[s[11]], ml[s[11]], mh[s[12]], ml[s[12]])
    G(3, 8, 9, 14, mh[s[13]], ml[s[13]], mh[s[14]], ml[s[14]])
    G(4, 5, 10, 15, mh[s[15]], ml[s[15]], mh[s[16]], ml[s[16]])
  end
  for i = 1, 8 do
    h[2 * i - 1] = xor(xor(h[2 * i - 1], vh[i]), vh[i + 8])
    h[2 * i] = xor(xor(h[2 * i], vl[i]), vl[i + 8])
  end
end
function P.caml_blake2_init_words(param)
  X = P.caml_int_xor
  local h = {}
  for i = 1, 16 do h[i] = IV[i] end
  h[2] = xor(h[2], param)
  return h
end
function P.caml_blake2_extract(h, hashlen)
  local out = {}
  for i = 0, hashlen - 1 do
    local w = floor(i / 8)
    local k = i % 8
    local x
    if k < 4 then x = h[2 * w + 2] else x = h[2 * w + 1]; k = k - 4 end
    out[i + 1] = string.char(floor(x / 2 ^ (8 * k)) % 256)
  end
  return table.concat(out)
end

--Provides: caml_blake2_create, caml_blake2_update, caml_blake2_final, caml_blake2_string, caml_blake2_bytes
--Requires: caml_blake2_compress, caml_blake2_init_words, caml_blake2_extract, caml_lua_string
local sub, rep = string.sub, string.rep
local MT = { caml_custom = "_blake2" }
local function init(hashlen, key)
  key = P.caml_lua_string(key)
  local keylen = #key
  if keylen > 64 then keylen = 64; key = sub(key, 1, 64) end
  -- 0x01010000 | keylen << 8 | hashlen
  local s = setmetatable({ h = P.caml_blake2_init_words(16842752 + keylen * 256 + hashlen),
    len = 0, buf = "" }, MT)
  if keylen > 0 then s.buf = key .. rep("\0", 128 - keylen) end
  return s
end
local function compress(s, block, n, last)
  s.len = s.len + n
  P.caml_blake2_compress(s.h, block, s.len, last)
end
local function update(s, data)
  local len = #data
  local pos = 1
  local nb = #s.buf
  if nb > 0 then
    local n = 128 - nb
    if len <= n then
      s.buf = s.buf .. data
      return
    end
    compress(s, s.buf .. sub(data, 1, n), 128, false)
    pos = n + 1
  end
  while len - pos + 1 > 128 do
    compress(s, sub(data, pos, pos + 127), 128, false)
    pos = pos + 128
  end
  s.buf = sub(data, pos)
end
local function final(s, hashlen)
  local nb = #s.buf
  compress(s, s.buf .. rep("\0", 128 - nb), nb, true)
  return P.caml_blake2_extract(s.h, hashlen)
end
function P.caml_blake2_create(hashlen, key)
  return init(hashlen, key)
end
function P.caml_blake2_update(s, b, ofs, len)
  update(s, sub(P.caml_lua_string(b), ofs + 1, ofs + len))
  return 0
end
function P.caml_blake2_final(s, hashlen)
  return final(s, hashlen)
end
function P.caml_blake2_string(hashlen, key, b, ofs, len)
  local s = init(hashlen, key)
  update(s, sub(P.caml_lua_string(b), ofs + 1, ofs + len))
  return final(s, hashlen)
end
function P.caml_blake2_bytes(hashlen, key, b, ofs, len)
  return P.caml_blake2_string(hashlen, key, b, ofs, len)
end
