"""The fast paths of the runtime's hot primitives give the answers of the general code.

Polymorphic comparison on numbers, strings and bytes (no loop), Hashtbl.hash of
ints and strings (written-out MurmurHash3 steps on LuaJIT), bounds-checked array
access without `#`, arrays made at their final size, LuaJIT's integer
multiplication, and `caml_call1`..`caml_call5` (vararg functions on LuaJIT). Unit checks run the linked runtime in lupa against references
computed here in Python; one OCaml program compares the same operations with
ocamlrun on every target.
"""

from __future__ import annotations

import random
import shutil
import struct
import subprocess
import sys

import pytest

from lua_engines import CHECKS, TARGETS, link_runtime
from lua_engines import engine as _engine

PRELUDE = CHECKS + r"""
local function raises(name, f, msg)
  local ok, e = pcall(f)
  if ok then
    fails[#fails + 1] = name .. ": no exception"
  elseif type(e) ~= "table" or e[3] ~= msg then
    fails[#fails + 1] = name .. ": wrong exception " .. tostring(e)
  end
end
local function B(s) return P.caml_bytes_of_lua_string(s) end
"""
EPILOGUE = "\nreturn table.concat(fails, '\\n')\n"


def run(target: str, names: set[str], body: str) -> str:
    linked = link_runtime({"caml_global_data", "caml_lua_string", "caml_bytes_of_lua_string"} | names,
                          target)
    assert not linked.missing, linked.missing
    lua = _engine(target).LuaRuntime(unpack_returned_tuples=True)
    return lua.execute(linked.code + PRELUDE + body + EPILOGUE)


# --- Hashtbl.hash: ocamlrun's caml_hash (runtime/hash.c) for ints and strings ----------

M32 = 0xFFFFFFFF


def _rotl(x: int, n: int) -> int:
    return ((x << n) | (x >> (32 - n))) & M32


def _mix(h: int, d: int) -> int:
    d = (d * 0xCC9E2D51) & M32
    d = _rotl(d, 15)
    d = (d * 0x1B873593) & M32
    h ^= d
    h = _rotl(h, 13)
    return (h * 5 + 0xE6546B64) & M32


def _final(h: int) -> int:
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & M32
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & M32
    h ^= h >> 16
    return h & 0x3FFFFFFF


def hash_int(n: int, seed: int = 0) -> int:
    return _final(_mix(seed, (2 * n + 1) & M32))


def hash_string(s: bytes, seed: int = 0) -> int:
    h = seed
    i = 0
    while i + 4 <= len(s):
        h = _mix(h, int.from_bytes(s[i:i + 4], "little"))
        i += 4
    if i < len(s):
        h = _mix(h, int.from_bytes(s[i:], "little"))
    return _final(h ^ len(s))


def test_reference_hash_agrees_with_ocamlrun() -> None:
    # values printed by ocamlrun (see test_runtime_values.HASH_EXPECTED)
    assert hash_int(42) == 395478795 and hash_int(-1) == 911466517
    assert hash_int(2147483647) == 911466517 and hash_int(-2147483648) == 129913994
    assert hash_string(b"abc") == 767105082 and hash_string(b"hello world!!") == 77293469
    assert hash_string(b"") == 0 and hash_string(b"abc", 17) == 315195392


def _lua_str(b: bytes) -> str:
    return '"' + "".join(f"\\{c}" for c in b) + '"'


@pytest.mark.parametrize("target", TARGETS)
def test_hash_ints_and_strings(target: str) -> None:
    rnd = random.Random(1)
    ints = [0, 1, -1, 2, 69069, 2**30 - 1, -2**30, 2**31 - 1, -2**31, 2**31 - 2, -2**31 + 1]
    ints += [rnd.randrange(-2**31, 2**31) for _ in range(300)]
    ints += [rnd.randrange(-5000, 5000) for _ in range(100)]
    seeds = [0, 1, 17, 2**31 - 1, 2**32 - 1, 0x9E3779B9]
    lines = []
    for k, n in enumerate(ints):
        seed = seeds[k % len(seeds)]
        lines.append(f"check('int {n} seed {seed}', P.caml_hash(10, 100, {seed}, {n}), {hash_int(n, seed)})")
    strs = [b"", b"a", b"ab", b"abc", b"abcd", b"abcde", b"\xff\xfe\xfd\xfc\xfb", bytes(range(256))]
    strs += [bytes(rnd.randrange(256) for _ in range(rnd.randrange(0, 40))) for _ in range(100)]
    for k, s in enumerate(strs):
        seed = seeds[k % len(seeds)]
        exp = hash_string(s, seed)
        lines.append(f"check('str {k}', P.caml_hash(10, 100, {seed}, {_lua_str(s)}), {exp})")
        lines.append(f"check('bytes {k}', P.caml_hash(10, 100, {seed}, B({_lua_str(s)})), {exp})")
    # count 0 mixes nothing: the final mix of the seed alone
    lines.append(f"check('count 0', P.caml_hash(0, 100, 5, 42), {_final(5)})")
    lines.append(f"check('limit 0', P.caml_hash(10, 0, 0, 42), {hash_int(42)})")
    lines.append("check('result is an integer', math.type == nil or math.type(P.caml_hash(10, 100, 0, 7)) == 'integer', true)")
    assert run(target, {"caml_hash"}, "\n".join(lines)) == ""


