-- Primitives that OCaml 5.x's standard library and bytecode compiler call and
-- 4.x's did not: arrays (runtime/array.c), lazy values (runtime/lazy.c),
-- String.hash, Obj.compare_and_swap_field, In_channel/Out_channel, Sys, and
-- the runtime services that have nothing to do on a single Lua thread
-- (runtime events, memprof, polling). Domains, atomics, mutexes and the LXM
-- generator have their own files (domain.lua, atomic.lua, sync.lua, lxm.lua).

--Provides: caml_array_make
--Requires: caml_make_vect
-- Array.make: a float array when the initial value is a float.
function P.caml_array_make(len, init)
  return P.caml_make_vect(len, init)
end

--Provides: caml_array_create_float
--Requires: caml_floatarray_create
function P.caml_array_create_float(len)
  return P.caml_floatarray_create(len)
end

--Provides: caml_floatarray_make
--Requires: caml_invalid_argument
function P.caml_floatarray_make(len, init)
  if len < 0 or len > 134217727 then P.caml_invalid_argument("Array.make") end
  if len == 0 then return { 0 } end
  local a = { 254 }
  for i = 2, len + 1 do a[i] = init end
  return a
end

--Provides: caml_floatarray_make_unboxed
--Requires: caml_floatarray_make
function P.caml_floatarray_make_unboxed(len, init)
  return P.caml_floatarray_make(len, init)
end

--Provides: caml_floatarray_fill_unboxed
--Requires: caml_floatarray_fill
function P.caml_floatarray_fill_unboxed(a, ofs, len, v)
  return P.caml_floatarray_fill(a, ofs, len, v)
end

--Provides: caml_uniform_array_make
--Requires: caml_invalid_argument
-- An array that is never flat, whatever its elements (Obj.Uniform_array).
function P.caml_uniform_array_make(len, init)
  if len < 0 then P.caml_invalid_argument("Array.make") end
  local a = { 0 }
  for i = 2, len + 1 do a[i] = init end
  return a
end

--Provides: caml_uniform_array_sub, caml_uniform_array_append
--Requires: caml_invalid_argument
local function gather(arrays, offsets, lengths)
  local r, pos = { 0 }, 1
  for k = 1, #arrays do
    local a, ofs = arrays[k], offsets[k] + 1
    for i = 1, lengths[k] do r[pos + i] = a[ofs + i] end
    pos = pos + lengths[k]
  end
  if pos - 1 > 2147483647 then P.caml_invalid_argument("Array.concat") end
  return r
end
function P.caml_uniform_array_sub(a, ofs, len)
  return gather({ a }, { ofs }, { len })
