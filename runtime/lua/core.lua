-- Core of the runtime: closures and application, exceptions, named values,
-- program start and exit. Every program links the fragments it reaches from here.

--Provides: caml_arity
P.caml_arity = setmetatable({}, { __mode = "k" })

--Provides: caml_global_data
P.caml_global_data = {}

--Provides: caml_curry
--Requires: caml_arity, caml_call_gen
local unpack_args = table.unpack or unpack
-- A partial application of `f` (arity n) to the arguments in `args`.
-- The usual shapes (up to 4 parameters) get a closure over the arguments
-- themselves: no table copy and no vararg unpacking per call, which LuaJIT
-- compiles into straight calls.
function P.caml_curry(f, n, args)
  local have = #args
  local need = n - have
  local g
  if n <= 4 then
    local a, b, c = args[1], args[2], args[3]
    if need == 1 then
      if have == 1 then g = function(x) return f(a, x) end
      elseif have == 2 then g = function(x) return f(a, b, x) end
      else g = function(x) return f(a, b, c, x) end end
      return g
    elseif need == 2 then
      if have == 1 then g = function(x, y) return f(a, x, y) end
      else g = function(x, y) return f(a, b, x, y) end end
    else -- need == 3, have == 1
      g = function(x, y, z) return f(a, x, y, z) end
    end
  elseif need == 1 then
    g = function(x)
      local all = { unpack_args(args) }
      all[have + 1] = x
      return f(unpack_args(all, 1, n))
    end
    return g
  else
    g = function(...)
      local all = { unpack_args(args) }
      local extra = { ... }
      for i = 1, #extra do all[have + i] = extra[i] end
      return P.caml_call_gen(f, all)
    end
  end
  P.caml_arity[g] = need
  return g
end


--Provides: caml_call_gen
--Requires: caml_arity, caml_curry
local unpack = table.unpack or unpack
-- Apply `f` to the list `args` with OCaml's semantics.
function P.caml_call_gen(f, args)
  local arity = P.caml_arity
  while true do
    local n = arity[f] or 1
    local k = #args
    if k == n then return f(unpack(args, 1, k)) end
    if k < n then return P.caml_curry(f, n, args) end
    local r = f(unpack(args, 1, n))
    local rest = {}
    for i = n + 1, k do rest[i - n] = args[i] end
    f, args = r, rest
  end
end

--Provides: caml_call1
--Requires: caml_arity, caml_curry
--If: lua51, lua54
function P.caml_call1(f, a)
  local n = P.caml_arity[f]
  if n == nil then return f(a) end
  return P.caml_curry(f, n, { a })
end

--Provides: caml_call2
--Requires: caml_arity, caml_call_gen, caml_call1
--If: lua51, lua54
function P.caml_call2(f, a, b)
  local n = P.caml_arity[f]
  if n == 2 then return f(a, b) end
  if n == nil then return P.caml_call1(f(a), b) end
  return P.caml_call_gen(f, { a, b })
end

--Provides: caml_call3
--Requires: caml_arity, caml_call_gen
--If: lua51, lua54
function P.caml_call3(f, a, b, c)
  if P.caml_arity[f] == 3 then return f(a, b, c) end
  return P.caml_call_gen(f, { a, b, c })
end

--Provides: caml_call4
--Requires: caml_arity, caml_call_gen
--If: lua51, lua54
function P.caml_call4(f, a, b, c, d)
  if P.caml_arity[f] == 4 then return f(a, b, c, d) end
  return P.caml_call_gen(f, { a, b, c, d })
end

--Provides: caml_call5
--Requires: caml_arity, caml_call_gen
--If: lua51, lua54
function P.caml_call5(f, a, b, c, d, e)
  if P.caml_arity[f] == 5 then return f(a, b, c, d, e) end
  return P.caml_call_gen(f, { a, b, c, d, e })
end