# --- comparison fast paths --------------------------------------------------------------

def _cmp(a, b):
    return (a > b) - (a < b)


def _float_lua(x: float) -> str:
    if x != x:
        return "(0/0)"
    if x in (float("inf"), float("-inf")):
        return "(1/0)" if x > 0 else "(-1/0)"
    if x == 0 and str(x).startswith("-"):
        return "(-(0.0))"
    return repr(x)


@pytest.mark.parametrize("target", TARGETS)
def test_compare_numbers_and_strings(target: str) -> None:
    nan = float("nan")
    floats = [nan, float("-inf"), -2.5, -1.0, -0.0, 0.0, 0.5, 1.0, 3.0, 1e300, float("inf")]
    ints = [-2**31, -7, -1, 0, 1, 2, 2**31 - 1]
    lines = []

    def expect(name, a, b, la, lb, c_total, unordered):
        # OCaml: compare orders nan below everything and equal to itself;
        # = < <= > >= <> see an unordered pair (a nan) as false (<> true)
        lines.append(f"do local a, b = {la}, {lb}")
        lines.append(f"check('{name} compare', P.caml_compare(a, b), {c_total})")
        eq = 0 if unordered else int(c_total == 0)
        lines.append(f"check('{name} equal', P.caml_equal(a, b), {eq})")
        lines.append(f"check('{name} notequal', P.caml_notequal(a, b), {1 - eq})")
        lt = 0 if unordered else int(c_total < 0)
        le = 0 if unordered else int(c_total <= 0)
        gt = 0 if unordered else int(c_total > 0)
        ge = 0 if unordered else int(c_total >= 0)
        lines.append(f"check('{name} lt', P.caml_lessthan(a, b), {lt})")
        lines.append(f"check('{name} le', P.caml_lessequal(a, b), {le})")
        lines.append(f"check('{name} gt', P.caml_greaterthan(a, b), {gt})")
        lines.append(f"check('{name} ge', P.caml_greaterequal(a, b), {ge})")
        lines.append(f"check('{name} compare_val total', P.caml_compare_val(a, b, true), {c_total})")
        lines.append("end")

    for i, a in enumerate(floats):
        for j, b in enumerate(floats):
            an, bn = a != a, b != b
            if an or bn:
                c = 0 if (an and bn) else (-1 if an else 1)
            else:
                c = _cmp(a, b)
            expect(f"f{i},{j}", a, b, _float_lua(a), _float_lua(b), c, an or bn)
    for i, a in enumerate(ints):
        for j, b in enumerate(ints):
            expect(f"i{i},{j}", a, b, str(a), str(b), _cmp(a, b), False)
    strs = [b"", b"a", b"ab", b"abc", b"abd", b"b", b"\x00", b"a\x00b", b"a\x00c", b"\xff", b"\x7f", b"\x80"]
    for i, a in enumerate(strs):
        for j, b in enumerate(strs):
            c = _cmp(a, b)
            for ka, la in (("s", _lua_str(a)), ("b", f"B({_lua_str(a)})")):
                for kb, lb in (("s", _lua_str(b)), ("b", f"B({_lua_str(b)})")):
                    expect(f"{ka}{i},{kb}{j}", a, b, la, lb, c, False)
    # an int against a block, a Forward block, a string, an int64
    lines.append(r"""
    check("int < block", P.caml_compare(0, {0, 1}), -1)
    check("block > int", P.caml_compare({0, 1}, 0), 1)
    check("int = block", P.caml_equal(3, {0, 3}), 0)
    check("int < string", P.caml_compare(5, "a"), -1)
    check("bytes > int", P.caml_compare(B"a", 5), 1)
    check("forward", P.caml_compare({250, 3}, 3), 0)
    check("forward2", P.caml_compare(3, {250, 4}), -1)
    check("forward eq", P.caml_equal(4, {250, 4}), 1)
    check("forward bytes", P.caml_compare({250, "ab"}, B"ab"), 0)
    check("bytes starting with 250", P.caml_compare(7, B"\250\001"), -1)
    check("nested strings", P.caml_compare({0, B"ab", 1}, {0, "ab", 2}), -1)
    check("nested strings eq", P.caml_equal({0, B"ab", "x"}, {0, "ab", B"x"}), 1)
    -- a bytes object compared, then written to: the comparison sees the new bytes
    local b = B"abc"
    check("before write", P.caml_compare(b, "abc"), 0)
    check("before write eq", P.caml_string_equal(b, "abc"), 1)
    P.caml_bytes_set(b, 1, 122)
    check("after set", P.caml_compare(b, "abc"), 1)
    check("after set eq", P.caml_string_equal(b, "azc"), 1)
    P.caml_bytes_unsafe_set(b, 0, 65)
    check("after unsafe_set", P.caml_string_compare(b, "azc"), -1)
    P.caml_blit_string("xyz", 0, b, 0, 3)
    check("after blit", P.caml_equal(b, "xyz"), 1)
    P.caml_fill_bytes(b, 0, 3, 48)
    check("after fill", P.caml_string_notequal(b, "000"), 0)
    check("string_compare", P.caml_string_compare(B"b", B"ab"), 1)
    check("bytes_compare", P.caml_bytes_compare("", B""), 0)
    """)
    names = {"caml_compare", "caml_equal", "caml_notequal", "caml_lessthan", "caml_lessequal",
             "caml_greaterthan", "caml_greaterequal", "caml_compare_val", "caml_string_equal",
             "caml_string_notequal", "caml_string_compare", "caml_bytes_compare", "caml_bytes_set",
             "caml_bytes_unsafe_set", "caml_blit_string", "caml_fill_bytes"}
    assert run(target, names, "\n".join(lines)) == ""


