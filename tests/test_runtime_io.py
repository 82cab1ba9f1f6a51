"""Runtime primitives for channels, the system interface, Printexc and Digest
(runtime/lua/io.lua, sys.lua, printexc.lua, md5.lua).

Each test links the fragments it needs for one target, appends a Lua test
body and runs the chunk in lupa (the target's Lua engine). Bodies collect
failures in a table and return them as one string. Expected texts are the
ones ocamlrun 4.13 gives.
"""

from __future__ import annotations

import hashlib
import importlib
import os
import sys
from pathlib import Path

import pytest

from lua_engines import ENGINES, TARGETS, link_runtime
from lua_engines import engine as _engine


PRELUDE = r"""
local G = P.caml_global_data
local exn_names = { "Out_of_memory", "Sys_error", "Failure", "Invalid_argument",
  "End_of_file", "Division_by_zero", "Not_found", "Match_failure",
  "Stack_overflow", "Sys_blocked_io", "Assert_failure", "Undefined_recursive_module" }
for i, n in ipairs(exn_names) do G[i] = G[i] or { 248, n, -i } end
-- int64 values, if the int64 runtime file is not there
P.caml_int64_of_number = P.caml_int64_of_number or function(x) return { stub = x } end
P.caml_int64_to_number = P.caml_int64_to_number or function(v) return v.stub end
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
-- the text of the exception raised by f (or "ok")
local function exn(f, ...)
  local ok, e = pcall(f, ...)
  if ok then return "ok" end
  if type(e) ~= "table" then return "lua error: " .. tostring(e) end
  return P.caml_format_exception(e)
end
local function S(b) return P.caml_lua_string(b) end
local function B(s) return P.caml_bytes_of_lua_string(s) end
local function Z(n)
  local b = {}
  for i = 1, n do b[i] = 0 end
  return setmetatable(b, P.caml_bytes_mt)
end
local function L(t)
  local l = 0
  for i = #t, 1, -1 do l = { 0, t[i], l } end
  return l
end
local function hex(s)
  return (string.gsub(s, ".", function(c) return string.format("%02x", string.byte(c)) end))
end
-- a host: output collected per fd, input fed from strings in pieces
local written = { [1] = {}, [2] = {} }
local writes = 0
P.caml_sys_write = function(fd, s)
  written[fd] = written[fd] or {}
  local w = written[fd]
  w[#w + 1] = s
  writes = writes + 1
  return 0
end
local function out(fd) return table.concat(written[fd] or {}) end
local feed, feed_chunk = "", 1000000
P.caml_sys_read = function(fd, n)
  if n > feed_chunk then n = feed_chunk end
  local s = string.sub(feed, 1, n)
  feed = string.sub(feed, n + 1)
  return s
end
"""

LIBS = {
    "caml_lua_string", "caml_bytes_of_lua_string", "caml_bytes_mt", "caml_format_exception",
}


def run(target: str, names: set[str], body: str) -> None:
    lupa = _engine(target)
    linked = link_runtime(set(names) | LIBS, target)
    code = (linked.code + PRELUDE + "local ok, err = pcall(function()\n" + body
            + "\nend)\nif not ok then fails[#fails + 1] = 'uncaught: ' .. "
            + "(type(err) == 'table' and P.caml_format_exception(err) or tostring(err)) end\n"
            + 'return table.concat(fails, "\\n")\n')
    lua = lupa.LuaRuntime()
    res = lua.execute(code)
    assert not res, f"[{target}]\n{res}"


def lua_str(s: str) -> str:
    """A Lua long-bracket literal for a path."""
    return "[==[" + s + "]==]"


# --- channels ----------------------------------------------------------------

