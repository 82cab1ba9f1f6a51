"""`--minify`: renaming locals keeps every program's behaviour.

Unit tests run Lua snippets with tricky scoping before and after `minify_lua` in
the embedded engines (lupa) and compare what they compute; random programs with
shadowing, closures and loops do the same at scale. Conformance programs compiled
with `--minify` must print what ocamlrun prints on the real LuaJIT, Lua 5.1 and
Lua 5.4, and backtraces of minified programs must name the same OCaml lines.
"""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import (CACHE, NATIVE, TARGETS, _locked, all_programs, build_program, run_native,
                      tool_digest)
from lua_engines import engine
from lua_of_ocaml.lua.minify import KEYWORDS, LuaSyntaxError, minify_lua
from test_programs import _check, _grouped


def _run(code: str, target: str):
    lua = engine(target).LuaRuntime(unpack_returned_tuples=True)
    try:
        return ("ok", lua.execute(code))
    except Exception as e:  # the same error must happen in both versions
        return ("error", type(e).__name__)


def _same(code: str, targets=TARGETS) -> str:
    small = minify_lua(code, keep_tail=0)
    for t in targets:
        before, after = _run(code, t), _run(small, t)
        assert before[0] == "ok", (t, before, code)
        assert after == before, (t, small)
    return small


def _identifiers(code: str) -> set[str]:
    code = re.sub(r'"(?:[^"\\]|\\.)*"', '""', code)
    return set(re.findall(r"(?<![.:\w])[A-Za-z_]\w*", code)) - KEYWORDS


# --- snippets ------------------------------------------------------------------------

SNIPPETS = {
    "local_sees_outer_in_its_init": """
        local value = 1
        local value = value + 1
        local other = value * 10
        return value .. "/" .. other""",
    "same_statement_shadowing": """
        local first, first = 1, 2
        local left, right = 3, 4
        left, right = right, left
        return first .. left .. right""",
    "swap_with_outer_names": """
        local a, b = 1, 2
        do local a, b = b, a; ret = a .. b end
        return ret .. a .. b""",
    "local_function_recursion": """
        local function count(n) if n == 0 then return 0 end return n + count(n - 1) end
        return count(10)""",
    "local_f_equals_function_sees_global": """
        helper = "global"
        local helper = function() return helper end
        return helper()""",
    "repeat_until_sees_body_locals": """
        local index, seen = 0, {}
        repeat
          local current = index
          index = index + 1
          seen[#seen + 1] = function() return current end
        until current >= 3
        local out = {}
        for k = 1, #seen do out[k] = seen[k]() end
        return table.concat(out, ",") .. ";" .. index""",
    "numeric_for_shadows": """
        local i, total = "outer", 0
        for i = 1, 5, 2 do total = total + i end
        for i = 3, 1, -1 do local i = i * 2; total = total + i end
        return i .. total""",
    "generic_for_and_pairs": """
        local t = {10, 20, 30}
        local k, v = "k", "v"
        local s = 0
        for k, v in ipairs(t) do s = s + k * v end
        for key in pairs({x = 1}) do s = s + #key end
        return k .. v .. s""",
    "varargs": """
        local function pack(...)
          local first, second = ...
          local n = select("#", ...)
          local all = {...}
          return n + (first or 0) + (second or 0) + #all
        end
        local function pass(...) return pack(...) end
        return pass(1, 2, 3) .. pack() .. pass(nil, 5)""",
    "closures_in_loops_capture_each_iteration": """
        local fs = {}
        for i = 1, 3 do
          local x = i * 2
          fs[#fs + 1] = function() return x + i end
          local y = x + 100
          fs[#fs + 1] = function() return y end
        end
        local j = 0
        while true do
          j = j + 1
          local z = j
          fs[#fs + 1] = function() z = z + 1; return z end
          if j >= 2 then break end
        end
        local out = {}
        for k = 1, #fs do out[#out + 1] = fs[k]() end
        out[#out + 1] = fs[#fs]()
        return table.concat(out, ",")""",
    "upvalue_last_used_in_closure": """
        local a = 1
        local get = function() return a end
        local b = 2
        local c = get() + b
        a = 5
        return c .. get()""",
    "fields_and_keys_are_not_renamed": """
        local name, value = "n", 7
        local t = {name = name, value = value, [name] = 2, ["value"] = 3, {name = 1}}
        t.name = t.name .. name
        local inner = t[1]
        return t.name .. t.value .. t.n .. inner.name""",
    "method_self_and_a_local_named_self": """
        local obj = {v = 3}
        function obj:get(x) local v = self.v; return v + x end
        function obj.put(self, x) self.v = x end
        local self = 10
        obj:put(4)
        return obj:get(1) + self""",
    "globals_are_never_shadowed": """
        a, b, c = 5, 6, 7
        local long_one, long_two = 1, 2
        local function f(p, q) return p + q + a + b + c end
        return f(long_one, long_two) + string.len("xyz") + math.floor(2.5) + select("#", 1, 2)""",
    "global_assigned_in_function_scope": """
        local x = 1
        local function set() y = x + 1 end
        set()
        local z = 3
        return y + z""",
    "function_statement_assigns_local": """
        local f = nil
        function f(n) return n * 2 end
        local g = {}
        function g.h(n) return f(n) + 1 end
        return f(2) .. g.h(3)""",
    "long_strings_comments_and_escapes": """
        local s = [==[a]]b
        c]==] --[[ a comment
        spanning lines ]] local t = "q\\"uote\\\\" -- trailing
        local u = 'it\\'s' .. "\\65\\n"
        return s .. t .. #u""",
    "numbers_next_to_operators": """
        local a = 1
        local b = a .. 2 .. 0x10 .. 3 - -2 .. 1e2 .. 2 ^ -1 .. .5
        return b .. a - - - a""",
    "string_and_table_call_arguments": """
        local s = ("x"):rep(3)
        local f = function(t) return type(t) == "table" and #t or t end
        return s .. f{1, 2} .. f"ab" .. f[[cd]]""",
    "block_scopes_end": """
        local x = 1
        do local y = 2; x = x + y end
        if x > 2 then local y = 5; x = x + y else local y = 7 end
        local y = 100
        return x + y""",
    "deep_nesting_of_functions": """
        local function a(x)
          return function(y)
            local x2 = x + y
            return function(z) local x = x2 * z; return function() return x + x2 + y end end
          end
        end
        return a(1)(2)(3)()""",
}


