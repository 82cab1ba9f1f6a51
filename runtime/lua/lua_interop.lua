-- Lua interop: the primitives behind the OCaml library `Lua` (runtime/ocaml/lua.ml),
-- the exports table of a `--module` chunk and its start. The contract is in
-- docs/ffi.md.
--
-- A Lua value seen from OCaml (type Lua.t) is the value itself, except nil: OCaml
-- values are never nil (a block with a nil field would have a hole, and `#` on it
-- is undefined), so nil crosses into OCaml as the sentinel P.caml_lua_nil_value
-- and back out as nil. Every primitive below converts at the boundary.

--Provides: caml_lua_nil_value
-- A custom block for the comparison functions: every nil is equal to itself.
P.caml_lua_nil_value = setmetatable({}, {
  caml_custom = "_lua_nil",
  compare = function() return 0 end,
  hash = function() return 0 end,
  __tostring = function() return "nil" end,
})

--Provides: caml_lua_nil
--Requires: caml_lua_nil_value
function P.caml_lua_nil(_)
  return P.caml_lua_nil_value
end

--Provides: caml_lua_is_nil
--Requires: caml_lua_nil_value
function P.caml_lua_is_nil(v)
  if v == P.caml_lua_nil_value then return 1 end
  return 0
end

--Provides: caml_lua_typeof
--Requires: caml_lua_nil_value
function P.caml_lua_typeof(v)
  if v == P.caml_lua_nil_value then return "nil" end
  return type(v)
end

--Provides: caml_lua_type_error
--Requires: caml_invalid_argument, caml_lua_nil_value
-- Raise Invalid_argument "Lua.fn: expected a T, got a U".
function P.caml_lua_type_error(fn, expected, v)
  local got = v == P.caml_lua_nil_value and "nil" or type(v)
  P.caml_invalid_argument("Lua." .. fn .. ": expected " .. expected .. ", got " .. got)
end

--Provides: caml_lua_equal
--Requires: caml_lua_nil_value
function P.caml_lua_equal(a, b)
  if rawequal(a, b) then return 1 end
  return 0
end

--Provides: caml_lua_tostring
--Requires: caml_lua_nil_value
function P.caml_lua_tostring(v)
  if v == P.caml_lua_nil_value then return "nil" end
  return tostring(v)
end

-- Conversions ----------------------------------------------------------------

--Provides: caml_lua_of_string
--Requires: caml_lua_string
-- An OCaml string may be a bytes object in disguise: Lua gets a real string.
function P.caml_lua_of_string(s)
  return P.caml_lua_string(s)
end

--Provides: caml_lua_to_string
--Requires: caml_lua_type_error
function P.caml_lua_to_string(v)
  if type(v) == "string" then return v end
  P.caml_lua_type_error("to_string", "a string", v)
end

--Provides: caml_lua_to_int
--Requires: caml_lua_type_error
local floor, ceil = math.floor, math.ceil
-- Truncated towards zero and wrapped to 32 bits, as Int32.to_int (Int64.of_float x);
-- on Lua 5.4 the result is of integer subtype, like every OCaml int there.
function P.caml_lua_to_int(v)
  if type(v) ~= "number" then P.caml_lua_type_error("to_int", "a number", v) end
  if v ~= v or v == 1 / 0 or v == -1 / 0 then return 0 end
  if v >= 0 then v = floor(v) else v = ceil(v) end
  if v >= -2147483648 and v <= 2147483647 then return v end
  v = (v + 2147483648) % 4294967296 - 2147483648
  return floor(v)
end

--Provides: caml_lua_to_float
--Requires: caml_lua_type_error
function P.caml_lua_to_float(v)
  if type(v) ~= "number" then P.caml_lua_type_error("to_float", "a number", v) end
  return v + 0.0
end

--Provides: caml_lua_of_bool
function P.caml_lua_of_bool(b)
  return b ~= 0
end