@pytest.mark.parametrize("target", TARGETS)
def test_output_buffering(target):
    run(target, {"caml_ml_open_descriptor_out", "caml_ml_output", "caml_ml_output_char",
                 "caml_ml_output_bytes", "caml_ml_output_int", "caml_ml_flush",
                 "caml_flush_all", "caml_ml_out_channels_list", "caml_ml_pos_out",
                 "caml_channel_descriptor", "caml_ml_set_buffered", "caml_ml_is_buffered"}, r"""
local so = P.caml_ml_open_descriptor_out(1)
local se = P.caml_ml_open_descriptor_out(2)
-- (the offset starts at the file's, or -1 on a pipe as in ocamlrun)
local pos0 = P.caml_ml_pos_out(so)
check("descr", P.caml_channel_descriptor(se), 2)
check("output", P.caml_ml_output(so, "hello", 1, 3), 0)
P.caml_ml_output_char(so, 10)
P.caml_ml_output_char(so, 256 + 65)
P.caml_ml_output_bytes(so, B("xyz"), 0, 3)
P.caml_ml_output(so, B("<bytes as string>"), 1, 5)
P.caml_ml_output_int(so, -2)
P.caml_ml_output_int(so, 0x01020304)
check("buffered", out(1), "")
check("pos_out", P.caml_ml_pos_out(so) - pos0, 3 + 1 + 1 + 3 + 5 + 8)
P.caml_ml_output(se, "err", 0, 3)
P.caml_ml_flush(so)
check("flushed", out(1), "ell\nAxyzbytes\255\255\255\254\1\2\3\4")
check("stderr still buffered", out(2), "")
P.caml_flush_all()
check("flush_all", out(2), "err")
-- out_channels_list: in opening order
local l = P.caml_ml_out_channels_list(0)
check("list 1", l[2], so)
check("list 2", l[3][2], se)
check("list end", l[3][3], 0)
-- a full buffer is written out in 65536-byte pieces
local big = string.rep("a", 70000)
writes = 0
P.caml_ml_output(so, big, 0, #big)
check("one write", writes, 1)
check("first 64K", #written[1][#written[1]], 65536)
P.caml_ml_flush(so)
check("rest", #written[1][#written[1]], 70000 - 65536)
for i = 1, 65536 do P.caml_ml_output_char(so, 98) end
check("putch keeps a full buffer", writes, 2)
P.caml_ml_output_char(so, 98)
check("then writes it", #written[1][#written[1]], 65536)
-- unbuffered channels
P.caml_ml_flush(so)
check("is_buffered", P.caml_ml_is_buffered(so), 1)
P.caml_ml_set_buffered(so, 0)
P.caml_ml_output(so, "now", 0, 3)
check("unbuffered", written[1][#written[1]], "now")
""")


@pytest.mark.parametrize("target", TARGETS)
def test_input_primitives(target):
    run(target, {"caml_ml_open_descriptor_in", "caml_ml_input", "caml_ml_input_char",
                 "caml_ml_input_int", "caml_ml_input_scan_line", "caml_ml_pos_in",
                 "caml_raise_end_of_file"}, r"""
feed = "line one\n\nx\255\255\255\254tail"
feed_chunk = 5
local ic = P.caml_ml_open_descriptor_in(0)
check("scan line", P.caml_ml_input_scan_line(ic), 9)
local b = Z(8)
check("input", P.caml_ml_input(ic, b, 0, 8), 8)
check("input text", S(b), "line one")
check("newline", P.caml_ml_input_char(ic), 10)
check("empty line", P.caml_ml_input_scan_line(ic), 1)
check("newline 2", P.caml_ml_input_char(ic), 10)
check("char", P.caml_ml_input_char(ic), 120)
check("int", P.caml_ml_input_int(ic), -2)
check("no newline at end", P.caml_ml_input_scan_line(ic), -4)
local t = Z(10)
check("input partial", P.caml_ml_input(ic, t, 2, 10), 4)
check("input into", S(t), "\0\0tail\0\0\0\0")
check("input 0", P.caml_ml_input(ic, t, 0, 0), 0)
check("eof scan", P.caml_ml_input_scan_line(ic), 0)
check("eof input", P.caml_ml_input(ic, t, 0, 3), 0)
check("eof char", exn(P.caml_ml_input_char, ic), "End_of_file")
-- input_int at end of file
feed = "ab"
check("eof int", exn(P.caml_ml_input_int, ic), "End_of_file")
-- a line longer than the buffer: negative count of a full buffer
feed = string.rep("z", 70000) .. "\nnext\n"
feed_chunk = 1000000
local ic2 = P.caml_ml_open_descriptor_in(0)
check("full buffer", P.caml_ml_input_scan_line(ic2), -65536)
local big = Z(65536)
check("take it", P.caml_ml_input(ic2, big, 0, 65536), 65536)
check("rest of line", P.caml_ml_input_scan_line(ic2), 70000 - 65536 + 1)
-- input reads from the file only when the buffer is empty
feed = "abcdef"
feed_chunk = 3
local ic3 = P.caml_ml_open_descriptor_in(0)
local c = Z(6)
check("first read", P.caml_ml_input(ic3, c, 0, 6), 3)
check("second read", P.caml_ml_input(ic3, c, 3, 6 - 3), 3)
check("both", S(c), "abcdef")
""")


