"""Runtime primitives for ocamllex, ocamlyacc and Str (runtime/lua/lexing.lua,
parsing.lua, str.lua).

The lexer tables and compiled regexps are real ones: a small OCaml program
built here with ocamllex/ocamlc dumps them as Lua literals, and runs the same
sequence of engine calls under ocamlrun to give the expected lines. The Lua
bodies replay the sequences on the raw primitives, in lupa, for every target,
with the text both as a Lua string and as a bytes object. The parser trace
(OCAMLRUNPARAM=p) of the calc_yacc program is compared with ocamlrun's.
"""

from __future__ import annotations

import functools
import importlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

try:
    from lua_of_ocaml.linker.link import link_runtime
except ImportError:  # running from the source tree without an install
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "compiler"))
    from lua_of_ocaml.linker.link import link_runtime

from conftest import NATIVE, TARGETS, compiled_lua, program_input

try:  # the OCaml version the suite builds its programs with
    from conftest import ocaml_env, ocaml_tool
except ImportError:  # pragma: no cover - older conftest: the system's tools
    def ocaml_tool(tool: str, version: str | None = None) -> str:
        return tool

    def ocaml_env(version: str | None = None) -> dict[str, str] | None:
        return None

ENGINES = {"luajit": "lupa.luajit21", "lua51": "lupa.lua51", "lua54": "lupa.lua54"}


def _engine(target: str):
    try:
        return importlib.import_module(ENGINES[target])
    except ImportError:  # pragma: no cover - depends on the lupa build
        pytest.fail(f"{ENGINES[target]} is not available: reinstall lupa (scripts/setup.sh)")


LEXER = r"""
rule tok = parse
  | ['a'-'z']+ as w { `Word w }
  | (['0'-'9']+ as i) ('.' (['0'-'9']+ as f))? { `Num (i, f) }
  | ' '+ { tok lexbuf }
  | eof { `Eof }
and plain = parse
  | "ab" { 1 } | 'a' { 2 } | eof { 3 }
"""