# --- arrays ------------------------------------------------------------------------------

ARRAYS_BODY = r"""
for _, n in ipairs({0, 1, 2, 3, 7, 8, 9, 16, 17, 100, 1000, 4097}) do
  local a = P.caml_make_vect(n, 5)
  check("make length " .. n, #a - 1, n)
  check("make tag " .. n, a[1], 0)
  for i = 0, n - 1, 7 do P.caml_array_set(a, i, i) end
  if n > 0 then
    check("get first " .. n, P.caml_array_get(a, 0), 0)
    check("get last " .. n, P.caml_array_get(a, n - 1), (n - 1) % 7 == 0 and n - 1 or 5)
  end
  raises("get -1 " .. n, function() P.caml_array_get(a, -1) end, "index out of bounds")
  raises("get n " .. n, function() P.caml_array_get(a, n) end, "index out of bounds")
  raises("get n+1 " .. n, function() P.caml_array_get(a, n + 1) end, "index out of bounds")
  raises("set -1 " .. n, function() P.caml_array_set(a, -1, 0) end, "index out of bounds")
  raises("set n " .. n, function() P.caml_array_set(a, n, 0) end, "index out of bounds")
  raises("get_addr n " .. n, function() P.caml_array_get_addr(a, n) end, "index out of bounds")
  raises("set_addr n " .. n, function() P.caml_array_set_addr(a, n, 1) end, "index out of bounds")
  check("tag kept " .. n, a[1], 0)
  check("length kept " .. n, #a - 1, n)
  local c = P.caml_array_sub(a, 0, n)
  check("sub length " .. n, #c - 1, n)
  local d = P.caml_array_append(a, c)
  check("append length " .. n, #d - 1, 2 * n)
  local f = P.caml_floatarray_create(n)
  check("float length " .. n, #f - 1, n)
  raises("float get n " .. n, function() P.caml_floatarray_get(f, n) end, "index out of bounds")
  raises("float set -1 " .. n, function() P.caml_array_set_float(f, -1, 1.5) end, "index out of bounds")
end
local fa = P.caml_make_vect(3, 2.5)
check("float make tag", fa[1], 254)
check("float get", P.caml_array_get_float(fa, 2), 2.5)
P.caml_floatarray_set(fa, 1, 0.25)
check("float set", P.caml_array_get(fa, 1), 0.25)
local e = P.caml_make_vect(0, 1.5)
check("empty float make is Atom(0)", e[1], 0)
-- arrays of units and options hold 0, never nil
local u = P.caml_make_vect(4, 0)
check("unit array get", P.caml_array_get(u, 3), 0)
"""


