-- Int64 and Nativeint (both exact 64-bit), and Int32.
--
-- Representation of int64 and nativeint values (every target):
--   setmetatable({ lo = LO, hi = HI }, MT)
-- where LO and HI are the low and high 32-bit halves of the two's complement
-- value, each an *unsigned* number in [0, 2^32) (on Lua 5.4 of integer subtype).
-- MT is P.caml_int64_mt (caml_custom "_j") for int64 and P.caml_nativeint_mt
-- (caml_custom "_n") for nativeint. Both metatables carry
--   compare(a, b) -> -1/0/1 (signed order)
--   hash(a)       -> unsigned 32-bit number, as OCaml's custom hash functions
-- Values are immutable. Build them with P.caml_int64_create_lo_hi(lo, hi) (or
-- P.caml_nativeint_create_lo_hi); read the fields directly.
-- Arithmetic primitives give their result the metatable of their first operand,
-- so the caml_nativeint_* primitives share the caml_int64_* code.
--
-- Int32 values are plain numbers (signed 32-bit, like int); the caml_int32_*
-- primitives reuse the caml_int_* helpers of ints.lua.

--Provides: caml_int64_mt, caml_nativeint_mt
--Requires: caml_int_xor
local function compare(a, b)
  local ah, bh = a.hi, b.hi
  if ah ~= bh then
    if ah >= 2147483648 then ah = ah - 4294967296 end
    if bh >= 2147483648 then bh = bh - 4294967296 end
    if ah < bh then return -1 else return 1 end
  end
  local al, bl = a.lo, b.lo
  if al < bl then return -1 elseif al > bl then return 1 else return 0 end
end
P.caml_int64_mt = {
  caml_custom = "_j",
  compare = compare,
  -- OCaml: (uint32) x ^ (uint32) (x >> 32)
  hash = function(a) return P.caml_int_xor(a.lo, a.hi) % 4294967296 end,
}
P.caml_nativeint_mt = {
  caml_custom = "_n",
  compare = compare,
  -- OCaml (64-bit): (n >> 32) ^ (n >> 63) ^ n, low 32 bits
  hash = function(a)
    local h = a.hi
    if h >= 2147483648 then h = 4294967295 - h end
    return P.caml_int_xor(a.lo, h) % 4294967296
  end,
}

--Provides: caml_int64_create_lo_hi
--Requires: caml_int64_mt
--If: lua54
-- lo, hi: unsigned 32-bit numbers (signed ones are reduced mod 2^32).
function P.caml_int64_create_lo_hi(lo, hi)
  return setmetatable({ lo = lo & 0xffffffff, hi = hi & 0xffffffff }, P.caml_int64_mt)
end

--Provides: caml_int64_create_lo_hi
--Requires: caml_int64_mt
--If: luajit, lua51
function P.caml_int64_create_lo_hi(lo, hi)
  return setmetatable({ lo = lo % 4294967296, hi = hi % 4294967296 }, P.caml_int64_mt)
end

--Provides: caml_nativeint_create_lo_hi
--Requires: caml_int64_create_lo_hi, caml_nativeint_mt
function P.caml_nativeint_create_lo_hi(lo, hi)
  return setmetatable(P.caml_int64_create_lo_hi(lo, hi), P.caml_nativeint_mt)
end

--Provides: caml_int64_lo, caml_int64_hi
-- The unsigned 32-bit halves (for other runtime files).
function P.caml_int64_lo(a) return a.lo end
function P.caml_int64_hi(a) return a.hi end

--Provides: caml_int64_of_number, caml_int64_to_number
--Requires: caml_int64_mt, caml_int64_of_float
--If: lua54
-- Between int64 and an integral Lua number (file sizes, positions...).
function P.caml_int64_of_number(n)
  local v = math.tointeger(n)
  if v == nil then return P.caml_int64_of_float(n) end
  return setmetatable({ lo = v & 0xffffffff, hi = (v >> 32) & 0xffffffff }, P.caml_int64_mt)
end
function P.caml_int64_to_number(a)
  return (a.hi << 32) | a.lo
end

--Provides: caml_int64_of_number, caml_int64_to_number
--Requires: caml_int64_mt, caml_int64_to_float
--If: luajit, lua51
local floor = math.floor
-- Between int64 and an integral Lua number (exact below 2^53).
function P.caml_int64_of_number(n)
  local hi = floor(n / 4294967296)
  return setmetatable({ lo = n - hi * 4294967296, hi = hi % 4294967296 }, P.caml_int64_mt)
