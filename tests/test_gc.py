"""The Gc module of the Lua runtime (runtime/lua/gc.lua): finalisers and statistics.

The conformance programs tests/programs/gc_finalise.ml and gc_counters.ml compare
whole programs with ocamlrun (tests/test_programs.py). These tests drive the
primitives directly in each target's embedded Lua, for what a program cannot
show: that the collector itself never runs OCaml code, the queue's order and
batches, closures, strings, and the counters' types.
"""

from __future__ import annotations

import pytest

from lua_engines import TARGETS, run_checks

PRELUDE = r"""
local function exn(f, ...)
  local ok, e = pcall(f, ...)
  if ok then return "ok" end
  if type(e) ~= "table" then return "lua error: " .. tostring(e) end
  if e.caml_exit then return "exit " .. e.caml_exit end
  return P.caml_format_exception(e)
end
local log = {}
local function logged() local s = table.concat(log, ",") log = {} return s end
-- a finaliser that logs its name (and the value's field 1, if it is given one)
local function fin(name)
  return function(x)
    if type(x) == "table" then log[#log + 1] = name .. "=" .. tostring(x[2])
    else log[#log + 1] = name end
    return 0
  end
end
"""

NAMES = {"caml_final_register", "caml_final_register_called_without_value", "caml_final_release",
         "caml_gc_minor", "caml_gc_major", "caml_gc_full_major", "caml_gc_compaction",
         "caml_gc_major_slice", "caml_gc_stat", "caml_gc_quick_stat", "caml_gc_counters",
         "caml_gc_minor_words", "caml_gc_get", "caml_gc_set", "caml_format_exception",
         "caml_failwith"}


def run(target: str, body: str) -> None:
    run_checks(target, NAMES, PRELUDE, body)


@pytest.mark.parametrize("target", TARGETS)
def test_finalisers_wait_for_a_safe_point(target):
    run(target, r"""
local function make(name) P.caml_final_register(fin(name), { 0, name }) end
make("a") make("b") make("c")
-- the collector only queues them, whatever triggers it
collectgarbage("collect")
collectgarbage("collect")
check("not from the collector", logged(), "")
-- the next Gc primitive runs them: reverse order of registration
P.caml_gc_minor(0)
check("at Gc.minor", logged(), "c=c,b=b,a=a")
P.caml_gc_full_major(0)
check("once", logged(), "")
""")


@pytest.mark.parametrize("target", TARGETS)
def test_order_and_finalise_last(target):
    run(target, r"""
local function first(name) P.caml_final_register(fin(name), { 0, name }) end
local function last(name) P.caml_final_register_called_without_value(fin(name), { 0, name }) end
last("l1") first("f1") last("l2") first("f2")
P.caml_gc_major(0)
-- one batch: Gc.finalise functions, then Gc.finalise_last ones, each reversed
check("batch", logged(), "f2=f2,f1=f1,l2,l1")
-- a value with both: its finalise_last functions wait until it dies again
local kept = {}
local v = { 0, "v" }
P.caml_final_register_called_without_value(fin("last"), v)
P.caml_final_register(function(x) kept[1] = x log[#log + 1] = "first" return 0 end, v)
P.caml_final_register(fin("first2"), v)
v = nil
P.caml_gc_major(0)
check("resurrected", logged(), "first2=v,first")
check("value given", kept[1][2], "v")
P.caml_gc_major(0)
check("still reachable", logged(), "")
kept[1] = nil
P.caml_gc_major(0)
check("then last", logged(), "last")
-- kept alive: never run
local alive = { 0, "alive" }
P.caml_final_register(fin("alive"), alive)
P.caml_gc_full_major(0)
check("alive", logged(), "")
check("alive value", alive[2], "alive")
""")


@pytest.mark.parametrize("target", TARGETS)
def test_accepted_values(target):
    run(target, r"""
local bad = 'Invalid_argument("Gc.finalise")'
local f = fin("x")
check("int", exn(P.caml_final_register, f, 3), bad)
check("float", exn(P.caml_final_register, f, 2.5), bad)
check("lazy", exn(P.caml_final_register, f, { 246, function() end }), bad)
check("forward", exn(P.caml_final_register, f, { 250, 3 }), bad)
check("last int", exn(P.caml_final_register_called_without_value, f, 0), bad)
-- zero-sized blocks are static atoms in OCaml 4 (heap blocks in OCaml 5)
P.caml_ocaml5 = nil
check("atom 4", exn(P.caml_final_register, f, { 0 }), bad)
P.caml_ocaml5 = true
check("atom 5", exn(P.caml_final_register, f, { 0 }), "ok")
P.caml_ocaml5 = nil
check("string", exn(P.caml_final_register, f, "abc"), "ok")
check("bytes", exn(P.caml_final_register, f, setmetatable({}, {})), "ok")
check("block", exn(P.caml_final_register, f, { 0, 1 }), "ok")
P.caml_gc_full_major(0)
logged()
-- a Lua string is never seen dying
P.caml_final_register(fin("s"), string.rep("x", 10) .. "y")
P.caml_gc_full_major(0)
check("string never", logged(), "")
-- closures: Lua 5.4 gives them back; elsewhere only finalise_last can run
local function closure(n) return function() return n end end
P.caml_final_register(fin("cf"), closure(1))
P.caml_final_register_called_without_value(fin("cl"), closure(2))
P.caml_gc_full_major(0)
if P.target == "lua54" then
  check("closures", logged(), "cf,cl")
else
  check("closures", logged(), "cl")
end
""")