--Provides: caml_lua_to_bool
--Requires: caml_lua_type_error
function P.caml_lua_to_bool(v)
  if v == true then return 1 end
  if v == false then return 0 end
  P.caml_lua_type_error("to_bool", "a boolean", v)
end

--Provides: caml_lua_truthy
--Requires: caml_lua_nil_value
function P.caml_lua_truthy(v)
  if v == false or v == P.caml_lua_nil_value then return 0 end
  return 1
end

-- Tables ---------------------------------------------------------------------

--Provides: caml_lua_new_table
function P.caml_lua_new_table(_)
  return {}
end

--Provides: caml_lua_check_indexable
--Requires: caml_lua_type_error, caml_lua_nil_value
local indexable = { table = true, userdata = true, string = true }
local NIL = P.caml_lua_nil_value
-- A clear OCaml exception instead of Lua's "attempt to index a nil value".
function P.caml_lua_check_indexable(fn, t)
  if t == NIL or not indexable[type(t)] then P.caml_lua_type_error(fn, "a table", t) end
end

--Provides: caml_lua_get
--Requires: caml_lua_nil_value, caml_lua_check_indexable
local NIL = P.caml_lua_nil_value
function P.caml_lua_get(t, k)
  P.caml_lua_check_indexable("get", t)
  if k == NIL then return NIL end
  local v = t[k]
  if v == nil then return NIL end
  return v
end

--Provides: caml_lua_set
--Requires: caml_lua_nil_value, caml_lua_check_indexable, caml_invalid_argument
local NIL = P.caml_lua_nil_value
function P.caml_lua_set(t, k, v)
  P.caml_lua_check_indexable("set", t)
  if k == NIL then P.caml_invalid_argument("Lua.set: nil key") end
  if v == NIL then v = nil end
  t[k] = v
  return 0
end

--Provides: caml_lua_get_field
--Requires: caml_lua_nil_value, caml_lua_check_indexable, caml_lua_string
local NIL = P.caml_lua_nil_value
function P.caml_lua_get_field(t, name)
  P.caml_lua_check_indexable("get_field", t)
  local v = t[P.caml_lua_string(name)]
  if v == nil then return NIL end
  return v
end

--Provides: caml_lua_set_field
--Requires: caml_lua_nil_value, caml_lua_check_indexable, caml_lua_string
local NIL = P.caml_lua_nil_value
function P.caml_lua_set_field(t, name, v)
  P.caml_lua_check_indexable("set_field", t)
  if v == NIL then v = nil end
  t[P.caml_lua_string(name)] = v
  return 0
end

--Provides: caml_lua_get_index
--Requires: caml_lua_nil_value, caml_lua_check_indexable
local NIL = P.caml_lua_nil_value
function P.caml_lua_get_index(t, i)
  P.caml_lua_check_indexable("get_index", t)
  local v = t[i]
  if v == nil then return NIL end
  return v
end

--Provides: caml_lua_set_index
--Requires: caml_lua_nil_value, caml_lua_check_indexable
local NIL = P.caml_lua_nil_value
function P.caml_lua_set_index(t, i, v)
  P.caml_lua_check_indexable("set_index", t)
  if v == NIL then v = nil end
  t[i] = v
  return 0
end

--Provides: caml_lua_length
--Requires: caml_lua_check_indexable
function P.caml_lua_length(t)
  P.caml_lua_check_indexable("length", t)
  return #t
end

--Provides: caml_lua_pairs
--Requires: caml_lua_check_indexable
-- The OCaml list of (key, value) pairs of a table, in `next` order.
function P.caml_lua_pairs(t)
  P.caml_lua_check_indexable("pairs", t)
  local items, n = {}, 0
  for k, v in pairs(t) do
    n = n + 1
    items[n] = { 0, k, v }
  end
  local l = 0
  for i = n, 1, -1 do l = { 0, items[i], l } end
  return l
end

