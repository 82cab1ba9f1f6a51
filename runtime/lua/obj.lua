-- The Obj module, recursive values, objects, lazy values, weak arrays and
-- ephemerons.

--Provides: caml_value_is_float
--If: lua54
-- Whether a Lua number stands for an OCaml float (rather than an int).
local mtype = math.type
function P.caml_value_is_float(x)
  return mtype(x) == "float"
end

--Provides: caml_value_is_float
--If: luajit, lua51
-- Numbers are all doubles here: a number is taken for an int when it is an
-- integer of the 32-bit range (so 1.0 and -0.0 count as ints: equal floats
-- must hash alike).
local floor = math.floor
function P.caml_value_is_float(x)
  return x ~= floor(x) or x >= 2147483648 or x < -2147483648
end

--Provides: caml_obj_tag
--Requires: caml_bytes_mt, caml_value_is_float
local type, getmetatable = type, getmetatable
function P.caml_obj_tag(v)
  local tv = type(v)
  if tv == "number" then
    if P.caml_value_is_float(v) then return 253 end
    return 1000
  elseif tv == "table" then
    local mt = getmetatable(v)
    if mt ~= nil then
      if mt == P.caml_bytes_mt then return 252 end
      if mt.caml_custom then return 255 end
    end
    local t = v[1]
    if type(t) == "number" then return t end
    return 1001
  elseif tv == "string" then
    return 252
  elseif tv == "function" then
    return 247
  end
  return 1001
end

--Provides: caml_obj_block
--Requires: caml_invalid_argument, caml_create_bytes
function P.caml_obj_block(tag, size)
  -- as ocamlrun: no custom blocks, no empty strings (their padding byte is in the last word)
  if tag == 255 or (tag == 252 and size == 0) then P.caml_invalid_argument("Obj.new_block") end
  if tag == 252 then return P.caml_create_bytes(size * 4) end
  local b = { tag }
  local init = 0
  if tag == 254 or tag == 253 then init = 0.0 end
  for i = 2, size + 1 do b[i] = init end
  return b
end

--Provides: caml_obj_copy_table
--Requires: caml_bytes_mt
-- A shallow copy of a block, a bytes object or a custom value (same metatable).
local getmetatable, setmetatable, pairs = getmetatable, setmetatable, pairs
function P.caml_obj_copy_table(v)
  local r = {}
  local mt = getmetatable(v)
  if mt == nil or mt == P.caml_bytes_mt then
    for i = 1, #v do r[i] = v[i] end
    if v.caml_eph_keys then
      -- weak array or ephemeron: copy its keys and data too
      r.caml_eph_keys = setmetatable({}, getmetatable(v.caml_eph_keys))
      r.caml_eph_set = {}
      for i, k in pairs(v.caml_eph_keys) do r.caml_eph_keys[i] = k end
      for i, s in pairs(v.caml_eph_set) do r.caml_eph_set[i] = s end
      r.caml_eph_data = v.caml_eph_data
    end
  else
    for k, x in pairs(v) do r[k] = x end
  end
  if mt ~= nil then setmetatable(r, mt) end
  return r
end

--Provides: caml_obj_dup
--Requires: caml_obj_copy_table
-- Numbers, Lua strings and functions are returned as they are.
function P.caml_obj_dup(v)
  if type(v) ~= "table" then return v end
  return P.caml_obj_copy_table(v)
end

--Provides: caml_obj_with_tag
--Requires: caml_obj_copy_table
function P.caml_obj_with_tag(tag, v)
  local r = P.caml_obj_copy_table(v)
  r[1] = tag
  return r
end

--Provides: caml_obj_set_tag
function P.caml_obj_set_tag(v, tag)
  v[1] = tag
  return 0
end

--Provides: caml_obj_truncate
--Requires: caml_invalid_argument
function P.caml_obj_truncate(v, size)
  local n = #v - 1
  if size <= 0 or size > n then P.caml_invalid_argument("Obj.truncate") end
  for i = n + 1, size + 2, -1 do v[i] = nil end
  return 0
end

--Provides: caml_obj_make_forward
function P.caml_obj_make_forward(blk, fwd)
  blk[1] = 250
  blk[2] = fwd
  return 0
end

--Provides: caml_lazy_make_forward
function P.caml_lazy_make_forward(v)
  return { 250, v }
end

