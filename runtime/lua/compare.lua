-- Polymorphic comparison and hashing (runtime/compare.c and runtime/hash.c of
-- ocamlrun), on the Lua value representation of docs/runtime.md.

--Provides: caml_compare_val
--Requires: caml_bytes_mt, caml_string_cmp, caml_invalid_argument
-- caml_compare_val(v1, v2, total): -1, 0, 1, or -2 for "unordered" (a nan was
-- met while `total` is false). Iterative: nested blocks go on an explicit stack.
local type, getmetatable = type, getmetatable
local UNORDERED = -2
local FORWARD, ABSTRACT, CLOSURE, OBJECT, STRING, DARRAY, CUSTOM = 250, 251, 247, 248, 252, 254, 255

-- pseudo tag of a non-number value
local function tag_of(v)
  local tv = type(v)
  if tv == "table" then
    local mt = getmetatable(v)
    if mt ~= nil then
      if mt == P.caml_bytes_mt then return STRING end
      if mt.caml_custom then return CUSTOM end
    end
    local t = v[1]
    if type(t) == "number" then return t end
    return ABSTRACT
  elseif tv == "string" then
    return STRING
  elseif tv == "function" then
    return CLOSURE
  end
  return ABSTRACT
end

local function cmp_float(a, b, total)
  if a < b then return -1 end
  if a > b then return 1 end
  if a == b then return 0 end
  if not total then return UNORDERED end
  -- nan is equal to itself and less than any other float
  if a == a then return 1 end
  if b == b then return -1 end
  return 0
end

-- The explicit stack of the outermost comparison is kept between calls (a
-- comparison of pairs would otherwise allocate it every time); a nested one (a
-- custom compare calling back) makes its own.
local S1, S2, SI, SE, busy = {}, {}, {}, {}, false
local function release(st1, st2, sp)
  for i = 1, sp do st1[i], st2[i] = nil, nil end
  busy = false
end

function P.caml_compare_val(v1, v2, total)
  -- What needs no loop (LuaJIT compiles a call of this function from a loop
  -- only if the call does not enter the loops below): two numbers, two strings,
  -- an int against a block.
  local tv1, tv2 = type(v1), type(v2)
  if tv1 == "number" then
    if tv2 == "number" then return cmp_float(v1, v2, total) end
    if tv2 ~= "table" or getmetatable(v2) ~= nil or v2[1] ~= FORWARD then return -1 end
  elseif tv2 == "number" then
    if tv1 ~= "table" or getmetatable(v1) ~= nil or v1[1] ~= FORWARD then return 1 end
  elseif (tv1 == "string" or (tv1 == "table" and getmetatable(v1) == P.caml_bytes_mt))
    and (tv2 == "string" or (tv2 == "table" and getmetatable(v2) == P.caml_bytes_mt)) then
    return P.caml_string_cmp(v1, v2)
  end
  local st1, st2, sti, ste = nil, nil, nil, nil -- explicit stack, created lazily
  local own = not busy
  if own then st1, st2, sti, ste, busy = S1, S2, SI, SE, true end
  local sp = 0
  while true do
    local res = 0
    -- compare v1 and v2; res ~= 0 ends the comparison
    while true do
      if total and v1 == v2 then break end
      local n1, n2 = type(v1) == "number", type(v2) == "number"
      if n1 then
        if n2 then
          res = cmp_float(v1, v2, total)
          break
        end
        if tag_of(v2) == FORWARD then
          v2 = v2[2]
        else
          res = -1
          break
        end
      elseif n2 then
        if tag_of(v1) == FORWARD then
          v1 = v1[2]
        else
          res = 1
          break
        end
      else
        local t1, t2 = tag_of(v1), tag_of(v2)
        if t1 + t2 == DARRAY and (t1 == 0 or t2 == 0)
          and type(v1[2]) == "number" and type(v2[2]) == "number" then
          -- a float array whose first element looked like an int when it was made
          -- (LuaJIT, Lua 5.1: Array.make n 1.0) is an array of tag 0
          t1, t2 = DARRAY, DARRAY
        end
        if t1 == FORWARD then
          v1 = v1[2]
        elseif t2 == FORWARD then
          v2 = v2[2]
        elseif t1 ~= t2 then
          res = t1 < t2 and -1 or 1
          break
        elseif t1 == STRING then
          res = P.caml_string_cmp(v1, v2)
          break
        elseif t1 == DARRAY then
          local s1, s2 = #v1, #v2
          if s1 ~= s2 then res = s1 < s2 and -1 or 1 break end
          for i = 2, s1 do
            res = cmp_float(v1[i], v2[i], total)
            if res ~= 0 then break end
          end
          break
        elseif t1 == CLOSURE then
          if own then release(st1, st2, sp) end
          P.caml_invalid_argument("compare: functional value")
        elseif t1 == ABSTRACT then
          if own then release(st1, st2, sp) end
          P.caml_invalid_argument("compare: abstract value")
        elseif t1 == OBJECT then
          local o1, o2 = v1[3], v2[3]
          if o1 ~= o2 then res = o1 < o2 and -1 or 1 end
          break
        elseif t1 == CUSTOM then
          local m1, m2 = getmetatable(v1), getmetatable(v2)
          local id1, id2 = m1.caml_custom, m2.caml_custom
          if id1 ~= id2 then
            res = tostring(id1) < tostring(id2) and -1 or 1
            break
          end
          local f = m1.compare
          if f == nil then
            if own then release(st1, st2, sp) end
            P.caml_invalid_argument("compare: abstract value")
          end
          local r = f(v1, v2, total)
          if r ~= 0 then
            if r ~= r then res = total and 0 or UNORDERED
            elseif r < 0 then res = -1 else res = 1 end
          end
          break
        else
          local s1, s2 = #v1, #v2
          if s1 ~= s2 then res = s1 < s2 and -1 or 1 break end
          if s1 == 1 then break end -- no field
          if s1 > 2 then
            -- compare fields 2..s1 later
            if st1 == nil then st1, st2, sti, ste = {}, {}, {}, {} end
            sp = sp + 1
            st1[sp], st2[sp], sti[sp], ste[sp] = v1, v2, 3, s1
          end
          v1, v2 = v1[2], v2[2]
        end
      end
    end
    if res ~= 0 then
      if own then release(st1, st2, sp) end
      return res
    end
    -- next pair of fields
    while true do
      if sp == 0 then
        if own then busy = false end
        return 0
      end
      local i = sti[sp]
      if i <= ste[sp] then
        v1, v2 = st1[sp][i], st2[sp][i]
        if i == ste[sp] then
          st1[sp], st2[sp] = nil, nil
          sp = sp - 1
        else
          sti[sp] = i + 1
        end
        break
      end
      sp = sp - 1
    end
  end
