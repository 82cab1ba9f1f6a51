"""Runtime primitives on values: strings/bytes, comparison, hashing, arrays, Obj.

Each test links the runtime fragments it needs for one target, appends a Lua
test body and runs the chunk in lupa (the target's Lua engine). The bodies
collect failures in a table and return them as one string.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

from lua_engines import ENGINES, TARGETS, link_runtime
from lua_engines import engine as _engine


PRELUDE = r"""
local G = P.caml_global_data
G[3] = { 248, "Failure", -3 }
G[4] = { 248, "Invalid_argument", -4 }
local fails = {}
local function show(v)
  if type(v) == "table" then
    local t = {}
    for i = 1, #v do t[i] = show(v[i]) end
    return "{" .. table.concat(t, ",") .. "}"
  end
  return tostring(v)
end
local function check(name, got, exp)
  if got ~= exp then
    fails[#fails + 1] = name .. ": got " .. show(got) .. ", expected " .. show(exp)
  end
end
local function raises(name, f, msg)
  local ok, e = pcall(f)
  if ok then
    fails[#fails + 1] = name .. ": no exception"
  elseif type(e) ~= "table" or e[3] ~= msg then
    fails[#fails + 1] = name .. ": wrong exception " .. show(e)
  end
end
local function S(b) return P.caml_lua_string(b) end
local function B(s) return P.caml_bytes_of_lua_string(s) end
local function L(t)
  local l = 0
  for i = #t, 1, -1 do l = { 0, t[i], l } end
  return l
end
-- int64 values as the int64 runtime file represents them, through the
-- functions this test needs (lo and hi are unsigned 32-bit numbers)
local I64 = { caml_custom = "_j" }
local NI = { caml_custom = "_n" }
I64.compare = function(a, b)
  if a.hi ~= b.hi then
    local x, y = a.hi, b.hi
    if x >= 2147483648 then x = x - 4294967296 end
    if y >= 2147483648 then y = y - 4294967296 end
    return x < y and -1 or 1
  end
  if a.lo ~= b.lo then return a.lo < b.lo and -1 or 1 end
  return 0
end
P.caml_int64_create_lo_hi = function(lo, hi)
  return setmetatable({ lo = lo % 4294967296, hi = hi % 4294967296 }, I64)
end
P.caml_int64_lo = function(v) return v.lo end
P.caml_int64_hi = function(v) return v.hi end
local function is_int(x)
  if math.type then return math.type(x) == "integer" end
  return type(x) == "number"
end
"""

EPILOGUE = "\nreturn table.concat(fails, '\\n')\n"

BASE = {"caml_global_data", "caml_lua_string", "caml_bytes_of_lua_string"}


def run(target: str, names: set[str], body: str) -> str:
    linked = link_runtime(BASE | names, target)
    assert not linked.missing - {"caml_int64_create_lo_hi", "caml_int64_lo", "caml_int64_hi"}, linked.missing
    lua = _engine(target).LuaRuntime(unpack_returned_tuples=True)
    return lua.execute(linked.code + PRELUDE + body + EPILOGUE)


# Hashtbl.hash values printed by ocamlrun (OCaml 4.13, 64-bit) for the values
# built by HASH_BODY (same names).
HASH_EXPECTED = {
    "abc": 767105082, "empty": 0, "a": 721651713, "ab": 856662637, "abcd": 65890154,
    "hello world!!": 77293469, "bytes": 855270210, "42": 395478795, "0": 129913994,
    "-1": 911466517, "max31": 600019664, "min31": 208076259, "big32": 911466517,
    "neg32": 129913994, "1.5": 819188451, "0.0": 256347020, "nan": 841516429,
    "-nan": 841516429, "inf": 602560251, "-inf": 94337138, "pi": 38234917,
    "tiny": 746625832, "sub": 314678800, "big": 147390276, "neg": 520403862,
    "tuple": 923545424, "list": 822221246, "rec": 795312819, "A": 129913994,
    "B": 254294311, "C": 541580385, "farr": 832432584, "arr": 369955794,
    "earr": 1058613066, "some": 860771819, "param": 958285513, "seeded": 315195392,
    "nested": 571955144, "char": 758785431, "true": 883721435, "unit": 129913994,
    "strlist": 498722838, "lazy": 72223805, "i64": 181395, "i64n": 607293368,
    "ni": 80737749, "deep": 279975979, "f32": 761337928,
}
# On LuaJIT and Lua 5.1 an integral float is indistinguishable from an int.
FLOAT_AMBIGUOUS = {"0.0", "deep"}

HASH_BODY = r"""
local out = {}
local function H(v) return P.caml_hash(10, 100, 0, v) end
local function p(name, v) out[#out + 1] = name .. "=" .. tostring(v) end
p("abc", H("abc")); p("empty", H("")); p("a", H("a")); p("ab", H(B"ab")); p("abcd", H("abcd"))
p("hello world!!", H(B"hello world!!")); p("bytes", H(string.rep("\255", 300)))
p("42", H(42)); p("0", H(0)); p("-1", H(-1)); p("max31", H(0x3FFFFFFF)); p("min31", H(-0x40000000))
p("big32", H(2147483647)); p("neg32", H(-2147483648))
p("1.5", H(1.5)); p("0.0", H(0.0))
p("nan", H(0/0)); p("-nan", H(-(0/0))); p("inf", H(1/0)); p("-inf", H(-1/0))
p("pi", H(3.14159)); p("tiny", H(4.9e-324)); p("sub", H(1.5e-310)); p("big", H(1e300)); p("neg", H(-2.75))
p("tuple", H({0, 1, "a", L{2,3}})); p("list", H(L{1,2,3,4,5,6,7,8,9,10,11,12,13,14,15}))
p("rec", H({0, 3, "x"})); p("A", H(0)); p("B", H({0, 7})); p("C", H({1, 2.5, "zz"}))
p("farr", H({254, 1.5, 2.5, -(0.0)})); p("arr", H({0,1,2,3})); p("earr", H({0}))
p("some", H({0,{0,3}})); p("param", P.caml_hash(2, 3, 0, L{1,2,3,4}))
p("seeded", P.caml_hash(10,100,17,"abc"))
p("nested", H(L{L{1,2},L{3,4},L{5}})); p("char", H(120)); p("true", H(1)); p("unit", H(0))
p("strlist", H(L{"a","bb",B"ccc"})); p("lazy", H({250, L{1}}))
p("i64", H(P.caml_int64_create_lo_hi(0x89abcdef, 0x01234567)))
p("i64n", H(P.caml_int64_create_lo_hi(0xfffffffb, 0xffffffff)))
p("ni", H(setmetatable({lo=0xfffffffb, hi=0xffffffff}, NI)))
local l = {}
for i = 0, 99 do l[i + 1] = {0, i, i + 0.0} end
p("deep", H(L(l)))
p("f32", H(1e10))
for _, line in ipairs(out) do fails[#fails + 1] = line end
check("hash result is an integer", is_int(H({0, 1.5, "x"})), true)
check("hash of -0.0 is hash of 0.0", H(-(0.0)), H(0.0))
"""


@pytest.mark.parametrize("target", TARGETS)
def test_hash_matches_ocamlrun(target):
    out = run(target, {"caml_hash"}, HASH_BODY)
    got = {}
    problems = []
    for line in out.split("\n"):
        if "=" in line:
            name, _, val = line.rpartition("=")
            got[name] = int(val)
        else:
            problems.append(line)
    assert not problems
    for name, exp in HASH_EXPECTED.items():
        if target != "lua54" and name in FLOAT_AMBIGUOUS:
            continue
        assert got[name] == exp, name


COMPARE_BODY = r"""
local nan = 0/0
local f = function(x) return x end
local function c(a, b) return P.caml_compare(a, b) end
local function eq(a, b) return P.caml_equal(a, b) end
check("nan_nan", c(nan, nan), 0)
check("nan_1", c(nan, 1.0), -1)
check("1_nan", c(1.0, nan), 1)
check("eq_nan", eq(nan, nan), 0)
check("lt_nan", P.caml_lessthan(nan, 1.0), 0)
check("le_nan", P.caml_lessequal(nan, 1.0), 0)
check("gt_nan", P.caml_greaterthan(nan, 1.0), 0)
check("ge_nan", P.caml_greaterequal(nan, 1.0), 0)
check("ne_nan", P.caml_notequal(nan, nan), 1)
check("list_nan_eq", eq(L{nan}, L{nan}), 0)
check("arr_nan_cmp", c({254, nan}, {254, nan}), 0)
local x = {0, 1, nan}
check("phys_nan_eq", eq(x, x), 0)
check("phys_nan_cmp", c(x, x), 0)
check("str", c("abc", "abd"), -1)
check("str2", c("ab", B"abc"), -1)
check("str3", c(B"\255", "a"), 1)
check("str_eq_mixed", eq(B"abc", "abc"), 1)
check("str_bytes_bytes", c(B"abd", B"abc"), 1)
check("lists", c(L{1,2}, L{1,3}), -1)
check("lists2", c(L{1,2,3}, L{1,2}), 1)
check("opt", c(0, {0, 0}), -1)
check("opt2", c({0, 0}, 0), 1)
check("tuple", c({0, 1, "b", 2.0}, {0, 1, "a", 3.0}), 1)
check("tags", c({0, 5}, {1, 0}), -1)
check("sizes", c({0, 5, 6}, {0, 5}), 1)
check("fun_same_cmp", c(f, f), 0)
raises("fun_eq", function() eq(f, f) end, "compare: functional value")
raises("fun_cmp", function() c(f, function() end) end, "compare: functional value")
check("fun_in_tuple", c({0, 1, f}, {0, 2, f}), -1)
check("fun_in_tuple2", c({0, 1, f}, {0, 1, f}), 0)
check("fun_vs_int", c(f, 3), 1)
check("farr_size", c({254, 1.0, 2.0}, {254, 1.0}), 1)
check("farr", c({254, 1.0, 2.0}, {254, 1.0, 3.0}), -1)
check("i64", c(P.caml_int64_create_lo_hi(5, 0), P.caml_int64_create_lo_hi(-3, -1)), 1)
check("i64eq", eq(P.caml_int64_create_lo_hi(5, 0), P.caml_int64_create_lo_hi(5, 0)), 1)
check("neg0", c(0.0, -(0.0)), 0)
check("neg0eq", eq(0.0, -(0.0)), 1)
check("inf", c(1/0, nan), 1)
check("le_unord", P.caml_lessequal(L{1.0, nan}, L{1.0, nan}), 0)
check("gt_unord", P.caml_greaterthan({0, 2, nan}, {0, 1, nan}), 1)
check("lt_unord_after", P.caml_lessthan({0, nan, 1}, {0, nan, 2}), 0)
check("forward", c({250, 3}, 3), 0)
check("forward2", c({0, {250, {0, 4}}}, {0, {0, 4}}), 0)
check("objects", c({248, "A", 7}, {248, "A", 9}), -1)
check("objects_eq", eq({248, {0}, 7, 1}, {248, {0}, 7, 2}), 1)
check("ints", c(-5, 3), -1)
check("result_int", is_int(c(L{1, 2}, L{1, 3})), true)
check("result_int2", is_int(eq(1, 1)), true)
-- long and deep structures: no recursion in the comparison
local n = 100000
local l1, l2 = 0, 0
for i = 1, n do l1 = {0, i, l1}; l2 = {0, i, l2} end
check("long_list", c(l1, l2), 0)
local d1, d2 = 0, 1
for i = 1, n do d1 = {0, d1, i}; d2 = {0, d2, i} end
check("deep_left", c(d1, d2), -1)
check("deep_left_eq", eq(d1, d2), 0)
local abstract = {}
raises("abstract", function() c(abstract, {}) end, "compare: abstract value")
"""


@pytest.mark.parametrize("target", TARGETS)
def test_compare(target):
    names = {"caml_compare", "caml_equal", "caml_notequal", "caml_lessthan", "caml_lessequal",
             "caml_greaterthan", "caml_greaterequal"}
    assert run(target, names, COMPARE_BODY) == ""


STRINGS_BODY = r"""
local b = P.caml_create_bytes(5)
check("create", P.caml_ml_bytes_length(b), 5)
check("create zero", P.caml_bytes_get(b, 4), 0)
raises("create neg", function() P.caml_create_bytes(-1) end, "Bytes.create")
P.caml_fill_bytes(b, 0, 5, 97)
P.caml_bytes_set(b, 1, 98)
check("fill/set", S(b), "abaaa")
check("string length", P.caml_ml_string_length("hello"), 5)
check("string length bytes", P.caml_ml_string_length(b), 5)
raises("get oob", function() P.caml_bytes_get(b, 5) end, "index out of bounds")
raises("get neg", function() P.caml_string_get("abc", -1) end, "index out of bounds")
raises("set oob", function() P.caml_bytes_set(b, 5, 0) end, "index out of bounds")
check("string_get", P.caml_string_get("hello", 1), 101)
check("string_get bytes", P.caml_string_get(b, 1), 98)
check("bytes_get string", P.caml_bytes_get("xyz", 2), 122)
check("unsafe_get", P.caml_string_unsafe_get("hello", 4), 111)
check("unsafe_get bytes", P.caml_string_unsafe_get(b, 0), 97)
P.caml_bytes_unsafe_set(b, 4, 122)
check("unsafe_set", S(b), "abaaz")
check("int subtype", is_int(P.caml_string_get("hello", 1)), true)
check("get16", P.caml_string_get16("\001\002", 0), 0x0201)
check("get16 bytes", P.caml_bytes_get16(B"\000\255\254", 1), 0xfeff)
raises("get16 oob", function() P.caml_string_get16("\001\002", 1) end, "index out of bounds")
check("get32", P.caml_string_get32("\001\002\003\004", 0), 0x04030201)
check("get32 neg", P.caml_bytes_get32(B"x\255\255\255\255", 1), -1)
check("get32 int", is_int(P.caml_bytes_get32(B"x\255\255\255\255", 1)), true)
raises("get32 oob", function() P.caml_string_get32("\001\002\003\004", 1) end, "index out of bounds")
local v = P.caml_string_get64("\001\002\003\004\005\006\007\255", 0)
check("get64 lo", v.lo, 0x04030201)
check("get64 hi", v.hi, 0xff070605)
raises("get64 oob", function() P.caml_string_get64("1234567", 0) end, "index out of bounds")
local w = P.caml_create_bytes(8)
P.caml_bytes_set16(w, 0, -2)
P.caml_bytes_set16(w, 2, 0x1234)
check("set16", S(w), "\254\255\052\018\000\000\000\000")
check("set16 ints", is_int(w[1]) and is_int(w[2]) and is_int(w[4]), true)
P.caml_bytes_set32(w, 4, -2)
check("set32", S(w), "\254\255\052\018\254\255\255\255")
P.caml_bytes_set32(w, 0, 0x12345678)
check("set32b", P.caml_bytes_get32(w, 0), 0x12345678)
P.caml_bytes_set64(w, 0, P.caml_int64_create_lo_hi(0x89abcdef, 0x01234567))
check("set64", S(w), "\239\205\171\137\103\069\035\001")
check("set all ints", is_int(w[2]) and is_int(w[8]), true)
raises("set64 oob", function() P.caml_bytes_set64(w, 1, v) end, "index out of bounds")
check("bswap16", P.caml_bswap16(0x1234), 0x3412)
check("bswap16 high bits", P.caml_bswap16(0x12345), 0x4523)
check("bswap16 neg", P.caml_bswap16(-1), 0xffff)
local m = B"abcdef"
P.caml_blit_bytes(m, 0, m, 2, 4)
check("blit overlap right", S(m), "ababcd")
m = B"abcdef"
P.caml_blit_bytes(m, 2, m, 0, 4)
check("blit overlap left", S(m), "cdefef")
P.caml_blit_string("XYZ", 1, m, 3, 2)
check("blit string", S(m), "cdeYZf")
P.caml_blit_string(B"12", 0, m, 0, 2)
check("blit string bytes", S(m), "12eYZf")
check("compare", P.caml_string_compare("abc", "abd"), -1)
check("compare mixed", P.caml_string_compare(B"abc", "ab"), 1)
check("compare eq mixed", P.caml_bytes_compare("abc", B"abc"), 0)
check("compare high", P.caml_string_compare("\255", B"a"), 1)
check("equal", P.caml_string_equal(B"abc", "abc"), 1)
check("equal2", P.caml_string_equal("abc", "abd"), 0)
check("notequal", P.caml_bytes_notequal(B"abc", B"abd"), 1)
check("lessthan", P.caml_string_lessthan("a", "b"), 1)
check("lessequal", P.caml_bytes_lessequal(B"b", B"b"), 1)
check("greaterthan", P.caml_string_greaterthan("b", B"a"), 1)
check("greaterequal", P.caml_bytes_greaterequal("a", "b"), 0)
local big = string.rep("0123456789", 1000)
local bb = B(big)
check("big bytes", #bb, 10000)
check("big roundtrip", S(bb), big)
check("bytes_of_string", S(P.caml_bytes_of_string("hi")), "hi")
check("bytes_of_string bytes", P.caml_bytes_of_string(bb), bb)
check("string_of_bytes", P.caml_string_of_bytes(bb), bb)
check("bytes mt", getmetatable(P.caml_bytes_of_string("x")), P.caml_bytes_mt)
check("tostring", tostring(B"zz"), "zz")
raises("write to Lua string", function() P.caml_bytes_set("abc", 0, 65) end,
  "Bytes: cannot modify an immutable string")
local s = P.caml_create_string(2)
P.caml_fill_string(s, 0, 2, 65)
P.caml_string_set(s, 1, 66)
check("string_set", S(s), "AB")
"""


@pytest.mark.parametrize("target", TARGETS)
def test_strings(target):
    names = {
        "caml_create_bytes", "caml_create_string", "caml_ml_string_length", "caml_ml_bytes_length",
        "caml_string_get", "caml_bytes_get", "caml_bytes_set", "caml_string_set",
        "caml_string_unsafe_get", "caml_bytes_unsafe_set",
        "caml_string_get16", "caml_string_get32", "caml_string_get64",
        "caml_bytes_get16", "caml_bytes_get32", "caml_bytes_get64",
        "caml_bytes_set16", "caml_bytes_set32", "caml_bytes_set64", "caml_bswap16",
        "caml_blit_bytes", "caml_blit_string", "caml_fill_bytes", "caml_fill_string",
        "caml_string_compare", "caml_bytes_compare", "caml_string_equal", "caml_string_notequal",
        "caml_bytes_notequal", "caml_string_lessthan", "caml_bytes_lessequal",
        "caml_string_greaterthan", "caml_bytes_greaterequal", "caml_bytes_of_string",
        "caml_string_of_bytes",
    }
    assert run(target, names, STRINGS_BODY) == ""


ARRAYS_BODY = r"""
local a = P.caml_make_vect(3, 7)
check("make", show(a), "{0,7,7,7}")
check("make float", P.caml_make_vect(2, 1.5)[1], 254)
check("make empty", show(P.caml_make_vect(0, 1.5)), "{0}")
raises("make neg", function() P.caml_make_vect(-1, 0) end, "Array.make")
check("float vect", show(P.caml_make_float_vect(2)), show({254, 0.0, 0.0}))
check("float vect subtype", is_int(P.caml_make_float_vect(2)[2]), not math.type)
check("floatarray create", P.caml_floatarray_create(0)[1], 0)
raises("floatarray neg", function() P.caml_floatarray_create(-1) end, "Float.Array.create")
check("make_array", P.caml_make_array({0, 1.5, 2.5})[1], 254)
check("make_array ints", P.caml_make_array({0, 1, 2})[1], 0)
check("get", P.caml_array_get(a, 2), 7)
P.caml_array_set(a, 0, 1)
check("set", show(a), "{0,1,7,7}")
raises("get oob", function() P.caml_array_get(a, 3) end, "index out of bounds")
raises("get neg", function() P.caml_array_get(a, -1) end, "index out of bounds")
raises("set oob", function() P.caml_array_set(a, 3, 0) end, "index out of bounds")
raises("fget oob", function() P.caml_floatarray_get({254, 1.5}, 1) end, "index out of bounds")
check("fget", P.caml_floatarray_get({254, 1.5}, 0), 1.5)
local fa = {254, 1.5, 2.5}
P.caml_floatarray_set(fa, 1, 3.5)
check("fset", fa[3], 3.5)
check("unsafe", P.caml_array_unsafe_get(a, 1), 7)
P.caml_array_unsafe_set(a, 1, 9)
check("unsafe set", P.caml_floatarray_unsafe_get(a, 1), 9)
local src = {0, 1, 2, 3, 4, 5}
check("sub", show(P.caml_array_sub(src, 1, 3)), "{0,2,3,4}")
check("sub empty", show(P.caml_array_sub(src, 1, 0)), "{0}")
check("sub float", P.caml_array_sub({254, 1.5, 2.5}, 1, 1)[1], 254)
check("append", show(P.caml_array_append({0, 1}, {0, 2, 3})), "{0,1,2,3}")
check("append float", show(P.caml_array_append({0}, {254, 2.5})), "{254,2.5}")
check("concat", show(P.caml_array_concat(L{{0, 1}, {0}, {0, 2, 3}})), "{0,1,2,3}")
check("concat empty", show(P.caml_array_concat(0)), "{0}")
local m = {0, 1, 2, 3, 4, 5}
P.caml_array_blit(m, 0, m, 2, 4)
check("blit right", show(m), "{0,1,2,1,2,3,4}")
m = {0, 1, 2, 3, 4, 5}
P.caml_array_blit(m, 2, m, 0, 3)
check("blit left", show(m), "{0,3,4,5,4,5}")
local f1, f2 = {254, 1.5, 2.5}, {254, 0.0, 0.0, 0.0}
P.caml_floatarray_blit(f1, 0, f2, 1, 2)
check("fblit", show(f2), show({254, 0.0, 1.5, 2.5}))
P.caml_array_fill(m, 1, 3, 0)
check("fill", show(m), "{0,3,0,0,0,5}")
"""


@pytest.mark.parametrize("target", TARGETS)
def test_arrays(target):
    names = {
        "caml_make_vect", "caml_make_float_vect", "caml_floatarray_create", "caml_make_array",
        "caml_array_get", "caml_array_set", "caml_array_unsafe_get", "caml_array_unsafe_set",
        "caml_floatarray_get", "caml_floatarray_set", "caml_floatarray_unsafe_get",
        "caml_floatarray_unsafe_set", "caml_array_sub", "caml_array_append", "caml_array_concat",
        "caml_array_blit", "caml_floatarray_blit", "caml_array_fill",
    }
    assert run(target, names, ARRAYS_BODY) == ""


OBJ_BODY = r"""
check("tag int", P.caml_obj_tag(3), 1000)
check("tag float", P.caml_obj_tag(1.5), 253)
check("tag string", P.caml_obj_tag("s"), 252)
check("tag bytes", P.caml_obj_tag(B"s"), 252)
check("tag fun", P.caml_obj_tag(print), 247)
check("tag custom", P.caml_obj_tag(P.caml_int64_create_lo_hi(1, 2)), 255)
check("tag block", P.caml_obj_tag({3, 1}), 3)
check("tag float array", P.caml_obj_tag({254, 1.5}), 254)
check("block", show(P.caml_obj_block(5, 2)), "{5,0,0}")
raises("block custom", function() P.caml_obj_block(255, 1) end, "Obj.new_block")
local o = {0, 1, {0, 2}}
local d = P.caml_obj_dup(o)
d[2] = 9
check("dup", o[2], 1)
check("dup shallow", d[3], o[3])
local bd = P.caml_obj_dup(B"ab")
check("dup bytes", S(bd), "ab")
check("dup bytes mt", getmetatable(bd), P.caml_bytes_mt)
check("dup string", P.caml_obj_dup("ab"), "ab")
local i64 = P.caml_int64_create_lo_hi(1, 2)
local i64d = P.caml_obj_dup(i64)
check("dup custom", i64d ~= i64 and i64d.hi == 2 and getmetatable(i64d) == getmetatable(i64), true)
check("with_tag", show(P.caml_obj_with_tag(3, o)), "{3,1,{0,2}}")
P.caml_obj_set_tag(o, 4)
check("set_tag", o[1], 4)
local t = {0, 1, 2, 3}
P.caml_obj_truncate(t, 1)
check("truncate", show(t), "{0,1}")
local lz = {246, print}
P.caml_obj_make_forward(lz, 42)
check("make_forward", show(lz), "{250,42}")
check("lazy_make_forward", show(P.caml_lazy_make_forward(5)), "{250,5}")
check("raw_field", P.caml_obj_raw_field({0, 4, 5}, 1), 5)
check("reachable", P.caml_obj_reachable_words(o), 5) -- {4, 1, {0, 2}}: 3 + 2 words
-- recursive values
local dummy = P.caml_alloc_dummy(2)
check("dummy size", #dummy, 3)
P.caml_update_dummy(dummy, {3, "a", dummy})
check("update_dummy", dummy[1] == 3 and dummy[2] == "a" and dummy[3] == dummy, true)
local fd = P.caml_alloc_dummy_float(2)
P.caml_update_dummy(fd, {254, 1.5, 2.5})
check("update_dummy float", show(fd), "{254,1.5,2.5}")
local fwd = P.caml_alloc_dummy_function(2, 2)
check("dummy arity", P.caml_arity[fwd], 2)
local add = function(x, y) return x + y end
P.caml_arity[add] = 2
P.caml_update_dummy(fwd, add)
check("dummy fn call", P.caml_call2(fwd, 3, 4), 7)
check("dummy fn partial", P.caml_call1(P.caml_call1(fwd, 3), 5), 8)
local fwd1 = P.caml_alloc_dummy_function(1, 1)
P.caml_update_dummy(fwd1, function(x) return x * 2 end)
check("dummy fn1", P.caml_call1(fwd1, 21), 42)
check("dummy fn1 arity", P.caml_arity[fwd1], nil)
-- objects
local id0 = P.caml_fresh_oo_id(0)
check("fresh id", P.caml_fresh_oo_id(0), id0 + 1)
local obj = P.caml_set_oo_id({248, 0, 0})
check("set_oo_id", obj[3], id0 + 2)
for n = 0, 6 do
  -- a methods block with n methods: labels 10, 20, ..., methods "m10", ...
  local meths = {0, n, 0}
  for k = 1, n do
    meths[2 * k + 2] = "m" .. (10 * k)
    meths[2 * k + 3] = 10 * k
  end
  local ob = {248, meths, 1}
  for k = 1, n do
    check("method " .. n .. " " .. k, P.caml_get_public_method(ob, 10 * k), "m" .. (10 * k))
  end
  for _, absent in ipairs({5, 15, 10 * n + 5, -3}) do
    check("absent " .. n .. " " .. absent, P.caml_get_public_method(ob, absent), 0)
  end
end
-- weak arrays and ephemerons
local wa = P.caml_weak_create(3)
check("weak length", #wa - 1 - 2, 3)
check("weak tag", P.caml_obj_tag(wa), 251)
raises("weak create neg", function() P.caml_weak_create(-1) end, "Weak.create")
local key = {0, 1}
P.caml_weak_set(wa, 0, {0, key})
P.caml_weak_set(wa, 1, {0, 5})
check("weak get", P.caml_weak_get(wa, 0)[2], key)
check("weak get int", P.caml_weak_get(wa, 1)[2], 5)
check("weak get none", P.caml_weak_get(wa, 2), 0)
check("weak check", P.caml_weak_check(wa, 0), 1)
check("weak check none", P.caml_weak_check(wa, 2), 0)
local copy = P.caml_weak_get_copy(wa, 0)[2]
check("weak get_copy", copy ~= key and copy[2] == 1, true)
raises("weak get oob", function() P.caml_weak_get(wa, 3) end, "Weak.get")
raises("weak set oob", function() P.caml_weak_set(wa, -1, 0) end, "Weak.set")
local wb = P.caml_weak_create(3)
P.caml_weak_blit(wa, 0, wb, 1, 2)
check("weak blit", P.caml_weak_get(wb, 1)[2] == key and P.caml_weak_get(wb, 2)[2] == 5
  and P.caml_weak_get(wb, 0) == 0, true)
raises("weak blit oob", function() P.caml_weak_blit(wa, 0, wb, 2, 2) end, "Weak.blit")
P.caml_weak_set(wa, 0, 0)
check("weak unset", P.caml_weak_get(wa, 0), 0)
-- collection
P.caml_weak_set(wa, 2, {0, {0, "garbage"}})
local e = P.caml_ephe_create(1)
P.caml_ephe_set_key(e, 0, {0, "garbage key"})
P.caml_ephe_set_data(e, {0, "data"})
local e2 = P.caml_ephe_create(1)
P.caml_ephe_set_key(e2, 0, key)
P.caml_ephe_set_data(e2, "kept")
collectgarbage("collect")
collectgarbage("collect")
check("weak collected", P.caml_weak_get(wa, 2), 0)
check("weak kept", P.caml_weak_get(wb, 1)[2], key)
check("ephe key collected", P.caml_ephe_check_key(e, 0), 0)
check("ephe data erased", P.caml_ephe_get_data(e), 0)
check("ephe data kept", P.caml_ephe_get_data(e2)[2], "kept")
check("ephe check data", P.caml_ephe_check_data(e2), 1)
check("ephe get key", P.caml_ephe_get_key(e2, 0)[2], key)
P.caml_ephe_unset_data(e2)
check("ephe unset data", P.caml_ephe_check_data(e2), 0)
P.caml_ephe_set_data(e2, {0, 3})
local e3 = P.caml_ephe_create(1)
P.caml_ephe_blit_data(e2, e3)
check("ephe blit data", P.caml_ephe_get_data_copy(e3)[2][2], 3)
P.caml_ephe_unset_key(e2, 0)
check("ephe unset key", P.caml_ephe_get_key_copy(e2, 0), 0)
"""


@pytest.mark.parametrize("target", TARGETS)
def test_obj(target):
    names = {
        "caml_obj_tag", "caml_obj_block", "caml_obj_dup", "caml_obj_with_tag", "caml_obj_set_tag",
        "caml_obj_truncate", "caml_obj_make_forward", "caml_lazy_make_forward",
        "caml_obj_raw_field", "caml_obj_reachable_words", "caml_alloc_dummy",
        "caml_alloc_dummy_float", "caml_alloc_dummy_function", "caml_update_dummy",
        "caml_call1", "caml_call2", "caml_arity", "caml_fresh_oo_id", "caml_set_oo_id",
        "caml_get_public_method", "caml_weak_create", "caml_weak_set", "caml_weak_get",
        "caml_weak_get_copy", "caml_weak_check", "caml_weak_blit", "caml_ephe_create",
        "caml_ephe_set_key", "caml_ephe_unset_key", "caml_ephe_get_key", "caml_ephe_get_key_copy",
        "caml_ephe_check_key", "caml_ephe_set_data", "caml_ephe_unset_data", "caml_ephe_get_data",
        "caml_ephe_get_data_copy", "caml_ephe_check_data", "caml_ephe_blit_data",
    }
    assert run(target, names, OBJ_BODY) == ""
