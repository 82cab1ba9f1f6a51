-- OCaml `int` (32-bit two's complement here, see docs/runtime.md): the arithmetic
-- helpers the code generator calls, int_of_string and format_int, and the
-- integer-formatting machinery shared with int64.lua.
--
-- Inputs are 32-bit signed numbers (on Lua 5.4 of integer subtype); results are
-- too. luajit uses the `bit` library, lua54 the integer operators, lua51 plain
-- arithmetic (exact on doubles: every intermediate value stays below 2^53).

--Provides: caml_int_wrap
--If: lua54
-- Any integral number (integer, or float with an integral value) -> signed 32-bit.
function P.caml_int_wrap(x)
  return ((x + 0x80000000) & 0xffffffff) - 0x80000000
end

--Provides: caml_int_wrap
--If: luajit
local tobit = (bit or require("bit")).tobit
function P.caml_int_wrap(x)
  -- bit.tobit is exact for |x| <= 2^51; beyond, reduce first (% is exact here).
  if x > 2251799813685247 or x < -2251799813685247 then x = x % 4294967296 end
  return tobit(x)
end

--Provides: caml_int_wrap
--If: lua51
function P.caml_int_wrap(x)
  x = x % 4294967296
  if x >= 2147483648 then x = x - 4294967296 end
  return x
end

--Provides: caml_int_mul
--If: lua54
function P.caml_int_mul(a, b)
  return (((a * b) + 0x80000000) & 0xffffffff) - 0x80000000
end

--Provides: caml_int_mul
--If: luajit
local tobit = (bit or require("bit")).tobit
-- A product below 2^51 in magnitude is exact, and so is its tobit (the usual
-- case: a small factor); otherwise split b in 16-bit halves so that every
-- partial product is exact. `return (tobit(...))`: a tail call of a builtin
-- gets the function blacklisted by LuaJIT (see caml_hash_mix_uint32).
function P.caml_int_mul(a, b)
  local p = a * b
  if p < 2251799813685248 and p > -2251799813685248 then return (tobit(p)) end
  local bl = b % 65536
  local bh = (b - bl) / 65536
  return (tobit(tobit(a * bh) * 65536 + a * bl))
end

--Provides: caml_int_mul
--If: lua51
function P.caml_int_mul(a, b)
  local bl = b % 65536
  local bh = (b - bl) / 65536
  local x = ((a * bh) % 65536) * 65536 + a * bl
  x = x % 4294967296
  if x >= 2147483648 then x = x - 4294967296 end
  return x
end

--Provides: caml_int_div, caml_int_mod
--Requires: caml_raise_zero_divide
--If: lua54
local fmod = math.fmod
-- Truncating division; min_int / -1 wraps to min_int as in OCaml.
function P.caml_int_div(a, b)
  if b == 0 then P.caml_raise_zero_divide() end
  local q = a // b
  if q < 0 and q * b ~= a then q = q + 1 end
  if q == 0x80000000 then q = -0x80000000 end
  return q
end
function P.caml_int_mod(a, b)
  if b == 0 then P.caml_raise_zero_divide() end
  return fmod(a, b)
end

--Provides: caml_int_div, caml_int_mod
--Requires: caml_raise_zero_divide
--If: luajit, lua51
local floor, ceil, fmod = math.floor, math.ceil, math.fmod
-- a / b on doubles cannot round across an integer for 32-bit operands, so
-- truncating the quotient is exact. `+ 0` turns a -0 into 0.
function P.caml_int_div(a, b)
  if b == 0 then P.caml_raise_zero_divide() end
  local q = a / b
  if q >= 0 then q = floor(q) else q = ceil(q) + 0 end
  if q == 2147483648 then q = -2147483648 end
  return q
end
function P.caml_int_mod(a, b)
  if b == 0 then P.caml_raise_zero_divide() end
  return fmod(a, b) + 0
end

--Provides: caml_int_and, caml_int_or, caml_int_xor
--If: lua54
function P.caml_int_and(a, b) return a & b end
function P.caml_int_or(a, b) return a | b end
function P.caml_int_xor(a, b) return a ~ b end

--Provides: caml_int_and, caml_int_or, caml_int_xor
--If: luajit
local bit = bit or require("bit")
P.caml_int_and = bit.band
P.caml_int_or = bit.bor
P.caml_int_xor = bit.bxor

--Provides: caml_int_and, caml_int_or, caml_int_xor
--If: lua51
-- Nibble at a time through 16x16 tables. Operands may be signed or unsigned
-- 32-bit values; the result is signed.
local AND, OR, XOR = {}, {}, {}
for x = 0, 15 do
  for y = 0, 15 do
    local a, o, e, p, u, v = 0, 0, 0, 1, x, y
    for _ = 1, 4 do
      local bu, bv = u % 2, v % 2
      if bu + bv == 2 then a = a + p end
      if bu + bv >= 1 then o = o + p end
      if bu + bv == 1 then e = e + p end
      u, v, p = (u - bu) / 2, (v - bv) / 2, p * 2
    end
    AND[x * 16 + y], OR[x * 16 + y], XOR[x * 16 + y] = a, o, e
  end
end
-- Stops as soon as one operand has no bits left: the rest of the result is
-- then 0 (and) or the other operand's remaining bits (or, xor).
local function op(t, a, b, rest)
  a, b = a % 4294967296, b % 4294967296
  local r, p = 0, 1
  while a > 0 and b > 0 do
    local x, y = a % 16, b % 16
    r = r + t[x * 16 + y] * p
    a, b, p = (a - x) / 16, (b - y) / 16, p * 16
  end
  if rest then r = r + (a + b) * p end
  if r >= 2147483648 then r = r - 4294967296 end
  return r
end
function P.caml_int_and(a, b) return op(AND, a, b, false) end
function P.caml_int_or(a, b) return op(OR, a, b, true) end
function P.caml_int_xor(a, b) return op(XOR, a, b, true) end

--Provides: caml_int_lsl, caml_int_lsr, caml_int_asr
--If: lua54
-- Shift counts are taken mod 32.
function P.caml_int_lsl(a, n)
  return (((a << (n & 31)) + 0x80000000) & 0xffffffff) - 0x80000000
end
function P.caml_int_lsr(a, n)
  local r = (a & 0xffffffff) >> (n & 31)
  if r >= 0x80000000 then r = r - 0x100000000 end
  return r
end
function P.caml_int_asr(a, n)
  return a // (1 << (n & 31))
end

--Provides: caml_int_lsl, caml_int_lsr, caml_int_asr
--If: luajit
local bit = bit or require("bit")
P.caml_int_lsl = bit.lshift
P.caml_int_lsr = bit.rshift
P.caml_int_asr = bit.arshift

--Provides: caml_int_lsl, caml_int_lsr, caml_int_asr
--If: lua51
local floor = math.floor
local POW = {}
for k = 0, 32 do POW[k] = 2 ^ k end
local function wrap(x)
  if x >= 2147483648 then x = x - 4294967296 end
  return x
end
function P.caml_int_lsl(a, n)
  n = n % 32
  return wrap(((a % 4294967296) % POW[32 - n]) * POW[n])
end
function P.caml_int_lsr(a, n)
  return wrap(floor((a % 4294967296) / POW[n % 32]))
end
function P.caml_int_asr(a, n)
  return floor(a / POW[n % 32])
end

--Provides: caml_int_ult
--If: lua54
-- Unsigned a < b, as an OCaml bool (0/1).
function P.caml_int_ult(a, b)
  if (a & 0xffffffff) < (b & 0xffffffff) then return 1 end
  return 0
end

--Provides: caml_int_ult
--If: luajit, lua51
function P.caml_int_ult(a, b)
  if a % 4294967296 < b % 4294967296 then return 1 end
  return 0
end

--Provides: caml_int_compare
function P.caml_int_compare(a, b)
  if a < b then return -1 elseif a > b then return 1 else return 0 end
end

--Provides: caml_parse_sign_and_base
-- OCaml's integer literal prefix: [-+]? then 0x 0o 0b 0u (either case).
-- Returns the index of the first digit, sign (1/-1), base and whether the
-- literal is signed (decimal) or may use the full unsigned range.
local byte = string.byte
local BASES = { [120] = 16, [88] = 16, [111] = 8, [79] = 8, [98] = 2, [66] = 2, [117] = 10, [85] = 10 }
function P.caml_parse_sign_and_base(s)
  local i, sign = 1, 1
  local c = byte(s, 1)
  if c == 45 then sign, i = -1, 2 elseif c == 43 then i = 2 end
  if byte(s, i) == 48 then
    local base = BASES[byte(s, i + 1)]
    if base then return i + 2, sign, base, false end
  end
  return i, sign, 10, true
end

--Provides: caml_parse_digit
-- Value of the digit with byte code c (0-9, a-z, A-Z), or 99.
function P.caml_parse_digit(c)
  if c == nil then return 99 end
  if c >= 48 and c <= 57 then return c - 48 end
  if c >= 97 and c <= 122 then return c - 87 end
  if c >= 65 and c <= 90 then return c - 55 end
  return 99
end

--Provides: caml_parse_int32
--Requires: caml_lua_string, caml_parse_sign_and_base, caml_parse_digit, caml_failwith, caml_int_wrap
local byte = string.byte
-- OCaml's parse_intnat for 32 bits: decimal literals must fit in
-- [-2^31, 2^31 - 1]; 0x/0o/0b/0u literals may go up to 2^32 - 1 (and wrap).
-- Raises Failure errmsg.
function P.caml_parse_int32(s, errmsg)
  if type(s) ~= "string" then s = P.caml_lua_string(s) end
  local digit = P.caml_parse_digit
  local i, sign, base, signed = P.caml_parse_sign_and_base(s)
  local n = #s
  local res = digit(byte(s, i))
  if res >= base then P.caml_failwith(errmsg) end
  for j = i + 1, n do
    local c = byte(s, j)
    if c ~= 95 then
      local d = digit(c)
      if d >= base then P.caml_failwith(errmsg) end
      res = res * base + d
      if res > 4294967295 then P.caml_failwith(errmsg) end
    end
  end
  if signed then
    if res > 2147483648 or (res == 2147483648 and sign > 0) then P.caml_failwith(errmsg) end
  end
  if sign < 0 then res = -res end
  return P.caml_int_wrap(res)
end

--Provides: caml_int_of_string
--Requires: caml_parse_int32
function P.caml_int_of_string(s)
  return P.caml_parse_int32(s, "int_of_string")
end

--Provides: caml_format_int_spec
--Requires: caml_lua_string
-- Parse a C integer conversion as OCaml's format_int receives it:
-- "%[-+ #0]*[width][.prec][lnL]?[diuxXo]". Results are cached per format.
local match, find = string.match, string.find
local cache = {}
function P.caml_format_int_spec(fmt)
  if type(fmt) ~= "string" then fmt = P.caml_lua_string(fmt) end
  local spec = cache[fmt]
  if spec then return spec end
  local flags, width, dot, prec, conv = match(fmt, "^%%([%-+ #0]*)(%d*)(%.?)(%d*)[lnL]?([diuxXo])$")
  if not flags then flags, width, dot, prec, conv = "", "", "", "", "d" end
  spec = {
    left = find(flags, "-", 1, true) ~= nil,
    plus = find(flags, "+", 1, true) ~= nil,
    space = find(flags, " ", 1, true) ~= nil,
    alt = find(flags, "#", 1, true) ~= nil,
    zero = find(flags, "0", 1, true) ~= nil,
    width = tonumber(width) or 0,
    prec = (dot == ".") and (tonumber(prec) or 0) or nil,
    signed = conv == "d" or conv == "i",
    base = (conv == "x" or conv == "X") and 16 or (conv == "o" and 8 or 10),
    upper = conv == "X",
  }
  cache[fmt] = spec
  return spec
end

--Provides: caml_format_int_finish
-- Apply a spec (caml_format_int_spec) to the digits of a magnitude (lowercase,
-- "0" for zero) and its sign, with C printf's rules for precision, '#', sign
-- flags and padding.
local rep, sub, upper, find = string.rep, string.sub, string.upper, string.find
function P.caml_format_int_finish(spec, neg, digits)
  local nonzero = find(digits, "[^0]") ~= nil
  local prec = spec.prec
  if prec then
    if prec == 0 and not nonzero then digits = "" end
    if #digits < prec then digits = rep("0", prec - #digits) .. digits end
  end
  local prefix = ""
  if spec.signed then
    if neg then prefix = "-" elseif spec.plus then prefix = "+" elseif spec.space then prefix = " " end
  elseif spec.alt then
    if spec.base == 16 then
      if nonzero then prefix = "0x" end
    elseif spec.base == 8 and sub(digits, 1, 1) ~= "0" then
      digits = "0" .. digits
    end
  end
  if spec.upper then prefix, digits = upper(prefix), upper(digits) end
  local pad = spec.width - #prefix - #digits
  if pad <= 0 then return prefix .. digits end
  if spec.left then return prefix .. digits .. rep(" ", pad) end
  if spec.zero and not prec then return prefix .. rep("0", pad) .. digits end
  return rep(" ", pad) .. prefix .. digits
end

--Provides: caml_format_uint_digits
-- Digits (lowercase, no leading zeros) of the unsigned 64-bit number
-- hi * 2^32 + lo (hi, lo unsigned 32-bit) in base 8, 10 or 16. Works on doubles
-- and on Lua 5.4 integers alike: each step divides by D <= 2^21 so that
-- remainder * 2^32 + lo stays below 2^53.
local floor, format = math.floor, string.format
local CHUNK = {
  [10] = { 1000000, "%06d", "%d" },
  [16] = { 1048576, "%05x", "%x" },
  [8] = { 2097152, "%07o", "%o" },
}
function P.caml_format_uint_digits(hi, lo, base)
  local c = CHUNK[base]
  local d, padded, plain = c[1], c[2], c[3]
  if hi == 0 then
    if lo < d then return format(plain, lo) end
    local q = floor(lo / d) -- < d: lo < 2^32 <= d^2
    return format(plain, q) .. format(padded, lo - q * d)
  end
  local parts, n = {}, 0
  while hi > 0 or lo >= d do
    local qh = floor(hi / d)
    local t = (hi - qh * d) * 4294967296 + lo
    local ql = floor(t / d)
    n = n + 1
    parts[n] = format(padded, t - ql * d)
    hi, lo = qh, ql
  end
  local out = { format(plain, lo) }
  for k = n, 1, -1 do out[#out + 1] = parts[k] end
  return table.concat(out)
end

--Provides: caml_format_int
--Requires: caml_format_int_spec, caml_format_int_finish, caml_format_uint_digits
local format = string.format
-- format_int for 32-bit ints: u/x/X/o show negative numbers as unsigned 32-bit.
function P.caml_format_int(fmt, n)
  if fmt == "%d" then return format("%d", n) end
  local spec = P.caml_format_int_spec(fmt)
  local neg, u = false, n
  if spec.signed then
    if n < 0 then neg, u = true, -n end
  else
    u = n % 4294967296
  end
  return P.caml_format_int_finish(spec, neg, P.caml_format_uint_digits(0, u, spec.base))
end