end

--Provides: caml_compare
--Requires: caml_compare_val
-- Two numbers or two Lua strings are compared here, without entering the loops
-- of caml_compare_val: LuaJIT aborts a trace that meets a loop it did not start
-- at ("inner loop in root trace") and, after a few such aborts, blacklists the
-- function, and then every trace that calls it (Hashtbl.find on int keys).
local type = type
function P.caml_compare(v1, v2)
  local t = type(v1)
  if t == type(v2) then
    if t == "number" then
      if v1 < v2 then return -1 end
      if v1 > v2 then return 1 end
      if v1 == v2 then return 0 end
      -- a nan: caml_compare_val orders it
    elseif t == "string" then
      if v1 == v2 then return 0 end
      if v1 < v2 then return -1 end
      return 1
    end
  end
  return P.caml_compare_val(v1, v2, true)
end

--Provides: caml_equal
--Requires: caml_compare_val
-- The fast paths of caml_compare: a nan is unordered, so `==`, `<`, `<=`... on
-- numbers give OCaml's answers; two Lua strings compare bytewise.
local type = type
function P.caml_equal(v1, v2)
  local t = type(v1)
  if t == type(v2) and (t == "number" or t == "string") then
    return v1 == v2 and 1 or 0
  end
  return P.caml_compare_val(v1, v2, false) == 0 and 1 or 0
end

--Provides: caml_notequal
--Requires: caml_compare_val
local type = type
function P.caml_notequal(v1, v2)
  local t = type(v1)
  if t == type(v2) and (t == "number" or t == "string") then
    return v1 ~= v2 and 1 or 0
  end
  return P.caml_compare_val(v1, v2, false) ~= 0 and 1 or 0
end

--Provides: caml_lessthan
--Requires: caml_compare_val
local type = type
function P.caml_lessthan(v1, v2)
  local t = type(v1)
  if t == type(v2) and (t == "number" or t == "string") then
    return v1 < v2 and 1 or 0
  end
  return P.caml_compare_val(v1, v2, false) == -1 and 1 or 0
end

--Provides: caml_lessequal
--Requires: caml_compare_val
local type = type
function P.caml_lessequal(v1, v2)
  local t = type(v1)
  if t == type(v2) and (t == "number" or t == "string") then
    return v1 <= v2 and 1 or 0
  end
  local r = P.caml_compare_val(v1, v2, false)
  return (r == -1 or r == 0) and 1 or 0
