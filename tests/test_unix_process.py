"""Processes and pipes of the Unix library (runtime/lua/unix.lua) and Sys.command.

tests/programs/unix_process compares a whole program with ocamlrun
(tests/test_programs.py): system, open_process*, create_process, waitpid and
Unix.pipe. Here, the primitives are driven directly in each target's embedded
Lua (where io.popen is missing on Lua 5.1 and 5.4, so children run to their
end through os.execute), and a program whose child never ends on its own runs
on the real interpreters, which have io.popen.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import NATIVE, TARGETS, ocaml_env, ocaml_tool
from lua_engines import run_checks

PRELUDE = r"""
-- the exception Unix.Unix_error, as unix.ml registers it
P.caml_named_values["Unix.Unix_error"] = { 248, "Unix.Unix_error", -100 }
-- "Unix_error(<errno constructor index>, fname, arg)", or the exception's text
local function exn(f, ...)
  local ok, e = pcall(f, ...)
  if ok then return "ok" end
  if type(e) ~= "table" then return "lua error: " .. tostring(e) end
  if e[2] == P.caml_named_values["Unix.Unix_error"] then
    return "Unix_error(" .. P.unix_error_message(e[3]) .. ", " .. P.caml_lua_string(e[4])
      .. ", " .. P.caml_lua_string(e[5]) .. ")"
  end
  return P.caml_format_exception(e)
end
local function status(st)
  return ({ [0] = "WEXITED", "WSIGNALED", "WSTOPPED" })[st[1]] .. " " .. st[2]
