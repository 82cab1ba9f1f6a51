"""The primitive inventory: --Unsupported headers, inventory() classification, and
coverage of the primitives of programs linking the standard library and unix.cma."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import TARGETS
from lua_of_ocaml.api import compile_file
from lua_of_ocaml.bytecode.exe_file import read_exe
from lua_of_ocaml.errors import CompileError
from lua_of_ocaml.inventory import IMPLEMENTED, MISSING, UNSUPPORTED, Entry, inventory
from lua_of_ocaml.linker.fragments import parse_fragments


# --- the --Unsupported header ---------------------------------------------------

def test_unsupported_header_is_parsed_and_stored() -> None:
    frags = parse_fragments(
        "--Provides: a, b\n"
        "--Unsupported: no fork here, nor signals\n"
        "--Requires: c\n"
        "function P.a() end\n"
        "\n"
        "--Provides: c\n"
        "function P.c() end\n", "x.lua")
    assert [f.provides for f in frags] == [["a", "b"], ["c"]]
    assert frags[0].unsupported == "no fork here, nor signals"  # commas are part of the reason
    assert frags[0].requires == ["c"]
    assert frags[1].unsupported is None
    assert "function P.a() end" in frags[0].code and "Unsupported" not in frags[0].code


def test_unsupported_header_in_any_header_position() -> None:
    frags = parse_fragments("--Provides: a\n--If: lua54\n--Requires: b\n--Unsupported: why\nlocal x\n",
                            "x.lua")
    assert frags[0].targets == ("lua54",) and frags[0].requires == ["b"]
    assert frags[0].unsupported == "why"


def test_existing_headers_unchanged() -> None:
    frags = parse_fragments("--Provides: a\n--Requires: b\n--Provides: c\nlocal y\n", "x.lua")
    assert [(f.provides, f.requires, f.unsupported) for f in frags] == [(["a"], ["b"], None),
                                                                       (["c"], [], None)]


@pytest.mark.parametrize("text", [
    "--Unsupported: why\n--Provides: a\n",           # before any --Provides
    "--Provides: a\n--Unsupported:\nlocal x\n",      # no reason
    "--Provides: a\n--Unsupported: x\n--Unsupported: y\n",
])
def test_bad_unsupported_header(text: str) -> None:
    with pytest.raises(CompileError):
        parse_fragments(text, "bad.lua")


def test_unsupported_line_in_a_body_is_code() -> None:
    frags = parse_fragments("--Provides: a\nlocal x = 1\n--Unsupported: not a header\n", "x.lua")
    assert frags[0].unsupported is None
    assert "--Unsupported: not a header" in frags[0].code


# --- inventory() -----------------------------------------------------------------

USER = """--Provides: inv_ok
--Requires: inv_helper
function P.inv_ok() return P.inv_helper() end

--Provides: inv_helper
function P.inv_helper() return 1 end

--Provides: inv_stub, inv_stub2
--Unsupported: cannot be done in Lua
function P.inv_stub() error("no") end
P.inv_stub2 = P.inv_stub

--Provides: inv_broken
--Requires: inv_ok, inv_nowhere
function P.inv_broken() end

--Provides: inv_jit_only
--If: luajit
function P.inv_jit_only() end