end

--Provides: caml_greaterthan
--Requires: caml_compare_val
local type = type
function P.caml_greaterthan(v1, v2)
  local t = type(v1)
  if t == type(v2) and (t == "number" or t == "string") then
    return v1 > v2 and 1 or 0
  end
  return P.caml_compare_val(v1, v2, false) == 1 and 1 or 0
end

--Provides: caml_greaterequal
--Requires: caml_compare_val
local type = type
function P.caml_greaterequal(v1, v2)
  local t = type(v1)
  if t == type(v2) and (t == "number" or t == "string") then
    return v1 >= v2 and 1 or 0
  end
  return P.caml_compare_val(v1, v2, false) >= 0 and 1 or 0
end

--Provides: caml_hash_mix_uint32, caml_hash_final_mix, caml_hash_xor32
--If: lua54
-- 32-bit MurmurHash3 steps on unsigned values held in 64-bit integers.
function P.caml_hash_mix_uint32(h, d)
  d = ((d & 0xffffffff) * 0xcc9e2d51) & 0xffffffff
  d = ((d << 15) | (d >> 17)) & 0xffffffff
  d = (d * 0x1b873593) & 0xffffffff
  h = (h & 0xffffffff) ~ d
  h = ((h << 13) | (h >> 19)) & 0xffffffff
  return (h * 5 + 0xe6546b64) & 0xffffffff
end

-- the final mix, folded to [0, 2^30 - 1] like caml_hash's result
function P.caml_hash_final_mix(h)
  h = h & 0xffffffff
  h = h ~ (h >> 16)
  h = (h * 0x85ebca6b) & 0xffffffff
  h = h ~ (h >> 13)
  h = (h * 0xc2b2ae35) & 0xffffffff
  h = h ~ (h >> 16)
  return h & 0x3FFFFFFF
end

function P.caml_hash_xor32(a, b)
  return (a ~ b) & 0xffffffff
end

--Provides: caml_hash_mix_uint32, caml_hash_final_mix, caml_hash_xor32
--If: luajit
-- The same with the `bit` library; hash states are signed 32-bit numbers.
-- `return (tobit(x))`, not `return tobit(x)`: a tail call of a builtin makes
-- every trace LuaJIT starts at the function's entry (it is called from
-- interpreted code) abort with "leaving loop in root trace", and after a few
-- such aborts the function is blacklisted, and so is every trace that calls it.
local band, bxor, rol, rshift, tobit = bit.band, bit.bxor, bit.rol, bit.rshift, bit.tobit
-- Products mod 2^32 by a constant C = CH * 65536 + CL (16-bit halves):
-- tobit(x * CL + tobit(x * CH) * 65536) for a signed 32-bit x, where every
-- partial result stays below 2^51 and is exact. Written out, not through a
-- helper: much of the hashing runs in the interpreter (the loops calling
-- Hashtbl are often not compiled), where a call costs more than the arithmetic.
function P.caml_hash_mix_uint32(h, d)
  d = tobit(d)
  d = tobit(d * 0x2d51 + tobit(d * 0xcc9e) * 65536) -- * 0xcc9e2d51
  d = rol(d, 15)
  d = tobit(d * 0x3593 + tobit(d * 0x1b87) * 65536) -- * 0x1b873593
  h = rol(bxor(h, d), 13)
  return (tobit(h * 5 + 0xe6546b64))
end

function P.caml_hash_final_mix(h)
  h = tobit(h)
  h = bxor(h, rshift(h, 16))
  h = tobit(h * 0xca6b + tobit(h * 0x85eb) * 65536) -- * 0x85ebca6b
  h = bxor(h, rshift(h, 13))
  h = tobit(h * 0xae35 + tobit(h * 0xc2b2) * 65536) -- * 0xc2b2ae35
  h = bxor(h, rshift(h, 16))
  return (band(h, 0x3FFFFFFF))
end

function P.caml_hash_xor32(a, b)
  return (bxor(a, b))
end

--Provides: caml_hash_mix_int
--Requires: caml_hash_mix_uint32
--If: luajit
-- caml_hash_mix_uint32 on 2n + 1 (the tagged int), written out (see above).
local bxor, rol, tobit = bit.bxor, bit.rol, bit.tobit
function P.caml_hash_mix_int(h, n)
  local d = tobit(2 * n + 1)
  d = tobit(d * 0x2d51 + tobit(d * 0xcc9e) * 65536)
  d = rol(d, 15)
  d = tobit(d * 0x3593 + tobit(d * 0x1b87) * 65536)
  h = rol(bxor(h, d), 13)
  return (tobit(h * 5 + 0xe6546b64))