end
P.caml_int64_to_number = P.caml_int64_to_float

--Provides: caml_int64_add, caml_int64_sub, caml_int64_neg
-- Portable: on Lua 5.4 the fields stay integers.
function P.caml_int64_add(a, b)
  local lo, hi = a.lo + b.lo, a.hi + b.hi
  if lo >= 4294967296 then lo, hi = lo - 4294967296, hi + 1 end
  if hi >= 4294967296 then hi = hi - 4294967296 end
  return setmetatable({ lo = lo, hi = hi }, getmetatable(a))
end
function P.caml_int64_sub(a, b)
  local lo, hi = a.lo - b.lo, a.hi - b.hi
  if lo < 0 then lo, hi = lo + 4294967296, hi - 1 end
  if hi < 0 then hi = hi + 4294967296 end
  return setmetatable({ lo = lo, hi = hi }, getmetatable(a))
end
function P.caml_int64_neg(a)
  local lo, hi = 0 - a.lo, 0 - a.hi
  if lo < 0 then lo, hi = lo + 4294967296, hi - 1 end
  if hi < 0 then hi = hi + 4294967296 end
  return setmetatable({ lo = lo, hi = hi }, getmetatable(a))
end

--Provides: caml_int64_mul
--If: lua54
function P.caml_int64_mul(a, b)
  local v = ((a.hi << 32) | a.lo) * ((b.hi << 32) | b.lo)
  return setmetatable({ lo = v & 0xffffffff, hi = (v >> 32) & 0xffffffff }, getmetatable(a))
end

--Provides: caml_uint64_mul
--If: lua54
-- Low 64 bits of (ah:al) * (bh:bl) (unsigned 32-bit halves), as hi, lo.
function P.caml_uint64_mul(ah, al, bh, bl)
  local v = ((ah << 32) | al) * ((bh << 32) | bl)
  return (v >> 32) & 0xffffffff, v & 0xffffffff
end

--Provides: caml_uint64_mul
--If: luajit, lua51
local floor = math.floor
-- Low 64 bits of (ah:al) * (bh:bl), through 16-bit limbs (all partial sums exact).
function P.caml_uint64_mul(ah, al, bh, bl)
  local a0 = al % 65536
  local a1 = (al - a0) / 65536
  local a2 = ah % 65536
  local a3 = (ah - a2) / 65536
  local b0 = bl % 65536
  local b1 = (bl - b0) / 65536
  local b2 = bh % 65536
  local b3 = (bh - b2) / 65536
  local r1 = a1 * b0 + a0 * b1
  local lo = a0 * b0 + (r1 % 65536) * 65536
  local c = floor(lo / 4294967296)
  lo = lo - c * 4294967296
  local hi = floor(r1 / 65536) + a2 * b0 + a1 * b1 + a0 * b2
    + ((a3 * b0 + a2 * b1 + a1 * b2 + a0 * b3) % 65536) * 65536 + c
  return hi % 4294967296, lo
end

--Provides: caml_int64_mul
--Requires: caml_uint64_mul
--If: luajit, lua51
function P.caml_int64_mul(a, b)
  local hi, lo = P.caml_uint64_mul(a.hi, a.lo, b.hi, b.lo)
  return setmetatable({ lo = lo, hi = hi }, getmetatable(a))
end

--Provides: caml_int64_div, caml_int64_mod
--Requires: caml_raise_zero_divide
--If: lua54
local fmod = math.fmod
-- Truncating; min_int / -1 = min_int, min_int mod -1 = 0.
function P.caml_int64_div(a, b)
  local x, y = (a.hi << 32) | a.lo, (b.hi << 32) | b.lo
  if y == 0 then P.caml_raise_zero_divide() end
  local q = x // y
  if q < 0 and q * y ~= x then q = q + 1 end
  return setmetatable({ lo = q & 0xffffffff, hi = (q >> 32) & 0xffffffff }, getmetatable(a))
end
function P.caml_int64_mod(a, b)
  local x, y = (a.hi << 32) | a.lo, (b.hi << 32) | b.lo
  if y == 0 then P.caml_raise_zero_divide() end
  local r = fmod(x, y)
  return setmetatable({ lo = r & 0xffffffff, hi = (r >> 32) & 0xffffffff }, getmetatable(a))
