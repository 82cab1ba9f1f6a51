-- Arrays: blocks `{0, a0, a1, ...}`; float arrays `{254, x0, x1, ...}`.
-- Empty arrays are `{0}` (Atom(0) in ocamlrun), whatever their element type.

--Provides: caml_make_vect
--Requires: caml_invalid_argument, caml_value_is_float
function P.caml_make_vect(len, init)
  -- Sys.max_array_length (Max_wosize) bounds every array, as in ocamlrun
  if len < 0 or len > 134217727 then P.caml_invalid_argument("Array.make") end
  local tag = 0
  if len > 0 and type(init) == "number" and P.caml_value_is_float(init) then tag = 254 end
  local a = { tag }
  for i = 2, len + 1 do a[i] = init end
  return a
end

--Provides: caml_floatarray_create
--Requires: caml_invalid_argument
function P.caml_floatarray_create(len)
  if len < 0 or len > 134217727 then P.caml_invalid_argument("Float.Array.create") end
  if len == 0 then return { 0 } end
  local a = { 254 }
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
function P.caml_array_get(a, i)
  if i < 0 or i >= #a - 1 then P.caml_array_bound_error() end
  return a[i + 2]
end

--Provides: caml_array_set
--Requires: caml_array_bound_error
function P.caml_array_set(a, i, v)
  if i < 0 or i >= #a - 1 then P.caml_array_bound_error() end
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

--Provides: caml_array_get_addr
--Requires: caml_array_get
function P.caml_array_get_addr(a, i)
  return P.caml_array_get(a, i)
end

--Provides: caml_array_set_addr
--Requires: caml_array_set
function P.caml_array_set_addr(a, i, v)
  return P.caml_array_set(a, i, v)
end

--Provides: caml_array_get_float
--Requires: caml_array_get
function P.caml_array_get_float(a, i)
  return P.caml_array_get(a, i)
end

--Provides: caml_array_set_float
--Requires: caml_array_set
function P.caml_array_set_float(a, i, v)
  return P.caml_array_set(a, i, v)
end

--Provides: caml_floatarray_get
--Requires: caml_array_bound_error
function P.caml_floatarray_get(a, i)
  if i < 0 or i >= #a - 1 then P.caml_array_bound_error() end
  return a[i + 2]
end

--Provides: caml_floatarray_set
--Requires: caml_array_bound_error
function P.caml_floatarray_set(a, i, v)
  if i < 0 or i >= #a - 1 then P.caml_array_bound_error() end
  a[i + 2] = v
  return 0
end

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
--Requires: caml_invalid_argument
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
  local r = { isfloat and 254 or 0 }
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
