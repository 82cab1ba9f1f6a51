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
            return importlib.import_module(mod).LuaRuntime(unpack_returned_tuples=True, encoding=None)
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
        data = s if isinstance(s, bytes) else str(s).encode("utf-8")
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
        # the runtime unwinds the Lua stack itself after calling this hook
        exit_code.append(int(code))

    load = rt.eval(b"function(s) if loadstring then return loadstring(s, '=program') end "
                   b"return load(s, '=program') end")
    loaded = load(lua_source.encode("latin-1"))
    chunk = loaded[0] if isinstance(loaded, tuple) else loaded
    if chunk is None:
        msg = loaded[1] if isinstance(loaded, tuple) and len(loaded) > 1 else b"unknown error"
        msg = msg.decode("latin-1") if isinstance(msg, bytes) else str(msg)
        raise CompileError(f"generated Lua failed to load: {msg}")
    args = [a.encode("utf-8") if isinstance(a, str) else a for a in (argv or ["program"])]
    host = rt.table_from({b"argv": rt.table(*args), b"exit": do_exit, b"write": write, b"read": read})
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