--Provides: caml_call1
--Requires: caml_arity, caml_curry
--If: luajit
-- The same on LuaJIT, as vararg functions (the `...` is never used): LuaJIT
-- starts no trace at the entry of a vararg function, and traces of callers
-- still compile through them. A trace started at the entry of caml_call2 (when
-- interpreted code calls it) is specialised to the function it was recorded
-- with; every other function called through caml_call2 leaves it by a side
-- exit, and once the side traces give up ("fallback to interpreter") every
-- call through caml_call2 from the interpreter pays a trace exit. Which callee
-- comes first decides the run: objects took 1.2 s or 3-4 s, at random. Also, a
-- trace from the entry that runs into a callee LuaJIT cannot compile (FNEW)
-- gets caml_call1 blacklisted, and then every trace through it aborts.
function P.caml_call1(f, a, ...)
  local n = P.caml_arity[f]
  if n == nil then return f(a) end
  return P.caml_curry(f, n, { a })
end

--Provides: caml_call2
--Requires: caml_arity, caml_call_gen, caml_call1
--If: luajit
function P.caml_call2(f, a, b, ...)
  local n = P.caml_arity[f]
  if n == 2 then return f(a, b) end
  if n == nil then return P.caml_call1(f(a), b) end
  return P.caml_call_gen(f, { a, b })
end

--Provides: caml_call3
--Requires: caml_arity, caml_call_gen
--If: luajit
function P.caml_call3(f, a, b, c, ...)
  if P.caml_arity[f] == 3 then return f(a, b, c) end
  return P.caml_call_gen(f, { a, b, c })
end

--Provides: caml_call4
--Requires: caml_arity, caml_call_gen
--If: luajit
function P.caml_call4(f, a, b, c, d, ...)
  if P.caml_arity[f] == 4 then return f(a, b, c, d) end
  return P.caml_call_gen(f, { a, b, c, d })
end

--Provides: caml_call5
--Requires: caml_arity, caml_call_gen
--If: luajit
function P.caml_call5(f, a, b, c, d, e, ...)
  if P.caml_arity[f] == 5 then return f(a, b, c, d, e) end
  return P.caml_call_gen(f, { a, b, c, d, e })
end

--Provides: caml_exn_of_lua
--Requires: caml_global_data, caml_lua_string
-- The OCaml exception for a Lua error value caught by pcall.
function P.caml_exn_of_lua(e)
  if type(e) == "table" then return e end
  local G = P.caml_global_data
  local msg = tostring(e)
  if string.find(msg, "stack overflow", 1, true) then return G[9] end
  if string.find(msg, "not enough memory", 1, true) then return G[1] end
  return { 0, G[3], msg }
end

--Provides: caml_failwith
--Requires: caml_global_data, caml_raise_exn
function P.caml_failwith(msg)
  P.caml_raise_exn({ 0, P.caml_global_data[3], msg })
end

--Provides: caml_invalid_argument
--Requires: caml_global_data, caml_raise_exn
function P.caml_invalid_argument(msg)
  P.caml_raise_exn({ 0, P.caml_global_data[4], msg })
end

--Provides: caml_raise_sys_error
--Requires: caml_global_data, caml_raise_exn
function P.caml_raise_sys_error(msg)
  P.caml_raise_exn({ 0, P.caml_global_data[2], msg })
end

--Provides: caml_raise_not_found
--Requires: caml_global_data, caml_raise_exn
function P.caml_raise_not_found()
  P.caml_raise_exn(P.caml_global_data[7])
end

--Provides: caml_raise_end_of_file
--Requires: caml_global_data, caml_raise_exn
function P.caml_raise_end_of_file()
  P.caml_raise_exn(P.caml_global_data[5])
end

--Provides: caml_raise_zero_divide
--Requires: caml_global_data, caml_raise_exn
function P.caml_raise_zero_divide()
  P.caml_raise_exn(P.caml_global_data[6])
end

--Provides: caml_raise_constant
--Requires: caml_raise_exn
function P.caml_raise_constant(exn)
  P.caml_raise_exn(exn)
end

--Provides: caml_array_bound_error
--Requires: caml_invalid_argument
function P.caml_array_bound_error()
  P.caml_invalid_argument("index out of bounds")
end

--Provides: caml_missing_primitive
--Requires: caml_failwith
-- Stands for a primitive that no runtime file provides.
function P.caml_missing_primitive(name)
  return function()
    P.caml_failwith("primitive " .. name .. " is not implemented")
  end
end

--Provides: caml_named_values
P.caml_named_values = {}