--Provides: caml_sys_exit
--Unsupported: overridden by a user file
function P.caml_sys_exit() end
"""


@pytest.fixture
def user_file(tmp_path: Path) -> str:
    f = tmp_path / "inventory_user.lua"
    f.write_text(USER)
    return str(f)


def test_inventory_classifies(user_file: str) -> None:
    names = ["inv_ok", "inv_stub", "inv_stub2", "inv_broken", "inv_jit_only", "inv_absent",
             "caml_sys_exit", "inv_ok"]
    jit = inventory(names, "luajit", [user_file])
    assert [e.name for e in jit] == names[:-1]  # input order, duplicates dropped
    by = {e.name: e for e in jit}
    assert by["inv_ok"] == Entry("inv_ok", IMPLEMENTED, "")
    assert by["inv_stub"].status == UNSUPPORTED and by["inv_stub"].reason == "cannot be done in Lua"
    assert by["inv_stub2"].status == UNSUPPORTED
    assert by["inv_broken"].status == MISSING and "inv_nowhere" in by["inv_broken"].reason
    assert by["inv_jit_only"].status == IMPLEMENTED
    assert by["inv_absent"].status == MISSING and by["inv_absent"].reason
    assert by["caml_sys_exit"] == Entry("caml_sys_exit", UNSUPPORTED, "overridden by a user file")
    lua54 = {e.name: e for e in inventory(names, "lua54", [user_file])}
    assert lua54["inv_jit_only"] == Entry("inv_jit_only", MISSING, "provided only for luajit")
    assert lua54["inv_absent"] == Entry("inv_absent", MISSING, "no runtime fragment provides it")
    assert lua54["inv_ok"].status == IMPLEMENTED


def test_inventory_of_the_runtime() -> None:
    names = ["caml_sys_exit", "unix_fork", "unix_time", "unix_putenv", "caml_dynlink_open_lib",
             "caml_ba_get_1", "caml_no_such_primitive"]
    for target in TARGETS:
        by = {e.name: e for e in inventory(names, target)}
        assert by["caml_sys_exit"].status == IMPLEMENTED  # user files are not loaded here
        assert by["unix_time"].status == IMPLEMENTED
        assert by["caml_ba_get_1"].status == IMPLEMENTED
        assert by["unix_fork"].status == UNSUPPORTED and "process" in by["unix_fork"].reason
        assert by["unix_putenv"].status == UNSUPPORTED
        assert by["caml_dynlink_open_lib"].status == UNSUPPORTED
        assert by["caml_no_such_primitive"].status == MISSING


def test_ocaml5_unix_names() -> None:
    """OCaml 5 renamed the primitives of unix.cma unix_X -> caml_unix_X."""
    names = ["caml_unix_time", "caml_unix_stat_64", "caml_unix_read_bigarray",
             "caml_unix_write_bigarray", "caml_unix_fork", "caml_unix_putenv"]
    for target in TARGETS:
        by = {e.name: e.status for e in inventory(names, target)}
        assert by == {"caml_unix_time": IMPLEMENTED, "caml_unix_stat_64": IMPLEMENTED,
                      "caml_unix_read_bigarray": IMPLEMENTED, "caml_unix_write_bigarray": IMPLEMENTED,
                      "caml_unix_fork": UNSUPPORTED, "caml_unix_putenv": UNSUPPORTED}


def test_inventory_rejects_unknown_target() -> None:
    with pytest.raises(ValueError):
        inventory(["caml_sys_exit"], "lua53")


# --- programs using the whole standard library and unix.cma ------------------------

PROGRAM = """
module type EMPTY = sig end
let _ = Obj.repr (module Stdlib.Bigarray : EMPTY)
let _ = Obj.repr (module Stdlib.Format : EMPTY)
let _ = Obj.repr (module Stdlib.Scanf : EMPTY)
let () =
  let t = Unix.gmtime 86400. in
  Printf.printf "%d %d\\n" t.Unix.tm_mday (Unix.getpid () * 0);
  (try Unix.kill 999999999 0 with Unix.Unix_error (_, f, _) -> print_endline f)
"""


@pytest.fixture(scope="module")
def unix_program(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("inv")
    (d / "p.ml").write_text(PROGRAM)
    subprocess.run(["ocamlc", "-g", "-linkall", "unix.cma", "p.ml", "-o", "p.byte"], cwd=d,
                   check=True, capture_output=True)
    return d / "p.byte"


def test_every_primitive_of_unix_and_stdlib_is_provided(unix_program: Path) -> None:
    prims = read_exe(unix_program).primitives()
    assert any(p.startswith("unix_") for p in prims)
    for target in TARGETS:
        entries = inventory(prims, target)
        missing = [e.name for e in entries if e.status == MISSING]
        assert missing == [], f"{target}: {missing}"
        unsupported = {e.name for e in entries if e.status == UNSUPPORTED}
        assert "unix_fork" in unsupported and "unix_gmtime" not in unsupported


@pytest.mark.parametrize("target", TARGETS)
def test_unix_program_compiles_strictly(unix_program: Path, target: str) -> None:
    res = compile_file(unix_program, target, strict=True)
    assert not res.missing_primitives

