"""Run a compiled chunk in an embedded Lua (lupa), passing stdio, argv and exit code."""

from __future__ import annotations

import os
import sys

from .errors import CompileError

_LUPA_MODULES = {"luajit": ("lupa.luajit21", "lupa.luajit20"), "lua51": ("lupa.lua51",),
                 "lua54": ("lupa.lua54",)}


def lua_runtime(target: str):
    import importlib
    for mod in _LUPA_MODULES[target]:
        try:
            return importlib.import_module(mod).LuaRuntime(unpack_returned_tuples=True)
        except ImportError:
            continue
    raise CompileError(f"no embedded Lua for target {target} (is the lupa package installed?)")


class _Exit(Exception):
    def __init__(self, code: int):
        self.code = code


def run_chunk(lua_source: str, target: str = "luajit", argv: list[str] | None = None,
              stdout=None, stderr=None, stdin=None) -> int:
    """Execute the chunk; return the program's exit code."""
    rt = lua_runtime(target)
    out = stdout or sys.stdout.buffer
    err = stderr or sys.stderr.buffer
    inp = stdin or sys.stdin.buffer

    def write(fd, s):
        data = s if isinstance(s, bytes) else str(s).encode("latin-1")
        (out if fd == 1 else err).write(data)
        if fd == 2:
            err.flush()
        return 0

    def read(fd, n):
        if fd == 0:
            return inp.read1(int(n)) if hasattr(inp, "read1") else inp.read(int(n))
        return os.read(int(fd), int(n))

    exit_code: list[int] = []

    def do_exit(code):
        exit_code.append(int(code))
        rt.eval("error")({"caml_exit": int(code)} if False else rt.table(caml_exit=int(code)))

    load = rt.eval("function(s) return load and load(s, '=program') or loadstring(s, '=program') end")
    chunk = load(lua_source.encode("latin-1") if False else lua_source)
    if chunk is None:
        raise CompileError("generated Lua failed to load")
    host = rt.table(argv=rt.table(*(argv or ["program"])), exit=do_exit, write=write, read=read)
    try:
        rc = chunk(host)
    except Exception as e:  # a Lua error escaping the runtime's own handler
        if exit_code:
            return exit_code[0]
        raise CompileError(f"Lua error: {e or type(e).__name__}") from None
    finally:
        out.flush()
        err.flush()
    if exit_code:
        return exit_code[0]
    return int(rc) if isinstance(rc, (int, float)) else 0