# Dumps the lexer tables and some compiled regexps as Lua (to the file named
# by argv.(1)) and prints the results of engine calls on stdout.
DUMP = r"""
let defs = open_out_bin Sys.argv.(1)

let lua_str s =
  let b = Buffer.create 64 in
  Buffer.add_char b '"';
  String.iter (fun c -> Buffer.add_string b (Printf.sprintf "\\%d" (Char.code c))) s;
  Buffer.add_char b '"'; Buffer.contents b

let state (lb : Lexing.lexbuf) r =
  Printf.printf "%d start=%d curr=%d last=%d action=%d eof=%b mem=[%s]\n" r
    lb.lex_start_pos lb.lex_curr_pos lb.lex_last_pos lb.lex_last_action lb.lex_eof_reached
    (String.concat "," (Array.to_list (Array.map string_of_int lb.lex_mem)))

let lexing () =
  let t = Lx.__ocaml_lex_tables in
  let f = [t.Lexing.lex_base; t.lex_backtrk; t.lex_default; t.lex_trans; t.lex_check;
           t.lex_base_code; t.lex_backtrk_code; t.lex_default_code; t.lex_trans_code;
           t.lex_check_code; t.lex_code] in
  Printf.fprintf defs "local TABLES = {0,\n  %s}\n" (String.concat ",\n  " (List.map lua_str f));
  (* new engine on a complete buffer *)
  let lb = Lexing.from_string "abc 12.5 7 " in
  let run st = lb.lex_mem <- Array.make 6 (-1); let r = Lexing.new_engine t st lb in state lb r in
  for _ = 1 to 6 do run 0 done;
  (* refills: the buffer grows by hand *)
  let lb = Lexing.from_function (fun _ _ -> 0) in
  lb.lex_buffer <- Bytes.of_string "12.xxxxxxx";
  lb.lex_buffer_len <- 3;
  lb.lex_mem <- Array.make 6 (-1);
  let r = Lexing.new_engine t 0 lb in
  state lb r;
  Bytes.blit_string "5 " 0 lb.lex_buffer 3 2;
  lb.lex_buffer_len <- 5;
  let r = Lexing.new_engine t r lb in
  state lb r;
  lb.lex_buffer_len <- 3; lb.lex_curr_pos <- 0; lb.lex_eof_reached <- true;
  lb.lex_mem <- Array.make 6 (-1);
  let r = Lexing.new_engine t 0 lb in
  state lb r;
  (match Lexing.new_engine t 0 lb with
   | r -> state lb r
   | exception Failure m -> print_endline m);
  state lb 99;
  (* the engine without memory *)
  let lb = Lexing.from_string "aabx" in
  for _ = 1 to 3 do
    match Lexing.engine t 7 lb with
    | r -> state lb r
    | exception Failure m -> print_endline m
  done;
  let lb = Lexing.from_function (fun _ _ -> 0) in
  lb.lex_buffer <- Bytes.of_string "a...";
  lb.lex_buffer_len <- 1;
  let r = Lexing.engine t 7 lb in
  state lb r;
  lb.lex_eof_reached <- true;
  let r = Lexing.engine t r lb in
  state lb r;
  let r = Lexing.engine t 7 lb in
  state lb r

let dump_re name (re : Str.regexp) =
  let r = Obj.repr re in
  let prog : int array = Obj.obj (Obj.field r 0) in
  let cpool : string array = Obj.obj (Obj.field r 1) in
  let norm : string = Obj.obj (Obj.field r 2) in
  Printf.fprintf defs "local %s = {0, {0, %s}, {0, %s},\n  %s, %d, %d, %d}\n" name
    (String.concat ", " (Array.to_list (Array.map string_of_int prog)))
    (String.concat ",\n  " (Array.to_list (Array.map lua_str cpool)))
    (lua_str norm)
    (Obj.obj (Obj.field r 3)) (Obj.obj (Obj.field r 4)) (Obj.obj (Obj.field r 5))

let groups n =
  String.concat " " (List.init n (fun i ->
      match Str.group_beginning i, Str.group_end i with
      | b, e -> Printf.sprintf "%d,%d" b e
      | exception Not_found -> "-1,-1"))

let str () =
  let res = [
    "RE_GROUPS", Str.regexp "\\([a-z]+\\)=\\([0-9]*\\)\\|\\(x\\)";
    "RE_FOLD", Str.regexp_case_fold "he\\(l+\\)o";
    "RE_WORD", Str.regexp "\\b[0-9]+\\b";
    "RE_NULLSTAR", Str.regexp "\\(a*\\)*b";
    "RE_LINES", Str.regexp "^\\([a-z]*\\)$";
  ] in
  List.iter (fun (n, re) -> dump_re n re) res;
  close_out defs;
  List.iter (fun (name, n, op, s, pos) ->
      let re = List.assoc name res in
      let r = match op with
        | "match" -> (try if Str.string_match re s pos then groups n else "fail"
                      with Invalid_argument m -> m)
        | "partial" -> (try if Str.string_partial_match re s pos then groups n else "fail"
                        with Invalid_argument m -> m)
        | "forward" -> (try ignore (Str.search_forward re s pos); groups n
                        with Not_found -> "fail" | Invalid_argument m -> m)
        | _ -> (try ignore (Str.search_backward re s pos); groups n
                with Not_found -> "fail" | Invalid_argument m -> m) in
      Printf.printf "%s %s %S %d: %s\n" name op s pos r;
      if op = "forward" && r <> "fail" && String.length r > 0 && r.[0] <> 'S' then
        List.iter (fun repl ->
            Printf.printf "  replace %S: %s\n" repl
              (try Printf.sprintf "%S" (Str.replace_matched repl s) with Failure m -> m))
          ["<\\0>"; "\\2\\1\\\\\\q"; "\\3"; "\\9"; "end\\"])
    [
    "RE_GROUPS", 4, "forward", "  key=12 x", 0;
    "RE_GROUPS", 4, "forward", "  key=12 x", 3;
    "RE_GROUPS", 4, "forward", "  key=12 x", 9;
    "RE_GROUPS", 4, "match", "key=", 0;
    "RE_GROUPS", 4, "backward", "  key=12 x", 10;
    "RE_GROUPS", 4, "backward", "  key=12 x", 7;
    "RE_GROUPS", 4, "partial", "ke", 0;
    "RE_GROUPS", 4, "forward", "ZZ", 0;
    "RE_GROUPS", 4, "forward", "ZZ", 3;
    "RE_GROUPS", 4, "backward", "ZZ", -1;
    "RE_GROUPS", 4, "match", "ZZ", 3;
    "RE_GROUPS", 4, "partial", "ZZ", -1;
    "RE_FOLD", 2, "forward", "xHeLLLo", 0;
    "RE_FOLD", 2, "match", "HELO", 0;
    "RE_FOLD", 2, "partial", "HEL", 0;
    "RE_FOLD", 2, "forward", "\200HELLO", 0;
    "RE_WORD", 1, "forward", "a12 345b 67", 0;
    "RE_WORD", 1, "backward", "a12 345b 67", 11;
    "RE_WORD", 1, "backward", "a12 345b 67", 8;
    "RE_WORD", 1, "forward", "\23312 34", 0;
    "RE_NULLSTAR", 2, "match", "aaab", 0;
    "RE_NULLSTAR", 2, "match", "aac", 0;
    "RE_NULLSTAR", 2, "partial", "aa", 0;
    "RE_NULLSTAR", 2, "forward", "xxaab", 0;
    "RE_LINES", 2, "forward", "AB\nabc\nx", 0;
    "RE_LINES", 2, "forward", "AB\nabc\nx", 4;
    "RE_LINES", 2, "backward", "AB\nabc\nx", 8;
    "RE_LINES", 2, "backward", "AB\nabc\nx", 2;
  ]

let () = lexing (); str ()
"""

