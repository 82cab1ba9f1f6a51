-- Lua side of the interop round trips: returns a function that takes the module
-- compiled from tests/nvim/ocaml/interop.ml (and the names of the globals that
-- existed before it was required) and returns a report, one `name<TAB>value`
-- line per check. Portable: LuaJIT, Lua 5.1, Lua 5.4, Neovim.

local function show(v)
  local t = type(v)
  if t == "number" then
    if v == math.floor(v) and v > -1e15 and v < 1e15 then return string.format("%d", v) end
    return string.format("%.4g", v)
  elseif t == "string" then
    return v
  elseif t == "nil" or t == "boolean" then
    return tostring(v)
  end
  return t
end

local function err_of(f, ...)
  local ok, e = pcall(f, ...)
  if ok then return "no error" end
  if type(e) == "table" then return "table:" .. show(e.code) end
  return e
end

return function(m, globals_before)
  local r = {}
  local function put(name, v) r[#r + 1] = name .. "\t" .. show(v) end

  put("init_ran", m.init_ran)
  put("argc", m.argc)
  put("from_all", m.from_all)
  put("exports_is_table", m.exports_is_table)
  -- conversions
  local s = "h\195\169llo\0z"
  put("echo_string", m.echo_string(s) == s)
  put("shout", m.shout("abc"))
  put("shout_type", type(m.shout("abc")))
  put("echo_int", m.echo_int(-42))
  put("int_trunc", m.to_int(3.7))
  put("int_trunc_neg", m.to_int(-3.7))
  put("int_wrap", m.to_int(4294967296 + 5))
  put("add_ints", m.add_ints(2147483647, 1))
  put("half", m.half(3))
  put("negate", m.negate(false))
  put("truthy_nil", m.truthy(nil))
  put("truthy_zero", m.truthy(0))
  put("opt_succ_some", m.opt_succ(4))
  put("opt_succ_none", m.opt_succ(nil))
  local rl = m.rev_list({ 1, 2, 3 })
  put("rev_list", table.concat(rl, ","))
  put("array_sum", m.array_sum({ 1.5, 2.5, 3 }))
  put("assoc_keys", m.assoc_keys({ b = 1, a = 2, [1] = "skipped" }))
  local t = m.make_table()
  put("table", t.name .. " " .. t.n .. " " .. tostring(t.ok) .. " " .. table.concat(t.items, "+")
    .. " " .. tostring(t.none))
  local a = m.of_assoc()
  put("of_assoc", a.a + a.b)
  put("typeof", m.typeof(nil) .. "," .. m.typeof(print) .. "," .. m.typeof({}) .. "," .. m.typeof(1))
  put("is_nil", m.is_nil(nil))
  put("nil_in_tuple", m.nil_in_tuple(nil))
  put("pairs_count", m.pairs_count({ 1, 2, x = 3 }))
  put("length", m.length({ 1, 2, 3, 4 }))
  local gs = { gone = 1 }
  put("get_set", m.get_set(gs))
  put("get_set_gone", gs.gone)
  put("path", m.path({ a = { b = { c = "deep" } } }))
  put("path_missing", m.path({ a = { b = {} } }))
  -- calls
  put("count_args", m.count_args(1, nil, 3, nil))
  put("sum_all", m.sum_all(1, 2, 3, 4, 5, 6))
  put("nil_args", m.nil_args(1))
  put("five", m.five(1, 2, 3, 4, 5))
  put("apply", m.apply(function(x) return x * 10 end, 4))
  put("apply_nil", m.apply_nil(function(x, y) return tostring(x) .. tostring(y) end))
  put("multi", m.multi(function() return 1, nil, 3 end))
  put("multi_second", m.multi_second(function() return 1, "two" end))
  put("method", m.method({ k = 3, get = function(self, x) return self.k * x end }))
  put("global_type", m.global_type("string") .. "," .. m.global_type("no_such_global_xyz"))
  put("call_global", m.call_global())
  package.preload["interop_dep"] = function() return { answer = 42 } end
  put("require_field", m.require_field("interop_dep", "answer"))
  local c1, c2 = m.counter(), m.counter()
  c1(); c1()
  put("counter", c1() .. "," .. c2())
  put("curried", m.curried(6, 7))
  put("partial", m.partial(1, 2))
  put("eval", m.eval("return 1 + 2"))
  put("equal", tostring(m.equal(print, print)) .. "," .. tostring(m.equal({}, {})))
  -- errors
  put("fail", err_of(m.fail, "boom"))
  put("not_found", err_of(m.not_found))
  put("my_error", err_of(m.my_error, 42))
  put("lua_error", err_of(m.lua_error, "plain"))
  put("pass_through_string", err_of(m.pass_through, function() error("from lua", 0) end))
  put("pass_through_table", err_of(m.pass_through, function() error({ code = 7 }) end))
  put("catch_lua", m.catch_lua(function() error("oops", 0) end))
  put("type_error", m.type_error("x"))
  put("index_nil", m.index_nil())
  put("call_nil", m.call_nil())
  put("exit_code", err_of(m.exit_code, 3))
  put("after_errors", m.add_ints(1, 2))
  put("deep", m.deep(100000))
  -- the chunk defined no globals
  local new = {}
  for k in pairs(_G) do
    if globals_before and not globals_before[k] then new[#new + 1] = tostring(k) end
  end
  table.sort(new)
  put("new_globals", table.concat(new, ","))
  return table.concat(r, "\n") .. "\n"
end