@pytest.mark.parametrize("target", TARGETS)
def test_files(target, tmp_path):
    f = str(tmp_path / "f.txt")
    run(target, {"caml_sys_open", "caml_sys_close", "caml_ml_open_descriptor_in",
                 "caml_ml_open_descriptor_out", "caml_ml_output", "caml_ml_flush",
                 "caml_ml_close_channel", "caml_ml_channel_size", "caml_ml_pos_in",
                 "caml_ml_pos_out", "caml_ml_seek_in", "caml_ml_seek_out",
                 "caml_ml_input_scan_line", "caml_ml_input_char", "caml_ml_input",
                 "caml_ml_set_channel_name", "caml_ml_set_binary_mode", "caml_channel_descriptor",
                 "caml_ml_channel_size_64", "caml_ml_pos_in_64", "caml_ml_pos_out_64",
                 "caml_ml_seek_in_64", "caml_ml_seek_out_64", "caml_ml_out_channels_list",
                 "caml_sys_write", "caml_sys_read"}, r"""
-- real files, whatever the host does for the standard descriptors
P.caml_sys_write = P.caml_sys_write_default
P.caml_sys_read = P.caml_sys_read_default
local f = """ + lua_str(f) + r"""
local WR = L{ 1, 3, 4, 7 }
local oc = P.caml_ml_open_descriptor_out(P.caml_sys_open(f, WR, 420))
check("fd", P.caml_channel_descriptor(oc) >= 3, true)
P.caml_ml_set_channel_name(oc, f)
P.caml_ml_set_binary_mode(oc, 1)
P.caml_ml_output(oc, "hello\nworld", 0, 11)
check("pos_out", P.caml_ml_pos_out(oc), 11)
check("size before flush", P.caml_ml_channel_size(oc), 0)
P.caml_ml_flush(oc)
check("size", P.caml_ml_channel_size(oc), 11)
check("size 64", P.caml_int64_to_number(P.caml_ml_channel_size_64(oc)), 11)
P.caml_ml_seek_out(oc, 0)
P.caml_ml_output(oc, "J", 0, 1)
check("pos after seek", P.caml_ml_pos_out(oc), 1)
P.caml_ml_seek_out_64(oc, P.caml_int64_of_number(11))
P.caml_ml_output(oc, "!\n", 0, 2)
check("pos 64", P.caml_int64_to_number(P.caml_ml_pos_out_64(oc)), 13)
P.caml_ml_flush(oc)
P.caml_ml_close_channel(oc)
check("closed list", P.caml_ml_out_channels_list(0), 0)
check("write closed", exn(P.caml_ml_output, oc, "x", 0, 1), 'Sys_error("Bad file descriptor")')
check("write closed, nothing", exn(P.caml_ml_output, oc, "x", 0, 0), "ok")
check("flush closed", exn(P.caml_ml_flush, oc), "ok")
check("close twice", exn(P.caml_ml_close_channel, oc), "ok")
check("pos closed", P.caml_ml_pos_out(oc), 13 + 65536)
check("descr closed", exn(P.caml_channel_descriptor, oc), 'Sys_error("Bad file descriptor")')

local ic = P.caml_ml_open_descriptor_in(P.caml_sys_open(f, L{ 0, 7 }, 0))
check("in size", P.caml_ml_channel_size(ic), 13)
check("scan", P.caml_ml_input_scan_line(ic), 6)
check("pos_in", P.caml_ml_pos_in(ic), 0)
local b = Z(6)
P.caml_ml_input(ic, b, 0, 6)
check("line", S(b), "Jello\n")
check("pos_in 2", P.caml_ml_pos_in(ic), 6)
P.caml_ml_seek_in(ic, 2)
check("seek in buffer", P.caml_ml_input_char(ic), string.byte("l"))
check("pos_in 64", P.caml_int64_to_number(P.caml_ml_pos_in_64(ic)), 3)
P.caml_ml_seek_in_64(ic, P.caml_int64_of_number(6))
check("seek 64", P.caml_ml_input_char(ic), string.byte("w"))
P.caml_ml_close_channel(ic)
check("read closed", exn(P.caml_ml_input_char, ic), 'Sys_error("Bad file descriptor")')
check("size closed", exn(P.caml_ml_channel_size, ic), 'Sys_error("Bad file descriptor")')

-- append, no truncation, exclusive creation
local fd = P.caml_sys_open(f, L{ 1, 2 }, 0)
local ac = P.caml_ml_open_descriptor_out(fd)
P.caml_ml_output(ac, "more\n", 0, 5)
P.caml_ml_flush(ac)
P.caml_ml_close_channel(ac)
local h = io.open(f, "rb")
check("appended", h:read("*a"), "Jello\nworld!\nmore\n")
h:close()
local w2 = P.caml_ml_open_descriptor_out(P.caml_sys_open(f, L{ 1 }, 0))
P.caml_ml_output(w2, "HE", 0, 2)
P.caml_ml_close_channel(w2)
h = io.open(f, "rb")
check("close does not flush", h:read("*a"), "Jello\nworld!\nmore\n")
h:close()
w2 = P.caml_ml_open_descriptor_out(P.caml_sys_open(f, L{ 1 }, 0))
P.caml_ml_output(w2, "HE", 0, 2)
P.caml_ml_flush(w2)
P.caml_ml_close_channel(w2)
h = io.open(f, "rb")
check("no truncation", h:read("*a"), "HEllo\nworld!\nmore\n")
h:close()
-- Open_append alone implies O_WRONLY; the offset starts at 0 as with O_APPEND
ac = P.caml_ml_open_descriptor_out(P.caml_sys_open(f, L{ 2, 3 }, 420))
P.caml_ml_output(ac, "!", 0, 1)
check("append pos_out", P.caml_ml_pos_out(ac), 1)
P.caml_ml_flush(ac)
P.caml_ml_close_channel(ac)
h = io.open(f, "rb")
check("append without wronly", h:read("*a"), "HEllo\nworld!\nmore\n!")
h:close()
check("excl", exn(P.caml_sys_open, f, L{ 1, 3, 5 }, 420), 'Sys_error("' .. f .. ': File exists")')
check("missing", exn(P.caml_sys_open, f .. ".no", L{ 0 }, 0),
  'Sys_error("' .. f .. '.no: No such file or directory")')
check("missing dir", exn(P.caml_sys_open, "/nonexistent/x", WR, 420),
  'Sys_error("/nonexistent/x: No such file or directory")')
check("nul", exn(P.caml_sys_open, f .. "\0x", L{ 0 }, 0),
  'Sys_error("' .. f .. '")')
check("close bad fd", exn(P.caml_sys_close, 999), 'Sys_error("Bad file descriptor")')
""")