@pytest.mark.parametrize("target", TARGETS)
def test_exceptions_and_reentry(target):
    run(target, r"""
local function raising(name)
  return function() log[#log + 1] = name P.caml_failwith(name) end
end
P.caml_final_register(fin("a"), { 0, "a" })
P.caml_final_register(raising("b"), { 0, "b" })
P.caml_final_register(raising("c"), { 0, "c" })
P.caml_final_register(fin("d"), { 0, "d" })
-- all run; the last exception leaves the primitive
check("raises", exn(P.caml_gc_full_major, 0), 'Failure("b")')
check("all ran", logged(), "d=d,c,b,a=a")
-- exit from a finaliser leaves at once
P.caml_final_register(fin("later"), { 0, "later" })
P.caml_final_register(function() error({ caml_exit = 3 }) end, { 0, "x" })
check("exit", exn(P.caml_gc_major, 0), "exit 3")
check("left at once", logged(), "")
P.caml_gc_major(0)
check("the rest later", logged(), "later=later")
-- a Gc function inside a finaliser does not run the others...
P.caml_final_register(fin("inner"), { 0, "inner" })
P.caml_final_register(function()
  log[#log + 1] = "outer start"
  P.caml_gc_full_major(0)
  log[#log + 1] = "outer end"
  return 0
end, { 0, "outer" })
P.caml_gc_major(0)
check("not nested", logged(), "outer start,outer end,inner=inner")
-- ...unless it calls Gc.finalise_release
P.caml_final_register(fin("inner"), { 0, "inner" })
P.caml_final_register(function()
  log[#log + 1] = "outer start"
  P.caml_final_release(0)
  log[#log + 1] = "outer end"
  return 0
end, { 0, "outer" })
P.caml_gc_major(0)
check("released", logged(), "outer start,inner=inner,outer end")
""")


@pytest.mark.parametrize("target", TARGETS)
def test_backlog_runs_at_registration(target):
    run(target, r"""
local n = 0
local function count() n = n + 1 return 0 end
for i = 1, 1100 do P.caml_final_register(count, { 0, i }) end
collectgarbage("collect")
check("queued", n, 0)
-- Gc.finalise with 1000 values waiting runs them first
P.caml_final_register(count, { 0, 0 })
check("ran", n, 1100)
""")


@pytest.mark.parametrize("target", TARGETS)
def test_counters(target):
    run(target, r"""
local function is_int(x)
  if math.type then return math.type(x) == "integer" end
  return type(x) == "number" and x == math.floor(x)
end
local function is_float(x)
  if math.type then return math.type(x) == "float" end
  return type(x) == "number"
end
local s = P.caml_gc_stat(0)
check("size", #s - 1, 17)
for _, i in ipairs({ 2, 3, 4 }) do check("float field " .. i, is_float(s[i]), true) end
for i = 5, 18 do check("int field " .. i, is_int(s[i]), true) end
check("heap", s[7] > 0, true)
check("live = heap", s[9], s[7])
check("top", s[16] >= s[7], true)
local q = P.caml_gc_quick_stat(0)
check("quick live", q[9], 0)
-- collections the program did not ask for are counted too
local major = s[6]
local t = {}
for i = 1, 300000 do t[i % 100 + 1] = { i } end
local s2 = P.caml_gc_stat(0)
check("automatic cycles", s2[6] > major, true)
check("minor >= major", s2[5] >= s2[6], true)
-- the allocation counts move only when a cycle ended since the last query
P.caml_gc_full_major(0)
local w0 = P.caml_gc_minor_words(0)
local small = { 0, { 0, 1 } }
check("no cycle, no change", P.caml_gc_minor_words(0), w0)
-- allocation that stays live (and takes cycles) grows minor_words
local keep = {}
for i = 1, 300000 do keep[i] = { 0, i } end
local w1 = P.caml_gc_minor_words(0)
check("minor words float", is_float(w1), true)
check("minor words grow", w1 - w0 > 300000, true)
local c = P.caml_gc_counters(0)
check("counters", #c - 1, 3)
check("counters minor", c[2] >= w1, true)
-- Gc.minor, Gc.compact
local before = P.caml_gc_quick_stat(0)
P.caml_gc_minor(0)
P.caml_gc_compaction(0)
local after = P.caml_gc_quick_stat(0)
check("minor", after[5] >= before[5] + 1, true)
check("compactions", after[15], before[15] + 1)
check("forced", after[18], before[18] + 1)
check("major_slice", P.caml_gc_major_slice(0), 0)
local ctl = P.caml_gc_get(0)
check("control", #ctl - 1, 11)
ctl[4] = 150
P.caml_gc_set(ctl)
check("set", P.caml_gc_get(0)[4], 150)
""")
