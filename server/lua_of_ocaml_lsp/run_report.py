"""Read how a run failed from what it printed, and place it on the OCaml code.

The compiled program reports an uncaught exception exactly as ocamlrun does
(the worker sets OCAMLRUNPARAM=b, so the backtrace follows):

    Fatal error: exception Failure("boom")
    Raised at Stdlib.failwith in file "stdlib.ml", line 29, characters 17-33
    Called from A.g in file "a.ml", line 2, characters 10-19

A Lua error inside the program becomes `Failure "... (Lua error at File "a.ml",
line 3, characters 4-10)"`; a Lua error that escapes the runtime altogether is
reported by the worker with Lua positions (`program:LINE:`), which the source
map takes back to OCaml.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from lsprotocol import types as lsp

from lua_of_ocaml.sourcemap import SourceMap

from .diagnostics import DiagnosticMap, Texts, resolve, uri_of

_FATAL = re.compile(r"^Fatal error: exception (.*)$", re.M)
_FRAME = re.compile(
    r'^(?P<kind>Raised at|Re-raised at|Raised by primitive operation at|Called from)'
    r'(?: (?P<defname>\S+) in)? file "(?P<file>[^"]+)"(?: \(inlined\))?, line (?P<line>\d+)'
    r'(?:, characters (?P<c1>\d+)-(?P<c2>\d+))?')
_LUA_AT = re.compile(r'\(Lua error at File "(?P<file>[^"]+)", line (?P<line>\d+), '
                     r'characters (?P<c1>\d+)-(?P<c2>\d+)\)')
_LUA_POS = re.compile(r"\bprogram:(\d+):")


@dataclass
class Frame:
    kind: str
    defname: str
    file: str
    line: int
    col_start: int
    col_end: int

    def describe(self) -> str:
        who = f" {self.defname}" if self.defname else ""
        return f"{self.kind}{who}"


@dataclass
class RunFailure:
    message: str                       # e.g. Failure("boom")
    frames: list[Frame] = field(default_factory=list)
    lua_error: Frame | None = None     # where a Lua error happened, when named


def parse_failure(stderr: str, source_map: SourceMap | None = None) -> RunFailure | None:
    """The uncaught exception (or escaped Lua error) a run printed, if any."""
    m = None
    for m in _FATAL.finditer(stderr):
        pass  # the last one: a program may print such lines itself
    if m is not None:
        rest = stderr[m.end():].split("\n")
        message_lines = [m.group(1)]
        frames: list[Frame] = []
        for line in rest[1:]:
            f = _FRAME.match(line)
            if f:
                frames.append(Frame(f.group("kind"), f.group("defname") or "", f.group("file"),
                                    int(f.group("line")), int(f.group("c1") or 0), int(f.group("c2") or 0)))
            elif not frames and line.strip() and not line.startswith(("Called from", "Re-raised")):
                message_lines.append(line)
            elif frames:
                break
        message = "\n".join(message_lines).strip()
        failure = RunFailure(message, frames)
        la = _LUA_AT.search(message)
        if la:
            failure.lua_error = Frame("Lua error at", "", la.group("file"), int(la.group("line")),
                                      int(la.group("c1")), int(la.group("c2")))
        return failure
    # a Lua error that escaped the runtime: positions in the generated Lua
    pos = _LUA_POS.search(stderr)
    if pos is not None and source_map is not None:
        mp = source_map.lua_to_ocaml(int(pos.group(1)))
        text = source_map.rewrite_traceback(stderr.strip(), "program")
        failure = RunFailure(text.splitlines()[0] if text else "Lua error")
        if mp is not None:
            failure.lua_error = Frame("Lua error at", mp.name, mp.source, mp.line, mp.col,
                                      mp.col_end if mp.line_end == mp.line else mp.col + 1)
        return failure
    return None


@lru_cache(maxsize=4)
def stdlib_dir(ocamlc: str = "ocamlc") -> Path | None:
    """Where the standard library's sources are (for frames in stdlib.ml and co)."""
    exe = shutil.which(ocamlc)
    if exe is None:
        return None
    try:
        out = subprocess.run([exe, "-where"], capture_output=True, text=True, timeout=10,
                             stdin=subprocess.DEVNULL).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return Path(out) if out else None


def failure_diagnostics(failure: RunFailure, base: Path, texts: Texts, fallback: Path,
                        is_project_file, ocamlc: str = "ocamlc") -> DiagnosticMap:
    """One error on the OCaml line that raised (the first frame in the project's
    own files), with the whole mapped stack as related information."""

    def locate(fr: Frame) -> Path | None:
        p = resolve(fr.file, base)
        if p.is_file():
            return p
        lib = stdlib_dir(ocamlc)
        if lib is not None and (lib / Path(fr.file).name).is_file():
            return lib / Path(fr.file).name
        return None

    def rng(path: Path, fr: Frame) -> lsp.Range:
        return texts.get(path).range(fr.line, fr.col_start, fr.line, fr.col_end)

    frames = ([failure.lua_error] if failure.lua_error else []) + failure.frames
    related = []
    main: tuple[Path, lsp.Range] | None = None
    for fr in frames:
        path = locate(fr)
        if path is None:
            continue
        r = rng(path, fr)
        related.append(lsp.DiagnosticRelatedInformation(lsp.Location(uri_of(path), r), fr.describe()))
        if main is None and is_project_file(path):
            main = (path, r)
    if main is None:
        main = (fallback, texts.get(fallback).line_range(1))
    message = f"uncaught exception {failure.message}" if not failure.message.startswith(
        ("Lua error", "lua_of_ocaml")) else failure.message
    return {main[0]: [lsp.Diagnostic(range=main[1], message=message, severity=lsp.DiagnosticSeverity.Error,
                                     source="lua_of_ocaml run", code="uncaught-exception",
                                     related_information=related or None)]}
