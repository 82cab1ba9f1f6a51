"""The server's parts on their own: message parsing, positions, settings, dune files,
run reports, project discovery, cancellation and the build extensions."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time

import pytest
from lsprotocol import types as lsp

from lua_of_ocaml.build import build_dune, build_executable
from lua_of_ocaml_lsp.dune_files import executables_in, parse_sexps
from lua_of_ocaml_lsp.lua_load import load_error
from lua_of_ocaml_lsp.ocaml_messages import parse_messages
from lua_of_ocaml_lsp.pipeline import CancelToken
from lua_of_ocaml_lsp.positions import SourceText
from lua_of_ocaml_lsp.project import executable_for, find_project
from lua_of_ocaml_lsp.run_report import parse_failure
from lua_of_ocaml_lsp.settings import Settings, parse_settings


# --- ocamlc messages ---------------------------------------------------------------

OCAMLC_OUTPUT = '''File "w.ml", lines 2-4, characters 8-10:
2 | ........function
3 |   | A -> 1
4 |   | B -> 2
Warning 8 [partial-match]: this pattern-matching is not exhaustive.
Here is an example of a case that is not matched:
C
File "e6.ml", line 1, characters 33-55:
1 | module M : sig val x : int end = struct let x = "a" end
                                     ^^^^^^^^^^^^^^^^^^^^^^
Error: Signature mismatch:
       Modules do not match:
         sig val x : string end
       is not included in
         sig val x : int end
       File "e6.ml", line 1, characters 15-26: Expected declaration
       File "e6.ml", line 1, characters 44-45: Actual declaration
File "d.ml", line 3, characters 8-20:
3 | let _ = String.lowercase "A"
            ^^^^^^^^^^^^^^^^
Alert deprecated: Stdlib.String.lowercase
Use String.lowercase_ascii instead.
File "u.ml", line 1, characters 6-7:
1 | let f x = 1
          ^
Error (warning 27 [unused-var-strict]): unused variable x.
File "_none_", line 1:
Error: Error while linking m.cmo:
       The external function `caml_frob_it' is not available
'''


def test_parse_ocamlc_messages():
    ms = parse_messages(OCAMLC_OUTPUT)
    assert [(m.file, m.severity, m.code) for m in ms] == [
        ("w.ml", "warning", "8 [partial-match]"), ("e6.ml", "error", None),
        ("d.ml", "alert", "alert deprecated"), ("u.ml", "error", "27 [unused-var-strict]"),
        (None, "error", None)]
    w, sig, alert, unused, link = ms
    assert (w.line, w.line_end, w.col_start, w.col_end) == (2, 4, 8, 10)
    assert w.text.endswith("not matched:\nC") and "|" not in w.text
    assert sig.text.startswith("Error: Signature mismatch:\n       Modules do not match:")
    assert [(r.col_start, r.col_end, r.text) for r in sig.related] == [
        (15, 26, "Expected declaration"), (44, 45, "Actual declaration")]
    assert alert.text == "Alert deprecated: Stdlib.String.lowercase\nUse String.lowercase_ascii instead."
    assert link.text.endswith("`caml_frob_it' is not available") and link.col_start is None


def test_parse_headerless_and_dune_output():
    out = ("Entering directory '/x'\n"
           "      ocamlc bin/.main.eobjs/byte/dune__exe__Main.{cmi,cmo,cmt} (exit 2)\n"
           "(cd _build/default && /usr/bin/ocamlc.opt -w @1..3 -g -c bin/main.ml)\n"
           'File "bin/main.ml", line 4, characters 0-0:\nError: Syntax error\n'
           "Error: Don't know how to build bin/x.bc\nHint: did you mean bin/x.ml?\n")
    ms = parse_messages(out)
    assert [(m.file, m.text) for m in ms] == [
        ("bin/main.ml", "Error: Syntax error"),
        (None, "Entering directory '/x'"),
        (None, "Error: Don't know how to build bin/x.bc\nHint: did you mean bin/x.ml?")]
    assert parse_messages("") == []


# --- positions -----------------------------------------------------------------------

def test_positions_bytes_to_utf16_and_back():
    st = SourceText('let s = "héllo😀" in s\nsecond\n')
    # "let s = \"h" is 10 bytes; é is 2 bytes; 😀 is 4 bytes and 2 UTF-16 units
    assert st.position(1, 12) == lsp.Position(0, 11)        # after é
    assert st.position(1, 20) == lsp.Position(0, 17)        # after 😀 and "\""
    assert st.position(1, 500) == lsp.Position(0, 22)       # clamped to the line end
    assert st.position(9, 0) == lsp.Position(2, 0)          # past the last line
    assert st.byte_column(lsp.Position(0, 11)) == (1, 12)
    assert st.byte_column(lsp.Position(0, 17)) == (1, 20)
    assert SourceText("é😀x", "utf-8").position(1, 6) == lsp.Position(0, 6)
    assert SourceText("é😀x", "utf-32").position(1, 6) == lsp.Position(0, 2)
    r = st.range(1, 8, 1, 4)    # an end before the start collapses
    assert r.start == r.end


# --- settings ------------------------------------------------------------------------

def test_settings():
    s, warnings = parse_settings({"lua_of_ocaml": {"target": "lua54", "targets": ["lua51"],
                                                   "trustDune": True, "ocamlcFlags": "-w +a"}})
    assert warnings == []
    assert s.target == "lua54" and s.targets == ["lua54", "lua51"] and s.trustedWorkspace
    assert s.ocamlcFlags == ("-w +a",)
    s2, warnings = parse_settings({"runTimeout": -1, "runMemoryMB": True, "checkTargets": ["x"],
                                   "oops": 1}, s)
    assert s2 == s and len(warnings) == 4
    assert parse_settings(None)[0] == Settings()
    assert parse_settings({"runArgs": {}, "linkFlags": None}) == (Settings(), [])   # Lua's empty tables
    assert parse_settings([1])[1] == ["settings must be an object, got list"]


# --- dune files ------------------------------------------------------------------------

def test_dune_files(tmp_path):
    assert parse_sexps('(a "b\\"c" ; x\n #;(gone) (d #| blk |# e))') == [["a", 'b"c', ["d", "e"]]]
    with pytest.raises(ValueError):
        parse_sexps("(a (b)")
    f = tmp_path / "dune"
    f.write_text("(library (name l))\n\n(executables\n (names a b)\n (modes byte exe))\n"
                 "(executable (name c) (modes (byte exe)))\n(executable (name d))\n")
    exes = executables_in(f)
    assert [(e.name, e.builds_bytecode, e.line) for e in exes] == [
        ("a", True, 3), ("b", True, 3), ("c", True, 6), ("d", False, 7)]
    assert exes[0].bytecode_target(tmp_path) == "a.bc"
    assert exes[0].bytecode_target(tmp_path.parent) == f"{tmp_path.name}/a.bc"
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "dune").write_text("(executable (name")
    assert executables_in(tmp_path / "broken" / "dune") == []


def test_project_discovery(tmp_path):
    (tmp_path / "dune-project").write_text("(lang dune 2.9)\n")
    sub = tmp_path / "sub"
    (sub / "bin").mkdir(parents=True)
    (sub / "dune-project").write_text("(lang dune 2.9)\n")
    (sub / "bin" / "dune").write_text("(executable (name main) (modes byte))\n")
    f = sub / "bin" / "main.ml"
    # within a workspace folder: the outermost dune project; outside: the nearest
    assert find_project(f, [tmp_path]).root == tmp_path.resolve()
    assert find_project(f, []).root == sub.resolve()
    assert find_project(f, [sub]).root == sub.resolve()
    loose = tmp_path.parent / (tmp_path.name + "-loose")
    loose.mkdir()
    (loose / "b.ml").write_text("")
    (loose / "a.ml").write_text("")
    (loose / ".#a.ml").write_text("")
    p = find_project(loose / "a.ml", [loose])
    assert p.kind == "files" and [x.name for x in p.sources()] == ["a.ml", "b.ml"]
    exes = find_project(f, [sub]).dune_executables()
    assert executable_for(f, exes).name == "main"
    assert executable_for(tmp_path / "elsewhere.ml", exes).name == "main"


# --- run reports ------------------------------------------------------------------------

def test_parse_failure():
    err = ('warming up\nFatal error: exception Failure("boom")\n'
           'Raised at Stdlib.failwith in file "stdlib.ml", line 29, characters 17-33\n'
           'Called from A.g in file "a.ml", line 2, characters 10-19\n'
           'Re-raised at A in file "a.ml", line 4, characters 2-8\n')
    f = parse_failure(err)
    assert f.message == 'Failure("boom")'
    assert [(x.kind, x.defname, x.file, x.line, x.col_start, x.col_end) for x in f.frames] == [
        ("Raised at", "Stdlib.failwith", "stdlib.ml", 29, 17, 33),
        ("Called from", "A.g", "a.ml", 2, 10, 19),
        ("Re-raised at", "A", "a.ml", 4, 2, 8)]
    lua = parse_failure('Fatal error: exception Failure("attempt to call a nil value '
                        '(Lua error at File "m.ml", line 3, characters 4-10)")\n')
    assert (lua.lua_error.file, lua.lua_error.line, lua.lua_error.col_start) == ("m.ml", 3, 4)
    assert parse_failure("all good\n") is None


def test_load_error_positions():
    e = load_error(b"local x = 1\nlocal = 2\n", "lua54")
    assert (e.line, e.target) == (2, "lua54") and "near '='" in e.message
    upvalues = ("local " + ",".join(f"a{i}" for i in range(70)) + "\nreturn function()\n return "
                + "+".join(f"a{i}" for i in range(70)) + "\nend\n").encode()
    e = load_error(upvalues, "luajit")
    assert e.function_line == 2 and "upvalues" in e.message
    assert load_error(upvalues, "lua54") is None
    assert load_error(b"goto done ::done::", "lua51") is not None
    assert load_error(b"goto done ::done::", "luajit") is None


# --- cancellation and the build extensions -----------------------------------------------

def test_cancel_token_kills_registered_and_late_processes():
    token = CancelToken()
    p1 = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    token.register(p1)
    t0 = time.monotonic()
    token.cancel()
    assert p1.wait(5) != 0 and time.monotonic() - t0 < 5
    p2 = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"], start_new_session=True)
    token.register(p2)       # registered after the cancel: killed at once
    assert p2.wait(5) != 0
    assert token.cancelled


def test_build_keeps_going_past_a_failing_file(tmp_path):
    (tmp_path / "bad.ml").write_text("let x : int = \"no\"\n")
    (tmp_path / "uses_bad.ml").write_text("let y = Bad.x\n")
    (tmp_path / "fine.ml").write_text("let f = function Some x -> x\n")
    srcs = [str(tmp_path / f) for f in ("bad.ml", "uses_bad.ml", "fine.ml")]
    work = tmp_path / "work"
    work.mkdir()
    stop = build_executable(srcs, str(work))
    go = build_executable(srcs, str(work), keep_going=True)
    assert not stop.ok and not go.ok
    files = {m.file for m in parse_messages(go.messages)}
    assert any(f.endswith("bad.ml") for f in files) and any(f.endswith("fine.ml") for f in files)
    assert not any(f.endswith("uses_bad.ml") for f in files)   # not compiled: it uses Bad
    assert "fine.ml" not in stop.messages or "bad.ml" not in stop.messages


def test_build_dune(tmp_path):
    assert shutil.which("dune"), "dune is not installed (scripts/setup.sh installs it)"
    (tmp_path / "dune-project").write_text("(lang dune 2.9)\n")
    (tmp_path / "dune").write_text("(executable (name hello) (modes byte))\n")
    (tmp_path / "hello.ml").write_text('let () = print_string "hi"\n')
    res = build_dune(str(tmp_path), "hello.bc")
    assert res.ok and res.exe.endswith("_build/default/hello.bc"), res.messages
    res = build_dune(str(tmp_path), "nothing.bc")
    assert not res.ok and "nothing.bc" in res.messages


def test_escaped_lua_error_is_mapped_through_the_source_map(tmp_path):
    """A Lua error that escaped the runtime names Lua lines (`program:N:`): the
    source map takes it back to the OCaml line."""
    from lua_of_ocaml.api import compile_file
    src = tmp_path / "m.ml"
    src.write_text("let f x = x + 1\nlet () = print_int (f 41)\n")
    built = build_executable([str(src)], str(tmp_path))
    res = compile_file(built.exe)
    line = next(m.lua_line for m in res.source_map.mappings if m.source == str(src) and m.line == 2)
    f = parse_failure(f"lua_of_ocaml: Lua error: program:{line}: attempt to call a nil value\n",
                      res.source_map)
    assert (f.lua_error.file, f.lua_error.line) == (str(src), 2)
    assert f.message.startswith("lua_of_ocaml: Lua error: File ")