--Provides: caml_lazy_follow_forward
function P.caml_lazy_follow_forward(v)
  if type(v) == "table" and v[1] == 250 and getmetatable(v) == nil then return v[2] end
  return v
end

--Provides: caml_obj_raw_field
function P.caml_obj_raw_field(v, i)
  return v[i + 2]
end

--Provides: caml_obj_set_raw_field
function P.caml_obj_set_raw_field(v, i, x)
  v[i + 2] = x
  return 0
end

--Provides: caml_obj_add_offset
--Requires: caml_failwith
-- Pointer arithmetic: only the null offset has a meaning here.
function P.caml_obj_add_offset(v, ofs)
  if ofs == 0 then return v end
  P.caml_failwith("Obj.add_offset is not supported")
end

--Provides: caml_obj_reachable_words
--Requires: caml_bytes_mt, caml_value_is_float
-- Words (headers included) of the blocks reachable from v, each counted once, as
-- ocamlrun's 64-bit heap would hold them: a block of n fields is n + 1 words, a
-- string of n bytes n / 8 + 2, a boxed float 2, an int64/nativeint 3. Closures
-- count for nothing: their environment is not visible from Lua.
local floor, getmetatable = math.floor, getmetatable
function P.caml_obj_reachable_words(v)
  local seen, stack, n, words = {}, { v }, 1, 0
  local bytes_mt = P.caml_bytes_mt
  while n > 0 do
    local x = stack[n]
    stack[n] = nil
    n = n - 1
    local tx = type(x)
    if tx == "number" then
      if P.caml_value_is_float(x) then words = words + 2 end
    elseif tx == "string" then
      words = words + floor(#x / 8) + 2
    elseif tx == "table" and not seen[x] then
      seen[x] = true
      local mt = getmetatable(x)
      if mt == bytes_mt then
        words = words + floor(#x / 8) + 2
      elseif mt ~= nil and mt.caml_custom then
        words = words + 3
      elseif #x == 1 then
        -- an empty block (an atom such as [||]): outside the heap in OCaml 4,
        -- a header word in OCaml 5
        if P.caml_ocaml5 then words = words + 1 end
      elseif #x > 1 then
        words = words + #x
        local tag = x[1]
        if type(tag) == "number" and tag < 251 then
          for i = #x, 2, -1 do
            n = n + 1
            stack[n] = x[i]
          end
        end
      end
    end
  end
  return words
end

--Provides: caml_obj_is_shared
function P.caml_obj_is_shared(_)
  return 1
end

--Provides: caml_int_as_pointer
function P.caml_int_as_pointer(n)
  return n
end

--Provides: caml_alloc_dummy
-- A block to be filled by caml_update_dummy (let rec of non-function values).
function P.caml_alloc_dummy(size)
  local b = { 0 }
  for i = 2, size + 1 do b[i] = 0 end
  return b
end

--Provides: caml_alloc_dummy_float
function P.caml_alloc_dummy_float(size)
  local b = { 254 }
  for i = 2, size + 1 do b[i] = 0.0 end
  return b
end

--Provides: caml_dummy_functions, caml_dummy_set
-- A recursively defined closure is first a forwarder whose target
-- caml_update_dummy sets: calling the forwarder with the private key `set`
-- as first argument stores the target (no table from forwarder to target, so
-- that a target referring to its forwarder can still be collected).
P.caml_dummy_functions = setmetatable({}, { __mode = "k" })
local set = {}
P.caml_dummy_set = set

--Provides: caml_alloc_dummy_function
--Requires: caml_dummy_functions, caml_dummy_set, caml_arity, caml_failwith
function P.caml_alloc_dummy_function(size, arity)
  local set = P.caml_dummy_set
  local target
  local function f(a, ...)
    if a == set then
      target = ...
      return 0
    end
    if target == nil then P.caml_failwith("recursive value used before its definition") end
    return target(a, ...)
  end
  P.caml_dummy_functions[f] = true
  if arity and arity > 1 then P.caml_arity[f] = arity end
  return f
end

--Provides: caml_alloc_dummy_infix
--Requires: caml_alloc_dummy_function
function P.caml_alloc_dummy_infix(size, offset)
  return P.caml_alloc_dummy_function(size, 1)
end

--Provides: caml_update_dummy
--Requires: caml_dummy_functions, caml_dummy_set, caml_arity, caml_invalid_argument
function P.caml_update_dummy(dummy, newval)
  if type(dummy) == "function" then
    if not P.caml_dummy_functions[dummy] then
      P.caml_invalid_argument("caml_update_dummy: not a dummy function")
    end
    dummy(P.caml_dummy_set, newval)
    P.caml_arity[dummy] = P.caml_arity[newval]
    return 0
  end
  if type(newval) ~= "table" then
    P.caml_invalid_argument("caml_update_dummy: cannot fill a block with this value")
  end
  local n, m = #newval, #dummy
  for i = 1, n do dummy[i] = newval[i] end
  for i = m, n + 1, -1 do dummy[i] = nil end
  return 0
end

--Provides: caml_fresh_oo_id, caml_set_oo_id
local last_id = 0
function P.caml_fresh_oo_id(_)
  local id = last_id
  last_id = last_id + 1
  return id
end

function P.caml_set_oo_id(obj)
  obj[3] = last_id
  last_id = last_id + 1
  return obj
end

--Provides: caml_get_public_method
-- Methods of an object: field 0, a block {n, _, m1, l1, m2, l2, ...} with
-- the labels l_i sorted (fields 3, 5, ...; at Lua index field + 2).
local floor = math.floor
function P.caml_get_public_method(obj, tag)
  local meths = obj[2]
  local li, hi = 3, 2 * meths[2] + 1
  while li < hi do
    local mi = floor((li + hi) / 2)
    if mi % 2 == 0 then mi = mi + 1 end
    if tag < meths[mi + 2] then hi = mi - 2 else li = mi end
  end
  if tag == meths[li + 2] then return meths[li + 1] end
  return 0
end

--Provides: caml_ephe_new
-- Weak arrays and ephemerons: an abstract block {251, 0, ...} of OCaml size
-- n + 2 (Weak.length uses Obj.size) with the keys in a weak-valued table.
-- caml_eph_set[i] remembers that key i was set, so that a collected key is
-- seen (it then also erases the data, as the GC does in ocamlrun).
local weak_values = { __mode = "v" }
function P.caml_ephe_new(n)
  local e = { 251 }
  for i = 2, n + 3 do e[i] = 0 end
  e.caml_eph_keys = setmetatable({}, weak_values)
  e.caml_eph_set = {}
  e.caml_eph_data = nil
  return e
end

--Provides: caml_ephe_create
--Requires: caml_ephe_new, caml_invalid_argument
function P.caml_ephe_create(n)
  if n < 0 or n > 2147483647 - 3 then P.caml_invalid_argument("Weak.create") end
  return P.caml_ephe_new(n)
end

--Provides: caml_weak_create
--Requires: caml_ephe_create
function P.caml_weak_create(n)
  return P.caml_ephe_create(n)
end

--Provides: caml_ephe_clean
-- Forget the keys that were collected; if one was, erase the data.
local pairs = pairs
function P.caml_ephe_clean(e)
  local keys, set = e.caml_eph_keys, e.caml_eph_set
  for i in pairs(set) do
    if keys[i] == nil then
      set[i] = nil
      e.caml_eph_data = nil
    end
  end
end

--Provides: caml_ephe_check_index
--Requires: caml_invalid_argument
function P.caml_ephe_check_index(e, i, msg)
  if i < 0 or i >= #e - 3 then P.caml_invalid_argument(msg) end
end

--Provides: caml_ephe_set_key
--Requires: caml_ephe_check_index, caml_ephe_clean
function P.caml_ephe_set_key(e, i, v)
  P.caml_ephe_check_index(e, i, "Weak.set")
  P.caml_ephe_clean(e)
  e.caml_eph_keys[i + 1] = v
  e.caml_eph_set[i + 1] = true
  return 0
end

--Provides: caml_ephe_unset_key
--Requires: caml_ephe_check_index, caml_ephe_clean
function P.caml_ephe_unset_key(e, i)
  P.caml_ephe_check_index(e, i, "Weak.set")
  P.caml_ephe_clean(e)
  e.caml_eph_keys[i + 1] = nil
  e.caml_eph_set[i + 1] = nil
  return 0
end

--Provides: caml_weak_set
--Requires: caml_ephe_set_key, caml_ephe_unset_key
-- The value is an option.
function P.caml_weak_set(e, i, opt)
  if type(opt) == "table" then return P.caml_ephe_set_key(e, i, opt[2]) end
  return P.caml_ephe_unset_key(e, i)
end

--Provides: caml_ephe_get_key
--Requires: caml_ephe_check_index, caml_ephe_clean
function P.caml_ephe_get_key(e, i)
  P.caml_ephe_check_index(e, i, "Weak.get")
  P.caml_ephe_clean(e)
  local k = e.caml_eph_keys[i + 1]
  if k == nil then return 0 end
  return { 0, k }
end

--Provides: caml_weak_get
--Requires: caml_ephe_get_key
function P.caml_weak_get(e, i)
  return P.caml_ephe_get_key(e, i)
end

--Provides: caml_ephe_get_key_copy
--Requires: caml_ephe_check_index, caml_ephe_clean, caml_obj_dup
function P.caml_ephe_get_key_copy(e, i)
  P.caml_ephe_check_index(e, i, "Weak.get_copy")
  P.caml_ephe_clean(e)
  local k = e.caml_eph_keys[i + 1]
  if k == nil then return 0 end
  return { 0, P.caml_obj_dup(k) }
end

--Provides: caml_weak_get_copy
--Requires: caml_ephe_get_key_copy
function P.caml_weak_get_copy(e, i)
  return P.caml_ephe_get_key_copy(e, i)
end

--Provides: caml_ephe_check_key
--Requires: caml_ephe_check_index, caml_ephe_clean
function P.caml_ephe_check_key(e, i)
  P.caml_ephe_check_index(e, i, "Weak.check")
  P.caml_ephe_clean(e)
  if e.caml_eph_keys[i + 1] == nil then return 0 end
  return 1
end

--Provides: caml_weak_check
--Requires: caml_ephe_check_key
function P.caml_weak_check(e, i)
  return P.caml_ephe_check_key(e, i)
end

--Provides: caml_ephe_blit_key
--Requires: caml_invalid_argument, caml_ephe_clean
function P.caml_ephe_blit_key(e1, ofs1, e2, ofs2, len)
  if len < 0 or ofs1 < 0 or ofs1 + len > #e1 - 3 or ofs2 < 0 or ofs2 + len > #e2 - 3 then
    P.caml_invalid_argument("Weak.blit")
  end
  P.caml_ephe_clean(e1)
  P.caml_ephe_clean(e2)
  local k1, s1, k2, s2 = e1.caml_eph_keys, e1.caml_eph_set, e2.caml_eph_keys, e2.caml_eph_set
  local function move(i)
    local k = k1[ofs1 + i]
    k2[ofs2 + i] = k
    s2[ofs2 + i] = (k ~= nil) or nil
  end
  if e1 == e2 and ofs1 < ofs2 then
    for i = len, 1, -1 do move(i) end
  else
    for i = 1, len do move(i) end
  end
  return 0
end

--Provides: caml_weak_blit
--Requires: caml_ephe_blit_key
function P.caml_weak_blit(e1, ofs1, e2, ofs2, len)
  return P.caml_ephe_blit_key(e1, ofs1, e2, ofs2, len)
end

--Provides: caml_ephe_set_data
--Requires: caml_ephe_clean
function P.caml_ephe_set_data(e, v)
  P.caml_ephe_clean(e)
  e.caml_eph_data = { v }
  return 0
end

--Provides: caml_ephe_unset_data
function P.caml_ephe_unset_data(e)
  e.caml_eph_data = nil
  return 0
end

--Provides: caml_ephe_get_data
--Requires: caml_ephe_clean
function P.caml_ephe_get_data(e)
  P.caml_ephe_clean(e)
  local d = e.caml_eph_data
  if d == nil then return 0 end
  return { 0, d[1] }
end

--Provides: caml_ephe_get_data_copy
--Requires: caml_ephe_clean, caml_obj_dup
function P.caml_ephe_get_data_copy(e)
  P.caml_ephe_clean(e)
  local d = e.caml_eph_data
  if d == nil then return 0 end
  return { 0, P.caml_obj_dup(d[1]) }
end

--Provides: caml_ephe_check_data
--Requires: caml_ephe_clean
function P.caml_ephe_check_data(e)
  P.caml_ephe_clean(e)
  if e.caml_eph_data == nil then return 0 end
  return 1
end

--Provides: caml_ephe_blit_data
--Requires: caml_ephe_clean
function P.caml_ephe_blit_data(e1, e2)
  P.caml_ephe_clean(e1)
  e2.caml_eph_data = e1.caml_eph_data
  return 0
end