end

--Provides: caml_hash_mix_uint32, caml_hash_final_mix, caml_hash_xor32
--If: lua51
-- The same in plain arithmetic on doubles; hash states are in [0, 2^32).
local floor = math.floor
local X = {} -- xor of two 4-bit numbers: X[a * 16 + b]
for a = 0, 15 do
  for b = 0, 15 do
    local r, p, x, y = 0, 1, a, b
    for _ = 1, 4 do
      if x % 2 ~= y % 2 then r = r + p end
      x, y, p = floor(x / 2), floor(y / 2), p * 2
    end
    X[a * 16 + b] = r
  end
end

local function xor(a, b)
  local r, p = 0, 1
  for _ = 1, 8 do
    local x, y = a % 16, b % 16
    r = r + X[x * 16 + y] * p
    a, b, p = (a - x) / 16, (b - y) / 16, p * 16
  end
  return r
end

local function mul(a, b)
  local ah = floor(a / 65536)
  local al = a - ah * 65536
  return ((ah * b) % 65536 * 65536 + al * b) % 4294967296
end

local function rotl(x, n, pn, pm) -- pn = 2^n, pm = 2^(32 - n)
  return (x * pn) % 4294967296 + floor(x / pm)
end

function P.caml_hash_mix_uint32(h, d)
  d = mul(d % 4294967296, 0xcc9e2d51)
  d = rotl(d, 15, 32768, 131072)
  d = mul(d, 0x1b873593)
  h = xor(h % 4294967296, d)
  h = rotl(h, 13, 8192, 524288)
  return (h * 5 + 0xe6546b64) % 4294967296
end

function P.caml_hash_final_mix(h)
  h = h % 4294967296
  h = xor(h, floor(h / 65536))
  h = mul(h, 0x85ebca6b)
  h = xor(h, floor(h / 8192))
  h = mul(h, 0xc2b2ae35)
  h = xor(h, floor(h / 65536))
  return h % 1073741824
end

function P.caml_hash_xor32(a, b)
  return xor(a % 4294967296, b % 4294967296)
end

--Provides: caml_hash_mix_int
--Requires: caml_hash_mix_uint32
--If: lua51, lua54
-- Mix an OCaml int as ocamlrun does: its tagged representation 2n + 1.
function P.caml_hash_mix_int(h, n)
  return P.caml_hash_mix_uint32(h, (2 * n + 1) % 4294967296)
end

--Provides: caml_hash_mix_string
--Requires: caml_hash_mix_uint32, caml_hash_xor32
local byte = string.byte
function P.caml_hash_mix_string(h, s)
  local mix = P.caml_hash_mix_uint32
  local len = #s
  local i = 1
  if type(s) == "string" then
    while i + 3 <= len do
      local b0, b1, b2, b3 = byte(s, i, i + 3)
      h = mix(h, b0 + b1 * 256 + b2 * 65536 + b3 * 16777216)
      i = i + 4
    end
    local r = len - i + 1
    if r > 0 then
      local b0, b1, b2 = byte(s, i, i + 2)
      local w = b0
      if r >= 2 then w = w + b1 * 256 end
      if r >= 3 then w = w + b2 * 65536 end
      h = mix(h, w)
    end
  else
    while i + 3 <= len do
      h = mix(h, s[i] + s[i + 1] * 256 + s[i + 2] * 65536 + s[i + 3] * 16777216)
      i = i + 4
    end
    local r = len - i + 1
    if r > 0 then
      local w = s[i]
      if r >= 2 then w = w + s[i + 1] * 256 end
      if r >= 3 then w = w + s[i + 2] * 65536 end
      h = mix(h, w)
    end
  end
  return P.caml_hash_xor32(h, len)
end

--Provides: caml_hash_mix_double
--Requires: caml_hash_mix_uint32
local floor, frexp = math.floor, math.frexp
local pack, unpack = string.pack, string.unpack
-- The two 32-bit halves (lo, hi) of the IEEE representation of x, with nans
-- and -0 normalized as caml_hash_mix_double does.
local function bits(x)
  if x ~= x then return 1, 0x7FF00000 end
  if x == 0 then return 0, 0 end
  if pack then
    return unpack("<I4I4", pack("<d", x))
  end
  local sign = 0
  if x < 0 then sign = 2147483648; x = -x end
  if x == 1 / 0 then return 0, sign + 0x7FF00000 end
  local m, e = frexp(x) -- x = m * 2^e, 0.5 <= m < 1
  local E = e + 1022
  local frac
  if E >= 1 then
    frac = (m * 2 - 1) * 4503599627370496 -- 2^52
  else
    E = 0
    frac = x * 2 ^ 1022 * 4503599627370496
  end
  local fhi = floor(frac / 4294967296)
  return frac - fhi * 4294967296, sign + E * 1048576 + fhi
