-- Marshal: output_value / input_value and the Marshal module, in the format
-- of OCaml 4.13 on a 64-bit little-endian host (small 20-byte header).
--
-- Limits: numbers are ints unless P.caml_value_is_float says otherwise (on
-- LuaJIT and Lua 5.1 an integral float is written as an int; it reads back as
-- the same Lua number). Tables are shared when physically equal; Lua strings
-- (interned, so identity cannot be seen) are shared when equal: they come from
-- literals, argv and primitives, where ocamlrun mostly shares one string object
-- too (a file name stored in every location of a syntax tree is written once,
-- as ocamlrun does), while strings built at run time are bytes objects, shared
-- by identity. Closures cannot be marshalled. Strings read back are bytes objects.
-- Custom blocks with a `serialize` metamethod (bigarrays) are written as
-- CODE_CUSTOM_LEN, as ocamlrun writes them.

--Provides: caml_marshal_extern
--Requires: caml_bytes_mt, caml_value_is_float, caml_int64_bits_of_float, caml_invalid_argument
local char, byte, floor, concat = string.char, string.byte, math.floor, table.concat
local type, getmetatable = type, getmetatable
local function be4(u)
  u = u % 4294967296
  local b0 = floor(u / 16777216)
  u = u - b0 * 16777216
  local b1 = floor(u / 65536)
  u = u - b1 * 65536
  local b2 = floor(u / 256)
  return char(b0, b1, b2, u - b2 * 256)
end
local function le4(u)
  u = u % 4294967296
  local b0 = floor(u / 16777216)
  u = u - b0 * 16777216
  local b1 = floor(u / 65536)
  u = u - b1 * 65536
  local b2 = floor(u / 256)
  return char(u - b2 * 256, b2, b1, b0)