@pytest.mark.parametrize("target", TARGETS)
def test_array_bounds(target: str) -> None:
    names = {"caml_make_vect", "caml_array_get", "caml_array_set", "caml_array_get_addr",
             "caml_array_set_addr", "caml_array_get_float", "caml_array_set_float",
             "caml_floatarray_get", "caml_floatarray_set", "caml_floatarray_create",
             "caml_array_sub", "caml_array_append"}
    assert run(target, names, ARRAYS_BODY) == ""


# --- integer multiplication --------------------------------------------------------------

def _wrap32(x: int) -> int:
    return ((x + 2**31) & M32) - 2**31


@pytest.mark.parametrize("target", TARGETS)
def test_int_mul(target: str) -> None:
    rnd = random.Random(2)
    edges = [0, 1, -1, 2, -2, 3, 69069, 65535, 65536, -65536, 2**20, 2**21 - 1, 2**21, 2**30,
             2**31 - 1, -2**31, -2**31 + 1, 46341, -46341, 3037000499 % 2**31]
    pairs = [(a, b) for a in edges for b in edges]
    pairs += [(rnd.randrange(-2**31, 2**31), rnd.randrange(-2**31, 2**31)) for _ in range(300)]
    # products right around the 2^51 limit of the short path
    for _ in range(50):
        a = rnd.randrange(2**25, 2**31)
        b = (2**51) // a + rnd.randrange(-3, 4)
        b = _wrap32(b)
        pairs.append((a, b))
        pairs.append((-a, b))
    lines = [f"check('{a}*{b}', P.caml_int_mul({a}, {b}), {_wrap32(a * b)})" for a, b in pairs]
    lines.append("check('int subtype', math.type == nil or math.type(P.caml_int_mul(3, 5)) == 'integer', true)")
    assert run(target, {"caml_int_mul"}, "\n".join(lines)) == ""


# --- generic application ---------------------------------------------------------------

CALLS_BODY = r"""
local A = P.caml_arity
local function add2(a, b) return a + b end
local function add3(a, b, c) return a * 100 + b * 10 + c end
local function add5(a, b, c, d, e) return a + 2 * b + 3 * c + 4 * d + 5 * e end
A[add2], A[add3], A[add5] = 2, 3, 5
local function id(x) return x end
local function k2(x) return function(y) return x * 7 + y end end -- arity 1 returning a closure
check("call1 exact", P.caml_call1(id, 4), 4)
check("call2 exact", P.caml_call2(add2, 3, 4), 7)
check("call3 exact", P.caml_call3(add3, 1, 2, 3), 123)
check("call5 exact", P.caml_call5(add5, 1, 1, 1, 1, 1), 15)
check("call1 partial", P.caml_call1(P.caml_call1(add2, 3), 5), 8)
check("call1 partial arity", A[P.caml_call1(add3, 1)], 2)
check("call2 partial", P.caml_call1(P.caml_call2(add3, 1, 2), 9), 129)
check("call2 on arity 1", P.caml_call2(k2, 2, 3), 17)
local function mk(a, b) return function(c) return a + b + c end end
A[mk] = 2
check("call3 over-application", P.caml_call3(mk, 1, 2, 3), 6)
check("call4 partial then rest", P.caml_call1(P.caml_call4(add5, 1, 2, 3, 4), 5), 1 + 4 + 9 + 16 + 25)
local function sub4(a, b, c, d) return a - b - c - d end
A[sub4] = 4
check("call4 exact", P.caml_call4(sub4, 10, 1, 2, 3), 4)
for i = 1, 300 do -- enough calls for LuaJIT to compile the callers
  check("loop", P.caml_call2(add2, i, 1) + P.caml_call1(id, i) + P.caml_call3(add3, 0, 0, i), 3 * i + 1)
end
"""


@pytest.mark.parametrize("target", TARGETS)
def test_calls(target: str) -> None:
    names = {"caml_call1", "caml_call2", "caml_call3", "caml_call4", "caml_call5", "caml_arity"}
    assert run(target, names, CALLS_BODY) == ""