CASES_LUA = r"""
local cases = {
  {"RE_GROUPS", 4, "forward", "  key=12 x", 0},
  {"RE_GROUPS", 4, "forward", "  key=12 x", 3},
  {"RE_GROUPS", 4, "forward", "  key=12 x", 9},
  {"RE_GROUPS", 4, "match", "key=", 0},
  {"RE_GROUPS", 4, "backward", "  key=12 x", 10},
  {"RE_GROUPS", 4, "backward", "  key=12 x", 7},
  {"RE_GROUPS", 4, "partial", "ke", 0},
  {"RE_GROUPS", 4, "forward", "ZZ", 0},
  {"RE_GROUPS", 4, "forward", "ZZ", 3},
  {"RE_GROUPS", 4, "backward", "ZZ", -1},
  {"RE_GROUPS", 4, "match", "ZZ", 3},
  {"RE_GROUPS", 4, "partial", "ZZ", -1},
  {"RE_FOLD", 2, "forward", "xHeLLLo", 0},
  {"RE_FOLD", 2, "match", "HELO", 0},
  {"RE_FOLD", 2, "partial", "HEL", 0},
  {"RE_FOLD", 2, "forward", "\200HELLO", 0},
  {"RE_WORD", 1, "forward", "a12 345b 67", 0},
  {"RE_WORD", 1, "backward", "a12 345b 67", 11},
  {"RE_WORD", 1, "backward", "a12 345b 67", 8},
  {"RE_WORD", 1, "forward", "\23312 34", 0},
  {"RE_NULLSTAR", 2, "match", "aaab", 0},
  {"RE_NULLSTAR", 2, "match", "aac", 0},
  {"RE_NULLSTAR", 2, "partial", "aa", 0},
  {"RE_NULLSTAR", 2, "forward", "xxaab", 0},
  {"RE_LINES", 2, "forward", "AB\nabc\nx", 0},
  {"RE_LINES", 2, "forward", "AB\nabc\nx", 4},
  {"RE_LINES", 2, "backward", "AB\nabc\nx", 8},
  {"RE_LINES", 2, "backward", "AB\nabc\nx", 2},
}
"""