--Provides: caml_register_named_value
--Requires: caml_named_values, caml_lua_string
function P.caml_register_named_value(name, v)
  P.caml_named_values[P.caml_lua_string(name)] = v
  return 0
end

--Provides: caml_exit_hook
-- Replaced by an embedding host; the default leaves the Lua interpreter.
function P.caml_exit_hook(code)
  os.exit(code)
end

--Provides: caml_sys_exit
--Requires: caml_exit_hook, caml_flush_all
function P.caml_sys_exit(code)
  P.caml_flush_all()
  P.caml_exit_hook(code)
  error({ caml_exit = code })
end

--Provides: caml_fatal_uncaught_exception
--Requires: caml_named_values, caml_call2, caml_call1, caml_format_exception, caml_flush_all, caml_sys_write, caml_lua_string, caml_backtrace_flag, caml_backtrace_text
function P.caml_fatal_uncaught_exception(exn)
  local handler = P.caml_named_values["Printexc.handle_uncaught_exception"]
  if handler then
    P.caml_call2(handler, exn, 0)
  else
    local msg = P.caml_format_exception(exn)
    local at_exit = P.caml_named_values["Pervasives.do_at_exit"]
    if at_exit then pcall(P.caml_call1, at_exit, 0) end
    P.caml_flush_all()
    P.caml_sys_write(2, "Fatal error: exception " .. msg .. "\n")
    if P.caml_backtrace_flag ~= 0 then P.caml_sys_write(2, P.caml_backtrace_text()) end
  end
  P.caml_flush_all()
end

--Provides: caml_main
--Requires: caml_exn_of_lua, caml_fatal_uncaught_exception, caml_sys_exit, caml_exit_hook, caml_host_setup, caml_flush_all, caml_lua_error_handler
-- Run the program body `main` as ocamlrun does: uncaught exceptions print
-- "Fatal error: exception ..." and exit with code 2.
function P.caml_main(main, ...)
  P.caml_host_setup(...)
  local ok, err = xpcall(main, P.caml_lua_error_handler)
  if ok then
    -- at_exit functions already ran: the linked program ends with Std_exit
    ok, err = pcall(P.caml_sys_exit, 0)
    if ok then return 0 end
  end
  if type(err) == "table" and err.caml_exit then return err.caml_exit end
  local exn = P.caml_exn_of_lua(err)
  local ok2, err2 = pcall(P.caml_fatal_uncaught_exception, exn)
  if not ok2 and type(err2) == "table" and err2.caml_exit then return err2.caml_exit end
  pcall(P.caml_flush_all)
  P.caml_exit_hook(2)
  return 2
end

--Provides: caml_host_setup
--Requires: caml_sys_argv_set, caml_exit_hook, caml_sys_write, caml_sys_read, caml_executable_name
-- The chunk is called either with the script's arguments (strings) or, by an
-- embedding host, with one configuration table: { argv = {...}, exit = f(code),
-- write = f(fd, s), read = f(fd, n) }.
function P.caml_host_setup(first, ...)
  if type(first) == "table" then
    local host = first
    if host.exit then P.caml_exit_hook = host.exit end
    -- the host takes the standard streams; files keep the runtime's own I/O
    if host.write then
      local write, default = host.write, P.caml_sys_write
      P.caml_sys_write = function(fd, s)
        if fd == 1 or fd == 2 then return write(fd, s) end
        return default(fd, s)
      end
    end
    if host.read then
      local read, default = host.read, P.caml_sys_read
      P.caml_sys_read = function(fd, n)
        if fd == 0 then return read(fd, n) end
        return default(fd, n)
      end
    end
    P.caml_sys_argv_set(host.argv or { "program" })
  else
    local argv = { P.caml_executable_name() }
    local rest = { first, ... }
    for i = 1, select("#", first, ...) do
      if rest[i] ~= nil then argv[#argv + 1] = rest[i] end
    end
    P.caml_sys_argv_set(argv)
  end
end

--Provides: caml_executable_name
function P.caml_executable_name()
  local ok, info = pcall(debug.getinfo, 4, "S")
  if ok and info and type(info.source) == "string" and info.source:sub(1, 1) == "@" then
    return info.source:sub(2)
  end
  return "program"
end
