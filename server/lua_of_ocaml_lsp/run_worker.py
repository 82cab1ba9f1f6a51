"""Run a compiled chunk in a child process, under a memory limit.

Started by the server as `python -m lua_of_ocaml_lsp.run_worker [options] -- CHUNK ARGS...`; the server
enforces the wall-clock limit by killing the process group, so a program that
loops for ever, allocates without end or recurses without end can never take
the server down with it. The program's stdout and stderr go straight to this
process's (unbuffered), so the server streams them while the program runs.
The outcome is written as JSON to the --result file:

    {"status": "exited", "exitCode": N}
    {"status": "memory"}                      the memory limit was hit
    {"status": "error", "message": "..."}     the chunk did not load, or a Lua
                                              error escaped the runtime
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import resource
import sys


def _address_space() -> int:
    """Bytes of address space this process uses now."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def limit_resources(memory_mb: int, cpu_seconds: int) -> None:
    """Cap the address space at what is mapped now plus `memory_mb`, and the CPU
    time (a second line of defence behind the server's wall-clock kill)."""
    if memory_mb > 0:
        limit = _address_space() + memory_mb * 1024 * 1024
        try:
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        except (ValueError, OSError):
            pass
    if cpu_seconds > 0:
        try:
            resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
        except (ValueError, OSError):
            pass


def _write_result(path: str, result: dict) -> None:
    try:
        with open(path, "w", encoding="utf-8") as f:
            json.dump(result, f)
    except OSError:
        pass


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="lua_of_ocaml_lsp.run_worker")
    p.add_argument("chunk", help="the compiled Lua file")
    p.add_argument("--target", default="luajit")
    p.add_argument("--memory-mb", type=int, default=512)
    p.add_argument("--cpu-seconds", type=int, default=0)
    p.add_argument("--result", required=True)
    p.add_argument("args", nargs="*", help="Sys.argv of the program")
    a = p.parse_args(argv)

    from lua_of_ocaml.errors import CompileError
    from lua_of_ocaml.runner import _LUPA_MODULES, run_chunk

    # load the interpreter before measuring what is already mapped
    for mod in _LUPA_MODULES.get(a.target, ()):
        try:
            importlib.import_module(mod)
            break
        except ImportError:
            continue
    try:
        with open(a.chunk, "rb") as f:
            lua = f.read().decode("latin-1")
    except OSError as e:
        _write_result(a.result, {"status": "error", "message": f"cannot read {a.chunk}: {e.strerror}"})
        return 1
    # backtraces on, as `OCAMLRUNPARAM=b ocamlrun`: they place the failure
    param = os.environ.get("OCAMLRUNPARAM", "")
    if "b" not in param.split(","):
        os.environ["OCAMLRUNPARAM"] = ",".join(x for x in (param, "b") if x)
    out = os.fdopen(1, "wb", buffering=0, closefd=False)
    err = os.fdopen(2, "wb", buffering=0, closefd=False)
    stdin = open(os.devnull, "rb")
    limit_resources(a.memory_mb, a.cpu_seconds)
    try:
        code = run_chunk(lua, a.target, [a.chunk, *a.args], stdout=out, stderr=err, stdin=stdin)
        result = {"status": "exited", "exitCode": int(code)}
    except MemoryError:
        result = {"status": "memory"}
        code = 2
    except CompileError as e:
        msg = str(e)
        if "not enough memory" in msg:
            result = {"status": "memory"}
        else:
            result = {"status": "error", "message": msg}
            try:
                err.write(f"lua_of_ocaml: {msg}\n".encode("utf-8", "replace"))
            except OSError:
                pass
        code = 2
    _write_result(a.result, result)
    sys.stdout.flush()
    # leave without tearing down a possibly huge Lua heap
    os._exit(int(code) & 0xFF if isinstance(code, int) else 2)


if __name__ == "__main__":
    main()