@functools.lru_cache(maxsize=None)
def reference() -> tuple[str, str]:
    """(Lua definitions of the tables and regexps, ocamlrun's lines)."""
    for tool in ("ocamllex", "ocamlc", "ocamlrun"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} is not installed (scripts/setup.sh installs it)")
    with tempfile.TemporaryDirectory() as d:
        p = Path(d)
        (p / "lx.mll").write_text(LEXER)
        (p / "dump.ml").write_text(DUMP)
        subprocess.run(["ocamllex", "-q", "lx.mll"], cwd=d, check=True)
        subprocess.run(["ocamlc", "-I", "+str", "str.cma", "lx.ml", "dump.ml", "-o", "dump.byte"],
                       cwd=d, check=True, capture_output=True)
        out = subprocess.run(["ocamlrun", "dump.byte", "defs.lua"], cwd=d, check=True,
                             capture_output=True).stdout.decode("latin-1")
        return (p / "defs.lua").read_text(encoding="latin-1"), out


PRELUDE = r"""
local G = P.caml_global_data
local exn_names = { "Out_of_memory", "Sys_error", "Failure", "Invalid_argument",
  "End_of_file", "Division_by_zero", "Not_found", "Match_failure",
  "Stack_overflow", "Sys_blocked_io", "Assert_failure", "Undefined_recursive_module" }
for i, n in ipairs(exn_names) do G[i] = G[i] or { 248, n, -i } end
local lines = {}
local function say(s) lines[#lines + 1] = s end
local function B(s) return P.caml_bytes_of_lua_string(s) end
-- the message of an OCaml exception (Failure / Invalid_argument), else re-raise
local function msg(e)
  if type(e) == "table" and type(e[3]) ~= "nil" then return P.caml_lua_string(e[3]) end
  error(e, 0)
end
"""

LIBS = {"caml_lua_string", "caml_bytes_of_lua_string", "caml_bytes_mt", "caml_global_data"}


def run_lines(target: str, names: set[str], defs: str, body: str) -> str:
    lupa = _engine(target)
    linked = link_runtime(set(names) | LIBS, target)
    assert not linked.missing, linked.missing
    code = linked.code + PRELUDE + defs + body + '\nreturn table.concat(lines, "\\n") .. "\\n"\n'
    lua = lupa.LuaRuntime(encoding=None)
    res = lua.execute(code.encode("latin-1"))
    return res.decode("latin-1")


LEX_BODY = r"""
local function lexbuf(buf, len, eof)
  -- {refill_buff, lex_buffer, lex_buffer_len, lex_abs_pos, lex_start_pos,
  --  lex_curr_pos, lex_last_pos, lex_last_action, lex_eof_reached, lex_mem,
  --  lex_start_p, lex_curr_p}
  return { 0, function() return 0 end, buf, len, 0, 0, 0, 0, 0, eof, { 0 }, 0, 0 }
end
local function mem6() return { 0, -1, -1, -1, -1, -1, -1 } end
local function state(lb, r)
  local m = {}
  for i = 2, #lb[11] do m[#m + 1] = tostring(lb[11][i]) end
  say(string.format("%d start=%d curr=%d last=%d action=%d eof=%s mem=[%s]", r,
    lb[6], lb[7], lb[8], lb[9], lb[10] == 1 and "true" or "false", table.concat(m, ",")))
end
local function engine(f, st, lb)
  local ok, r = pcall(f, TABLES, st, lb)
  if ok then state(lb, r) else say(msg(r)) end
  return r
end
local new, old = P.caml_new_lex_engine, P.caml_lex_engine
local lb = lexbuf(MK("abc 12.5 7 "), 11, 1)
for _ = 1 to 6 do lb[11] = mem6(); engine(new, 0, lb) end
""".replace("for _ = 1 to 6 do", "for _ = 1, 6 do") + r"""
local buf = B("12.xxxxxxx")
lb = lexbuf(buf, 3, 0)
lb[11] = mem6()
local r = engine(new, 0, lb)
buf[4], buf[5] = 53, 32
lb[4] = 5
engine(new, r, lb)
lb[4], lb[7], lb[10] = 3, 0, 1
lb[11] = mem6()
engine(new, 0, lb)
engine(new, 0, lb)
state(lb, 99)
lb = lexbuf(MK("aabx"), 4, 1)
for _ = 1, 3 do engine(old, 7, lb) end
lb = lexbuf(MK("a..."), 1, 0)
r = engine(old, 7, lb)
lb[10] = 1
r = engine(old, r, lb)
engine(old, 7, lb)
"""

