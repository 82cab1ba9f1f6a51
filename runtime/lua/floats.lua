-- OCaml floats: arithmetic, comparison, libm-like functions, conversions,
-- printing and parsing.
--
-- Floats are Lua numbers; on Lua 5.4 every float result is of float subtype
-- (math.floor and friends return integers there, hence the per-target
-- fragments), and int results are of integer subtype. Lua 5.1 folds constant
-- expressions so that "-0.0" may become 0: negative zero is computed at run time.
-- NaNs print as the C library prints them: "-nan" when their sign bit is set
-- (ocamlrun on glibc), which Lua 5.4 and 5.1 can see and LuaJIT sees through its
-- FFI; without the FFI a NaN counts as positive.
--
-- Internal helpers (not OCaml primitives): caml_lua_pow2, caml_lua_frexp,
-- caml_lua_ldexp, caml_lua_signbit, caml_lua_two_prod.

--Provides: caml_lua_pow2
-- P.caml_lua_pow2[k] = 2^k exactly, for every k in [-1074, 1023].
local t = { [0] = 1.0 }
for k = 1, 1023 do t[k] = t[k - 1] * 2.0 end
for k = -1, -1074, -1 do t[k] = t[k + 1] * 0.5 end
P.caml_lua_pow2 = t

--Provides: caml_lua_frexp
--Requires: caml_lua_pow2
local P2 = P.caml_lua_pow2
local floor, log, huge = math.floor, math.log, math.huge
local LN2 = log(2.0)
-- x = m * 2^e with 0.5 <= |m| < 1 (e an integer); (x, 0) for 0, inf and nan.
function P.caml_lua_frexp(x)
  if x == 0 or x ~= x or x == huge or x == -huge then return x, 0 end
  local a = x < 0 and -x or x
  local shift = 0
  if a < 2.2250738585072014e-308 then a, shift = a * P2[64], -64 end
  local e = floor(log(a) / LN2) + 1
  if e > 1024 then e = 1024 elseif e < -1021 then e = -1021 end
  local m = a * P2[-e]
  while m >= 1.0 do m, e = m * 0.5, e + 1 end
  while m < 0.5 do m, e = m * 2.0, e - 1 end
  if x < 0 then m = -m end
  return m, e + shift
end

--Provides: caml_lua_ldexp
--Requires: caml_lua_pow2, caml_lua_frexp
local P2 = P.caml_lua_pow2
local huge = math.huge
-- x * 2^n with a single rounding (subnormal results included); n any integer.
function P.caml_lua_ldexp(x, n)
  if x == 0 or x ~= x or x == huge or x == -huge then return x end
  local m, e = P.caml_lua_frexp(x)
  local t = e + n
  if t > 1024 then return m * huge end
  if t == 1024 then return (m * 2.0) * P2[1023] end
  if t >= -1021 then return m * P2[t] end
  if t < -1075 then return m * 0.0 end
  return (m * P2[-1000]) * P2[t + 1000]
end

--Provides: caml_lua_signbit
--If: lua54
local pack, unpack = string.pack, string.unpack
-- Sign bit of a float (NaNs included), as a Lua boolean.
function P.caml_lua_signbit(x)
  if x < 0 then return true end
  if x > 0 then return false end
  if x == 0 then return 1 / x < 0 end
  return unpack("<i8", pack("<d", x)) < 0
end

--Provides: caml_lua_signbit
--If: lua51
-- A NaN's sign as the C library prints it ("-nan").
local format, byte = string.format, string.byte
function P.caml_lua_signbit(x)
  if x < 0 then return true end
  if x > 0 then return false end
  if x == 0 then return 1 / x < 0 end
  return byte(format("%f", x), 1) == 45
end

--Provides: caml_lua_signbit
--If: luajit
-- A NaN's sign through the FFI; without it NaNs count as positive.
local ok, ffi = pcall(require, "ffi")
if ok and type(ffi) == "table" then
  local cell = ffi.new("double[1]")
  local bytes = ffi.cast("const uint8_t *", cell)
  local top = ffi.abi("le") and 7 or 0
  function P.caml_lua_signbit(x)
    if x < 0 then return true end
    if x > 0 then return false end
    cell[0] = x
    return bytes[top] >= 128
  end
else
  function P.caml_lua_signbit(x)
    return x < 0 or (x == 0 and 1 / x < 0)
  end
end

--Provides: caml_lua_nan, caml_lua_nan_neg
--Requires: caml_lua_signbit
-- Quiet NaNs with the sign bit clear and set (0 / 0 has the sign bit set on x86).
local z = 0
local nan = z / z
if P.caml_lua_signbit(nan) then nan = -nan end
P.caml_lua_nan = nan
P.caml_lua_nan_neg = -nan

--Provides: caml_lua_two_prod
-- a * b = p + e exactly (Dekker/Veltkamp), barring overflow and underflow.
local function split(a)
  local c = 134217729.0 * a
  local h = c - (c - a)
  return h, a - h
end
function P.caml_lua_two_prod(a, b)
  local p = a * b
  local ah, al = split(a)
  local bh, bl = split(b)
  return p, ((ah * bh - p) + ah * bl + al * bh) + al * bl
end

