-- The LXM pseudo-random generator of OCaml 5.x's Random (runtime/prng.c,
-- L64X128 of Steele and Vigna): the same sequence as ocamlrun for the same
-- state. A Random.State.t is an int64 Bigarray.Array1 of 4 elements
-- (bigarray.lua: two slots per element, low then high unsigned 32-bit half):
-- a (the LCG's additive constant), s (LCG state), x0, x1 (XBG state).

--Provides: caml_lxm_next
--Requires: caml_int64_create_lo_hi
--If: lua54
local M = 0xd1342543de82ef95
local K = 0xdaba0b6eb09322e3
function P.caml_lxm_next(st)
  local d = st.data
  local i = st.ofs + 1
  local a = (d[i + 1] << 32) | d[i]
  local s = (d[i + 3] << 32) | d[i + 2]
  local q0 = (d[i + 5] << 32) | d[i + 4]
  local q1 = (d[i + 7] << 32) | d[i + 6]
  -- combining operation and mixing function (>> is a logical shift)
  local z = s + q0
  z = (z ~ (z >> 32)) * K
  z = (z ~ (z >> 32)) * K
  z = z ~ (z >> 32)
  -- LCG update
  s = s * M + a
  -- XBG update
  q1 = q1 ~ q0
  q0 = ((q0 << 24) | (q0 >> 40)) ~ q1 ~ (q1 << 16)
  q1 = (q1 << 37) | (q1 >> 27)
  d[i + 2], d[i + 3] = s & 0xffffffff, (s >> 32) & 0xffffffff
  d[i + 4], d[i + 5] = q0 & 0xffffffff, (q0 >> 32) & 0xffffffff
  d[i + 6], d[i + 7] = q1 & 0xffffffff, (q1 >> 32) & 0xffffffff
  return P.caml_int64_create_lo_hi(z & 0xffffffff, (z >> 32) & 0xffffffff)
end

--Provides: caml_lxm_next
--Requires: caml_int64_create_lo_hi, caml_uint64_mul, caml_int_xor
--If: luajit, lua51
-- 64-bit words as (hi, lo) pairs of unsigned 32-bit numbers.
local floor = math.floor
local TWO32 = 4294967296
local function xor(a, b) return P.caml_int_xor(a, b) % TWO32 end
-- rotate left by k, 0 < k < 32
local function rotl(h, l, k)
  local pk, pr = 2 ^ k, 2 ^ (32 - k)
  return (h % pr) * pk + floor(l / pr), (l % pr) * pk + floor(h / pr)
end
function P.caml_lxm_next(st)
  local d = st.data
  local i = st.ofs + 1
  local al, ah = d[i], d[i + 1]
  local sl, sh = d[i + 2], d[i + 3]
  local q0l, q0h = d[i + 4], d[i + 5]
  local q1l, q1h = d[i + 6], d[i + 7]
  local mul = P.caml_uint64_mul
  -- z = s + x0
  local zl = sl + q0l
  local zh = sh + q0h
  if zl >= TWO32 then zl, zh = zl - TWO32, zh + 1 end
  zh = zh % TWO32
  -- z = (z ^ (z >> 32)) * K, twice; z = z ^ (z >> 32)
  zh, zl = mul(zh, xor(zl, zh), 0xdaba0b6e, 0xb09322e3)
  zh, zl = mul(zh, xor(zl, zh), 0xdaba0b6e, 0xb09322e3)
  zl = xor(zl, zh)
  -- s = s * M + a
  sh, sl = mul(sh, sl, 0xd1342543, 0xde82ef95)
  sl = sl + al
  sh = sh + ah
  if sl >= TWO32 then sl, sh = sl - TWO32, sh + 1 end
  sh = sh % TWO32
  -- q1 ^= q0; q0 = rotl(q0, 24) ^ q1 ^ (q1 << 16); q1 = rotl(q1, 37)
  q1h, q1l = xor(q1h, q0h), xor(q1l, q0l)
  local rh, rl = rotl(q0h, q0l, 24)
  local sh16 = (q1h % 65536) * 65536 + floor(q1l / 65536)
  local sl16 = (q1l % 65536) * 65536
  q0h = xor(xor(rh, q1h), sh16)
  q0l = xor(xor(rl, q1l), sl16)
  q1h, q1l = rotl(q1l, q1h, 5) -- rotl 37 = swap the halves, then rotl 5
  d[i + 2], d[i + 3] = sl, sh
  d[i + 4], d[i + 5] = q0l, q0h
  d[i + 6], d[i + 7] = q1l, q1h
  return P.caml_int64_create_lo_hi(zl, zh)
end