STR_BODY = CASES_LUA + r"""
local REs = { RE_GROUPS = RE_GROUPS, RE_FOLD = RE_FOLD, RE_WORD = RE_WORD,
  RE_NULLSTAR = RE_NULLSTAR, RE_LINES = RE_LINES }
local prims = { match = P.re_string_match, partial = P.re_partial_match,
  forward = P.re_search_forward, backward = P.re_search_backward }
local function quote(s)
  return '"' .. (string.gsub(s, "[%c\128-\255\"\\]", function(c)
    local b = string.byte(c)
    if c == "\n" then return "\\n" elseif c == '"' then return '\\"'
    elseif c == "\\" then return "\\\\" end
    return string.format("\\%03d", b)
  end)) .. '"'
end
for _, c in ipairs(cases) do
  local name, n, op, s, pos = c[1], c[2], c[3], c[4], c[5]
  local ok, res = pcall(prims[op], REs[name], MK(s), pos)
  local text
  if not ok then text = msg(res)
  elseif #res == 1 then text = "fail"
  else
    local g = {}
    for i = 0, n - 1 do g[#g + 1] = res[2 * i + 2] .. "," .. res[2 * i + 3] end
    text = table.concat(g, " ")
  end
  say(string.format("%s %s %s %d: %s", name, op, quote(s), pos, text))
  if op == "forward" and ok and #res > 1 then
    for _, repl in ipairs({ "<\\0>", "\\2\\1\\\\\\q", "\\3", "\\9", "end\\" }) do
      local ok2, r2 = pcall(P.re_replacement_text, MK(repl), res, MK(s))
      say(string.format("  replace %s: %s", quote(repl),
        ok2 and quote(P.caml_lua_string(r2)) or msg(r2)))
    end
  end
end
"""


def _split(out: str) -> tuple[str, str]:
    lines = out.splitlines(keepends=True)
    k = next(i for i, l in enumerate(lines) if l.startswith("RE_"))
    return "".join(lines[:k]), "".join(lines[k:])


@pytest.mark.parametrize("text", ["string", "bytes"])
@pytest.mark.parametrize("target", TARGETS)
def test_lex_engines(target, text):
    defs, out = reference()
    mk = "local MK = B\n" if text == "bytes" else "local MK = function(s) return s end\n"
    got = run_lines(target, {"caml_lex_engine", "caml_new_lex_engine"}, defs + mk, LEX_BODY)
    assert got == _split(out)[0]


@pytest.mark.parametrize("text", ["string", "bytes"])
@pytest.mark.parametrize("target", TARGETS)
def test_str_primitives(target, text):
    defs, out = reference()
    mk = "local MK = B\n" if text == "bytes" else "local MK = function(s) return s end\n"
    got = run_lines(target, {"re_string_match", "re_partial_match", "re_search_forward",
                             "re_search_backward", "re_replacement_text"}, defs + mk, STR_BODY)
    # OCaml's %S and the Lua quoting above agree on these texts
    assert got == _split(out)[1]


@pytest.mark.parametrize("target", TARGETS)
def test_set_parser_trace(target):
    got = run_lines(target, {"caml_set_parser_trace"}, "", r"""
say(tostring(P.caml_set_parser_trace(1)))
say(tostring(P.caml_set_parser_trace(0)))
say(tostring(P.caml_set_parser_trace(0)))
""")
    assert got == "0\n1\n0\n"


@pytest.mark.slow
@pytest.mark.parametrize("target", TARGETS)
def test_parser_trace_matches_ocamlrun(target):
    """OCAMLRUNPARAM=p: the automaton's moves on stderr, error recovery included."""
    lua, _ = compiled_lua("calc_yacc", target)
    exe = lua.parent / "prog.byte"
    env = dict(ocaml_env() or os.environ, OCAMLRUNPARAM="p")
    ref = subprocess.run([ocaml_tool("ocamlrun"), str(exe)], input=program_input("calc_yacc"), env=env,
                         capture_output=True, timeout=120)
    got = subprocess.run([NATIVE[target], str(lua)], input=program_input("calc_yacc"), env=env,
                         capture_output=True, timeout=120)
    assert b"Discarding state" in ref.stderr and b"Recovering in state" in ref.stderr
    assert got.stdout == ref.stdout
    assert got.stderr == ref.stderr
