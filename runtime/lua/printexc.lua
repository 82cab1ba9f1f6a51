-- Printing uncaught exceptions (runtime/printexc.c) and the backtrace
-- primitives. No backtraces are recorded: raw backtraces are empty arrays.

--Provides: caml_format_exception
--Requires: caml_global_data, caml_bytes_mt, caml_lua_string
-- The text ocamlrun prints after "Fatal error: exception ": the name, and the
-- arguments in parentheses (ints in decimal, strings between quotes and not
-- escaped, anything else `_`); Match_failure, Assert_failure and
-- Undefined_recursive_module show their tuple's fields. Like printexc.c the
-- text stops at 255 bytes and each string at its first NUL byte.
local concat = table.concat
local floor = math.floor
local mtype = math.type

local function cstr(v)
  local s = P.caml_lua_string(v)
  local z = string.find(s, "\0", 1, true)
  if z then s = string.sub(s, 1, z - 1) end
  return s
end

local function is_string(v)
  return type(v) == "string"
    or (type(v) == "table" and P.caml_bytes_mt ~= nil and getmetatable(v) == P.caml_bytes_mt)
end

local function is_int(v)
  if type(v) ~= "number" then return false end
  if mtype then return mtype(v) == "integer" end
  return v == floor(v) and v >= -2147483648 and v <= 2147483647
end

local special = { Match_failure = 8, Assert_failure = 11, Undefined_recursive_module = 12 }

local function is_special(id)
  local name = cstr(id[2])
  local slot = special[name]
  if not slot then return false end
  local g = P.caml_global_data and P.caml_global_data[slot]
  return g == nil or g == id
end

function P.caml_format_exception(exn)
  local s
  if type(exn) ~= "table" then
    s = tostring(exn)
  elseif exn[1] == 248 then
    s = cstr(exn[2])
  else
    local id = exn[2]
    local parts = { cstr(id[2]), "(" }
    local bucket, start = exn, 3
    local arg = exn[3]
    if #exn == 3 and type(arg) == "table" and arg[1] == 0
      and getmetatable(arg) == nil and is_special(id) then
      bucket, start = arg, 2
    end
    for i = start, #bucket do
      if i > start then parts[#parts + 1] = ", " end
      local v = bucket[i]
      if is_int(v) then
        parts[#parts + 1] = string.format("%d", v)
      elseif is_string(v) then
        parts[#parts + 1] = '"' .. cstr(v) .. '"'
      else
        parts[#parts + 1] = "_"
      end
    end
    parts[#parts + 1] = ")"
    s = concat(parts)
  end
  if #s > 255 then s = string.sub(s, 1, 255) end
  return s
end