@pytest.mark.parametrize("name", sorted(SNIPPETS))
def test_snippet_computes_the_same(name: str) -> None:
    code = SNIPPETS[name]
    small = _same(code)
    assert len(small) < len(code)


def test_locals_get_short_names() -> None:
    small = _same(SNIPPETS["varargs"])
    assert not {"pack", "first", "second", "all", "pass"} & _identifiers(small)
    assert "select" in small


def test_lua54_only_syntax() -> None:
    code = """
        local limit <const> = 5
        local function f(_ENV) return y end
        local env_user = f({y = 3})
        local q = 7 // 2 | 8 & 12 ~ 1 << 2 >> 1
        local s = "a\\z
                   b"
        return limit + env_user + q .. s"""
    small = _same(code, ["lua54"])
    assert "<const>" in small and "_ENV" in small


def test_goto_labels() -> None:
    code = """
        local out = {}
        for i = 1, 3 do
          for j = 1, 3 do
            if j == i then goto continue end
            out[#out + 1] = i * 10 + j
            ::continue::
          end
          goto continue
          ::continue::
        end
        local function g(n)
          local acc = 0
          ::again::
          acc = acc + n
          n = n - 1
          if n > 0 then goto again end
          do goto done end
          ::done::
          return acc
        end
        return table.concat(out, ",") .. ";" .. g(4)"""
    small = _same(code, ["luajit", "lua54"])
    assert "continue" not in small and "again" not in small