end

--Provides: caml_uint64_divmod
--If: lua54
local ult = math.ult
-- Unsigned 64-bit division (nh:nl) / (dh:dl), d ~= 0. Returns qh, ql, rh, rl.
function P.caml_uint64_divmod(nh, nl, dh, dl)
  local n, d = (nh << 32) | nl, (dh << 32) | dl
  local q
  if d < 0 then
    q = ult(n, d) and 0 or 1
  else
    q = ((n >> 1) // d) << 1
  end
  local r = n - q * d
  if not ult(r, d) then q, r = q + 1, r - d end
  return (q >> 32) & 0xffffffff, q & 0xffffffff, (r >> 32) & 0xffffffff, r & 0xffffffff
end

--Provides: caml_uint64_divmod
--Requires: caml_uint64_mul
--If: luajit, lua51
local floor = math.floor
local function ge(ah, al, bh, bl)
  return ah > bh or (ah == bh and al >= bl)
end
local function sub(ah, al, bh, bl)
  local lo, hi = al - bl, ah - bh
  if lo < 0 then lo, hi = lo + 4294967296, hi - 1 end
  return hi, lo
end
-- Unsigned 64-bit division (nh:nl) / (dh:dl), d ~= 0. Returns qh, ql, rh, rl.
function P.caml_uint64_divmod(nh, nl, dh, dl)
  if dh == 0 and dl < 2097152 then
    -- Small divisor: two exact long-division steps.
    local qh = floor(nh / dl)
    local t = (nh - qh * dl) * 4294967296 + nl
    local ql = floor(t / dl)
    return qh, ql, 0, t - ql * dl
  end
  -- Here q < 2^43: the float quotient is within 1 of it; start one below and
  -- correct upwards (at most twice).
  local q = floor((nh * 4294967296 + nl) / (dh * 4294967296 + dl)) - 1
  if q < 0 then q = 0 end
  local qh = floor(q / 4294967296)
  local ql = q - qh * 4294967296
  local ph, pl = P.caml_uint64_mul(qh, ql, dh, dl)
  local rh, rl = sub(nh, nl, ph, pl)
  while ge(rh, rl, dh, dl) do
    rh, rl = sub(rh, rl, dh, dl)
    ql = ql + 1
    if ql == 4294967296 then ql, qh = 0, qh + 1 end
  end
  return qh, ql, rh, rl
end

--Provides: caml_int64_div, caml_int64_mod
--Requires: caml_uint64_divmod, caml_raise_zero_divide
--If: luajit, lua51
local function absv(h, l)
  if h < 2147483648 then return h, l, false end
  if l == 0 then return (4294967296 - h) % 4294967296, 0, true end
  return 4294967295 - h, 4294967296 - l, true
end
local function negv(h, l)
  if l == 0 then return (4294967296 - h) % 4294967296, 0 end
  return 4294967295 - h, 4294967296 - l
end
function P.caml_int64_div(a, b)
  if b.hi == 0 and b.lo == 0 then P.caml_raise_zero_divide() end
  local nh, nl, nneg = absv(a.hi, a.lo)
  local dh, dl, dneg = absv(b.hi, b.lo)
  local qh, ql = P.caml_uint64_divmod(nh, nl, dh, dl)
  if nneg ~= dneg then qh, ql = negv(qh, ql) end
  return setmetatable({ lo = ql, hi = qh }, getmetatable(a))
end
function P.caml_int64_mod(a, b)
  if b.hi == 0 and b.lo == 0 then P.caml_raise_zero_divide() end
  local nh, nl, nneg = absv(a.hi, a.lo)
  local dh, dl = absv(b.hi, b.lo)
  local _, _, rh, rl = P.caml_uint64_divmod(nh, nl, dh, dl)
  if nneg then rh, rl = negv(rh, rl) end
  return setmetatable({ lo = rl, hi = rh }, getmetatable(a))
end

--Provides: caml_int64_and, caml_int64_or, caml_int64_xor
--If: lua54
function P.caml_int64_and(a, b)
  return setmetatable({ lo = a.lo & b.lo, hi = a.hi & b.hi }, getmetatable(a))
end
function P.caml_int64_or(a, b)
  return setmetatable({ lo = a.lo | b.lo, hi = a.hi | b.hi }, getmetatable(a))
end
function P.caml_int64_xor(a, b)
  return setmetatable({ lo = a.lo ~ b.lo, hi = a.hi ~ b.hi }, getmetatable(a))
end

--Provides: caml_int64_and, caml_int64_or, caml_int64_xor
--Requires: caml_int_and, caml_int_or, caml_int_xor
--If: luajit, lua51
-- The 32-bit helpers accept unsigned operands and return signed results.
function P.caml_int64_and(a, b)
  local f = P.caml_int_and
  return setmetatable({ lo = f(a.lo, b.lo) % 4294967296, hi = f(a.hi, b.hi) % 4294967296 },
    getmetatable(a))
end
function P.caml_int64_or(a, b)
  local f = P.caml_int_or
  return setmetatable({ lo = f(a.lo, b.lo) % 4294967296, hi = f(a.hi, b.hi) % 4294967296 },
    getmetatable(a))
end
function P.caml_int64_xor(a, b)
  local f = P.caml_int_xor
  return setmetatable({ lo = f(a.lo, b.lo) % 4294967296, hi = f(a.hi, b.hi) % 4294967296 },
    getmetatable(a))
end

--Provides: caml_int64_shift_left, caml_int64_shift_right, caml_int64_shift_right_unsigned
--If: lua54
-- Shift counts are taken mod 64.
local function mk(v, mt)
  return setmetatable({ lo = v & 0xffffffff, hi = (v >> 32) & 0xffffffff }, mt)
end
function P.caml_int64_shift_left(a, n)
  return mk(((a.hi << 32) | a.lo) << (n & 63), getmetatable(a))
end
function P.caml_int64_shift_right_unsigned(a, n)
  return mk(((a.hi << 32) | a.lo) >> (n & 63), getmetatable(a))
end
function P.caml_int64_shift_right(a, n)
  local v = (a.hi << 32) | a.lo
  n = n & 63
  if v < 0 then v = ~((~v) >> n) else v = v >> n end
  return mk(v, getmetatable(a))
end

--Provides: caml_int64_shift_left, caml_int64_shift_right, caml_int64_shift_right_unsigned
--If: luajit, lua51
local floor = math.floor
local POW = {}
for k = 0, 32 do POW[k] = 2 ^ k end
function P.caml_int64_shift_left(a, n)
  n = n % 64
  local lo, hi = a.lo, a.hi
  if n >= 32 then
    hi, lo = (lo % POW[64 - n]) * POW[n - 32], 0
  elseif n > 0 then
    hi = (hi % POW[32 - n]) * POW[n] + floor(lo / POW[32 - n])
    lo = (lo % POW[32 - n]) * POW[n]
  end
  return setmetatable({ lo = lo, hi = hi }, getmetatable(a))
end
function P.caml_int64_shift_right_unsigned(a, n)
  n = n % 64
  local lo, hi = a.lo, a.hi
  if n >= 32 then
    lo, hi = floor(hi / POW[n - 32]), 0
  elseif n > 0 then
    lo = floor(lo / POW[n]) + (hi % POW[n]) * POW[32 - n]
    hi = floor(hi / POW[n])
  end
  return setmetatable({ lo = lo, hi = hi }, getmetatable(a))
end
function P.caml_int64_shift_right(a, n)
  n = n % 64
  local lo, hi = a.lo, a.hi
  local neg = hi >= 2147483648
  if n >= 32 then
    lo = floor(hi / POW[n - 32])
    if neg then lo, hi = lo + 4294967296 - POW[64 - n], 4294967295 else hi = 0 end
  elseif n > 0 then
    lo = floor(lo / POW[n]) + (hi % POW[n]) * POW[32 - n]
    hi = floor(hi / POW[n])
    if neg then hi = hi + 4294967296 - POW[32 - n] end
  end
  return setmetatable({ lo = lo, hi = hi }, getmetatable(a))
end

--Provides: caml_int64_compare
function P.caml_int64_compare(a, b)
  return getmetatable(a).compare(a, b)
end

--Provides: caml_int64_of_int, caml_int64_of_int32
--Requires: caml_int64_mt
-- From a signed 32-bit number.
function P.caml_int64_of_int(n)
  return setmetatable({ lo = n % 4294967296, hi = n < 0 and 4294967295 or 0 }, P.caml_int64_mt)
end
P.caml_int64_of_int32 = P.caml_int64_of_int

--Provides: caml_int64_to_int, caml_int64_to_int32
-- Low 32 bits, signed.
function P.caml_int64_to_int(a)
  local lo = a.lo
  if lo >= 2147483648 then return lo - 4294967296 end
  return lo
end
P.caml_int64_to_int32 = P.caml_int64_to_int

--Provides: caml_int64_to_float
--If: lua54
function P.caml_int64_to_float(a)
  return ((a.hi << 32) | a.lo) + 0.0
end

--Provides: caml_int64_to_float
--If: luajit, lua51
-- One rounding: hi * 2^32 is exact, the sum is rounded once.
function P.caml_int64_to_float(a)
  local hi = a.hi
  if hi >= 2147483648 then hi = hi - 4294967296 end
  return hi * 4294967296 + a.lo
end

--Provides: caml_int64_of_float
--Requires: caml_int64_mt
--If: lua54
local floor, ceil = math.floor, math.ceil
-- Truncation; NaN and out-of-range values give min_int (as amd64 does).
function P.caml_int64_of_float(x)
  local v
  if x >= -9223372036854775808.0 and x < 9223372036854775808.0 then
    if x >= 0 then v = floor(x) else v = ceil(x) end
  else
    v = math.mininteger
  end
  return setmetatable({ lo = v & 0xffffffff, hi = (v >> 32) & 0xffffffff }, P.caml_int64_mt)
end

--Provides: caml_int64_of_float
--Requires: caml_int64_mt
--If: luajit, lua51
local floor = math.floor
function P.caml_int64_of_float(x)
  if not (x >= -9223372036854775808 and x < 9223372036854775808) then
    return setmetatable({ lo = 0, hi = 2147483648 }, P.caml_int64_mt)
  end
  local a = x < 0 and -x or x
  a = floor(a)
  local hi = floor(a / 4294967296)
  local lo = a - hi * 4294967296
  if x < 0 and a ~= 0 then
    if lo == 0 then hi = (4294967296 - hi) % 4294967296 else hi, lo = 4294967295 - hi, 4294967296 - lo end
  end
  return setmetatable({ lo = lo, hi = hi }, P.caml_int64_mt)
end

--Provides: caml_int64_bswap
local floor = math.floor
local function rev32(x)
  local b0 = x % 256
  x = floor(x / 256)
  local b1 = x % 256
  x = floor(x / 256)
  local b2 = x % 256
  local b3 = floor(x / 256)
  return ((b0 * 256 + b1) * 256 + b2) * 256 + b3
end
function P.caml_int64_bswap(a)
  return setmetatable({ lo = rev32(a.hi), hi = rev32(a.lo) }, getmetatable(a))
end

--Provides: caml_parse_int64
--Requires: caml_lua_string, caml_parse_sign_and_base, caml_parse_digit, caml_failwith, caml_int64_create_lo_hi, caml_int64_neg
local byte, floor = string.byte, math.floor
-- OCaml's parse_intnat for 64 bits (decimal: signed range; 0x/0o/0b/0u: up to
-- 2^64 - 1). Returns an int64 (metatable caml_int64_mt); raises Failure errmsg.
function P.caml_parse_int64(s, errmsg)
  if type(s) ~= "string" then s = P.caml_lua_string(s) end
  local digit = P.caml_parse_digit
  local i, sign, base, signed = P.caml_parse_sign_and_base(s)
  local lo = digit(byte(s, i))
  if lo >= base then P.caml_failwith(errmsg) end
  local hi = 0
  for j = i + 1, #s do
    local c = byte(s, j)
    if c ~= 95 then
      local d = digit(c)
      if d >= base then P.caml_failwith(errmsg) end
      local t = lo * base + d
      local carry = floor(t / 4294967296)
      lo = t - carry * 4294967296
      hi = hi * base + carry
      if hi >= 4294967296 then P.caml_failwith(errmsg) end
    end
  end
  if signed and (hi > 2147483648 or (hi == 2147483648 and (lo > 0 or sign > 0))) then
    P.caml_failwith(errmsg)
  end
  local r = P.caml_int64_create_lo_hi(lo, hi)
  if sign < 0 then r = P.caml_int64_neg(r) end
  return r