@pytest.mark.parametrize("target", TARGETS)
def test_directory_reads_fail_like_ocamlrun(target, tmp_path):
    d = str(tmp_path)
    run(target, {"caml_sys_open", "caml_ml_open_descriptor_in", "caml_ml_input_scan_line",
                 "caml_sys_read"}, r"""
P.caml_sys_read = P.caml_sys_read_default
local ic = P.caml_ml_open_descriptor_in(P.caml_sys_open(""" + lua_str(d) + r""", L{ 0 }, 0))
check("read dir", exn(P.caml_ml_input_scan_line, ic), 'Sys_error("Is a directory")')
""")


# --- system -----------------------------------------------------------------

@pytest.mark.parametrize("target", TARGETS)
def test_sys_files(target, tmp_path):
    d = str(tmp_path)
    (tmp_path / "a.txt").write_text("A")
    run(target, {"caml_sys_file_exists", "caml_sys_is_directory", "caml_sys_remove",
                 "caml_sys_rename", "caml_sys_read_directory", "caml_sys_mkdir",
                 "caml_sys_rmdir", "caml_sys_chdir", "caml_sys_getcwd",
                 "caml_sys_system_command", "caml_sys_command"}, r"""
local d = """ + lua_str(d) + r"""
check("exists", P.caml_sys_file_exists(d .. "/a.txt"), 1)
check("exists dir", P.caml_sys_file_exists(d), 1)
check("not exists", P.caml_sys_file_exists(d .. "/nope"), 0)
check("is_dir", P.caml_sys_is_directory(d), 1)
check("is_dir file", P.caml_sys_is_directory(d .. "/a.txt"), 0)
check("is_dir missing", exn(P.caml_sys_is_directory, d .. "/nope"),
  'Sys_error("' .. d .. '/nope: No such file or directory")')
check("rename", P.caml_sys_rename(d .. "/a.txt", d .. "/b.txt"), 0)
check("renamed", P.caml_sys_file_exists(d .. "/b.txt") .. P.caml_sys_file_exists(d .. "/a.txt"), "10")
check("rename missing", exn(P.caml_sys_rename, d .. "/nope", d .. "/x"),
  'Sys_error("No such file or directory")')
check("remove dir", exn(P.caml_sys_remove, d), 'Sys_error("' .. d .. ': Is a directory")')
check("remove missing", exn(P.caml_sys_remove, d .. "/nope"),
  'Sys_error("' .. d .. '/nope: No such file or directory")')
check("mkdir", P.caml_sys_mkdir(d .. "/sub", 448), 0)
check("mkdir exists", exn(P.caml_sys_mkdir, d .. "/sub", 448), 'Sys_error("' .. d .. '/sub: File exists")')
check("mkdir no parent", exn(P.caml_sys_mkdir, d .. "/x/y", 448),
  'Sys_error("' .. d .. '/x/y: No such file or directory")')
local names = P.caml_sys_read_directory(d)
local got = {}
for i = 2, #names do got[#got + 1] = names[i] end
table.sort(got)
check("readdir", table.concat(got, ","), "b.txt,sub")
check("readdir file", exn(P.caml_sys_read_directory, d .. "/b.txt"),
  'Sys_error("' .. d .. '/b.txt: Not a directory")')
check("readdir missing", exn(P.caml_sys_read_directory, d .. "/nope"),
  'Sys_error("' .. d .. '/nope: No such file or directory")')
check("rmdir file", exn(P.caml_sys_rmdir, d .. "/b.txt"), 'Sys_error("' .. d .. '/b.txt: Not a directory")')
-- chdir is the program's own: relative paths follow it
check("chdir", P.caml_sys_chdir(d .. "/sub"), 0)
check("getcwd", P.caml_sys_getcwd(0), d .. "/sub")
check("relative", P.caml_sys_file_exists("../b.txt"), 1)
check("command in cwd", P.caml_sys_system_command("test -f ../b.txt"), 0)
P.caml_sys_chdir("..")
check("getcwd ..", P.caml_sys_getcwd(0), d)
check("remove relative", P.caml_sys_remove("b.txt"), 0)
check("rmdir", P.caml_sys_rmdir("sub"), 0)
check("gone", P.caml_sys_file_exists("sub"), 0)
check("chdir missing", exn(P.caml_sys_chdir, "nope"), 'Sys_error("nope: No such file or directory")')
check("exit code", P.caml_sys_command("exit 3"), 3)
check("signal", P.caml_sys_system_command("kill -9 $$"), 255)
""")