def test_many_live_locals_skip_keywords() -> None:
    """More than 250 names alive at once: two-letter names come into use and the
    keywords among them (`do`, `if`, `in`, `or`) are skipped."""
    outer = [f"outer_{i}" for i in range(120)]
    inner = [f"inner_{i}" for i in range(150)]
    lines = [f"local {n} = {i}" for i, n in enumerate(outer)]
    lines.append("local function f()")
    lines += [f"  local {n} = {i} + outer_{i % 40}" for i, n in enumerate(inner)]
    lines.append("  return " + " + ".join(inner))
    lines.append("end")
    lines.append("local total = f()")
    lines += [f"total = total + {n}" for n in outer]
    lines.append("return total")
    small = _same("\n".join(lines))
    assert not {"do", "if", "in", "or"} & set(re.findall(r"\w+", small))
    assert "dn" in _identifiers(small)  # the name before `do`


def test_lines_and_markers_stay() -> None:
    code = ("local alpha = 1 -- comment\x010\x01\n\n    -- a whole comment line\n"
            "  local beta = alpha + 1\x011\x01\n--[[ long\ncomment ]]\nreturn beta\n")
    small = minify_lua(code, keep_tail=0)
    assert small.split("\n") == ["local a=1\x010\x01", "local a=a+1\x011\x01", "return a", ""]


def test_tail_lines_are_kept_as_written() -> None:
    code = ("local P = {}\nlocal helper = 5\nlocal function caml_program() return helper end\n"
            "local code = P.x or caml_program(...)\nreturn code\n")
    small = minify_lua(code)
    assert small.endswith("local code = P.x or caml_program(...)\nreturn code\n")
    assert "helper" not in small
    engine("luajit").LuaRuntime().execute(small)


def test_syntax_errors_are_reported() -> None:
    with pytest.raises(LuaSyntaxError):
        minify_lua("local x = (1 +\n", keep_tail=0)
    with pytest.raises(LuaSyntaxError):
        minify_lua("if x then\n", keep_tail=0)


# --- random programs ---------------------------------------------------------------

class _Gen:
    """Random Lua programs that shadow, capture and reuse a few names. Every value
    they compute is a number appended to `out`; closures are called at the end."""

    NAMES = ["x", "y", "z", "w", "string", "n1", "n2"]
    FUNS = ["f", "g", "h"]

    def __init__(self, seed: int):
        self.r = random.Random(seed)

    def expr(self, env: dict, depth: int = 0) -> str:
        r = self.r
        nums = [n for n, k in env.items() if k == "num"]
        funs = [n for n, k in env.items() if k == "fun"]
        c = r.random()
        if depth > 2 or c < 0.3:
            if nums and r.random() < 0.8:
                return r.choice(nums)
            return str(r.randint(0, 9))
        if c < 0.55:
            return f"({self.expr(env, depth + 1)} {r.choice('+-*')} {self.expr(env, depth + 1)})"
        if c < 0.7 and funs:
            return f"{r.choice(funs)}({self.expr(env, depth + 1)})"
        if c < 0.8:
            return f"GLOBAL_N"
        if c < 0.9:
            return f"math.abs({self.expr(env, depth + 1)})"
        return f"(function() local {r.choice(self.NAMES)} = {self.expr(env, depth + 1)} return {self.expr(env, depth + 1)} end)()"

    def block(self, env: dict, depth: int, out: list[str], ind: str) -> dict:
        env = dict(env)
        for _ in range(self.r.randint(1, 5)):
            self.stmt(env, depth, out, ind)
        return env

    def stmt(self, env: dict, depth: int, out: list[str], ind: str) -> None:
        r = self.r
        c = r.random()
        nums = [n for n, k in env.items() if k == "num"]
        if c < 0.25:
            names = r.sample(self.NAMES, r.randint(1, 2))
            vals = [self.expr(env) for _ in names]
            out.append(f"{ind}local {', '.join(names)} = {', '.join(vals)}")
            for n in names:
                env[n] = "num"
        elif c < 0.35 and nums:
            out.append(f"{ind}{r.choice(nums)} = {self.expr(env)}")
        elif c < 0.5:
            out.append(f"{ind}out[#out + 1] = {self.expr(env)}")
        elif c < 0.55:
            out.append(f"{ind}fs[#fs + 1] = function() return {self.expr(env)} end")
        elif depth > 3:
            out.append(f"{ind}out[#out + 1] = {self.expr(env)}")
        elif c < 0.62:
            out.append(f"{ind}do")
            self.block(env, depth + 1, out, ind + "  ")
            out.append(f"{ind}end")
        elif c < 0.7:
            v = r.choice(self.NAMES)
            out.append(f"{ind}for {v} = 1, {r.randint(1, 3)} do")
            self.block({**env, v: "num"}, depth + 1, out, ind + "  ")
            out.append(f"{ind}end")
        elif c < 0.76:
            out.append(f"{ind}if {self.expr(env)} > 3 then")
            self.block(env, depth + 1, out, ind + "  ")
            out.append(f"{ind}else")
            self.block(env, depth + 1, out, ind + "  ")
            out.append(f"{ind}end")
        elif c < 0.82:
            out.append(f"{ind}repeat")
            inner = self.block(env, depth + 1, out, ind + "  ")
            v = r.choice(self.NAMES)
            out.append(f"{ind}  local {v} = {self.expr(inner)}")
            out.append(f"{ind}until {v} ~= nil")
        elif c < 0.92:
            f, p = r.choice(self.FUNS), r.choice(self.NAMES)
            local = r.random() < 0.5
            out.append(f"{ind}local function {f}({p})" if local else f"{ind}local {f} = function({p})")
            fenv = {**env, p: "num"}
            if local:
                fenv[f] = "rec"  # callable, but calling it could recurse for ever
            fenv = self.block(fenv, depth + 1, out, ind + "  ")
            out.append(f"{ind}  return {self.expr(fenv)}")
            out.append(f"{ind}end")
            env[f] = "fun"
        else:
            out.append(f"{ind}local {r.choice(self.FUNS)} = nil")
            for f in self.FUNS:
                env.pop(f, None)

    def program(self) -> str:
        out = ["GLOBAL_N = 4", "local out, fs = {}, {}"]
        self.block({}, 0, out, "")
        out.append("for i = 1, #fs do out[#out + 1] = fs[i]() end")
        out.append("return table.concat(out, ' ')")
        return "\n".join(out)