end

function P.caml_hash_mix_double(h, x)
  local lo, hi = bits(x)
  h = P.caml_hash_mix_uint32(h, lo)
  return P.caml_hash_mix_uint32(h, hi)
end

--Provides: caml_hash
--Requires: caml_hash_mix_uint32, caml_hash_mix_int, caml_hash_mix_string, caml_hash_mix_double, caml_hash_final_mix, caml_hash_xor32, caml_bytes_mt, caml_value_is_float
-- Hashtbl.hash_param / seeded_hash: caml_hash(count, limit, seed, obj).
-- Breadth-first walk through at most `limit` values, of which at most `count`
-- meaningful ones (ints, floats, strings, custom values) are mixed in.
local type, getmetatable = type, getmetatable
local function custom_hash(v, mt)
  local f = mt.hash
  if f then return f(v) end
  -- int64 and nativeint when their metatable has no hash function
  local id = mt.caml_custom
  if (id == "_j" or id == "_n") and P.caml_int64_lo then
    local lo = P.caml_int64_lo(v) % 4294967296
    local hi = P.caml_int64_hi(v) % 4294967296
    if id == "_n" and hi >= 2147483648 then
      hi = P.caml_hash_xor32(hi, 4294967295)
    end
    return P.caml_hash_xor32(lo, hi)
  end
  return nil
end

function P.caml_hash(count, limit, seed, obj)
  local mix_int, mix_double = P.caml_hash_mix_int, P.caml_hash_mix_double
  local is_float = P.caml_value_is_float
  local bytes_mt = P.caml_bytes_mt
  -- A number or a string (the usual keys) is mixed here, outside the loop below
  -- (LuaJIT would not compile a call of caml_hash from a loop otherwise).
  if count > 0 then
    local tv = type(obj)
    if tv == "number" then
      if is_float(obj) then
        return P.caml_hash_final_mix(mix_double(seed % 4294967296, obj))
      end
      return P.caml_hash_final_mix(mix_int(seed % 4294967296, obj))
    elseif tv == "string" or (tv == "table" and getmetatable(obj) == bytes_mt) then
      return P.caml_hash_final_mix(P.caml_hash_mix_string(seed % 4294967296, obj))
    end
  end
  local mix = P.caml_hash_mix_uint32
  local sz = limit
  if sz < 0 or sz > 256 then sz = 256 end
  local num = count
  local h = seed % 4294967296
  local queue = { obj }
  local rd, wr = 1, 2
  while rd < wr and num > 0 do
    local v = queue[rd]
    queue[rd] = nil
    rd = rd + 1
    local forwards = 0
    while true do -- loops only to follow Forward blocks
      local tv = type(v)
      if tv == "number" then
        if is_float(v) then h = mix_double(h, v) else h = mix_int(h, v) end
        num = num - 1
      elseif tv == "string" then
        h = P.caml_hash_mix_string(h, v)
        num = num - 1
      elseif tv == "table" then
        local mt = getmetatable(v)
        if mt == bytes_mt then
          h = P.caml_hash_mix_string(h, v)
          num = num - 1
        elseif mt ~= nil and mt.caml_custom then
          local c = custom_hash(v, mt)
          if c then
            h = mix(h, c % 4294967296)
            num = num - 1
          end
        else
          local tag = v[1]
          local size = #v - 1
          if type(tag) ~= "number" or tag == 251 then
            -- abstract: contents unknown
          elseif tag == 254 and size > 0 then
            for i = 2, size + 1 do
              h = mix_double(h, v[i])
              num = num - 1
              if num <= 0 then break end
            end
          elseif tag == 250 then
            forwards = forwards + 1
            if forwards <= 1000 then
              v = v[2]
              tv = nil
            end
          elseif tag == 248 then
            h = mix(h, v[3] % 4294967296)
            num = num - 1
          else
            if tag == 254 then tag = 0 end -- empty float array is Atom(0)
            -- header: size << 10 | tag
            h = mix(h, (size * 1024 + tag) % 4294967296)
            for i = 2, size + 1 do
              if wr > sz then break end
              queue[wr] = v[i]
              wr = wr + 1
            end
          end
        end
      end
      -- functions: nothing meaningful to mix (ocamlrun mixes code pointers)
      if tv ~= nil then break end
    end
  end
  return P.caml_hash_final_mix(h)
end