@pytest.mark.parametrize("target", TARGETS)
def test_sys_misc(target):
    run(target, {"caml_sys_getenv", "caml_sys_unsafe_getenv", "caml_sys_argv_set",
                 "caml_sys_argv", "caml_sys_get_argv", "caml_sys_executable_name",
                 "caml_sys_modify_argv", "caml_sys_get_config", "caml_sys_const_big_endian",
                 "caml_sys_const_word_size", "caml_sys_const_int_size",
                 "caml_sys_const_max_wosize", "caml_sys_const_ostype_unix",
                 "caml_sys_const_ostype_win32", "caml_sys_const_ostype_cygwin",
                 "caml_sys_const_backend_type", "caml_sys_time", "caml_sys_random_seed",
                 "caml_install_signal_handler", "caml_ml_enable_runtime_warnings",
                 "caml_ml_runtime_warnings_enabled", "caml_runtime_variant",
                 "caml_runtime_parameters", "caml_sys_isatty", "caml_ml_open_descriptor_out",
                 "caml_get_global_data", "caml_dynlink_open_lib", "caml_ml_debug_info_status"},
        r"""
check("getenv", P.caml_sys_getenv("LOO_TEST_VAR"), "v1")
check("getenv bytes", P.caml_sys_unsafe_getenv(B("LOO_TEST_VAR")), "v1")
check("getenv unset", exn(P.caml_sys_getenv, "LOO_TEST_UNSET_VAR"), "Not_found")
P.caml_sys_argv_set({ "prog", "a", "b" })
local argv = P.caml_sys_argv(0)
check("argv", show(argv), "{0,prog,a,b}")
check("get_argv", P.caml_sys_get_argv(0)[2], "prog")
check("get_argv 2", P.caml_sys_get_argv(0)[3], argv)
check("exe", P.caml_sys_executable_name(0), "prog")
P.caml_sys_modify_argv({ 0, "x" })
check("modify", show(P.caml_sys_argv(0)), "{0,x}")
check("config", show(P.caml_sys_get_config(0)), "{0,Unix,64,0}")
check("consts", table.concat({ P.caml_sys_const_big_endian(0), P.caml_sys_const_word_size(0),
  P.caml_sys_const_int_size(0), P.caml_sys_const_ostype_unix(0),
  P.caml_sys_const_ostype_win32(0), P.caml_sys_const_ostype_cygwin(0),
  P.caml_sys_const_backend_type(0) }, ","), "0,64,32,1,0,0,1")
check("max string length fits", 4 * P.caml_sys_const_max_wosize(0) - 1 <= 2147483647, true)
check("time", type(P.caml_sys_time(0)), "number")
local seed = P.caml_sys_random_seed(0)
check("seed tag", seed[1], 0)
check("seed ints", #seed > 1 and seed[2] == math.floor(seed[2]), true)
check("signal", P.caml_install_signal_handler(-8, 1), 0)
check("warnings", P.caml_ml_runtime_warnings_enabled(0), 0)
P.caml_ml_enable_runtime_warnings(1)
check("warnings on", P.caml_ml_runtime_warnings_enabled(0), 1)
check("variant", P.caml_runtime_variant(0), "")
check("params", P.caml_runtime_parameters(0),
  "a=2,b=0,H=0,i=15,l=1048576,o=120,O=500,p=0,s=262144,t=0,v=0,w=1,W=0")
check("isatty (host output)", P.caml_sys_isatty(P.caml_ml_open_descriptor_out(1)), 0)
check("global data", P.caml_get_global_data(0)[3], P.caml_global_data[2])
check("dynlink", exn(P.caml_dynlink_open_lib, 0, "x"), 'Failure("dynamic loading not supported")')
check("debug info", P.caml_ml_debug_info_status(0), 0)
""")