--Provides: caml_lua_table_of_array
--Requires: caml_lua_nil_value
local NIL = P.caml_lua_nil_value
-- A Lua sequence from an OCaml array of Lua values.
function P.caml_lua_table_of_array(a)
  local t = {}
  for i = 2, #a do
    local v = a[i]
    if v ~= NIL then t[i - 1] = v end
  end
  return t
end

--Provides: caml_lua_array_of_table
--Requires: caml_lua_nil_value, caml_lua_check_indexable
local NIL = P.caml_lua_nil_value
-- The OCaml array of t[1], ..., t[#t].
function P.caml_lua_array_of_table(t)
  P.caml_lua_check_indexable("to_array", t)
  local a = { 0 }
  for i = 1, #t do
    local v = t[i]
    if v == nil then v = NIL end
    a[i + 1] = v
  end
  return a
end

-- Globals and modules --------------------------------------------------------

--Provides: caml_lua_global
--Requires: caml_lua_nil_value, caml_lua_string
local NIL = P.caml_lua_nil_value
function P.caml_lua_global(name)
  local v = _G[P.caml_lua_string(name)]
  if v == nil then return NIL end
  return v
end

--Provides: caml_lua_set_global
--Requires: caml_lua_nil_value, caml_lua_string
local NIL = P.caml_lua_nil_value
function P.caml_lua_set_global(name, v)
  if v == NIL then v = nil end
  _G[P.caml_lua_string(name)] = v
  return 0
end

--Provides: caml_lua_require
--Requires: caml_lua_nil_value, caml_lua_string
local NIL = P.caml_lua_nil_value
function P.caml_lua_require(name)
  local v = require(P.caml_lua_string(name))
  if v == nil then return NIL end
  return v
end

--Provides: caml_lua_exports_table
-- What a `--module` chunk returns (require("name") in Lua).
P.caml_lua_exports_table = {}

--Provides: caml_lua_exports
--Requires: caml_lua_exports_table
function P.caml_lua_exports(_)
  return P.caml_lua_exports_table
end

--Provides: caml_lua_export
--Requires: caml_lua_exports_table, caml_lua_nil_value, caml_lua_string
local NIL = P.caml_lua_nil_value
function P.caml_lua_export(name, v)
  if v == NIL then v = nil end
  P.caml_lua_exports_table[P.caml_lua_string(name)] = v
  return 0
end

--Provides: caml_lua_export_all
--Requires: caml_lua_exports_table, caml_lua_check_indexable
function P.caml_lua_export_all(t)
  P.caml_lua_check_indexable("export_all", t)
  local e = P.caml_lua_exports_table
  for k, v in pairs(t) do e[k] = v end
  return 0
end

-- Calls ------------------------------------------------------------------------

--Provides: caml_lua_check_callable
--Requires: caml_lua_type_error
function P.caml_lua_check_callable(fn, f)
  if type(f) == "function" then return end
  local mt = getmetatable(f)
  if type(mt) == "table" and mt.__call then return end
  P.caml_lua_type_error(fn, "a function", f)
end

--Provides: caml_lua_call, caml_lua_call_multi, caml_lua_call_method
--Requires: caml_lua_nil_value, caml_lua_check_callable, caml_lua_check_indexable, caml_lua_string
local NIL = P.caml_lua_nil_value
local unpack = table.unpack or unpack
local select = select

-- The arguments of an OCaml array {0, a1, ..., an} as a Lua list (nil restored).
local function args_of(a, first)
  local t, n = {}, #a - 1
  local o = first and 1 or 0
  if first then t[1] = first end
  for i = 1, n do
    local v = a[i + 1]
    if v ~= NIL then t[i + o] = v end
  end
  return t, n + o
end

local function call(f, a)
  local n = #a - 1
  if n == 0 then return f() end
  if n == 1 then
    local x = a[2]
    if x == NIL then x = nil end
    return f(x)
  end
  if n == 2 then
    local x, y = a[2], a[3]
    if x == NIL then x = nil end
    if y == NIL then y = nil end
    return f(x, y)
  end
  local t, m = args_of(a)
  return f(unpack(t, 1, m))
end

function P.caml_lua_call(f, a)
  P.caml_lua_check_callable("call", f)
  local r = call(f, a)
  if r == nil then return NIL end
  return r
end

local function results(...)
  local n = select("#", ...)
  local r = { 0, ... }
  for i = 2, n + 1 do
    if r[i] == nil then r[i] = NIL end
  end
  return r
end

function P.caml_lua_call_multi(f, a)
  P.caml_lua_check_callable("call_multi", f)
  return results(call(f, a))
end

-- obj:name(args...)
function P.caml_lua_call_method(obj, name, a)
  P.caml_lua_check_indexable("call_method", obj)
  name = P.caml_lua_string(name)
  local f = obj[name]
  if f == nil then f = NIL end
  P.caml_lua_check_callable("call_method (" .. name .. ")", f)
  local t, m = args_of(a, obj)
  local r = f(unpack(t, 1, m))
  if r == nil then return NIL end
  return r
end

-- Callbacks: OCaml closures as Lua functions --------------------------------------

--Provides: caml_lua_flush_std
--Requires: caml_ml_channels, caml_ml_flush_channel
-- After OCaml code ran for a Lua caller, its buffered output reaches the host
-- (no exit will flush it later).
function P.caml_lua_flush_std()
  local l = P.caml_ml_channels
  for i = 1, #l do
    local ch = l[i]
    if ch and ch.out and ch.nbuf > 0 then pcall(P.caml_ml_flush_channel, ch) end
  end
end

--Provides: caml_lua_exn_message
--Requires: caml_named_values, caml_call1, caml_format_exception, caml_lua_string
-- The text of an OCaml exception: Printexc.to_string (registered by the Lua
-- library, so custom printers apply) or the runtime's own formatting.
function P.caml_lua_exn_message(e)
  local f = P.caml_named_values["lua_of_ocaml.exn_to_string"]
  if f then
    local ok, s = pcall(P.caml_call1, f, e)
    if ok then return P.caml_lua_string(s) end
  end
  local ok, s = pcall(P.caml_format_exception, e)
  if ok then return P.caml_lua_string(s) end
  return "OCaml exception"
end

--Provides: caml_lua_is_ocaml_exn
function P.caml_lua_is_ocaml_exn(e)
  if type(e) ~= "table" then return false end
  if e[1] == 248 then return true end
  return e[1] == 0 and type(e[2]) == "table" and e[2][1] == 248
end

--Provides: caml_lua_rethrow
--Requires: caml_lua_exn_message, caml_lua_is_ocaml_exn
-- Raise, for a Lua caller, an error caught while OCaml code ran: an OCaml
-- exception becomes its message, `exit` a message naming the code, and a Lua
-- error passes through unchanged.
function P.caml_lua_rethrow(e)
  if type(e) == "table" then
    if e.caml_exit ~= nil then
      error("OCaml code called exit " .. tostring(e.caml_exit), 0)
    end
    if P.caml_lua_is_ocaml_exn(e) then error(P.caml_lua_exn_message(e), 0) end
  end
  error(e, 0)
end

--Provides: caml_lua_callback, caml_lua_callback_var
--Requires: caml_lua_nil_value, caml_call1, caml_call2, caml_call3, caml_call4, caml_call5, caml_call_gen, caml_lua_flush_std, caml_lua_rethrow
local NIL = P.caml_lua_nil_value
local pcall, select = pcall, select

local function depth()
  local get = P.caml_depth_get
  if get then return get() end
  return 0
end

local function finish(d, ok, r)
  P.caml_lua_flush_std()
  if ok then
    if r == NIL then return nil end
    return r
  end
  local set = P.caml_depth_set
  if set then set(d) end -- no OCaml handler ran: restore the frame count
  return P.caml_lua_rethrow(r)
end

local function v(x)
  if x == nil then return NIL end
  return x
end

local makers = {
  [0] = function(f)
    return function()
      return finish(depth(), pcall(P.caml_call1, f, 0))
    end
  end,
  function(f)
    return function(a)
      return finish(depth(), pcall(P.caml_call1, f, v(a)))
    end
  end,
  function(f)
    return function(a, b)
      return finish(depth(), pcall(P.caml_call2, f, v(a), v(b)))
    end
  end,
  function(f)
    return function(a, b, c)
      return finish(depth(), pcall(P.caml_call3, f, v(a), v(b), v(c)))
    end
  end,
  function(f)
    return function(a, b, c, d)
      return finish(depth(), pcall(P.caml_call4, f, v(a), v(b), v(c), v(d)))
    end
  end,
  function(f)
    return function(a, b, c, d, e)
      return finish(depth(), pcall(P.caml_call5, f, v(a), v(b), v(c), v(d), v(e)))
    end
  end,
}

-- A Lua function of n parameters that applies the OCaml closure f (missing
-- arguments are nil, extra ones are dropped).
function P.caml_lua_callback(f, n)
  local make = makers[n]
  if make then return make(f) end
  return function(...)
    local args = {}
    for i = 1, n do args[i] = v((select(i, ...))) end
    return finish(depth(), pcall(P.caml_call_gen, f, args))
  end
end

-- A Lua function of any number of arguments: f receives them as an OCaml array.
function P.caml_lua_callback_var(f)
  return function(...)
    local n = select("#", ...)
    local a = { 0, ... }
    for i = 2, n + 1 do a[i] = v(a[i]) end
    return finish(depth(), pcall(P.caml_call1, f, a))
  end
end

-- Errors and evaluation --------------------------------------------------------

--Provides: caml_lua_error
--Requires: caml_lua_nil_value
function P.caml_lua_error(e)
  if e == P.caml_lua_nil_value then e = nil end
  error(e, 0)
end

--Provides: caml_lua_eval
--Requires: caml_lua_nil_value, caml_lua_string, caml_failwith
local NIL = P.caml_lua_nil_value
local load = loadstring or load
-- Run a chunk of Lua source text; its first result.
function P.caml_lua_eval(code)
  local f, err = load(P.caml_lua_string(code), "=(Lua.eval)")
  if not f then P.caml_failwith("Lua.eval: " .. tostring(err)) end
  local r = f()
  if r == nil then return NIL end
  return r
end

-- Module start ---------------------------------------------------------------------

--Provides: caml_module_main
--Requires: caml_host_setup, caml_sys_argv_set, caml_exit_hook, caml_lua_exports_table, caml_lua_error_handler, caml_lua_exn_message, caml_flush_all, caml_exn_of_lua
-- Start of a `--module` chunk: run the program's initialisation and return its
-- exports table. `require` calls the chunk with the module name (and, from Lua
-- 5.2, the file name), which are not command-line arguments: Sys.argv is just
-- the name. An embedding host may still pass its configuration table.
-- Exiting never leaves the Lua host: `exit 0` ends the initialisation, any other
-- code or an uncaught exception is a Lua error that `require` reports.
function P.caml_module_main(main, first, ...)
  if type(first) == "table" then
    P.caml_host_setup(first)
  else
    P.caml_exit_hook = function(_) end
    P.caml_sys_argv_set({ type(first) == "string" and first or "module" })
  end
  local ok, err = xpcall(main, P.caml_lua_error_handler)
  pcall(P.caml_flush_all)
  if not ok then
    if type(err) == "table" and err.caml_exit ~= nil then
      if err.caml_exit ~= 0 then
        error("OCaml module initialisation called exit " .. tostring(err.caml_exit), 0)
      end
    else
      error("Fatal error: exception " .. P.caml_lua_exn_message(P.caml_exn_of_lua(err)), 0)
    end
  end
  return P.caml_lua_exports_table
end