end
function P.caml_uniform_array_append(a1, a2)
  return gather({ a1, a2 }, { 0, 0 }, { #a1 - 1, #a2 - 1 })
end

--Provides: caml_uniform_array_blit
--Requires: caml_array_blit
function P.caml_uniform_array_blit(a1, ofs1, a2, ofs2, len)
  return P.caml_array_blit(a1, ofs1, a2, ofs2, len)
end

--Provides: caml_uniform_array_fill
--Requires: caml_array_fill
function P.caml_uniform_array_fill(a, ofs, len, v)
  return P.caml_array_fill(a, ofs, len, v)
end

--Provides: caml_array_of_uniform_array
--Requires: caml_value_is_float
-- A uniform array whose elements are floats becomes a flat float array.
function P.caml_array_of_uniform_array(a)
  local n = #a
  if n < 2 then return a end
  local x = a[2]
  if type(x) ~= "number" or not P.caml_value_is_float(x) then return a end
  local r = { 254 }
  for i = 2, n do r[i] = a[i] end
  return r
end

--Provides: caml_lazy_update_to_forcing
-- Lazy_tag (246) -> Forcing_tag (244): 0 when done, 1 when the block is no
-- longer an unforced lazy value (being forced: CamlinternalLazy.Undefined).
function P.caml_lazy_update_to_forcing(v)
  if type(v) == "table" and getmetatable(v) == nil and v[1] == 246 then
    v[1] = 244
    return 0
  end
  return 1
end

--Provides: caml_lazy_reset_to_lazy
function P.caml_lazy_reset_to_lazy(v)
  v[1] = 246
  return 0
end

--Provides: caml_lazy_update_to_forward
function P.caml_lazy_update_to_forward(v)
  v[1] = 250
  return 0
end

--Provides: caml_lazy_read_result
function P.caml_lazy_read_result(v)
  if type(v) == "table" and getmetatable(v) == nil and v[1] == 250 then return v[2] end
  return v
end

--Provides: caml_string_hash
--Requires: caml_hash_mix_string, caml_hash_final_mix
-- String.hash and String.seeded_hash: caml_hash_mix_string then the final mix.
function P.caml_string_hash(seed, s)
  return P.caml_hash_final_mix(P.caml_hash_mix_string(seed % 4294967296, s))
end

--Provides: caml_obj_compare_and_swap
-- Obj.compare_and_swap_field: physical comparison of field i.
function P.caml_obj_compare_and_swap(v, i, old, new)
  if v[i + 2] == old then
    v[i + 2] = new
    return 1
  end
  return 0
end

--Provides: caml_process_pending_actions_with_root
-- Ppoll and the array allocators: nothing is pending on one Lua thread.
function P.caml_process_pending_actions_with_root(v)
  return v
end

--Provides: caml_sys_is_regular_file
--Requires: caml_sys_path_kind
-- A path that opens and is not a directory counts as a regular file (pure Lua
-- cannot tell devices and pipes apart).
function P.caml_sys_is_regular_file(path)
  return P.caml_sys_path_kind(path) == "file" and 1 or 0
end

--Provides: caml_ml_is_binary_mode
-- Channels are never in text mode outside Windows.
function P.caml_ml_is_binary_mode(ch)
  return 1
end

--Provides: caml_ml_open_descriptor_in_with_flags
--Requires: caml_ml_open_descriptor_in
function P.caml_ml_open_descriptor_in_with_flags(fd, flags)
  return P.caml_ml_open_descriptor_in(fd)
end

--Provides: caml_ml_open_descriptor_out_with_flags
--Requires: caml_ml_open_descriptor_out
function P.caml_ml_open_descriptor_out_with_flags(fd, flags)
  return P.caml_ml_open_descriptor_out(fd)
end

--Provides: caml_ml_input_bigarray
--Requires: caml_ml_input_string
-- In_channel.input_bigarray on a char or int8 bigarray (bigarray.lua's layout):
-- reads at most len bytes to elements ofs..; returns the number read.
local byte = string.byte
function P.caml_ml_input_bigarray(ch, ba, ofs, len)
  local s = P.caml_ml_input_string(ch, len)
  local n = #s
  local d, base = ba.data, ba.ofs + ofs
  local signed = ba.kind == 2
  for k = 1, n do
    local c = byte(s, k)
    if signed and c >= 128 then c = c - 256 end
    d[base + k] = c
  end
  return n
end

--Provides: caml_ml_output_bigarray
--Requires: caml_ml_put
-- Out_channel.output_bigarray: writes elements ofs..ofs+len-1 as bytes.
local char, concat = string.char, table.concat
local unpack = table.unpack or unpack
function P.caml_ml_output_bigarray(ch, ba, ofs, len)
  local d, base = ba.data, ba.ofs + ofs
  local parts, chunk = {}, {}
  local k = 1
  while k <= len do
    local m = len - k + 1
    if m > 4096 then m = 4096 end
    for j = 1, m do chunk[j] = d[base + k + j - 1] % 256 end
    for j = m + 1, #chunk do chunk[j] = nil end
    parts[#parts + 1] = char(unpack(chunk, 1, m))
    k = k + m
  end
  if len > 0 then P.caml_ml_put(ch, concat(parts)) end
  return 0
end

--Provides: caml_memprof_discard
function P.caml_memprof_discard(t)
  return 0
end

--Provides: caml_ml_runtime_events_are_active
function P.caml_ml_runtime_events_are_active(unit)
  return 0
end

--Provides: caml_ml_runtime_events_start, caml_ml_runtime_events_pause, caml_ml_runtime_events_resume
-- Runtime_events: there is no ring buffer to write to; starting is accepted
-- and nothing is ever recorded (Runtime_events.path () stays None).
function P.caml_ml_runtime_events_start(unit) return 0 end
function P.caml_ml_runtime_events_pause(unit) return 0 end
function P.caml_ml_runtime_events_resume(unit) return 0 end

--Provides: caml_ml_runtime_events_path
function P.caml_ml_runtime_events_path(unit)
  return 0
end

--Provides: caml_runtime_events_user_register
-- Runtime_events.User.register name tag ty: the event value of
-- runtime_events.c, { id, name, type, tag }.
local next_id = 0
function P.caml_runtime_events_user_register(name, tag, ty)
  local id = next_id
  next_id = next_id + 1
  return { 0, id, name, ty, tag }
end

--Provides: caml_runtime_events_user_write
function P.caml_runtime_events_user_write(buf, event, value)
  return 0
end

--Provides: caml_xdg_defaults
-- Toplevel search path (Windows only in ocamlrun): the empty list.
function P.caml_xdg_defaults(unit)
  return 0
end

--Provides: caml_zstd_initialize
-- No compressed marshalling: Marshal.Compression is unavailable.
function P.caml_zstd_initialize(unit)
  return 0
end