end
local function sh(cmd) return { 0, "/bin/sh", "-c", cmd } end
local function read_all(fd)
  local parts = {}
  while true do
    local s = P.caml_sys_read(fd, 7)
    if s == "" then break end
    parts[#parts + 1] = s
  end
  return table.concat(parts)
end
"""

NAMES = {"unix_pipe", "unix_spawn", "unix_waitpid", "unix_wait", "unix_close", "unix_read",
         "unix_write", "unix_fstat", "unix_lseek", "unix_error_message", "caml_sys_read",
         "caml_sys_write", "caml_sys_system_command", "caml_format_exception", "caml_lua_string",
         "caml_named_values", "caml_bytes_of_lua_string", "caml_create_bytes"}


def run(target: str, body: str, host: bool = False) -> None:
    prelude = PRELUDE
    if host:
        # a host that takes the standard output and error, as the embedded runner does
        prelude += r"""
local written = { [1] = {}, [2] = {} }
local default_write = P.caml_sys_write
P.caml_sys_write = function(fd, s)
  if fd == 1 or fd == 2 then
    local w = written[fd]
    w[#w + 1] = s
    return 0
  end
  return default_write(fd, s)
end
local function out(fd) local s = table.concat(written[fd]) written[fd] = {} return s end
"""
    run_checks(target, NAMES, prelude, body)


@pytest.mark.parametrize("target", TARGETS)
def test_pipe(target):
    run(target, r"""
local p = P.unix_pipe(0, 0)
local r, w = p[2], p[3]
local buf = P.caml_create_bytes(16)
check("nothing to read", exn(P.unix_read, r, buf, 0, 16),
  "Unix_error(Resource temporarily unavailable, read, )")
check("write", P.unix_write(w, "hello", 0, 5), 5)
check("write 2", P.unix_write(w, "world", 1, 3), 3)
check("read part", P.unix_read(r, buf, 0, 3), 3)
check("read rest", P.unix_read(r, buf, 3, 16 - 3), 5)
check("data", P.caml_lua_string(buf):sub(1, 8), "helloorl")
check("fstat kind", P.unix_fstat(r)[4], 5)
check("lseek", exn(P.unix_lseek, r, 0, 0), "Unix_error(Illegal seek, lseek, )")
check("read a write end", exn(P.unix_read, w, buf, 0, 1), "Unix_error(Bad file descriptor, read, )")
P.unix_close(w)
check("eof", P.unix_read(r, buf, 0, 16), 0)
P.unix_close(r)
local p2 = P.unix_pipe(0, 0)
P.unix_close(p2[2])
check("no reader", exn(P.unix_write, p2[3], "x", 0, 1), "Unix_error(Broken pipe, write, )")
""")


@pytest.mark.parametrize("target", TARGETS)
def test_spawn_and_wait(target):
    run(target, r"""
-- the child's output through a pipe, its status by waitpid
local p = P.unix_pipe(0, 0)
local pid = P.unix_spawn("/bin/sh", sh("printf 'x\\ny'; echo err >&2; exit 3"), 0, 0, { 0, 0, p[3], p[3] })
P.unix_close(p[3])
check("output", read_all(p[2]), "x\nyerr\n")
P.unix_close(p[2])
local w = P.unix_waitpid(0, pid)
check("pid", w[2], pid)
check("status", status(w[3]), "WEXITED 3")
check("reaped", exn(P.unix_waitpid, 0, pid), "Unix_error(No child processes, waitpid, )")
check("none", exn(P.unix_wait, 0), "Unix_error(No child processes, wait, )")
-- input and output pipes: the child reads what was written once the pipe is closed
local i, o = P.unix_pipe(0, 0), P.unix_pipe(0, 0)
pid = P.unix_spawn("tr", { 0, "tr", "a-z", "A-Z" }, 0, 1, { 0, i[2], o[3], 2 })
P.unix_close(i[2])
P.unix_close(o[3])
P.unix_write(i[3], "abc\n", 0, 4)
-- WNOHANG: still waiting for its input
local nh = P.unix_waitpid({ 0, 0, 0 }, pid)
check("wnohang", nh[2] .. " " .. status(nh[3]), "0 WEXITED 0")
P.unix_close(i[3])
check("filtered", read_all(o[2]), "ABC\n")
check("wait any", status(P.unix_wait(0)[3]), "WEXITED 0")
-- signals are OCaml's numbers (Sys.sigkill = -7)
pid = P.unix_spawn("/bin/sh", sh("kill -9 $$"), 0, 0, { 0, 0, 1, 2 })
check("signal", status(P.unix_waitpid(0, pid)[3]), "WSIGNALED -7")
-- environment, and a program found in PATH
o = P.unix_pipe(0, 0)
pid = P.unix_spawn("printenv", { 0, "printenv", "V" }, { 0, { 0, "V=set" } }, 1, { 0, 0, o[3], 2 })
P.unix_close(o[3])
check("env", read_all(o[2]), "set\n")
check("env status", status(P.unix_waitpid(0, pid)[3]), "WEXITED 0")
-- errors
check("missing", exn(P.unix_spawn, "no_such_program_xyz", { 0, "x" }, 0, 1, { 0, 0, 1, 2 }),
  "Unix_error(No such file or directory, create_process, no_such_program_xyz)")
check("not in the directory", exn(P.unix_spawn, "sh", { 0, "sh" }, 0, 0, { 0, 0, 1, 2 }),
  "Unix_error(No such file or directory, create_process, sh)")
check("bad descriptor", exn(P.unix_spawn, "/bin/sh", sh("true"), 0, 0, { 0, 0, 57, 2 }),
  "Unix_error(Bad file descriptor, create_process, /bin/sh)")
""")


@pytest.mark.parametrize("target", TARGETS)
def test_children_output_goes_to_the_host(target):
    run(target, r"""
-- the program's standard output and error belong to a host: children's go there too
check("command", P.caml_sys_system_command("echo out; echo err >&2; exit 4"), 4)
check("command out", out(1), "out\n")
check("command err", out(2), "err\n")
check("signal", P.caml_sys_system_command("kill -9 $$"), 255)
local pid = P.unix_spawn("/bin/sh", sh("echo a; echo b >&2"), 0, 0, { 0, 0, 1, 2 })
check("system", status(P.unix_waitpid(0, pid)[3]), "WEXITED 0")
check("system out", out(1), "a\n")
check("system err", out(2), "b\n")
-- stderr on the program's stdout
pid = P.unix_spawn("/bin/sh", sh("echo c >&2"), 0, 0, { 0, 0, 1, 1 })
P.unix_waitpid(0, pid)
check("merged", out(1), "c\n")
check("merged err", out(2), "")
""", host=True)


EARLY_CLOSE = r"""
let status = function
  | Unix.WEXITED n -> Printf.sprintf "WEXITED %d" n
  | Unix.WSIGNALED n -> Printf.sprintf "WSIGNALED %d" n
  | Unix.WSTOPPED n -> Printf.sprintf "WSTOPPED %d" n

let () =
  (* a child that never ends by itself: read while it runs, then close *)
  let ic = Unix.open_process_in "yes" in
  let a = input_line ic in
  let b = input_line ic in
  Printf.printf "%s %s\n" a b;
  print_endline (status (Unix.close_process_in ic));
  (* a child that reads until the program closes its input *)
  let oc = Unix.open_process_out "cat > /dev/null; echo done" in
  for _ = 1 to 1000 do output_string oc "line\n" done;
  flush stdout;
  print_endline (status (Unix.close_process_out oc))
"""


@pytest.mark.slow
def test_endless_child_on_real_interpreters(tmp_path: Path) -> None:
    """io.popen: the child runs alongside the program, and closing its pipe early ends
    it as under ocamlrun (SIGPIPE, reported by /bin/sh)."""
    src = tmp_path / "early.ml"
    src.write_text(EARLY_CLOSE)
    subprocess.run([ocaml_tool("ocamlc"), "-I", "+unix", "unix.cma", src.name, "-o", "early.byte"],
                   cwd=tmp_path, check=True, env=ocaml_env())
    ref = subprocess.run([ocaml_tool("ocamlrun"), "early.byte"], cwd=tmp_path, capture_output=True,
                         timeout=60, env=ocaml_env())
    assert ref.returncode == 0 and ref.stdout.startswith(b"y y\n"), ref
    for target in TARGETS:
        out = tmp_path / f"early.{target}.lua"
        subprocess.run([sys.executable, "-m", "lua_of_ocaml.cli", "compile", "early.byte", "--target",
                        target, "-o", str(out)], cwd=tmp_path, check=True, capture_output=True)
        got = subprocess.run([NATIVE[target], str(out)], cwd=tmp_path, capture_output=True, timeout=60)
        assert (got.stdout, got.returncode) == (ref.stdout, ref.returncode), (
            target, got.stderr.decode(errors="replace")[-2000:])
