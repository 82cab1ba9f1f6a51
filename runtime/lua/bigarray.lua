-- Bigarrays (runtime/bigarray.c): every kind, both layouts, any number of
-- dimensions up to 16.
--
-- A bigarray is a custom block (metatable P.caml_ba_mt, identifier
-- "_bigarr02", with compare and hash as bigarray.c defines them):
--   { data = T, ofs = O, kind = K, layout = L, dims = { d1, ..., dn } }
-- T is a Lua table shared by the arrays that share memory (sub, slice,
-- reshape, change_layout); the element at offset i (0-based, row-major for
-- the C layout, column-major for Fortran's) lives at T[O + i * es + 1] and,
-- for two-slot kinds, T[O + i * es + 2], where es = P.caml_ba_slots[K]:
--   float32, float64                  number (float32 values rounded to single)
--   int8/int16 signed and unsigned,
--   char, int32, int                  number, stored as C stores it
--                                     (int8_signed in -128..127, ...)
--   int64, nativeint                  two slots: low and high unsigned 32-bit halves
--   complex32, complex64              two slots: re, im
-- Kinds (Bigarray.kind constructors): float32 = 0, float64, int8_signed,
-- int8_unsigned, int16_signed, int16_unsigned, int32, int64, int, nativeint,
-- complex32, complex64, char = 12. Layouts: c_layout = 0, fortran_layout = 1.
-- Contents of a new bigarray are zeros (ocamlrun leaves them uninitialised).
-- Int kind elements are 32-bit, like our ints. Marshal writes and reads
-- bigarrays in ocamlrun's format (caml_ba_serialize, caml_ba_deserialize).

--Provides: caml_ba_slots
P.caml_ba_slots = { [0] = 1, 1, 1, 1, 1, 1, 1, 2, 1, 2, 2, 2, 1 }

--Provides: caml_ba_round_float32
--If: lua54
local pack, unpack = string.pack, string.unpack
-- The nearest single-precision value (as the C cast double -> float does).
function P.caml_ba_round_float32(x)
  return (unpack("<f", pack("<f", x)))
end

--Provides: caml_ba_round_float32
--Requires: caml_int32_bits_of_float, caml_int32_float_of_bits
--If: lua51
function P.caml_ba_round_float32(x)
  if x ~= x then return x end
  return P.caml_int32_float_of_bits(P.caml_int32_bits_of_float(x))
end

--Provides: caml_ba_round_float32
--Requires: caml_int32_bits_of_float, caml_int32_float_of_bits
--If: luajit
-- Through the FFI when it is available.
local ok, ffi = pcall(require, "ffi")
local cell = ok and type(ffi) == "table" and ffi.new("float[1]")
if cell then
  function P.caml_ba_round_float32(x)
    cell[0] = x
    return cell[0]
  end
else
  function P.caml_ba_round_float32(x)
    if x ~= x then return x end
    return P.caml_int32_float_of_bits(P.caml_int32_bits_of_float(x))
  end
end

--Provides: caml_ba_get_elt, caml_ba_set_elt
--Requires: caml_ba_round_float32, caml_int64_mt, caml_nativeint_mt
-- Per kind: GET[k](data, i) reads the element at slot i; SET[k](data, i, v)
-- converts the OCaml value v as bigarray.c does and stores it.
local function id_get(d, i) return d[i] end
local function id_set(d, i, v) d[i] = v end
local function f32_set(d, i, v) d[i] = P.caml_ba_round_float32(v) end
local function f64_set(d, i, v) d[i] = v + 0.0 end
local function s8_set(d, i, v) d[i] = (v + 128) % 256 - 128 end
local function u8_set(d, i, v) d[i] = v % 256 end
local function s16_set(d, i, v) d[i] = (v + 32768) % 65536 - 32768 end
local function u16_set(d, i, v) d[i] = v % 65536 end
local function i64_get(d, i) return setmetatable({ lo = d[i], hi = d[i + 1] }, P.caml_int64_mt) end
local function ni_get(d, i) return setmetatable({ lo = d[i], hi = d[i + 1] }, P.caml_nativeint_mt) end
local function i64_set(d, i, v) d[i], d[i + 1] = v.lo, v.hi end
local function cx_get(d, i) return { 254, d[i], d[i + 1] } end
local function c32_set(d, i, v)
  local r = P.caml_ba_round_float32
  d[i], d[i + 1] = r(v[2]), r(v[3])
end
local function c64_set(d, i, v) d[i], d[i + 1] = v[2] + 0.0, v[3] + 0.0 end
P.caml_ba_get_elt = { [0] = id_get, id_get, id_get, id_get, id_get, id_get, id_get, i64_get,
  id_get, ni_get, cx_get, cx_get, id_get }
P.caml_ba_set_elt = { [0] = f32_set, f64_set, s8_set, u8_set, s16_set, u16_set, id_set,
  i64_set, id_set, i64_set, c32_set, c64_set, u8_set }

--Provides: caml_ba_float32_hash_bits
--Requires: caml_int32_bits_of_float
-- The bits of a float32 value as caml_hash_mix_float normalises them.
function P.caml_ba_float32_hash_bits(x)
  if x ~= x then return 2139095041 end -- 0x7F800001
  local n = P.caml_int32_bits_of_float(x) % 4294967296
  if n == 2147483648 then return 0 end
  return n
end

--Provides: caml_ba_mt
--Requires: caml_ba_serialize, caml_ba_deserialize, caml_ba_slots, caml_hash_mix_uint32, caml_hash_mix_double, caml_hash_xor32, caml_ba_float32_hash_bits
-- compare(a, b, total) and hash(a), as caml_ba_compare and caml_ba_hash.
local function num_elts(b)
  local n, dims = 1, b.dims
  for i = 1, #dims do n = n * dims[i] end
  return n
end
local function compare(a, b, total)
  local f1, f2 = a.kind + a.layout * 256, b.kind + b.layout * 256
  if f1 ~= f2 then return f2 - f1 end
  local da, db = a.dims, b.dims
  if #da ~= #db then return #db - #da end
  for i = 1, #da do
    if da[i] ~= db[i] then return da[i] < db[i] and -1 or 1 end
  end
  local k = a.kind
  local n = num_elts(a) * P.caml_ba_slots[k]
  local d1, d2, o1, o2 = a.data, b.data, a.ofs, b.ofs
  if k == 0 or k == 1 or k == 10 or k == 11 then
    for i = 1, n do
      local e1, e2 = d1[o1 + i], d2[o2 + i]
      if e1 < e2 then return -1 end
      if e1 > e2 then return 1 end
      if e1 ~= e2 then
        if not total then return 0 / 0 end -- unordered
        if e1 == e1 then return 1 end
        if e2 == e2 then return -1 end
      end
    end
  elseif k == 7 or k == 9 then
    for i = 1, n, 2 do
      local h1, h2 = d1[o1 + i + 1], d2[o2 + i + 1]
      if h1 ~= h2 then
        if h1 >= 2147483648 then h1 = h1 - 4294967296 end
        if h2 >= 2147483648 then h2 = h2 - 4294967296 end
        return h1 < h2 and -1 or 1
      end
      local l1, l2 = d1[o1 + i], d2[o2 + i]
      if l1 ~= l2 then return l1 < l2 and -1 or 1 end
    end
  else
    for i = 1, n do
      local e1, e2 = d1[o1 + i], d2[o2 + i]
      if e1 ~= e2 then return e1 < e2 and -1 or 1 end
    end
  end
  return 0
end
local function hash(b)
  local mix = P.caml_hash_mix_uint32
  local k = b.kind
  local n = num_elts(b)
  local d, o = b.data, b.ofs
  local h = 0
  if k == 2 or k == 3 or k == 12 then
    if n > 256 then n = 256 end
    local i = 1
    while i + 3 <= n do
      h = mix(h, d[o + i] % 256 + d[o + i + 1] % 256 * 256 + d[o + i + 2] % 256 * 65536
        + d[o + i + 3] % 256 * 16777216)
      i = i + 4
    end
    local r = n - i + 1
    if r > 0 then
      local w = d[o + i] % 256
      if r >= 2 then w = w + d[o + i + 1] % 256 * 256 end
      if r >= 3 then w = w + d[o + i + 2] % 256 * 65536 end
      h = mix(h, w)
    end
  elseif k == 4 or k == 5 then
    if n > 128 then n = 128 end
    local i = 1
    while i + 1 <= n do
      h = mix(h, d[o + i] % 65536 + d[o + i + 1] % 65536 * 65536)
      i = i + 2
    end
    if i <= n then h = mix(h, d[o + i] % 65536) end
  elseif k == 6 or k == 8 then
    if n > 64 then n = 64 end
    for i = 1, n do h = mix(h, d[o + i] % 4294967296) end
  elseif k == 9 then
    -- caml_hash_mix_intnat: low 32 bits of (d >> 32) ^ (d >> 63) ^ d
    if n > 64 then n = 64 end
    local xor = P.caml_hash_xor32
    for i = 1, 2 * n, 2 do
      local hi = d[o + i + 1]
      if hi >= 2147483648 then hi = 4294967295 - hi end
      h = mix(h, xor(d[o + i], hi) % 4294967296)
    end
  elseif k == 7 then
    if n > 32 then n = 32 end
    for i = 1, 2 * n, 2 do
      h = mix(h, d[o + i])
      h = mix(h, d[o + i + 1])
    end
  elseif k == 0 or k == 10 then
    if k == 10 then n = n * 2 end
    if n > 64 then n = 64 end
    local bits = P.caml_ba_float32_hash_bits
    for i = 1, n do h = mix(h, bits(d[o + i])) end
  else
    if k == 11 then n = n * 2 end
    if n > 32 then n = 32 end
    local mixd = P.caml_hash_mix_double
    for i = 1, n do h = mixd(h, d[o + i]) end
  end
  return h % 4294967296
end
P.caml_ba_mt = { caml_custom = "_bigarr02", compare = compare, hash = hash,
  serialize = function(b) return P.caml_ba_serialize(b) end }

--Provides: caml_ba_serialize, caml_ba_deserialize
--Requires: caml_ba_slots, caml_ba_alloc, caml_int32_bits_of_float, caml_int32_float_of_bits, caml_int64_bits_of_float, caml_int64_float_of_bits, caml_int64_create_lo_hi, caml_failwith
-- The marshalled form of a bigarray (bigarray.c): number of dimensions, kind and
-- layout flags, dimensions, then the elements, big-endian. Returns the data and
-- the sizes in bytes of the custom block on 32- and 64-bit hosts.
local char, byte, floor, concat = string.char, string.byte, math.floor, table.concat
local unpack = table.unpack or unpack
local function be(u, n) -- n bytes of the unsigned number u, big-endian
  local t = {}
  for i = n, 1, -1 do
    local q = floor(u / 256)
    t[i] = u - q * 256
    u = q
  end
  return char(unpack(t))
end
local function be4(u) return be(u % 4294967296, 4) end
local function double_bytes(x)
  local b = P.caml_int64_bits_of_float(x)
  return be4(b.hi) .. be4(b.lo)
end
function P.caml_ba_serialize(b)
  local dims, kind, d, o = b.dims, b.kind, b.data, b.ofs
  local out = { be4(#dims), be4(kind + b.layout * 256) }
  local n = 1
  for i = 1, #dims do
    local len = dims[i]
    n = n * len
    if len < 65535 then out[#out + 1] = be(len, 2)
    else out[#out + 1] = be(65535, 2) .. be4(0) .. be4(len) end
  end
  local slots = n * P.caml_ba_slots[kind]
  if kind == 2 or kind == 3 or kind == 12 then
    for i = 1, slots do out[#out + 1] = char(d[o + i] % 256) end
  elseif kind == 4 or kind == 5 then
    for i = 1, slots do out[#out + 1] = be(d[o + i] % 65536, 2) end
  elseif kind == 6 then
    for i = 1, slots do out[#out + 1] = be4(d[o + i]) end
  elseif kind == 0 or kind == 10 then
    local bits = P.caml_int32_bits_of_float
    for i = 1, slots do out[#out + 1] = be4(bits(d[o + i])) end
  elseif kind == 1 or kind == 11 then
    for i = 1, slots do out[#out + 1] = double_bytes(d[o + i]) end
  elseif kind == 7 then
    for i = 1, slots, 2 do out[#out + 1] = be4(d[o + i + 1]) .. be4(d[o + i]) end
  elseif kind == 8 then
    -- ints of a 64-bit ocamlrun: 4 bytes each when all fit in 31 bits
    local small = true
    for i = 1, slots do
      local x = d[o + i]
      if x < -1073741824 or x > 1073741823 then small = false break end
    end
    out[#out + 1] = char(small and 0 or 1)
    for i = 1, slots do
      local x = d[o + i]
      if small then out[#out + 1] = be4(x)
      else out[#out + 1] = be4(x < 0 and 4294967295 or 0) .. be4(x) end
    end
  elseif kind == 9 then
    -- OCaml 4's ocamlrun always writes 8 bytes (its bound -0x80000000 is unsigned
    -- in C, no value passes it); OCaml 5's writes 4 when every element fits in 32 bits
    local small = P.caml_ocaml5 and true or false
    for i = 1, small and slots or 0, 2 do
      local lo, hi = d[o + i], d[o + i + 1]
      if not ((hi == 0 and lo < 2147483648) or (hi == 4294967295 and lo >= 2147483648)) then
        small = false
        break
      end
    end
    out[#out + 1] = char(small and 0 or 1)
    for i = 1, slots, 2 do
      if small then out[#out + 1] = be4(d[o + i])
      else out[#out + 1] = be4(d[o + i + 1]) .. be4(d[o + i]) end
    end
  end
  return concat(out), (4 + #dims) * 4, (4 + #dims) * 8
end
-- Reads a bigarray from the Lua string s at position p: the value and the next position.
function P.caml_ba_deserialize(s, p)
  local function u(n)
    local r = 0
    for i = 0, n - 1 do
      local c = byte(s, p + i)
      if c == nil then P.caml_failwith("input_value: truncated object") end
      r = r * 256 + c
    end
    p = p + n
    return r
  end
  local nd = u(4)
  if nd > 16 then P.caml_failwith("input_value: wrong number of bigarray dimensions") end
  local flags = u(4)
  local kind, layout = flags % 256, floor(flags / 256) % 2
  if kind > 12 then P.caml_failwith("input_value: bad bigarray kind") end
  local dims, n = {}, 1
  for i = 1, nd do
    local len = u(2)
    if len == 65535 then len = u(8) end
    dims[i] = len
    n = n * len
  end
  local slots = n * P.caml_ba_slots[kind]
  local d = {}
  if kind == 2 or kind == 4 or kind == 6 then
    local w = kind == 2 and 1 or kind == 4 and 2 or 4
    local half = 2 ^ (8 * w - 1)
    for i = 1, slots do
      local x = u(w)
      if x >= half then x = x - 2 * half end
      d[i] = x
    end
  elseif kind == 3 or kind == 12 then
    for i = 1, slots do d[i] = u(1) end
  elseif kind == 5 then
    for i = 1, slots do d[i] = u(2) end
  elseif kind == 0 or kind == 10 then
    local of_bits = P.caml_int32_float_of_bits
    for i = 1, slots do d[i] = of_bits(u(4)) end
  elseif kind == 1 or kind == 11 then
    local of_bits, mk = P.caml_int64_float_of_bits, P.caml_int64_create_lo_hi
    for i = 1, slots do
      local hi = u(4)
      d[i] = of_bits(mk(u(4), hi))
    end
  elseif kind == 7 then
    for i = 1, slots, 2 do
      d[i + 1] = u(4)
      d[i] = u(4)
    end
  elseif kind == 8 then
    local wide = u(1) == 1
    for i = 1, slots do
      if wide then p = p + 4 end -- ints are 32-bit here: keep the low half
      local x = u(4)
      if x >= 2147483648 then x = x - 4294967296 end
      d[i] = x
    end
  elseif kind == 9 then
    local wide = u(1) == 1
    for i = 1, slots, 2 do
      if wide then
        d[i + 1] = u(4)
        d[i] = u(4)
      else
        local x = u(4)
        d[i], d[i + 1] = x, x >= 2147483648 and 4294967295 or 0
      end
    end
  end
  return P.caml_ba_alloc(kind, layout, dims, d, 0), p
end

--Provides: caml_ba_alloc
--Requires: caml_ba_mt
-- Internal: a bigarray over `data` (shared) from slot offset `ofs`.
function P.caml_ba_alloc(kind, layout, dims, data, ofs)
  return setmetatable({ data = data, ofs = ofs, kind = kind, layout = layout, dims = dims },
    P.caml_ba_mt)
end

--Provides: caml_ba_num_elts
function P.caml_ba_num_elts(b)
  local n, dims = 1, b.dims
  for i = 1, #dims do n = n * dims[i] end
  return n
end

--Provides: caml_ba_create
--Requires: caml_ba_alloc, caml_ba_slots, caml_invalid_argument, caml_raise_constant, caml_global_data
function P.caml_ba_create(kind, layout, vdims)
  local nd = #vdims - 1
  if nd > 16 then P.caml_invalid_argument("Bigarray.create: bad number of dimensions") end
  local dims, n = {}, 1
  for i = 1, nd do
    local d = vdims[i + 1]
    if d < 0 then P.caml_invalid_argument("Bigarray.create: negative dimension") end
    dims[i] = d
    n = n * d
  end
  local slots = n * P.caml_ba_slots[kind]
  if slots > 2147483647 then P.caml_raise_constant(P.caml_global_data[1]) end -- Out_of_memory
  local zero = 0
  if kind == 0 or kind == 1 or kind == 10 or kind == 11 then zero = 0.0 end
  local data = {}
  for i = 1, slots do data[i] = zero end
  return P.caml_ba_alloc(kind, layout, dims, data, 0)
end

--Provides: caml_ba_offset
--Requires: caml_array_bound_error
-- Internal: the element offset of the indices idx[first..first+n-1]
-- (bounds checked), n = number of dimensions of b.
function P.caml_ba_offset(b, idx, first)
  local dims = b.dims
  local nd = #dims
  local ofs = 0
  if b.layout == 0 then
    for i = 1, nd do
      local x, d = idx[first + i - 1], dims[i]
      if x < 0 or x >= d then P.caml_array_bound_error() end
      ofs = ofs * d + x
    end
  else
    for i = nd, 1, -1 do
      local x, d = idx[first + i - 1] - 1, dims[i]
      if x < 0 or x >= d then P.caml_array_bound_error() end
      ofs = ofs * d + x
    end
  end
  return ofs
end

--Provides: caml_ba_get_1
--Requires: caml_ba_get_elt, caml_ba_slots, caml_invalid_argument, caml_array_bound_error
function P.caml_ba_get_1(b, i)
  local dims = b.dims
  if #dims ~= 1 then P.caml_invalid_argument("Bigarray.get: wrong number of indices") end
  if b.layout ~= 0 then i = i - 1 end
  if i < 0 or i >= dims[1] then P.caml_array_bound_error() end
  local k = b.kind
  return P.caml_ba_get_elt[k](b.data, b.ofs + i * P.caml_ba_slots[k] + 1)
end

--Provides: caml_ba_set_1
--Requires: caml_ba_set_elt, caml_ba_slots, caml_invalid_argument, caml_array_bound_error
function P.caml_ba_set_1(b, i, v)
  local dims = b.dims
  if #dims ~= 1 then P.caml_invalid_argument("Bigarray.set: wrong number of indices") end
  if b.layout ~= 0 then i = i - 1 end
  if i < 0 or i >= dims[1] then P.caml_array_bound_error() end
  local k = b.kind
  P.caml_ba_set_elt[k](b.data, b.ofs + i * P.caml_ba_slots[k] + 1, v)
  return 0
end

--Provides: caml_ba_offset_2, caml_ba_offset_3
--Requires: caml_array_bound_error
-- Internal: element offsets for 2 and 3 indices (b has that many dimensions).
function P.caml_ba_offset_2(b, i, j)
  local dims = b.dims
  local d1, d2 = dims[1], dims[2]
  if b.layout == 0 then
    if i < 0 or i >= d1 or j < 0 or j >= d2 then P.caml_array_bound_error() end
    return i * d2 + j
  end
  i, j = i - 1, j - 1
  if i < 0 or i >= d1 or j < 0 or j >= d2 then P.caml_array_bound_error() end
  return j * d1 + i
end
function P.caml_ba_offset_3(b, i, j, k)
  local dims = b.dims
  local d1, d2, d3 = dims[1], dims[2], dims[3]
  if b.layout == 0 then
    if i < 0 or i >= d1 or j < 0 or j >= d2 or k < 0 or k >= d3 then
      P.caml_array_bound_error()
    end
    return (i * d2 + j) * d3 + k
  end
  i, j, k = i - 1, j - 1, k - 1
  if i < 0 or i >= d1 or j < 0 or j >= d2 or k < 0 or k >= d3 then
    P.caml_array_bound_error()
  end
  return (k * d2 + j) * d1 + i
end

--Provides: caml_ba_get_2, caml_ba_get_3, caml_ba_get_generic
--Requires: caml_ba_get_elt, caml_ba_slots, caml_ba_offset, caml_ba_offset_2, caml_ba_offset_3, caml_invalid_argument
local function wrong()
  P.caml_invalid_argument("Bigarray.get: wrong number of indices")
end
function P.caml_ba_get_2(b, i, j)
  if #b.dims ~= 2 then wrong() end
  local k = b.kind
  return P.caml_ba_get_elt[k](b.data, b.ofs + P.caml_ba_offset_2(b, i, j) * P.caml_ba_slots[k] + 1)
end
function P.caml_ba_get_3(b, i, j, l)
  if #b.dims ~= 3 then wrong() end
  local k = b.kind
  return P.caml_ba_get_elt[k](b.data,
    b.ofs + P.caml_ba_offset_3(b, i, j, l) * P.caml_ba_slots[k] + 1)
end
function P.caml_ba_get_generic(b, vind)
  if #vind - 1 ~= #b.dims then wrong() end
  local k = b.kind
  return P.caml_ba_get_elt[k](b.data, b.ofs + P.caml_ba_offset(b, vind, 2) * P.caml_ba_slots[k] + 1)
end

--Provides: caml_ba_set_2, caml_ba_set_3, caml_ba_set_generic
--Requires: caml_ba_set_elt, caml_ba_slots, caml_ba_offset, caml_ba_offset_2, caml_ba_offset_3, caml_invalid_argument
local function wrong()
  P.caml_invalid_argument("Bigarray.set: wrong number of indices")
end
function P.caml_ba_set_2(b, i, j, v)
  if #b.dims ~= 2 then wrong() end
  local k = b.kind
  P.caml_ba_set_elt[k](b.data, b.ofs + P.caml_ba_offset_2(b, i, j) * P.caml_ba_slots[k] + 1, v)
  return 0
end
function P.caml_ba_set_3(b, i, j, l, v)
  if #b.dims ~= 3 then wrong() end
  local k = b.kind
  P.caml_ba_set_elt[k](b.data,
    b.ofs + P.caml_ba_offset_3(b, i, j, l) * P.caml_ba_slots[k] + 1, v)
  return 0
end
function P.caml_ba_set_generic(b, vind, v)
  if #vind - 1 ~= #b.dims then wrong() end
  local k = b.kind
  P.caml_ba_set_elt[k](b.data, b.ofs + P.caml_ba_offset(b, vind, 2) * P.caml_ba_slots[k] + 1, v)
  return 0
end

--Provides: caml_ba_num_dims
function P.caml_ba_num_dims(b) return #b.dims end

--Provides: caml_ba_dim
--Requires: caml_invalid_argument
function P.caml_ba_dim(b, n)
  local dims = b.dims
  if n < 0 or n >= #dims then P.caml_invalid_argument("Bigarray.dim") end
  return dims[n + 1]
end

--Provides: caml_ba_dim_1, caml_ba_dim_2, caml_ba_dim_3
--Requires: caml_ba_dim
function P.caml_ba_dim_1(b) return P.caml_ba_dim(b, 0) end
function P.caml_ba_dim_2(b) return P.caml_ba_dim(b, 1) end
function P.caml_ba_dim_3(b) return P.caml_ba_dim(b, 2) end

--Provides: caml_ba_kind
function P.caml_ba_kind(b) return b.kind end

--Provides: caml_ba_layout
function P.caml_ba_layout(b) return b.layout end

--Provides: caml_ba_change_layout
--Requires: caml_ba_alloc
-- Same memory, dimensions reversed.
function P.caml_ba_change_layout(b, layout)
  if layout == b.layout then return b end
  local dims, nd = {}, #b.dims
  for i = 1, nd do dims[i] = b.dims[nd - i + 1] end
  return P.caml_ba_alloc(b.kind, layout, dims, b.data, b.ofs)
end

--Provides: caml_ba_sub
--Requires: caml_ba_alloc, caml_ba_slots, caml_invalid_argument
-- The first dimension (C layout) or the last (Fortran) restricted to
-- [ofs, ofs + len); memory is shared.
function P.caml_ba_sub(b, ofs, len)
  local dims = b.dims
  local nd = #dims
  local mul, changed = 1, 1
  if b.layout == 0 then
    for i = 2, nd do mul = mul * dims[i] end
  else
    for i = 1, nd - 1 do mul = mul * dims[i] end
    changed = nd
    ofs = ofs - 1
  end
  if nd == 0 or ofs < 0 or len < 0 or ofs + len > dims[changed] then
    P.caml_invalid_argument("Bigarray.sub: bad sub-array")
  end
  local nd2 = {}
  for i = 1, nd do nd2[i] = dims[i] end
  nd2[changed] = len
  return P.caml_ba_alloc(b.kind, b.layout, nd2, b.data,
    b.ofs + ofs * mul * P.caml_ba_slots[b.kind])
end

--Provides: caml_ba_slice
--Requires: caml_ba_alloc, caml_ba_slots, caml_ba_offset, caml_invalid_argument
-- Fix the first (C layout) or last (Fortran) indices; memory is shared.
function P.caml_ba_slice(b, vind)
  local dims = b.dims
  local nd = #dims
  local ni = #vind - 1
  if ni > nd then P.caml_invalid_argument("Bigarray.slice: too many indices") end
  local idx, sub = {}, {}
  if b.layout == 0 then
    for i = 1, ni do idx[i] = vind[i + 1] end
    for i = ni + 1, nd do idx[i] = 0 end
    for i = ni + 1, nd do sub[#sub + 1] = dims[i] end
  else
    for i = 1, ni do idx[nd - ni + i] = vind[i + 1] end
    for i = 1, nd - ni do idx[i] = 1 end
    for i = 1, nd - ni do sub[i] = dims[i] end
  end
  local ofs = P.caml_ba_offset(b, idx, 1)
  return P.caml_ba_alloc(b.kind, b.layout, sub, b.data, b.ofs + ofs * P.caml_ba_slots[b.kind])
end

--Provides: caml_ba_blit
--Requires: caml_ba_slots, caml_ba_num_elts, caml_invalid_argument
-- memmove of the elements (the arrays may share memory).
function P.caml_ba_blit(src, dst)
  local ds, dd = src.dims, dst.dims
  if #ds ~= #dd then P.caml_invalid_argument("Bigarray.blit: dimension mismatch") end
  for i = 1, #ds do
    if ds[i] ~= dd[i] then P.caml_invalid_argument("Bigarray.blit: dimension mismatch") end
  end
  local n = P.caml_ba_num_elts(src) * P.caml_ba_slots[src.kind]
  local s, d, so, dof = src.data, dst.data, src.ofs, dst.ofs
  if s == d and dof > so then
    for i = n, 1, -1 do d[dof + i] = s[so + i] end
  elseif s ~= d or dof ~= so then
    for i = 1, n do d[dof + i] = s[so + i] end
  end
  return 0
end

--Provides: caml_ba_fill
--Requires: caml_ba_slots, caml_ba_num_elts, caml_ba_set_elt
function P.caml_ba_fill(b, v)
  local k = b.kind
  local es = P.caml_ba_slots[k]
  local n = P.caml_ba_num_elts(b)
  local d, o = b.data, b.ofs
  if n == 0 then return 0 end
  P.caml_ba_set_elt[k](d, o + 1, v) -- converted once
  if es == 1 then
    local x = d[o + 1]
    for i = o + 2, o + n do d[i] = x end
  else
    local x, y = d[o + 1], d[o + 2]
    for i = o + 3, o + 2 * n, 2 do d[i], d[i + 1] = x, y end
  end
  return 0
end

--Provides: caml_ba_reshape
--Requires: caml_ba_alloc, caml_ba_num_elts, caml_invalid_argument
function P.caml_ba_reshape(b, vdims)
  local nd = #vdims - 1
  if nd > 16 then P.caml_invalid_argument("Bigarray.reshape: bad number of dimensions") end
  local dims, n = {}, 1
  for i = 1, nd do
    local d = vdims[i + 1]
    if d < 0 then P.caml_invalid_argument("Bigarray.reshape: negative dimension") end
    dims[i] = d
    n = n * d
  end
  if n ~= P.caml_ba_num_elts(b) then P.caml_invalid_argument("Bigarray.reshape: size mismatch") end
  return P.caml_ba_alloc(b.kind, b.layout, dims, b.data, b.ofs)
end

--Provides: caml_ba_uint8_byte
-- Internal: the byte at offset i (0-based) of a bigarray of a one-byte kind
-- (other kinds: each element counts as one byte).
function P.caml_ba_uint8_byte(b, i)
  return b.data[b.ofs + i + 1] % 256
end

--Provides: caml_ba_uint8_get16, caml_ba_uint8_get32, caml_ba_uint8_get64
--Requires: caml_ba_uint8_byte, caml_array_bound_error, caml_int64_create_lo_hi
-- Little-endian reads at a byte offset of the first dimension (both layouts:
-- the offset is 0-based, as in bigarray.c).
local function check(b, i, w)
  if i < 0 or i >= b.dims[1] - w + 1 then P.caml_array_bound_error() end
end
function P.caml_ba_uint8_get16(b, i)
  check(b, i, 2)
  local g = P.caml_ba_uint8_byte
  return g(b, i) + g(b, i + 1) * 256
end
function P.caml_ba_uint8_get32(b, i)
  check(b, i, 4)
  local g = P.caml_ba_uint8_byte
  local r = g(b, i) + g(b, i + 1) * 256 + g(b, i + 2) * 65536 + g(b, i + 3) * 16777216
  if r >= 2147483648 then r = r - 4294967296 end
  return r
end
function P.caml_ba_uint8_get64(b, i)
  check(b, i, 8)
  local g = P.caml_ba_uint8_byte
  local lo = g(b, i) + g(b, i + 1) * 256 + g(b, i + 2) * 65536 + g(b, i + 3) * 16777216
  local hi = g(b, i + 4) + g(b, i + 5) * 256 + g(b, i + 6) * 65536 + g(b, i + 7) * 16777216
  return P.caml_int64_create_lo_hi(lo, hi)
end

--Provides: caml_ba_uint8_set16, caml_ba_uint8_set32, caml_ba_uint8_set64
--Requires: caml_ba_set_elt, caml_array_bound_error
local floor = math.floor
local function check(b, i, w)
  if i < 0 or i >= b.dims[1] - w + 1 then P.caml_array_bound_error() end
end
-- store the `count` low bytes of the unsigned number u at byte offsets i, i + 1, ...
local function put(b, i, u, count)
  local set = P.caml_ba_set_elt[b.kind]
  local d, o = b.data, b.ofs
  for j = 0, count - 1 do
    local x = u % 256
    set(d, o + i + j + 1, x)
    u = floor(u / 256)
  end
end
function P.caml_ba_uint8_set16(b, i, v)
  check(b, i, 2)
  put(b, i, v % 65536, 2)
  return 0
end
function P.caml_ba_uint8_set32(b, i, v)
  check(b, i, 4)
  put(b, i, v % 4294967296, 4)
  return 0
end
function P.caml_ba_uint8_set64(b, i, v)
  check(b, i, 8)
  put(b, i, v.lo, 4)
  put(b, i + 4, v.hi, 4)
  return 0
end
