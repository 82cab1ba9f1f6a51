"""Load (never run) Lua text under a target's embedded interpreter.

The compiler must never produce Lua that a target refuses (a syntax error, more
than 200 locals or 60 upvalues in a function, a `goto` on Lua 5.1): this is the
safety net that catches it, and it also checks the user's own runtime files.
Loading only compiles the chunk to bytecode; no user code runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lsprotocol import types as lsp

from lua_of_ocaml.errors import CompileError
from lua_of_ocaml.runner import lua_runtime
from lua_of_ocaml.sourcemap import SourceMap

from .diagnostics import DiagnosticMap, Texts, resolve, uri_of

CHUNK_NAME = "program"
_ERROR = re.compile(r"^(?P<name>[^:\n]*):(?P<line>\d+): (?P<msg>.*)$", re.S)
_FUNCTION_AT = re.compile(r"function at line (\d+)")
_loaders: dict[str, object] = {}


@dataclass
class LoadError:
    target: str
    line: int | None       # 1-based line of the loaded text, when the message has one
    message: str           # the interpreter's message without the position
    function_line: int | None = None   # "function at line N has more than ... upvalues"


def _loader(target: str):
    """A Lua function load(text, name) -> nil, message | function (one per target)."""
    f = _loaders.get(target)
    if f is None:
        rt = lua_runtime(target)
        f = rt.eval("function(s, name) if loadstring then return loadstring(s, name) end "
                    "return load(s, name, 't') end")
        _loaders[target] = f
    return f


def load_error(data: bytes, target: str) -> LoadError | None:
    """The error the target's Lua reports when loading `data`, or None if it loads."""
    result = _loader(target)(data, b"=" + CHUNK_NAME.encode())
    if not isinstance(result, tuple) or result[0] is not None:
        return None
    raw = result[1] if len(result) > 1 else b"unknown load error"
    msg = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
    m = _ERROR.match(msg)
    if not m:
        return LoadError(target, None, msg)
    fn = _FUNCTION_AT.search(m.group("msg"))
    return LoadError(target, int(m.group("line")), m.group("msg"), int(fn.group(1)) if fn else None)


def chunk_diagnostics(lua: str, source_map: SourceMap | None, target: str, base: Path,
                      texts: Texts, fallback: Path) -> DiagnosticMap:
    """Diagnostics for a generated chunk that does not load, on the OCaml code the
    failing Lua line came from (the main file's first line when it maps nowhere)."""
    # the compiler's text holds one character per byte (as the runner loads it)
    err = load_error(lua.encode("latin-1", "replace"), target)
    if err is None:
        return {}
    lua_lines = lua.split("\n")

    def where(line: int | None) -> tuple[Path, lsp.Range] | None:
        if line is None or source_map is None:
            return None
        m = source_map.lua_to_ocaml(line)
        if m is None:
            return None
        path = resolve(m.source, base)
        if not path.is_file():
            return None
        return path, texts.get(path).range(m.line, m.col, m.line_end, m.col_end)

    place = where(err.line)
    snippet = lua_lines[err.line - 1].strip() if err.line and 0 < err.line <= len(lua_lines) else ""
    message = (f"the generated Lua does not load under {target}: {err.message}"
               + (f"\nLua line {err.line}: {snippet}" if snippet else "")
               + "\n(this is a bug in lua_of_ocaml: please report it with this program)")
    related = []
    fn_place = where(err.function_line)
    if fn_place is not None:
        related.append(lsp.DiagnosticRelatedInformation(
            lsp.Location(uri_of(fn_place[0]), fn_place[1]), f"the Lua function starts here (line {err.function_line})"))
    if place is None:
        place = (fallback, texts.get(fallback).line_range(1))
    return {place[0]: [lsp.Diagnostic(range=place[1], message=message, severity=lsp.DiagnosticSeverity.Error,
                                      source=f"lua ({target})", code="lua-load",
                                      related_information=related or None)]}


def runtime_file_diagnostics(files: list[Path], targets: list[str], texts: Texts) -> DiagnosticMap:
    """Load each user runtime file on its own under each target: errors go on the file."""
    out: DiagnosticMap = {}
    for path in files:
        try:
            text = path.read_bytes()
        except OSError:
            continue
        for target in targets:
            try:
                err = load_error(text, target)
            except CompileError:
                continue
            if err is None:
                continue
            st = texts.get(path)
            rng = st.line_range(err.line or 1)
            out.setdefault(path, []).append(lsp.Diagnostic(
                range=rng, message=f"{err.message} (loading under {target})",
                severity=lsp.DiagnosticSeverity.Error, source=f"lua ({target})", code="lua-load"))
            break  # one target's syntax error is enough
    return out