--Provides: caml_add_float, caml_sub_float, caml_mul_float, caml_div_float, caml_neg_float, caml_abs_float
local abs = math.abs
function P.caml_add_float(x, y) return x + y end
function P.caml_sub_float(x, y) return x - y end
function P.caml_mul_float(x, y) return x * y end
function P.caml_div_float(x, y) return x / y end
function P.caml_neg_float(x) return -x end
function P.caml_abs_float(x) return abs(x) end

--Provides: caml_eq_float, caml_neq_float, caml_lt_float, caml_le_float, caml_gt_float, caml_ge_float
-- OCaml bools (0/1), IEEE semantics (comparisons with nan are false, except <>).
function P.caml_eq_float(x, y) if x == y then return 1 end return 0 end
function P.caml_neq_float(x, y) if x == y then return 0 end return 1 end
function P.caml_lt_float(x, y) if x < y then return 1 end return 0 end
function P.caml_le_float(x, y) if x <= y then return 1 end return 0 end
function P.caml_gt_float(x, y) if x > y then return 1 end return 0 end
function P.caml_ge_float(x, y) if x >= y then return 1 end return 0 end

--Provides: caml_float_compare
-- Total order of compare: nan = nan, nan < everything else.
function P.caml_float_compare(x, y)
  if x < y then return -1 end
  if x > y then return 1 end
  if x == y then return 0 end
  if x == x then return 1 end
  if y == y then return -1 end
  return 0
end

--Provides: caml_float_of_int
-- `+ 0.0` makes a float on Lua 5.4 and turns a stray -0 into 0.
function P.caml_float_of_int(n) return n + 0.0 end

--Provides: caml_int_of_float
--If: lua54
local fmod, floor, ceil = math.fmod, math.floor, math.ceil
-- Truncation to OCaml's 63-bit int, then the low 32 bits (so nan, inf and
-- |x| >= 2^63 give 0, like ocamlrun on amd64).
function P.caml_int_of_float(x)
  if not (x > -9223372036854775808.0 and x < 9223372036854775808.0) then return 0 end
  local t = fmod(x, 4294967296.0)
  if t >= 0 then t = floor(t) else t = ceil(t) end
  return ((t + 0x80000000) & 0xffffffff) - 0x80000000
end

--Provides: caml_int_of_float
--Requires: caml_int_wrap
--If: luajit, lua51
local fmod, floor, ceil = math.fmod, math.floor, math.ceil
function P.caml_int_of_float(x)
  if not (x > -9223372036854775808 and x < 9223372036854775808) then return 0 end
  local t = fmod(x, 4294967296)
  if t >= 0 then t = floor(t) else t = ceil(t) end
  return P.caml_int_wrap(t)
end

--Provides: caml_sqrt_float, caml_exp_float, caml_log_float, caml_log10_float, caml_power_float, caml_fmod_float
local sqrt, exp, log, fmod = math.sqrt, math.exp, math.log, math.fmod
local log10 = math.log10 or function(x) return log(x, 10) end
function P.caml_sqrt_float(x) return sqrt(x) end
function P.caml_exp_float(x) return exp(x) end
function P.caml_log_float(x) return log(x) end
function P.caml_log10_float(x) return log10(x) end
function P.caml_power_float(x, y) return x ^ y end
function P.caml_fmod_float(x, y) return fmod(x, y) end

--Provides: caml_sin_float, caml_cos_float, caml_tan_float, caml_asin_float, caml_acos_float, caml_atan_float, caml_atan2_float
local sin, cos, tan, asin, acos, atan = math.sin, math.cos, math.tan, math.asin, math.acos, math.atan
local atan2 = math.atan2 or math.atan -- 5.3+: math.atan(y, x)
function P.caml_sin_float(x) return sin(x) end
function P.caml_cos_float(x) return cos(x) end
function P.caml_tan_float(x) return tan(x) end
function P.caml_asin_float(x) return asin(x) end
function P.caml_acos_float(x) return acos(x) end
function P.caml_atan_float(x) return atan(x) end
function P.caml_atan2_float(y, x) return atan2(y, x) end