@pytest.mark.parametrize("seed", range(0, 300, 30))
def test_random_programs(seed: int) -> None:
    runtimes = {t: engine(t) for t in TARGETS}
    for s in range(seed, seed + 30):
        code = _Gen(s).program()
        small = minify_lua(code, keep_tail=0)
        for t, mod in runtimes.items():
            before = mod.LuaRuntime().execute(code)
            assert mod.LuaRuntime().execute(small) == before, (s, t, code, small)


# --- whole programs ----------------------------------------------------------------

FAST_SET = ("closures", "exceptions_nested", "format_boxes", "printf_misc", "hashtbl_ops",
            "objects_inheritance", "lazy_values", "deep_recursion", "stack_overflow", "map_set",
            "uncaught_exception", "stress_locals_300", "calc_yacc", "scanf_basic", "int64_ops")


def minified_lua(name: str, target: str) -> tuple[Path, object]:
    exe, ref = build_program(name)
    out = exe.with_name(f"prog.{target}.min.{tool_digest()}.lua")
    with _locked(exe.with_name(".lock")):
        if not out.exists():
            from lua_of_ocaml.api import compile_exe_targets, write_atomically
            from lua_of_ocaml.bytecode.exe_file import read_exe
            for t, res in compile_exe_targets(read_exe(exe), list(TARGETS), minify=True).items():
                write_atomically(exe.with_name(f"prog.{t}.min.{tool_digest()}.lua"), res.lua)
    return out, ref


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("name", _grouped(FAST_SET))
def test_minified_program(name: str, target: str) -> None:
    lua, ref = minified_lua(name, target)
    _check(run_native(lua, target, name), ref)


@pytest.mark.slow
@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("name", _grouped([n for n in all_programs() if n not in FAST_SET]))
def test_minified_program_all(name: str, target: str) -> None:
    lua, ref = minified_lua(name, target)
    _check(run_native(lua, target, name), ref)