end

--Provides: caml_int64_of_string
--Requires: caml_parse_int64
function P.caml_int64_of_string(s)
  return P.caml_parse_int64(s, "Int64.of_string")
end

--Provides: caml_int64_format
--Requires: caml_format_int_spec, caml_format_int_finish, caml_format_uint_digits
-- format_int for 64-bit values ("%Ld" arrives as "%d"; l/n/L are ignored).
function P.caml_int64_format(fmt, a)
  local spec = P.caml_format_int_spec(fmt)
  local hi, lo = a.hi, a.lo
  local neg = false
  if spec.signed and hi >= 2147483648 then
    neg = true
    if lo == 0 then hi = (4294967296 - hi) % 4294967296 else hi, lo = 4294967295 - hi, 4294967296 - lo end
  end
  return P.caml_format_int_finish(spec, neg, P.caml_format_uint_digits(hi, lo, spec.base))
end

--Provides: caml_int64_to_string
--Requires: caml_int64_format
-- Decimal Lua string (for the runtime's own use).
function P.caml_int64_to_string(a)
  return P.caml_int64_format("%d", a)
end

--Provides: caml_int64_add_native, caml_int64_sub_native, caml_int64_mul_native, caml_int64_div_native, caml_int64_mod_native, caml_int64_neg_native, caml_int64_and_native, caml_int64_or_native, caml_int64_xor_native
--Requires: caml_int64_add, caml_int64_sub, caml_int64_mul, caml_int64_div, caml_int64_mod, caml_int64_neg, caml_int64_and, caml_int64_or, caml_int64_xor
-- Names of the unboxed variants; values are boxed here anyway.
P.caml_int64_add_native = P.caml_int64_add
P.caml_int64_sub_native = P.caml_int64_sub
P.caml_int64_mul_native = P.caml_int64_mul
P.caml_int64_div_native = P.caml_int64_div
P.caml_int64_mod_native = P.caml_int64_mod
P.caml_int64_neg_native = P.caml_int64_neg
P.caml_int64_and_native = P.caml_int64_and
P.caml_int64_or_native = P.caml_int64_or
P.caml_int64_xor_native = P.caml_int64_xor

--Provides: caml_int64_of_nativeint, caml_int64_to_nativeint
--Requires: caml_int64_mt, caml_nativeint_mt
function P.caml_int64_of_nativeint(a)
  return setmetatable({ lo = a.lo, hi = a.hi }, P.caml_int64_mt)
end
function P.caml_int64_to_nativeint(a)
  return setmetatable({ lo = a.lo, hi = a.hi }, P.caml_nativeint_mt)
end

----------------------------------------------------------------------------
-- Nativeint: same code as int64 (results take the operand's metatable).

--Provides: caml_nativeint_add, caml_nativeint_sub, caml_nativeint_mul, caml_nativeint_div, caml_nativeint_mod, caml_nativeint_neg
--Requires: caml_int64_add, caml_int64_sub, caml_int64_mul, caml_int64_div, caml_int64_mod, caml_int64_neg
P.caml_nativeint_add = P.caml_int64_add
P.caml_nativeint_sub = P.caml_int64_sub
P.caml_nativeint_mul = P.caml_int64_mul
P.caml_nativeint_div = P.caml_int64_div
P.caml_nativeint_mod = P.caml_int64_mod
P.caml_nativeint_neg = P.caml_int64_neg

--Provides: caml_nativeint_and, caml_nativeint_or, caml_nativeint_xor
--Requires: caml_int64_and, caml_int64_or, caml_int64_xor
P.caml_nativeint_and = P.caml_int64_and
P.caml_nativeint_or = P.caml_int64_or
P.caml_nativeint_xor = P.caml_int64_xor

--Provides: caml_nativeint_shift_left, caml_nativeint_shift_right, caml_nativeint_shift_right_unsigned
--Requires: caml_int64_shift_left, caml_int64_shift_right, caml_int64_shift_right_unsigned
P.caml_nativeint_shift_left = P.caml_int64_shift_left
P.caml_nativeint_shift_right = P.caml_int64_shift_right
P.caml_nativeint_shift_right_unsigned = P.caml_int64_shift_right_unsigned

--Provides: caml_nativeint_compare
--Requires: caml_int64_compare
P.caml_nativeint_compare = P.caml_int64_compare

--Provides: caml_nativeint_bswap
--Requires: caml_int64_bswap
P.caml_nativeint_bswap = P.caml_int64_bswap

--Provides: caml_nativeint_of_int, caml_nativeint_of_int32
--Requires: caml_nativeint_mt
function P.caml_nativeint_of_int(n)
  return setmetatable({ lo = n % 4294967296, hi = n < 0 and 4294967295 or 0 }, P.caml_nativeint_mt)
end
P.caml_nativeint_of_int32 = P.caml_nativeint_of_int

--Provides: caml_nativeint_to_int, caml_nativeint_to_int32
--Requires: caml_int64_to_int
P.caml_nativeint_to_int = P.caml_int64_to_int
P.caml_nativeint_to_int32 = P.caml_int64_to_int

--Provides: caml_nativeint_to_float
--Requires: caml_int64_to_float
P.caml_nativeint_to_float = P.caml_int64_to_float

--Provides: caml_nativeint_of_float
--Requires: caml_int64_of_float, caml_nativeint_mt
function P.caml_nativeint_of_float(x)
  return setmetatable(P.caml_int64_of_float(x), P.caml_nativeint_mt)
end

--Provides: caml_nativeint_of_string
--Requires: caml_parse_int64, caml_nativeint_mt
function P.caml_nativeint_of_string(s)
  return setmetatable(P.caml_parse_int64(s, "Nativeint.of_string"), P.caml_nativeint_mt)
end

--Provides: caml_nativeint_format
--Requires: caml_int64_format
P.caml_nativeint_format = P.caml_int64_format

----------------------------------------------------------------------------
-- Int32: plain signed 32-bit numbers.

--Provides: caml_int32_add, caml_int32_sub, caml_int32_neg
--Requires: caml_int_wrap
function P.caml_int32_add(a, b) return P.caml_int_wrap(a + b) end
function P.caml_int32_sub(a, b) return P.caml_int_wrap(a - b) end
function P.caml_int32_neg(a) return P.caml_int_wrap(-a) end

--Provides: caml_int32_mul, caml_int32_div, caml_int32_mod
--Requires: caml_int_mul, caml_int_div, caml_int_mod
P.caml_int32_mul = P.caml_int_mul
P.caml_int32_div = P.caml_int_div
P.caml_int32_mod = P.caml_int_mod

--Provides: caml_int32_and, caml_int32_or, caml_int32_xor
--Requires: caml_int_and, caml_int_or, caml_int_xor
P.caml_int32_and = P.caml_int_and
P.caml_int32_or = P.caml_int_or
P.caml_int32_xor = P.caml_int_xor

--Provides: caml_int32_shift_left, caml_int32_shift_right, caml_int32_shift_right_unsigned
--Requires: caml_int_lsl, caml_int_asr, caml_int_lsr
P.caml_int32_shift_left = P.caml_int_lsl
P.caml_int32_shift_right = P.caml_int_asr
P.caml_int32_shift_right_unsigned = P.caml_int_lsr

--Provides: caml_int32_compare
--Requires: caml_int_compare
P.caml_int32_compare = P.caml_int_compare

--Provides: caml_int32_of_int, caml_int32_to_int
-- Our ints are 32-bit already.
function P.caml_int32_of_int(n) return n end
function P.caml_int32_to_int(n) return n end

--Provides: caml_int32_to_float
function P.caml_int32_to_float(n) return n + 0.0 end

--Provides: caml_int32_of_float
local floor, ceil = math.floor, math.ceil
-- C's (int32_t) cast as on amd64: truncation; NaN and out-of-range values give
-- min_int.
function P.caml_int32_of_float(x)
  if x > -2147483649.0 and x < 2147483648.0 then
    if x >= 0 then return floor(x) end
    return ceil(x) + 0
  end
  return -2147483648
end

--Provides: caml_int32_format
--Requires: caml_format_int
P.caml_int32_format = P.caml_format_int

--Provides: caml_int32_of_string
--Requires: caml_parse_int32
function P.caml_int32_of_string(s)
  return P.caml_parse_int32(s, "Int32.of_string")
end

--Provides: caml_int32_bswap
local floor = math.floor
function P.caml_int32_bswap(x)
  x = x % 4294967296
  local b0 = x % 256
  x = floor(x / 256)
  local b1 = x % 256
  x = floor(x / 256)
  local b2 = x % 256
  local b3 = floor(x / 256)
  local r = ((b0 * 256 + b1) * 256 + b2) * 256 + b3
  if r >= 2147483648 then r = r - 4294967296 end
  return r
end
