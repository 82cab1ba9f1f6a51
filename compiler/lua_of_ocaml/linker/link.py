"""Assemble the runtime part of a generated chunk from the fragments a program reaches."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import CompileError
from .fragments import Fragment, RuntimeLibrary, select


def runtime_dir() -> Path:
    """runtime/lua of the source tree (editable installs and the repository)."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        cand = parent / "runtime" / "lua"
        if cand.is_dir():
            return cand
    raise CompileError("cannot find the Lua runtime files (runtime/lua)")


_cache: dict[tuple, RuntimeLibrary] = {}


def load_library(extra_files: list[str] | None = None) -> RuntimeLibrary:
    key = tuple(extra_files or ())
    lib = _cache.get(key)
    if lib is None:
        lib = RuntimeLibrary()
        for f in sorted(runtime_dir().glob("*.lua")):
            lib.add_file(f)
        for f in extra_files or ():
            p = Path(f)
            if not p.is_file():
                raise CompileError(f"{f}: no such runtime file")
            lib.add_file(p)
        _cache[key] = lib
    return lib


@dataclass
class LinkedRuntime:
    code: str
    fragments: list[Fragment]
    missing: set[str]


def link_runtime(names: set[str], target: str, extra_files: list[str] | None = None) -> LinkedRuntime:
    """Lua text defining `P` and every fragment reachable from `names`."""
    lib = load_library(extra_files)
    frags, missing = select(lib.providers(target), set(names))
    parts = [f'local P = {{ target = "{target}" }}']
    for frag in frags:
        parts.append(f"do -- {', '.join(frag.provides)}\n{frag.code}\nend")
    return LinkedRuntime("\n".join(parts) + "\n", frags, missing)