BACKTRACES = """\
module Store = struct
  let table = [| 1; 2; 3 |]
  let get i = table.(i) + 1
end
let rec walk n = if n = 0 then Store.get 7 else 1 + walk (n - 1)
let f x = if x > 2 then failwith "deep" else x
let g x = f (x + 1) + 1
let () = Printexc.record_backtrace true;
  (try ignore (walk 3) with Invalid_argument _ -> Printexc.print_backtrace stdout);
  print_endline "--";
  print_int (g 0); print_newline ();
  ignore (g 5)
"""


@pytest.mark.parametrize("target", TARGETS)
def test_minified_backtraces_name_ocaml_lines(tmp_path: Path, target: str) -> None:
    """A runtime error and an uncaught exception in a minified `-g` program report
    the OCaml lines ocamlrun reports, and the source map agrees."""
    (tmp_path / "bt.ml").write_text(BACKTRACES)
    subprocess.run(["ocamlc", "-g", "bt.ml", "-o", "bt.byte"], cwd=tmp_path, check=True)
    ref = subprocess.run(["ocamlrun", "bt.byte"], cwd=tmp_path, capture_output=True)
    out = tmp_path / "bt.lua"
    proc = subprocess.run([sys.executable, "-m", "lua_of_ocaml.cli", "compile", "bt.byte", "-o", str(out),
                           "--target", target, "--minify", "--source-map"], cwd=tmp_path,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    got = subprocess.run([NATIVE[target], str(out)], cwd=tmp_path, capture_output=True)
    assert b'Raised by primitive operation at Bt.Store.get in file "bt.ml", line 3' in got.stdout
    assert b'Called from Bt.g in file "bt.ml", line 7' in got.stderr
    assert (got.stdout, got.stderr, got.returncode) == (ref.stdout, ref.stderr, ref.returncode)

    from lua_of_ocaml.sourcemap import SourceMap
    text = out.read_text()
    smap = SourceMap.from_json((tmp_path / "bt.lua.map").read_text())
    lines = text.split("\n")
    # the line of Store.get's bounds check maps to bt.ml line 3, and it is short
    mapped = [m for m in smap.mappings if m.source.endswith("bt.ml") and m.line == 3]
    assert mapped and all(len(lines[m.lua_line - 1]) < 80 for m in mapped)
    assert not any(l.startswith(" ") for l in lines[: mapped[0].lua_line])


def test_minify_shrinks_and_is_fast(tmp_path: Path) -> None:
    import time
    from lua_of_ocaml.api import compile_file
    exe, _ = build_program("format_boxes")
    plain = compile_file(exe, "luajit").lua
    t0 = time.perf_counter()
    small = minify_lua(plain)
    elapsed = time.perf_counter() - t0
    assert len(small) < 0.7 * len(plain)  # with the backtrace line table, which stays
    assert elapsed < 5
    assert len(minify_lua(small)) <= len(small)  # minifying again changes nothing that matters


# --- the OCaml compiler ------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.xdist_group("selfcompile")
def test_minified_ocamlc_compiles_a_module(tmp_path: Path) -> None:
    """ocamlc.byte compiled with --minify compiles a module to the same bytes as ocamlc."""
    from test_selfcompile import HELLO, _compile_both, _ocamlc_byte, _same_outputs
    from lua_of_ocaml.api import compile_exe_targets, write_atomically
    from lua_of_ocaml.bytecode.exe_file import read_exe

    src = _ocamlc_byte()
    d = CACHE / "selfcompile-minify"
    d.mkdir(parents=True, exist_ok=True)
    lua = d / f"ocamlc.luajit.{tool_digest()}-{src.stat().st_size}.lua"
    with _locked(d / ".lock"):
        if not lua.exists():
            for old in d.glob("ocamlc.*.lua"):
                old.unlink()
            res = compile_exe_targets(read_exe(src), ["luajit"], minify=True)["luajit"]
            write_atomically(lua, res.lua)
    text = "let f x = List.map (fun y -> y + x) [1; 2; 3]\n" + HELLO
    ref_dir, our_dir, ref, ours = _compile_both(tmp_path, "m.ml", text, lua, "luajit")
    _same_outputs(ref_dir, our_dir, ref, ours, "m")