--Provides: caml_floor_float, caml_ceil_float
local floor, ceil, huge = math.floor, math.ceil, math.huge
-- `+ 0.0`: Lua 5.4's math.floor/ceil return integers when they can. Zero
-- results take the sign of x (LuaJIT's interpreter loses it in ceil).
function P.caml_floor_float(x)
  if x ~= x or x == huge or x == -huge then return x end
  local r = floor(x) + 0.0
  if r == 0 then return x * 0.0 end
  return r
end
function P.caml_ceil_float(x)
  if x ~= x or x == huge or x == -huge then return x end
  local r = ceil(x) + 0.0
  if r == 0 then return x * 0.0 end
  return r
end

--Provides: caml_trunc_float, caml_round_float
local floor, abs = math.floor, math.abs
-- |x| >= 2^52 (and inf, nan) are integral already. Zero results keep x's sign.
function P.caml_trunc_float(x)
  local a = abs(x)
  if not (a < 4503599627370496.0) then return x end
  local r = floor(a) + 0.0
  if x < 0 or (x == 0 and 1 / x < 0) then return -r end
  return r
end
-- Half-way cases away from zero.
function P.caml_round_float(x)
  local a = abs(x)
  if not (a < 4503599627370496.0) then return x end
  local r = floor(a) + 0.0
  if a - r >= 0.5 then r = r + 1.0 end
  if x < 0 or (x == 0 and 1 / x < 0) then return -r end
  return r
end

--Provides: caml_signbit_float, caml_signbit
--Requires: caml_lua_signbit
function P.caml_signbit_float(x)
  if P.caml_lua_signbit(x) then return 1 end
  return 0
end
P.caml_signbit = P.caml_signbit_float

--Provides: caml_copysign_float
--Requires: caml_lua_signbit
local abs = math.abs
function P.caml_copysign_float(x, y)
  if P.caml_lua_signbit(y) then return -abs(x) end
  return abs(x)
end

--Provides: caml_classify_float
-- FP_normal 0, FP_subnormal 1, FP_zero 2, FP_infinite 3, FP_nan 4.
local abs, huge = math.abs, math.huge
function P.caml_classify_float(x)
  if x ~= x then return 4 end
  local a = abs(x)
  if a == huge then return 3 end
  if a == 0 then return 2 end
  if a < 2.2250738585072014e-308 then return 1 end
  return 0
end

--Provides: caml_frexp_float, caml_ldexp_float
--Requires: caml_lua_frexp, caml_lua_ldexp
function P.caml_frexp_float(x)
  local m, e = P.caml_lua_frexp(x)
  return { 0, m, e }
end
function P.caml_ldexp_float(x, n)
  return P.caml_lua_ldexp(x, n)
end

--Provides: caml_modf_float
--Requires: caml_trunc_float
local huge = math.huge
-- (fractional part, integral part), both with the sign of x.
function P.caml_modf_float(x)
  if x ~= x then return { 0, x, x } end
  local i = P.caml_trunc_float(x)
  local f = x - i
  if x == huge or x == -huge then f = 0.0 end
  if f == 0 and (x < 0 or (x == 0 and 1 / x < 0)) then f = -f end
  return { 0, f, i }
end

--Provides: caml_nextafter_float
--Requires: caml_lua_frexp, caml_lua_pow2
local P2 = P.caml_lua_pow2
local huge = math.huge
function P.caml_nextafter_float(x, y)
  if x ~= x or y ~= y then return x + y end
  if x == y then return y end
  if x == 0 then
    if y > 0 then return P2[-1074] end
    return -P2[-1074]
  end
  if x == huge then return 1.7976931348623157e308 end
  if x == -huge then return -1.7976931348623157e308 end
  local m, e = P.caml_lua_frexp(x)
  local k = e - 53
  -- towards zero from a power of two, the step is half as large
  if (y > x) ~= (x > 0) and (m == 0.5 or m == -0.5) then k = k - 1 end
  if k < -1074 then k = -1074 end
  local r
  if y > x then r = x + P2[k] else r = x - P2[k] end
  if r == 0 then return x * 0.0 end
  return r
end

--Provides: caml_expm1_float, caml_log1p_float
local exp, log, huge = math.exp, math.log, math.huge
-- Kahan's formulations: accurate near 0 without a dedicated libm routine.
function P.caml_expm1_float(x)
  local u = exp(x)
  if u == 1.0 then return x end
  if u == huge then return u end
  local um1 = u - 1.0
  if um1 == -1.0 then return -1.0 end
  return um1 * (x / log(u))
end
function P.caml_log1p_float(x)
  if x == huge then return x end
  local u = 1.0 + x
  if u == 1.0 then return x end
  return log(u) * (x / (u - 1.0))
end

--Provides: caml_exp2_float
--Requires: caml_lua_pow2
local P2 = P.caml_lua_pow2
local floor = math.floor
function P.caml_exp2_float(x)
  if x == floor(x) and x >= -1074 and x <= 1023 then return P2[floor(x)] end
  return 2.0 ^ x
end

--Provides: caml_log2_float
--If: lua54
local log = math.log
function P.caml_log2_float(x) return log(x, 2) end

--Provides: caml_log2_float
--Requires: caml_lua_frexp
--If: luajit, lua51
local log = math.log
local LN2 = log(2.0)
function P.caml_log2_float(x)
  if not (x > 0 and x < math.huge) then return log(x) end -- nan, -inf, inf
  local m, e = P.caml_lua_frexp(x)
  if m < 0.70710678118654752 then m, e = m * 2.0, e - 1 end
  return e + log(m) / LN2
end

--Provides: caml_sinh_float, caml_cosh_float, caml_tanh_float
--Requires: caml_expm1_float
local exp, abs = math.exp, math.abs
-- The C functions when the Lua library has them (5.1, LuaJIT, 5.4 with
-- LUA_COMPAT_MATHLIB), else these.
local function sinh(x)
  local a = abs(x)
  local r
  if a < 22.0 then
    local t = P.caml_expm1_float(a)
    r = 0.5 * (t + t / (t + 1.0))
  elseif a < 709.0 then
    r = 0.5 * exp(a)
  else
    local h = exp(0.5 * a)
    r = (0.5 * h) * h
  end
  if x < 0 then return -r end
  if x == 0 then return x end
  return r
end
local function cosh(x)
  local a = abs(x)
  if a < 22.0 then
    local t = exp(a)
    return 0.5 * (t + 1.0 / t)
  elseif a < 709.0 then
    return 0.5 * exp(a)
  end
  local h = exp(0.5 * a)
  return (0.5 * h) * h
end
local function tanh(x)
  local a = abs(x)
  local r
  if a > 22.0 then
    r = 1.0
  else
    local t = P.caml_expm1_float(2.0 * a)
    r = t / (t + 2.0)
  end
  if x < 0 then return -r end
  if x == 0 then return x end
  return r
end
P.caml_sinh_float = math.sinh or sinh
P.caml_cosh_float = math.cosh or cosh
P.caml_tanh_float = math.tanh or tanh

--Provides: caml_asinh_float, caml_acosh_float, caml_atanh_float
--Requires: caml_log1p_float
local log, sqrt, abs = math.log, math.sqrt, math.abs
local LN2 = log(2.0)
function P.caml_asinh_float(x)
  local a = abs(x)
  if x ~= x or a == math.huge or x == 0 then return x end
  local r
  if a > 268435456.0 then
    r = log(a) + LN2
  elseif a > 2.0 then
    r = log(2.0 * a + 1.0 / (sqrt(a * a + 1.0) + a))
  else
    local s = a * a
    r = P.caml_log1p_float(a + s / (1.0 + sqrt(1.0 + s)))
  end
  if x < 0 then return -r end
  return r
end
function P.caml_acosh_float(x)
  if x ~= x then return x end
  if x < 1.0 then return (x - x) / (x - x) end
  if x > 268435456.0 then
    if x == math.huge then return x end
    return log(x) + LN2
  elseif x > 2.0 then
    return log(2.0 * x - 1.0 / (x + sqrt(x * x - 1.0)))
  end
  local t = x - 1.0
  return P.caml_log1p_float(t + sqrt(2.0 * t + t * t))
end
function P.caml_atanh_float(x)
  local a = abs(x)
  if x ~= x or x == 0 then return x end
  if a > 1.0 then return (x - x) / (x - x) end
  local r
  if a < 0.5 then
    local t = a + a
    r = 0.5 * P.caml_log1p_float(t + t * a / (1.0 - a))
  else
    r = 0.5 * P.caml_log1p_float((a + a) / (1.0 - a))
  end
  if x < 0 then return -r end
  return r
end

--Provides: caml_cbrt_float
--Requires: caml_lua_frexp, caml_lua_pow2, caml_lua_two_prod
local P2 = P.caml_lua_pow2
local floor, huge = math.floor, math.huge
function P.caml_cbrt_float(x)
  if x ~= x or x == 0 or x == huge or x == -huge then return x end
  local m, e = P.caml_lua_frexp(x < 0 and -x or x)
  local k = floor(e / 3)
  local r = m * P2[e - 3 * k] -- in [0.5, 4)
  local y = r ^ (1.0 / 3.0)
  -- one Newton step with the residual y^3 - r computed exactly
  local two_prod = P.caml_lua_two_prod
  local s, se = two_prod(y, y)
  local c, ce = two_prod(y, s)
  y = y - (((c - r) + ce) + y * se) / (3.0 * s)
  y = y * P2[k]
  if x < 0 then return -y end
  return y
end

--Provides: caml_hypot_float
--Requires: caml_lua_frexp, caml_lua_ldexp, caml_lua_two_prod, caml_lua_pow2
local P2 = P.caml_lua_pow2
local abs, sqrt, huge = math.abs, math.sqrt, math.huge
-- sqrt(x^2 + y^2) on scaled operands with x^2 + y^2 kept in double-double and
-- one correction step: about 0.5 ulp, no spurious overflow or underflow.
function P.caml_hypot_float(x, y)
  local a, b = abs(x), abs(y)
  if a == huge or b == huge then return huge end
  if a ~= a or b ~= b then return a + b end
  if a < b then a, b = b, a end
  if b == 0 then return a end
  local _, e = P.caml_lua_frexp(a)
  a, b = P.caml_lua_ldexp(a, -e), P.caml_lua_ldexp(b, -e) -- a in [0.5, 1)
  local two_prod = P.caml_lua_two_prod
  local aa, aae = two_prod(a, a)
  local bb, bbe = two_prod(b, b)
  local s = aa + bb
  local se = ((aa - s) + bb) + aae + bbe
  local h = sqrt(s)
  local hh, hhe = two_prod(h, h)
  h = h + (((s - hh) - hhe) + se) / (2.0 * h)
  return P.caml_lua_ldexp(h, e)
end

--Provides: caml_fma_float
--Requires: caml_lua_frexp, caml_lua_ldexp, caml_lua_two_prod, caml_lua_pow2, caml_nextafter_float
local P2 = P.caml_lua_pow2
local abs, huge = math.abs, math.huge
local function two_sum(a, b)
  local s = a + b
  local bb = s - a
  return s, (a - (s - bb)) + (b - bb)
end
-- x * y + z with one rounding: the product is made exact (two_prod), then
-- Boldo & Melquiond's emulation through round-to-odd. Operands are scaled so
-- that the product lies in [0.25, 1). (A subnormal result may be rounded twice.)
function P.caml_fma_float(x, y, z)
  if x ~= x or y ~= y or z ~= z or x == 0 or y == 0
    or abs(x) == huge or abs(y) == huge then
    return x * y + z
  end
  if abs(z) == huge then return z end
  if z == 0 then return x * y end
  local mx, ex = P.caml_lua_frexp(x)
  local my, ey = P.caml_lua_frexp(y)
  local e = ex + ey
  local _, ez = P.caml_lua_frexp(z)
  local zs
  if ez - e > 200 then return z end
  if ez - e < -200 then
    zs = z > 0 and P2[-400] or -P2[-400] -- only its sign can matter
  else
    zs = P.caml_lua_ldexp(z, -e)
  end
  local uh, ul = P.caml_lua_two_prod(mx, my)
  local th, tl = two_sum(zs, uh)
  -- v = tl + ul rounded to odd
  local v, err = two_sum(tl, ul)
  if err ~= 0 and v ~= 0 then
    local m, ev = P.caml_lua_frexp(v)
    local ulpk = ev - 53
    if ulpk < -1074 then ulpk = -1074 end
    if (v / P2[ulpk]) % 2 == 0 then
      v = P.caml_nextafter_float(v, err > 0 and huge or -huge)
    end
  end
  return P.caml_lua_ldexp(th + v, e)
end

--Provides: caml_erf_float, caml_erfc_float
local exp, abs, floor = math.exp, math.abs, math.floor
local TWO_OVER_SQRTPI = 1.1283791670955126
local ONE_OVER_SQRTPI = 0.56418958354775628695
-- Taylor coefficients of erf(x) * sqrt(pi) / (2x) in x^2: (-1)^n / (n! (2n+1)).
local C = {}
do
  local fact = 1.0
  for n = 0, 30 do
    if n > 0 then fact = fact * n end
    C[n] = (n % 2 == 0 and 1.0 or -1.0) / (fact * (2 * n + 1))
  end
end
local function erf_small(a) -- a in [0, 0.75)
  local z = a * a
  local p = C[30]
  for n = 29, 0, -1 do p = p * z + C[n] end
  return TWO_OVER_SQRTPI * (a * p)
end
local function exp_minus_square(a) -- exp(-a*a), with a*a split exactly
  local ah = floor(a * 2097152.0) / 2097152.0
  return exp(-ah * ah) * exp(-(a - ah) * (a + ah))
end
local function erfc_large(a) -- a >= 0.75: continued fraction (even part of Laplace's)
  local b = 2.0 * a * a
  local n = floor(10 + 100 / (a * a))
  local f = b + 4 * n + 1
  for k = n, 1, -1 do
    f = b + (4 * k - 3) - ((2 * k - 1) * (2 * k)) / f
  end
  return ONE_OVER_SQRTPI * exp_minus_square(a) * (2.0 * a) / f
end
function P.caml_erf_float(x)
  if x ~= x or x == 0 then return x end
  local a = abs(x)
  local r
  if a < 0.75 then
    r = erf_small(a)
  elseif a < 6.0 then
    r = 1.0 - erfc_large(a)
  else
    r = 1.0
  end
  if x < 0 then return -r end
  return r
end
function P.caml_erfc_float(x)
  if x ~= x then return x end
  if x < 0.75 then return 1.0 - P.caml_erf_float(x) end
  if x > 27.5 then return 0.0 end
  return erfc_large(x)
end

--Provides: caml_format_float_spec
--Requires: caml_lua_string
-- C float conversion "%[-+ #0]*[width][.prec]conv", conv in f F e E g G a A h H.
local match, find = string.match, string.find
local cache = {}
function P.caml_format_float_spec(fmt)
  if type(fmt) ~= "string" then fmt = P.caml_lua_string(fmt) end
  local spec = cache[fmt]
  if spec then return spec end
  local flags, width, dot, prec, conv = match(fmt, "^%%([%-+ #0]*)(%d*)(%.?)(%d*)[lLq]?([fFeEgGaAhH])$")
  if not flags then flags, width, dot, prec, conv = "", "", ".", "12", "g" end
  spec = {
    left = find(flags, "-", 1, true) ~= nil,
    plus = find(flags, "+", 1, true) ~= nil,
    space = find(flags, " ", 1, true) ~= nil,
    alt = find(flags, "#", 1, true) ~= nil,
    zero = find(flags, "0", 1, true) ~= nil,
    width = tonumber(width) or 0,
    prec = (dot == ".") and (tonumber(prec) or 0) or nil,
    conv = conv,
    upper = conv == "F" or conv == "E" or conv == "G" or conv == "A" or conv == "H",
    hex = conv == "a" or conv == "A" or conv == "h" or conv == "H",
  }
  -- the Lua format for finite numbers (width handled separately, precision
  -- limited to the 99 that string.format accepts)
  local lconv = conv == "F" and "f" or conv
  local p = spec.prec
  if p and p > 99 then spec.extra, p = p - 99, 99 end
  spec.lua = "%" .. (spec.plus and "+" or (spec.space and " " or "")) .. (spec.alt and "#" or "")
    .. (p and ("." .. p) or "") .. lconv
  cache[fmt] = spec
  return spec
end

--Provides: caml_lua_format_finite
--If: lua51, lua54
-- string.format of a finite float with a spec's Lua format (C printf).
function P.caml_lua_format_finite(spec, x)
  return string.format(spec.lua, x)
end

--Provides: caml_lua_format_finite
--Requires: caml_lua_pow2
--If: luajit
local P2 = P.caml_lua_pow2
local format, match, sub, lower, gsub = string.format, string.match, string.sub, string.lower, string.gsub
local abs, floor, fmod, log10 = math.abs, math.floor, math.fmod, math.log10
-- LuaJIT formats exactly but rounds exact ties away from zero where C rounds
-- them to even. Detect a tie (x * 10^k has fractional part exactly 1/2, k being
-- the rounding position); when the kept digit is even, cut the exact expansion
-- (one more digit, a final 5) instead.
local function tie(a, k)
  if k >= 0 then -- k < 1023 here; the scaling is exact (or overflows: no tie)
    local t = a * P2[k + 1]
    return t < 9007199254740992 and t == floor(t) and t % 2 == 1
  end
  if k < -22 then return false end
  local p = 10 ^ (-k)
  return fmod(a, p) == p / 2
end
local function cut(spec, x, conv, prec) -- x rounded towards zero at prec digits
  local s = format("%" .. (spec.plus and "+" or (spec.space and " " or ""))
    .. (spec.alt and "#" or "") .. "." .. (prec + 1) .. conv, x)
  local mant, rest = match(s, "^(.-)([eE].*)$")
  if not mant then mant, rest = s, "" end
  mant = sub(mant, 1, -2)
  if prec == 0 and not spec.alt then mant = sub(mant, 1, -2) end
  return mant, rest
end
function P.caml_lua_format_finite(spec, x)
  local conv = spec.conv
  local lconv = lower(conv)
  local a = abs(x)
  -- Some LuaJIT 2.1 versions print garbage for %f of numbers below about
  -- 1e-150; with at most 99 decimals they print as zero anyway.
  if lconv == "f" and a < 1e-100 then x, a = x * 0.0, 0 end
  local s = format(spec.lua, x)
  if a == 0 then return s end
  local prec = spec.prec or 6
  if prec >= 98 then return s end
  local exact, e
  if lconv == "f" then
    if not tie(a, prec) then return s end
    exact = format("%." .. (prec + 1) .. "f", a)
  else
    if lconv == "g" and prec > 0 then prec = prec - 1 end
    -- cheap filter first: the decimal exponent is within 1 of the estimate
    local g = prec - floor(log10(a))
    if not (tie(a, g) or tie(a, g - 1) or tie(a, g + 1)) then return s end
    exact = format("%." .. (prec + 1) .. "e", a)
    e = tonumber(match(exact, "e([-+]%d+)$"))
    if not tie(a, prec - e) then return s end
    exact = match(exact, "^([^e]*)e")
  end
  local kept = sub(exact, -2, -2)
  if kept == "." then kept = sub(exact, -3, -3) end
  if tonumber(kept) % 2 == 1 then return s end
  if lconv == "f" then return (cut(spec, x, "f", prec)) end
  if lconv == "e" then
    local m, r = cut(spec, x, conv, prec)
    return m .. r
  end
  -- %g: prec + 1 significant digits, style chosen by the exponent e
  local m, r
  if prec >= e and e >= -4 then
    m, r = cut(spec, x, "f", prec - e)
  else
    m, r = cut(spec, x, conv == "G" and "E" or "e", prec)
  end
  if not spec.alt and match(m, "%.") then m = gsub(gsub(m, "0+$", ""), "%.$", "") end
  return m .. r
end

--Provides: caml_format_float
--Requires: caml_format_float_spec, caml_hexstring_of_float, caml_lua_format_finite, caml_lua_signbit
local format, rep, upper, sub, find = string.format, string.rep, string.upper, string.sub, string.find
local huge = math.huge
-- OCaml's format_float: C printf for one float ("inf", "-inf", "nan").
function P.caml_format_float(fmt, x)
  local spec = P.caml_format_float_spec(fmt)
  local s
  local finite = x == x and x ~= huge and x ~= -huge
  if not finite then
    if x ~= x then s = "nan" else s = "inf" end
    if x == -huge or (x ~= x and P.caml_lua_signbit(x)) then s = "-" .. s
    elseif spec.plus then s = "+" .. s
    elseif spec.space then s = " " .. s end
  elseif spec.hex then
    local style = spec.plus and 43 or (spec.space and 32 or 45)
    s = P.caml_hexstring_of_float(x, spec.prec or -1, style)
  else
    s = P.caml_lua_format_finite(spec, x)
    if spec.extra then -- precision beyond 99: pad the fraction with zeros
      local c = spec.conv
      if c == "e" or c == "E" then
        local i = find(s, "[eE]")
        s = sub(s, 1, i - 1) .. rep("0", spec.extra) .. sub(s, i)
      elseif c == "f" or c == "F" then
        s = s .. rep("0", spec.extra)
      end
    end
  end
  if spec.upper then s = upper(s) end
  local pad = spec.width - #s
  if pad <= 0 then return s end
  if spec.left then return s .. rep(" ", pad) end
  if spec.zero and finite then
    local i = 1
    local c = sub(s, 1, 1)
    if c == "-" or c == "+" or c == " " then i = 2 end
    if spec.hex then i = i + 2 end
    return sub(s, 1, i - 1) .. rep("0", pad) .. sub(s, i)
  end
  return rep(" ", pad) .. s
end

--Provides: caml_hexstring_of_float
--Requires: caml_lua_frexp, caml_lua_pow2, caml_lua_signbit
local P2 = P.caml_lua_pow2
local floor, abs, huge, format, concat = math.floor, math.abs, math.huge, string.format, table.concat
local HEX = {}
for d = 0, 15 do HEX[d] = string.sub("0123456789abcdef", d + 1, d + 1) end
-- Printf's %h: hexadecimal mantissa, prec digits after the point (all needed
-- digits if prec < 0), rounded to nearest even; style is the char code of
-- '+' or ' ' to sign positive numbers, anything else not to.
function P.caml_hexstring_of_float(x, prec, style)
  local sign = ""
  if P.caml_lua_signbit(x) then sign = "-"
  elseif style == 43 then sign = "+"
  elseif style == 32 then sign = " " end
  if x ~= x then return sign .. "nan" end
  if x == huge or x == -huge then return sign .. "infinity" end
  local a = abs(x)
  local m, exp = 0, 0 -- a = m * 2^(exp - 52), m an integer < 2^53
  if a ~= 0 then
    local fm, fe = P.caml_lua_frexp(a)
    if fe - 1 < -1022 then
      exp, m = -1022, a * P2[1022] * P2[52]
    else
      exp, m = fe - 1, fm * P2[53]
    end
  end
  local unit = P2[52]
  if prec >= 0 and prec < 13 then
    local u = P2[52 - prec * 4]
    local frac = m % u
    m = m - frac
    local half = u * 0.5
    if frac > half or (frac == half and (m / u) % 2 == 1) then m = m + u end
  end
  local d = floor(m / unit)
  local out = { sign, "0x", HEX[d] }
  m = (m - d * unit) * 16
  if prec > 0 or (prec < 0 and m ~= 0) then
    out[#out + 1] = "."
    while prec > 0 or (prec < 0 and m ~= 0) do
      d = floor(m / unit)
      out[#out + 1] = HEX[d]
      m = (m - d * unit) * 16
      prec = prec - 1
    end
  end
  out[#out + 1] = format("p%+d", exp)
  return concat(out)
end

--Provides: caml_float_of_string
--Requires: caml_lua_string, caml_failwith, caml_lua_ldexp, caml_parse_digit, caml_lua_nan
local byte, match, gsub, lower, floor = string.byte, string.match, string.gsub, string.lower, math.floor
local huge = math.huge
-- OCaml's caml_float_of_hex: digits after "0x" (underscores removed), with an
-- optional point and binary exponent; nil if malformed. The mantissa keeps 60
-- significant bits, the rest is folded into a sticky bit (round to odd), as
-- OCaml does.
local function of_hex(s)
  local mant, e = match(s, "^([^pP]*)[pP](.*)$")
  if mant then
    local esign, edigits = match(e, "^%s*([+-]?)(%d+)$")
    if not esign then return nil end
    e = tonumber(edigits)
    if esign == "-" then e = -e end
  else
    mant, e = s, 0
  end
  local digit = P.caml_parse_digit
  local mh, ml, m_bits, x_bits, n_bits, point = 0, 0, 0, 0, 0, -1
  for i = 1, #mant do
    local c = byte(mant, i)
    if c == 46 then
      if point >= 0 then return nil end
      point = n_bits
    else
      local d = digit(c)
      if d >= 16 then return nil end
      n_bits = n_bits + 4
      if d ~= 0 or mh ~= 0 or ml ~= 0 then
        if m_bits < 60 then
          local t = ml * 16 + d
          local carry = floor(t / 4294967296)
          ml, mh = t - carry * 4294967296, mh * 16 + carry
          m_bits = m_bits + 4
        else
          if d ~= 0 and ml % 2 == 0 then ml = ml + 1 end
          x_bits = x_bits + 4
        end
      end
    end
  end
  if n_bits == 0 then return nil end
  local f = (mh * 4294967296 + ml) + 0.0 -- one rounding (also on Lua 5.4)
  local adj = x_bits
  if point >= 0 then adj = adj + point - n_bits end
  e = e + adj
  if e ~= 0 then f = P.caml_lua_ldexp(f, e) end
  return f
end
-- float_of_string: underscores are ignored; [+-]0x... is OCaml's hex syntax;
-- everything else follows strtod (leading blanks, decimal, hex, inf, infinity,
-- nan, nan(...)), with nothing after the number.
function P.caml_float_of_string(str)
  if type(str) ~= "string" then str = P.caml_lua_string(str) end
  local s = gsub(str, "_", "")
  local sign, body = match(s, "^([+-]?)0[xX](.*)$")
  if not sign then
    sign, body = match(s, "^%s*([+-]?)(.*)$")
    local h = match(body, "^0[xX](.*)$")
    if h then
      body = h
    else
      local l = lower(body)
      local v
      if l == "inf" or l == "infinity" then
        v = huge
      elseif l == "nan" or match(l, "^nan%([%w]*%)$") then
        v = P.caml_lua_nan -- "-nan" has its sign bit set, as strtod gives it
      else
        local mant, ex = match(body, "^([%d%.]+)([eE][+-]?%d+)$")
        if not mant then mant, ex = match(body, "^([%d%.]+)$"), "e0" end
        if mant and match(mant, "%d") and not match(mant, "%..*%.") then
          v = tonumber(mant .. ex)
        end
      end
      if v == nil then P.caml_failwith("float_of_string") end
      if sign == "-" then return -v end
      return v
    end
  end
  local v = of_hex(body)
  if v == nil then P.caml_failwith("float_of_string") end
  if sign == "-" then return -v end
  return v
end

--Provides: caml_int64_bits_of_float, caml_int64_float_of_bits
--Requires: caml_int64_mt
--If: lua54
local pack, unpack = string.pack, string.unpack
function P.caml_int64_bits_of_float(x)
  local v = unpack("<i8", pack("<d", x))
  return setmetatable({ lo = v & 0xffffffff, hi = (v >> 32) & 0xffffffff }, P.caml_int64_mt)
end
function P.caml_int64_float_of_bits(a)
  return (unpack("<d", pack("<i8", (a.hi << 32) | a.lo)))
end

--Provides: caml_int64_bits_of_float, caml_int64_float_of_bits
--Requires: caml_int64_mt, caml_lua_frexp, caml_lua_pow2, caml_lua_signbit, caml_lua_nan
--If: luajit, lua51
local P2 = P.caml_lua_pow2
local floor, huge, setmetatable = math.floor, math.huge, setmetatable
-- Exact through LuaJIT's FFI. Otherwise computed, and the payload of a NaN is
-- not observable: a NaN gives 0x7FF0000000000001 (Stdlib.nan), or
-- 0xFFF8000000000000 (what x86 computes: 0 / 0, inf - inf) when its sign is set.
local ok, ffi = pcall(require, "ffi")
local cell, words, LO, HI
if ok and type(ffi) == "table" then
  cell = ffi.new("double[1]")
  words = ffi.cast("uint32_t *", cell)
  if ffi.abi("le") then LO, HI = 0, 1 else LO, HI = 1, 0 end
end
function P.caml_int64_bits_of_float(x)
  if cell then
    cell[0] = x
    return setmetatable({ lo = words[LO], hi = words[HI] }, P.caml_int64_mt)
  end
  local hi, lo
  if x ~= x then
    if P.caml_lua_signbit(x) then hi, lo = 4294443008, 0 else hi, lo = 2146435072, 1 end
  else
    local a = x < 0 and -x or x
    local biased, mant = 0, 0
    if a == huge then
      biased = 2047
    elseif a ~= 0 then
      local m, e = P.caml_lua_frexp(a)
      if e - 1 < -1022 then
        mant = a * P2[1022] * P2[52]
      else
        biased, mant = e + 1022, (m * 2.0 - 1.0) * P2[52]
      end
    end
    local mh = floor(mant / 4294967296)
    lo = mant - mh * 4294967296
    hi = biased * 1048576 + mh
    if P.caml_lua_signbit(x) then hi = hi + 2147483648 end
  end
  return setmetatable({ lo = lo, hi = hi }, P.caml_int64_mt)
end
function P.caml_int64_float_of_bits(a)
  local hi, lo = a.hi, a.lo
  if cell then
    -- a negative NaN above LuaJIT's canonical one would read back as a tagged
    -- value (nil, a table...): it becomes the canonical NaN
    if hi >= 4294443008 then hi, lo = 4294443008, 0 end
    words[LO], words[HI] = lo, hi
    return cell[0]
  end
  local neg = hi >= 2147483648
  if neg then hi = hi - 2147483648 end
  local biased = floor(hi / 1048576)
  local mant = (hi - biased * 1048576) * 4294967296 + lo
  local x
  if biased == 2047 then
    if mant ~= 0 then return neg and P.caml_lua_nan_neg or P.caml_lua_nan end
    x = huge
  elseif biased == 0 then
    x = mant * P2[-1074]
  else
    x = (mant + 4503599627370496) * P2[biased - 1075]
  end
  if neg then return -x end
  return x
end

--Provides: caml_int32_bits_of_float, caml_int32_float_of_bits
--Requires: caml_lua_frexp, caml_lua_pow2, caml_lua_signbit, caml_lua_nan
local P2 = P.caml_lua_pow2
local floor, huge = math.floor, math.huge
local function rne(v) -- round a non-negative float to an integer, ties to even
  local r = floor(v)
  local f = v - r
  if f > 0.5 or (f == 0.5 and r % 2 == 1) then r = r + 1 end
  return r
end
-- IEEE single precision bits of x (rounded to nearest even), as a signed int.
function P.caml_int32_bits_of_float(x)
  local bits
  if x ~= x then
    bits = P.caml_lua_signbit(x) and -4194304 or 2143289344 -- 0xFFC00000, 0x7FC00000
  else
    local a = x < 0 and -x or x
    if a == huge then
      bits = 2139095040
    elseif a == 0 then
      bits = 0
    else
      local m, e = P.caml_lua_frexp(a)
      local biased = e + 126
      if biased >= 1 then
        local mant = rne(m * 16777216.0) -- in [2^23, 2^24]
        bits = (biased - 1) * 8388608 + mant -- the implicit bit bumps the exponent
      else
        bits = rne(a * P2[149]) -- subnormal (may round up to the smallest normal)
      end
      if bits >= 2139095040 then bits = 2139095040 end
    end
    if P.caml_lua_signbit(x) then bits = bits - 2147483648 end
  end
  return bits
end
function P.caml_int32_float_of_bits(n)
  n = n % 4294967296
  local neg = n >= 2147483648
  if neg then n = n - 2147483648 end
  local biased = floor(n / 8388608)
  local mant = n - biased * 8388608
  local x
  if biased == 255 then
    if mant ~= 0 then return neg and P.caml_lua_nan_neg or P.caml_lua_nan end
    x = huge
  elseif biased == 0 then
    x = mant * P2[-149]
  else
    x = (mant + 8388608) * P2[biased - 150]
  end
  if neg then return -x end
  return x + 0.0
end