@pytest.fixture(autouse=True)
def _env(monkeypatch):
    monkeypatch.setenv("LOO_TEST_VAR", "v1")
    monkeypatch.delenv("LOO_TEST_UNSET_VAR", raising=False)


@pytest.mark.parametrize("target", TARGETS)
def test_gc(target):
    run(target, {"caml_gc_stat", "caml_gc_quick_stat", "caml_gc_counters", "caml_gc_get",
                 "caml_gc_set", "caml_gc_minor", "caml_gc_major", "caml_gc_full_major",
                 "caml_gc_compaction", "caml_gc_minor_words", "caml_final_register",
                 "caml_final_register_called_without_value", "caml_final_release",
                 "caml_memprof_start", "caml_memprof_stop", "caml_gc_major_slice",
                 "caml_ensure_stack_capacity"}, r"""
local s = P.caml_gc_stat(0)
check("stat size", #s - 1, 17)
check("heap words", s[7] > 0, true)
check("quick stat size", #P.caml_gc_quick_stat(0) - 1, 17)
check("counters", #P.caml_gc_counters(0) - 1, 3)
local c = P.caml_gc_get(0)
check("control size", #c - 1, 11)
c[4] = 200
P.caml_gc_set(c)
check("set", P.caml_gc_get(0)[4], 200)
check("minor", P.caml_gc_minor(0), 0)
check("major", P.caml_gc_major(0), 0)
check("compaction", P.caml_gc_compaction(0), 0)
check("minor words", type(P.caml_gc_minor_words(0)), "number")
check("finalise int", exn(P.caml_final_register, function() return 0 end, 3),
  'Invalid_argument("Gc.finalise")')
local log = {}
local v = { 0, 7 }
P.caml_final_register_called_without_value(function(u) log[#log + 1] = "last" return 0 end, v)
P.caml_final_register(function(x) log[#log + 1] = "first " .. x[2] return 0 end, v)
P.caml_final_register(function(x) log[#log + 1] = "second " .. x[2] return 0 end, v)
P.caml_gc_full_major(0)
check("alive", #log, 0)
v = nil
P.caml_gc_full_major(0)
-- as ocamlrun: the `finalise` functions of a value in reverse order, then `finalise_last`
check("finalisers", table.concat(log, ","), "second 7,first 7,last")
check("release", P.caml_final_release(0), 0)
check("memprof", P.caml_memprof_start(0.0, 1, 0) + P.caml_memprof_stop(0), 0)
check("slice", P.caml_gc_major_slice(0), 0)
check("stack", P.caml_ensure_stack_capacity(100), 0)
""")


