-- Arrays: blocks `{0, a0, a1, ...}`; float arrays `{254, x0, x1, ...}`.
-- Empty arrays are `{0}` (Atom(0) in ocamlrun), whatever their element type.

--Provides: caml_table_new
--If: luajit
-- caml_table_new(n): a table whose array part has room for indices 1..n.
-- An array grown slot by slot has an array part rounded up to a power of two,
-- and LuaJIT's `#` (Array.length) is then a binary search over it; made at its
-- final size, `#` finds the last slot filled at once.
local ok, tnew = pcall(require, "table.new")
if not ok or type(tnew) ~= "function" then tnew = function() return {} end end
function P.caml_table_new(n)
  return tnew(n, 0)
end

--Provides: caml_table_new
--If: lua51, lua54
function P.caml_table_new()
  return {}
end

--Provides: caml_make_vect
--Requires: caml_invalid_argument, caml_value_is_float, caml_table_new
function P.caml_make_vect(len, init)
  -- Sys.max_array_length (Max_wosize) bounds every array, as in ocamlrun
  if len < 0 or len > 134217727 then P.caml_invalid_argument("Array.make") end
  local tag = 0
  if len > 0 and type(init) == "number" and P.caml_value_is_float(init) then tag = 254 end
  local a = P.caml_table_new(len + 1)
  a[1] = tag
  for i = 2, len + 1 do a[i] = init end
  return a
end

--Provides: caml_floatarray_create
--Requires: caml_invalid_argument, caml_table_new
function P.caml_floatarray_create(len)
  if len < 0 or len > 134217727 then P.caml_invalid_argument("Float.Array.create") end
  if len == 0 then return { 0 } end
  local a = P.caml_table_new(len + 1)
  a[1] = 254
  for i = 2, len + 1 do a[i] = 0.0 end
  return a
end

--Provides: caml_make_float_vect
--Requires: caml_floatarray_create
function P.caml_make_float_vect(len)
  return P.caml_floatarray_create(len)
end

--Provides: caml_make_array
--Requires: caml_value_is_float
-- An array literal of boxed floats becomes a float array.
function P.caml_make_array(a)
  local n = #a
  if n < 2 or a[1] ~= 0 then return a end
  local x = a[2]
  if type(x) ~= "number" or not P.caml_value_is_float(x) then return a end
  local r = { 254 }
  for i = 2, n do r[i] = a[i] end
  return r
end

--Provides: caml_array_get
--Requires: caml_array_bound_error
-- No `#a`: every slot 2..n+1 of an array holds a value (never nil), so a nil
-- read is an index past the end. `#` is a call in LuaJIT's traces, and a
-- binary search when the array part of the table is bigger than the array.
function P.caml_array_get(a, i)
  local v = a[i + 2]
  if v == nil or i < 0 then P.caml_array_bound_error() end
  return v
end

--Provides: caml_array_set
--Requires: caml_array_bound_error
function P.caml_array_set(a, i, v)
  if i < 0 or a[i + 2] == nil then P.caml_array_bound_error() end
  a[i + 2] = v
  return 0
end

--Provides: caml_array_unsafe_get
function P.caml_array_unsafe_get(a, i)
  return a[i + 2]
end

--Provides: caml_array_unsafe_set
function P.caml_array_unsafe_set(a, i, v)
  a[i + 2] = v
  return 0
end

--Provides: caml_array_get_addr, caml_array_get_float, caml_floatarray_get
--Requires: caml_array_get
P.caml_array_get_addr = P.caml_array_get
P.caml_array_get_float = P.caml_array_get
P.caml_floatarray_get = P.caml_array_get

--Provides: caml_array_set_addr, caml_array_set_float, caml_floatarray_set
--Requires: caml_array_set
P.caml_array_set_addr = P.caml_array_set
P.caml_array_set_float = P.caml_array_set
P.caml_floatarray_set = P.caml_array_set

--Provides: caml_floatarray_unsafe_get
function P.caml_floatarray_unsafe_get(a, i)
  return a[i + 2]
end

--Provides: caml_floatarray_unsafe_set
function P.caml_floatarray_unsafe_set(a, i, v)
  a[i + 2] = v
  return 0
end

--Provides: caml_array_gather
--Requires: caml_invalid_argument, caml_table_new
-- Concatenate the slices (arrays[k], offsets[k], lengths[k]), k = 1..n.
-- The result is a float array if one of the arrays is; empty gives Atom(0).
function P.caml_array_gather(arrays, offsets, lengths, n)
  local total, isfloat = 0, false
  for k = 1, n do
    total = total + lengths[k]
    if arrays[k][1] == 254 then isfloat = true end
  end
  if total > 2147483647 then P.caml_invalid_argument("Array.concat") end
  if total == 0 then return { 0 } end
  local r = P.caml_table_new(total + 1)
  r[1] = isfloat and 254 or 0
  local pos = 1
  for k = 1, n do
    local a, ofs = arrays[k], offsets[k] + 1
    for i = 1, lengths[k] do r[pos + i] = a[ofs + i] end
    pos = pos + lengths[k]
  end
  return r
end

--Provides: caml_array_sub, caml_floatarray_sub
--Requires: caml_array_gather
-- Float.Array (OCaml 5) shares it: the gather keeps a float array's tag.
function P.caml_array_sub(a, ofs, len)
  return P.caml_array_gather({ a }, { ofs }, { len }, 1)
end
P.caml_floatarray_sub = P.caml_array_sub

--Provides: caml_array_append, caml_floatarray_append
--Requires: caml_array_gather
function P.caml_array_append(a1, a2)
  return P.caml_array_gather({ a1, a2 }, { 0, 0 }, { #a1 - 1, #a2 - 1 }, 2)
end
P.caml_floatarray_append = P.caml_array_append

--Provides: caml_array_concat
--Requires: caml_array_gather
-- The argument is an OCaml list of arrays.
function P.caml_array_concat(l)
  local arrays, offsets, lengths, n = {}, {}, {}, 0
  while l ~= 0 do
    local a = l[2]
    n = n + 1
    arrays[n], offsets[n], lengths[n] = a, 0, #a - 1
    l = l[3]
  end
  return P.caml_array_gather(arrays, offsets, lengths, n)
end

--Provides: caml_array_blit
-- Overlapping areas of the same array are allowed.
function P.caml_array_blit(a1, ofs1, a2, ofs2, len)
  if a1 == a2 and ofs1 < ofs2 then
    for i = len + 1, 2, -1 do a2[ofs2 + i] = a1[ofs1 + i] end
  else
    for i = 2, len + 1 do a2[ofs2 + i] = a1[ofs1 + i] end
  end
  return 0
end

--Provides: caml_floatarray_blit
--Requires: caml_array_blit
function P.caml_floatarray_blit(a1, ofs1, a2, ofs2, len)
  return P.caml_array_blit(a1, ofs1, a2, ofs2, len)
end

--Provides: caml_array_fill
function P.caml_array_fill(a, ofs, len, v)
  for i = ofs + 2, ofs + len + 1 do a[i] = v end
  return 0
end

--Provides: caml_floatarray_fill
function P.caml_floatarray_fill(a, ofs, len, v)
  for i = ofs + 2, ofs + len + 1 do a[i] = v end
  return 0
end