# --- the same through an OCaml program, against ocamlrun -----------------------------------

PROGRAM = r"""
let () =
  let seed = ref 7 in
  let rnd () = seed := ((!seed * 69069) + 1) land 0x3FFFFFFF; !seed in
  let h = ref 0 in
  for _ = 1 to 2000 do
    let n = rnd () - 0x20000000 in
    h := (!h + Hashtbl.hash n + Hashtbl.seeded_hash 42 n) land 0x3FFFFFFF
  done;
  (* max_int and min_int differ: ints have 32 bits here *)
  Printf.printf "ints %d %d %d\n" !h (Hashtbl.hash 0x3FFFFFFF) (Hashtbl.hash (-0x40000000));
  let words = Array.init 500 (fun i -> String.concat "" (List.init (1 + i mod 7) (fun j -> string_of_int (i * j)))) in
  let h = ref 0 in
  Array.iter (fun w -> h := (!h + Hashtbl.hash w + Hashtbl.hash (Bytes.of_string w)) land 0x3FFFFFFF) words;
  Printf.printf "strings %d %d %d\n" !h (Hashtbl.hash "") (Hashtbl.hash (words.(3), 1.5, [ 1; 2 ]));
  (* compare on built strings, literals, ints, floats with nan *)
  let c = ref 0 in
  Array.iteri (fun i w ->
      let v = words.((i * 7) mod 500) in
      c := !c + compare w v + (if w = v then 3 else 0) + (if w < v then 5 else 0)
           + (if w <= "5" then 7 else 0) + (if "12" > w then 11 else 0) + String.compare w "1200")
    words;
  let fl = [| nan; 1.0; -0.0; 0.0; infinity; neg_infinity; 2.5 |] in
  Array.iter (fun a -> Array.iter (fun b ->
      c := !c + compare a b + (if a = b then 1 else 0) + (if a < b then 2 else 0)
           + (if a >= b then 4 else 0) + (if a <> b then 8 else 0)) fl) fl;
  let ints = [| min_int; -1; 0; 1; max_int |] in
  Array.iter (fun a -> Array.iter (fun b ->
      c := !c + compare a b + (if a = b then 1 else 0) + (if a > b then 2 else 0)
           + (if a <= b then 4 else 0)) ints) ints;
  Printf.printf "compare %d %b %b %b\n" !c (None < Some 0) ([] = [ 1 ]) (compare [ 1 ] [] > 0);
  let b = Bytes.of_string "abc" in
  let s = Bytes.unsafe_to_string b in
  let before = compare s "abc" in
  Bytes.set b 1 'z';
  Printf.printf "mutation %d %d %b\n" before (compare s "abc") (s = "azc");
  (* arrays: bounds, lengths, products *)
  let a = Array.make 37 0 in
  for i = 0 to 36 do a.(i) <- i * i done;
  let oob f = try ignore (f ()); "no" with Invalid_argument m -> m in
  Printf.printf "arrays %d %d %s %s %s %s\n" (Array.length a) a.(36) (oob (fun () -> a.(37)))
    (oob (fun () -> a.(-1))) (oob (fun () -> a.(37) <- 1)) (oob (fun () -> (Array.sub a 5 3).(3)));
  let p = ref 1 in
  for i = 1 to 3000 do p := (!p * (i * 7919) + rnd ()) land 0x3FFFFFFF done;
  Printf.printf "mul %d\n" !p
"""


@pytest.mark.parametrize("target", TARGETS)
def test_program_against_ocamlrun(target: str, tmp_path) -> None:
    from lua_of_ocaml.api import compile_file

    src = tmp_path / "perf_runtime.ml"
    src.write_text(PROGRAM)
    subprocess.run(["ocamlc", "-o", "prog.byte", src.name], cwd=tmp_path, check=True,
                   capture_output=True)
    ref = subprocess.run(["ocamlrun", "prog.byte"], cwd=tmp_path, capture_output=True, check=True)
    lua = tmp_path / f"prog.{target}.lua"
    lua.write_text(compile_file(tmp_path / "prog.byte", target).lua)
    got = subprocess.run([sys.executable, "-m", "lua_of_ocaml.cli", "run", str(lua), "--target", target],
                         cwd=tmp_path, capture_output=True, timeout=120)
    assert got.stdout.decode() == ref.stdout.decode(), got.stderr.decode()[-2000:]