# --- Printexc ---------------------------------------------------------------

@pytest.mark.parametrize("target", TARGETS)
def test_format_exception(target):
    run(target, {"caml_format_exception", "caml_record_backtrace", "caml_backtrace_status",
                 "caml_get_exception_raw_backtrace", "caml_get_exception_backtrace",
                 "caml_convert_raw_backtrace", "caml_raw_backtrace_length",
                 "caml_raw_backtrace_slot", "caml_raw_backtrace_next_slot",
                 "caml_get_current_callstack", "caml_restore_raw_backtrace",
                 "caml_convert_raw_backtrace_slot"}, r"""
local F = P.caml_format_exception
check("constant", F(G[7]), "Not_found")
check("string", F({ 0, G[3], 'a"b\n' }), 'Failure("a"b\n")')
check("bytes", F({ 0, G[3], B("bbb") }), 'Failure("bbb")')
check("nul", F({ 0, G[3], "a\0bc" }), 'Failure("a")')
check("assert", F({ 0, G[11], { 0, "e.ml", 1, 195 } }), 'Assert_failure("e.ml", 1, 195)')
check("match", F({ 0, G[8], { 0, "f", 1, 2 } }), 'Match_failure("f", 1, 2)')
check("rec module", F({ 0, G[12], { 0, "m.ml", 3, 4 } }), 'Undefined_recursive_module("m.ml", 3, 4)')
local E = { 248, "E.E", 30 }
check("args", F({ 0, E, 1, "x", 2.5, { 0, 1, 0 }, { 0, 3 }, -4 }), 'E.E(1, "x", _, _, _, -4)')
check("tuple arg", F({ 0, { 248, "E.G", 31 }, { 0, 1, 2 } }), "E.G(_)")
check("user constant", F({ 248, "E.H", 32 }), "E.H")
local long = F({ 0, G[3], string.rep("a", 300) })
check("truncated", long, 'Failure("' .. string.rep("a", 246))
check("truncated length", #long, 255)
if P.target == "lua54" then
  check("float arg", F({ 0, E, 2.0 }), "E.E(_)")
end
check("status", P.caml_backtrace_status(0), 0)
P.caml_record_backtrace(1)
check("status on", P.caml_backtrace_status(0), 1)
local bt = P.caml_get_exception_raw_backtrace(0)
check("raw length", P.caml_raw_backtrace_length(bt), 0)
check("convert", #P.caml_convert_raw_backtrace(bt) - 1, 0)
check("no backtrace", P.caml_get_exception_backtrace(0), 0)
check("slot", exn(P.caml_raw_backtrace_slot, bt, 0),
  'Invalid_argument("Printexc.get_raw_backtrace_slot: index out of bounds")')
check("next slot", P.caml_raw_backtrace_next_slot(0), 0)
check("callstack", #P.caml_get_current_callstack(10) - 1, 0)
check("restore", P.caml_restore_raw_backtrace(G[7], bt), 0)
check("convert slot", show(P.caml_convert_raw_backtrace_slot(0)), "{1,0}")
""")


# --- Digest -----------------------------------------------------------------

MD5_CASES = [b"", b"a", b"abc", b"x" * 55, b"x" * 56, b"x" * 63, b"x" * 64, b"x" * 65,
             b"The quick brown fox jumps over the lazy dog", bytes(range(256)) * 5]


@pytest.mark.parametrize("target", TARGETS)
def test_md5(target):
    cases = []
    for data in MD5_CASES:
        lit = "".join(f"\\{b}" for b in data)
        cases.append(f'{{ "{lit}", "{hashlib.md5(data).hexdigest()}" }}')
    run(target, {"caml_md5_string", "caml_md5_bytes", "caml_md5_chan",
                 "caml_ml_open_descriptor_in", "caml_raise_end_of_file"}, r"""
local cases = { """ + ",\n".join(cases) + r""" }
for i, c in ipairs(cases) do
  check("md5 " .. i, hex(P.caml_md5_string(c[1], 0, #c[1])), c[2])
  check("md5 bytes " .. i, hex(P.caml_md5_string(B(c[1]), 0, #c[1])), c[2])
end
check("substring", hex(P.caml_md5_string("xhellox", 1, 5)), "5d41402abc4b2a76b9719d911017c592")
check("bytes", hex(P.caml_md5_bytes(B("xhellox"), 1, 5)), "5d41402abc4b2a76b9719d911017c592")
feed = "hello world"
feed_chunk = 4
local ic = P.caml_ml_open_descriptor_in(0)
check("chan", hex(P.caml_md5_chan(ic, 5)), "5d41402abc4b2a76b9719d911017c592")
check("chan rest", hex(P.caml_md5_chan(ic, -1)), "b7913aa15c43be7d534b4eec6e99e8a0")
feed = "abc"
check("chan short", exn(P.caml_md5_chan, ic, 5), "End_of_file")
""")