end
-- A Lua string: header and data of `v`; flags is an OCaml list of
-- Marshal.extern_flags (No_sharing = 0, Closures = 1, Compat_32 = 2).
function P.caml_marshal_extern(v, flags)
  local sharing = true
  while flags ~= 0 do
    if flags[2] == 0 then sharing = false end
    flags = flags[3]
  end
  local out, n = {}, 0
  local seen, counter = {}, 0
  local sz32, sz64 = 0, 0
  local stack, sp = {}, 0
  local bytes_mt = P.caml_bytes_mt
  local function w(s) n = n + 1; out[n] = s end
  local function record(x)
    if sharing then
      seen[x] = counter
      counter = counter + 1
    end
  end
  local function shared(x)
    local pos = sharing and seen[x]
    if not pos then return false end
    local d = counter - pos
    if d < 256 then w(char(4, d))
    elseif d < 65536 then w(char(5, floor(d / 256), d % 256))
    else w(char(6) .. be4(d)) end
    return true
  end
  local function double(x)
    local b = P.caml_int64_bits_of_float(x)
    return le4(b.lo) .. le4(b.hi)
  end
  local function str(s, len)
    if len < 32 then w(char(32 + len))
    elseif len < 256 then w(char(9, len))
    else w(char(10) .. be4(len)) end
    w(s)
    sz32 = sz32 + 1 + floor((len + 4) / 4)
    sz64 = sz64 + 1 + floor((len + 8) / 8)
  end
  local function emit(x)
    while true do -- loops only to follow Forward blocks
      local tx = type(x)
      if tx == "number" then
        if P.caml_value_is_float(x) then
          w(char(12) .. double(x))
          sz32, sz64 = sz32 + 3, sz64 + 2
          if sharing then counter = counter + 1 end
        elseif x >= 0 and x < 64 then w(char(64 + x))
        elseif x >= -128 and x < 128 then w(char(0, x % 256))
        elseif x >= -32768 and x < 32768 then
          local u = x % 65536
          w(char(1, floor(u / 256), u % 256))
        else w(char(2) .. be4(x)) end
        return
      elseif tx == "string" then
        if shared(x) then return end
        record(x)
        str(x, #x)
        return
      elseif tx == "function" then
        P.caml_invalid_argument("output_value: functional value")
      elseif tx ~= "table" then
        P.caml_invalid_argument("output_value: abstract value (outside heap)")
      end
      if shared(x) then return end
      local mt = getmetatable(x)
      if mt == bytes_mt then
        record(x)
        local len = #x
        local parts = {}
        for i = 1, len, 4096 do
          local j = i + 4095
          if j > len then j = len end
          parts[#parts + 1] = char((table.unpack or unpack)(x, i, j))
        end
        str(concat(parts), len)
        return
      elseif mt ~= nil then
        local id = mt.caml_custom
        if id == "_j" then
          w(char(0x19) .. "_j\0" .. be4(x.hi) .. be4(x.lo))
          sz32, sz64 = sz32 + 4, sz64 + 3
        elseif id == "_n" then
          w(char(0x19) .. "_n\0")
          local hi, lo = x.hi, x.lo
          if (hi == 0 and lo < 2147483648) or (hi == 4294967295 and lo >= 2147483648) then
            w(char(1) .. be4(lo))
          else
            w(char(2) .. be4(hi) .. be4(lo))
          end
          sz32, sz64 = sz32 + 3, sz64 + 3
        elseif mt.serialize then
          -- custom blocks of variable length (bigarrays): sizes, then the data
          local data, s32, s64 = mt.serialize(x)
          w(char(0x18) .. id .. "\0" .. be4(s32) .. be4(0) .. be4(s64) .. data)
          sz32 = sz32 + 2 + floor((s32 + 3) / 4)
          sz64 = sz64 + 2 + floor((s64 + 7) / 8)
        else
          P.caml_invalid_argument("output_value: abstract value (Custom)")
        end
        record(x)
        return
      end
      local tag, size = x[1], #x - 1
      if tag == 250 and size == 1 then
        local f = x[2]
        local follow = type(f) == "table" and getmetatable(f) == nil
          and f[1] ~= 250 and f[1] ~= 246
        if not follow then -- keep the Forward block
        else x = f; tag = nil end
      end
      if tag ~= nil then
        if size == 0 then
          if tag == 254 then tag = 0 end
          if tag < 16 then w(char(128 + tag)) else w(char(8) .. be4(tag)) end
          return
        end
        record(x)
        if tag == 254 then
          if size < 256 then w(char(14, size)) else w(char(7) .. be4(size)) end
          for i = 2, size + 1 do w(double(x[i])) end
          sz32, sz64 = sz32 + 1 + 2 * size, sz64 + 1 + size
          return
        end
        if tag < 16 and size < 8 then w(char(128 + tag + size * 16))
        else w(char(8) .. be4(size * 1024 + tag)) end
        sz32, sz64 = sz32 + 1 + size, sz64 + 1 + size
        stack[sp + 1] = x
        stack[sp + 2] = 2
        sp = sp + 2
        return
      end
    end
  end
  emit(v)
  while sp > 0 do
    local b, i = stack[sp - 1], stack[sp]
    if i > #b then
      stack[sp - 1], stack[sp] = nil, nil
      sp = sp - 2
    else
      stack[sp] = i + 1
      emit(b[i])
    end
  end
  local data = concat(out)
  return "\132\149\166\190" .. be4(#data) .. be4(counter) .. be4(sz32) .. be4(sz64) .. data
end

--Provides: caml_marshal_intern
--Requires: caml_bytes_of_lua_string, caml_int64_float_of_bits, caml_int64_create_lo_hi, caml_nativeint_create_lo_hi, caml_failwith
local byte, sub, floor, find = string.byte, string.sub, math.floor, string.find
-- The value marshalled in the Lua string `s` from (1-based) position `pos`.
function P.caml_marshal_intern(s, pos)
  local function u4(p)
    local b0, b1, b2, b3 = byte(s, p, p + 3)
    if not b3 then P.caml_failwith("input_value: truncated object") end
    return ((b0 * 256 + b1) * 256 + b2) * 256 + b3
  end
  local function s4(p)
    local u = u4(p)
    if u >= 2147483648 then u = u - 4294967296 end
    return u
  end
  local magic = u4(pos)
  if magic ~= 0x8495A6BE then P.caml_failwith("input_value: bad object") end
  local p = pos + 20
  local objs, nobj = {}, 0
  local function double(big)
    local l0, l1, l2, l3, h0, h1, h2, h3 = byte(s, p, p + 7)
    if not h3 then P.caml_failwith("input_value: truncated object") end
    if big then
      l0, l1, l2, l3, h0, h1, h2, h3 = h3, h2, h1, h0, l3, l2, l1, l0
    end
    p = p + 8
    local lo = ((l3 * 256 + l2) * 256 + l1) * 256 + l0
    local hi = ((h3 * 256 + h2) * 256 + h1) * 256 + h0
    return P.caml_int64_float_of_bits({ lo = lo, hi = hi })
  end
  local function rec_obj(v)
    nobj = nobj + 1
    objs[nobj] = v
    return v
  end
  local function str(len)
    local v = P.caml_bytes_of_lua_string(sub(s, p, p + len - 1))
    p = p + len
    return rec_obj(v)
  end
  local holder = { 0, 0 }
  local stack = { holder, 2, 2 }
  local sp = 3
  while sp > 0 do
    local b, i, last = stack[sp - 2], stack[sp - 1], stack[sp]
    if i > last then
      stack[sp - 2], stack[sp - 1], stack[sp] = nil, nil, nil
      sp = sp - 3
    else
      stack[sp - 1] = i + 1
      local code = byte(s, p)
      if not code then P.caml_failwith("input_value: truncated object") end
      p = p + 1
      local v
      local tag, size
      if code >= 128 then
        tag = code % 16
        size = floor((code - 128) / 16)
      elseif code >= 64 then
        v = code - 64
      elseif code >= 32 then
        v = str(code - 32)
      elseif code == 0 then
        v = byte(s, p); p = p + 1
        if v >= 128 then v = v - 256 end
      elseif code == 1 then
        local b0, b1 = byte(s, p, p + 1); p = p + 2
        v = b0 * 256 + b1
        if v >= 32768 then v = v - 65536 end
      elseif code == 2 then
        v = s4(p); p = p + 4
      elseif code == 3 then -- int beyond 32 bits: keep the low 32 bits
        v = s4(p + 4); p = p + 8
      elseif code == 4 or code == 5 or code == 6 then
        local d
        if code == 4 then d = byte(s, p); p = p + 1
        elseif code == 5 then local b0, b1 = byte(s, p, p + 1); d = b0 * 256 + b1; p = p + 2
        else d = u4(p); p = p + 4 end
        v = objs[nobj - d + 1]
        if v == nil then P.caml_failwith("input_value: bad object") end
      elseif code == 8 then
        local hd = u4(p); p = p + 4
        tag = hd % 256
        size = floor(hd / 1024)
      elseif code == 9 then
        local len = byte(s, p); p = p + 1
        v = str(len)
      elseif code == 10 then
        local len = u4(p); p = p + 4
        v = str(len)
      elseif code == 11 or code == 12 then
        v = rec_obj(double(code == 11))
      elseif code == 13 or code == 14 or code == 15 or code == 7 then
        local len
        if code == 13 or code == 14 then len = byte(s, p); p = p + 1
        else len = u4(p); p = p + 4 end
        v = rec_obj({ 254 })
        if len == 0 then v[1] = 0 end
        local big = code == 13 or code == 15
        for k = 2, len + 1 do v[k] = double(big) end
      elseif code == 0x12 or code == 0x18 or code == 0x19 then
        local e = find(s, "\0", p, true)
        if not e then P.caml_failwith("input_value: truncated object") end
        local id = sub(s, p, e - 1)
        p = e + 1
        if code == 0x18 then p = p + 12 end
        if id == "_j" then
          v = P.caml_int64_create_lo_hi(u4(p + 4), u4(p)); p = p + 8
        elseif id == "_i" then
          v = s4(p); p = p + 4
        elseif id == "_n" then
          local k = byte(s, p); p = p + 1
          if k == 1 then
            local x = s4(p); p = p + 4
            v = P.caml_nativeint_create_lo_hi(x % 4294967296, x < 0 and 4294967295 or 0)
          else
            v = P.caml_nativeint_create_lo_hi(u4(p + 4), u4(p)); p = p + 8
          end
        elseif id == "_bigarr02" and P.caml_ba_deserialize then
          v, p = P.caml_ba_deserialize(s, p)
        else
          P.caml_failwith("input_value: unknown custom block identifier")
        end
        rec_obj(v)
      elseif code == 0x10 or code == 0x11 then
        P.caml_failwith("input_value: functional value")
      else
        P.caml_failwith("input_value: ill-formed message")
      end
      if tag ~= nil then
        v = { tag }
        if size > 0 then
          rec_obj(v)
          sp = sp + 3
          stack[sp - 2], stack[sp - 1], stack[sp] = v, 2, size + 1
        end
      end
      b[i] = v
    end
  end
  return holder[2], p
end

--Provides: caml_output_value_to_string
--Requires: caml_marshal_extern
function P.caml_output_value_to_string(v, flags)
  return P.caml_marshal_extern(v, flags)
end

--Provides: caml_output_value_to_bytes
--Requires: caml_marshal_extern, caml_bytes_of_lua_string
function P.caml_output_value_to_bytes(v, flags)
  return P.caml_bytes_of_lua_string(P.caml_marshal_extern(v, flags))
end

--Provides: caml_output_value_to_buffer
--Requires: caml_marshal_extern, caml_failwith
local byte = string.byte
function P.caml_output_value_to_buffer(buf, ofs, len, v, flags)
  local s = P.caml_marshal_extern(v, flags)
  local n = #s
  if n > len then P.caml_failwith("Marshal.to_buffer: buffer overflow") end
  buf.s = nil
  for i = 1, n do buf[ofs + i] = byte(s, i) end
  return n
end

--Provides: caml_output_value
--Requires: caml_marshal_extern, caml_ml_put
function P.caml_output_value(ch, v, flags)
  P.caml_ml_put(ch, P.caml_marshal_extern(v, flags))
  return 0
end

--Provides: caml_input_value_from_bytes, caml_input_value_from_string
--Requires: caml_marshal_intern, caml_lua_string
function P.caml_input_value_from_bytes(b, ofs)
  return (P.caml_marshal_intern(P.caml_lua_string(b), ofs + 1))
end
P.caml_input_value_from_string = P.caml_input_value_from_bytes

--Provides: caml_marshal_data_size
--Requires: caml_lua_string, caml_failwith
local byte = string.byte
function P.caml_marshal_data_size(b, ofs)
  local s = P.caml_lua_string(b)
  local function u4(p)
    local b0, b1, b2, b3 = byte(s, p, p + 3)
    return ((b0 * 256 + b1) * 256 + b2) * 256 + b3
  end
  if u4(ofs + 1) ~= 0x8495A6BE then P.caml_failwith("Marshal.data_size: bad object") end
  -- OCaml 5's Marshal.header_size is 16 and data_size counts the rest of the
  -- (20-byte) header; OCaml 4's header_size is 20
  if P.caml_ocaml5 then return u4(ofs + 5) + 4 end
  return u4(ofs + 5)
end

--Provides: caml_input_value
--Requires: caml_marshal_intern, caml_ml_input_string, caml_raise_end_of_file, caml_failwith, caml_raise_sys_error
local byte = string.byte
function P.caml_input_value(ch)
  if ch.fd < 0 then P.caml_raise_sys_error("Bad file descriptor") end
  local function read(n)
    local parts, got = {}, 0
    while got < n do
      local s = P.caml_ml_input_string(ch, n - got)
      if s == "" then break end
      parts[#parts + 1] = s
      got = got + #s
    end
    return table.concat(parts), got
  end
  local h, got = read(20)
  if got == 0 then P.caml_raise_end_of_file() end
  if got < 20 then P.caml_failwith("input_value: truncated object") end
  local b0, b1, b2, b3 = byte(h, 1, 4)
  if b0 ~= 0x84 or b1 ~= 0x95 or b2 ~= 0xA6 or b3 ~= 0xBE then
    P.caml_failwith("input_value: bad object")
  end
  local l0, l1, l2, l3 = byte(h, 5, 8)
  local len = ((l0 * 256 + l1) * 256 + l2) * 256 + l3
  local d, dgot = read(len)
  if dgot < len then P.caml_failwith("input_value: truncated object") end
  return (P.caml_marshal_intern(h .. d, 1))
end

--Provides: caml_input_value_to_outside_heap
--Requires: caml_input_value
-- OCaml 5: the same as input_value (there is no separate heap here).
function P.caml_input_value_to_outside_heap(ch)
  return P.caml_input_value(ch)
end