# --- marshal -----------------------------------------------------------------

@pytest.mark.parametrize("target", TARGETS)
def test_marshal(target, tmp_path):
    f = str(tmp_path / "m.bin")
    run(target, {"caml_output_value_to_string", "caml_output_value_to_bytes",
                 "caml_input_value_from_bytes", "caml_marshal_data_size",
                 "caml_output_value_to_buffer", "caml_output_value", "caml_input_value",
                 "caml_sys_open", "caml_ml_open_descriptor_in", "caml_ml_open_descriptor_out",
                 "caml_ml_close_channel", "caml_ml_flush", "caml_int64_create_lo_hi",
                 "caml_sys_write", "caml_sys_read"}, r"""
P.caml_sys_write = P.caml_sys_write_default
P.caml_sys_read = P.caml_sys_read_default
-- (1, "ab", [|1.5; -2.0|], 5L, ref (-300), [||], 70000), as ocamlrun 4.13 writes it
local v = { 0, 1, "ab", { 254, 1.5, -2.0 }, P.caml_int64_create_lo_hi(5, 0), { 0, -300 }, { 0 }, 70000 }
local s = P.caml_output_value_to_string(v, 0)
check("bytes", hex(s), "8495a6be0000002d000000050000001500000012f0412261620e02000000000000f83f"
  .. "00000000000000c0195f6a0000000000000000059001fed4800200011170")
check("data size", P.caml_marshal_data_size(B(s), 0), #s - 20)
local r = P.caml_input_value_from_bytes(B("xy" .. s), 2)
check("int", r[2], 1)
check("string", S(r[3]), "ab")
check("floats", r[4][1] == 254 and r[4][2] == 1.5 and r[4][3] == -2, true)
check("int64", r[5].lo .. " " .. r[5].hi, "5 0")
check("ref", r[6][2], -300)
check("atom", #r[7], 1)
check("int32", r[8], 70000)
-- sharing and cycles
local l = { 0, 1, 0 }
l[3] = { 0, 2, l }
local c = P.caml_input_value_from_bytes(P.caml_output_value_to_bytes(l, 0), 0)
check("cycle", c[3][3] == c and c[3][2] == 2, true)
local sh = { 0, 1, 0 }
local t = P.caml_input_value_from_bytes(P.caml_output_value_to_string({ 0, sh, sh }, 0), 0)
check("shared", t[2] == t[3], true)
t = P.caml_input_value_from_bytes(P.caml_output_value_to_string({ 0, sh, sh }, L{ 0 }), 0)
check("no sharing", t[2] ~= t[3] and t[3][2] == 1, true)
check("closure", exn(P.caml_output_value_to_string, { 0, function() end }, 0),
  'Invalid_argument("output_value: functional value")')
local buf = Z(10)
check("to_buffer overflow", exn(P.caml_output_value_to_buffer, buf, 0, 10, "abcdefghijkl", 0),
  'Failure("Marshal.to_buffer: buffer overflow")')
check("bad object", exn(P.caml_input_value_from_bytes, B(string.rep("a", 30)), 0),
  'Failure("input_value: bad object")')
-- channels
local f = """ + lua_str(f) + r"""
local oc = P.caml_ml_open_descriptor_out(P.caml_sys_open(f, L{ 1, 3, 4, 6 }, 420))
P.caml_output_value(oc, v, 0)
P.caml_output_value(oc, 42, 0)
P.caml_ml_flush(oc)
P.caml_ml_close_channel(oc)
local ic = P.caml_ml_open_descriptor_in(P.caml_sys_open(f, L{ 0, 6 }, 0))
check("chan value", S(P.caml_input_value(ic)[3]), "ab")
check("chan int", P.caml_input_value(ic), 42)
check("chan eof", exn(P.caml_input_value, ic), "End_of_file")
""")
