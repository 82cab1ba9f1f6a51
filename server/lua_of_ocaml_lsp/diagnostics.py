"""Turn what the tools report into LSP diagnostics, each on its own file.

Every diagnostic has a precise range, a severity, a `source` naming the tool
that found it and a `code` naming the kind of problem, so that clients (and
tests) can tell them apart:

| source                | code                        | what                              |
|-----------------------|-----------------------------|-----------------------------------|
| `ocamlc` / `dune`     | warning number, or none     | compiler errors, warnings, alerts |
| `lua_of_ocaml`        | `missing-primitive`         | an external no runtime file has   |
| `lua_of_ocaml`        | `int-overflow`              | an int constant that wraps to 32 bits |
| `lua_of_ocaml`        | `compile-error`             | the bytecode could not be compiled|
| `lua_of_ocaml`        | `dune-untrusted`, `dune-no-bytecode` | dune needs trust or modes |
| `lua (TARGET)`        | `lua-load`                  | generated or runtime Lua does not load |
| `lua_of_ocaml run`    | `uncaught-exception`        | the last run's uncaught exception |
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import Iterable

from lsprotocol import types as lsp
from pygls.uris import from_fs_path

from .ocaml_messages import OcamlMessage
from .positions import SourceText

DiagnosticMap = dict[Path, list[lsp.Diagnostic]]

_SEVERITY = {"error": lsp.DiagnosticSeverity.Error, "warning": lsp.DiagnosticSeverity.Warning,
             "alert": lsp.DiagnosticSeverity.Warning, "info": lsp.DiagnosticSeverity.Information}
# warnings about unused things: editors grey the code out
_UNUSED_WARNINGS = {"26", "27", "32", "33", "34", "35", "36", "37", "38", "39", "60", "66", "67",
                    "69"}


def uri_of(path: Path) -> str:
    return from_fs_path(str(path)) or path.as_uri()


class Texts:
    """Source texts for position conversion, read once per build.

    `overrides` holds the editor's text of open documents, which the client
    may have saved under a different encoding of line ends; files not open are
    read from disk."""

    def __init__(self, encoding: str, overrides: dict[Path, str] | None = None):
        self.encoding = encoding
        self.overrides = overrides or {}
        self._cache: dict[Path, SourceText] = {}

    def get(self, path: Path) -> SourceText:
        t = self._cache.get(path)
        if t is None:
            text = self.overrides.get(path)
            t = SourceText(text, self.encoding) if text is not None else SourceText.read(path, self.encoding)
            self._cache[path] = t
        return t


def resolve(file: str, base: Path) -> Path:
    p = Path(file)
    return (p if p.is_absolute() else base / p).resolve()


def ocaml_diagnostics(messages: Iterable[OcamlMessage], base: Path, texts: Texts,
                      fallback: Path, source: str) -> DiagnosticMap:
    """Diagnostics for ocamlc's (or dune's) messages; files relative to `base`.
    Messages without a file (link errors) go on the first line of `fallback`."""
    out: DiagnosticMap = defaultdict(list)
    for m in messages:
        path = resolve(m.file, base) if m.file else fallback
        text = texts.get(path)
        if m.col_start is None:
            rng = text.line_range(m.line)
        else:
            rng = text.range(m.line, m.col_start, m.line_end, m.col_end or 0)
        tags = []
        num = (m.code or "").split(" ")[0]
        if m.severity == "warning" and num in _UNUSED_WARNINGS:
            tags.append(lsp.DiagnosticTag.Unnecessary)
        if m.code and "deprecated" in m.code:
            tags.append(lsp.DiagnosticTag.Deprecated)
        related = [lsp.DiagnosticRelatedInformation(
            lsp.Location(uri_of(rp := resolve(r.file, base)),
                         texts.get(rp).range(r.line, r.col_start, r.line, r.col_end)), r.text)
            for r in m.related]
        out[path].append(lsp.Diagnostic(
            range=rng, message=m.text, severity=_SEVERITY.get(m.severity, lsp.DiagnosticSeverity.Error),
            source=source, code=m.code, tags=tags or None, related_information=related or None))
    return dict(out)


def simple(path: Path, texts: Texts, message: str, *, line: int = 1, code: str,
           severity: lsp.DiagnosticSeverity = lsp.DiagnosticSeverity.Error,
           source: str = "lua_of_ocaml") -> DiagnosticMap:
    """One diagnostic on a whole line (for problems without a column)."""
    return {path: [lsp.Diagnostic(range=texts.get(path).line_range(line), message=message,
                                  severity=severity, source=source, code=code)]}


def merge(*maps: DiagnosticMap) -> DiagnosticMap:
    out: DiagnosticMap = defaultdict(list)
    for m in maps:
        for path, diags in m.items():
            out[path].extend(diags)
    return dict(out)


# --- missing primitives ---------------------------------------------------------

def find_external(name: str, sources: Iterable[Path], texts: Texts) -> tuple[Path, lsp.Range] | None:
    """Where `external ... = "name"` is declared among the project's sources: the
    range of the primitive's string literal."""
    pattern = re.compile(r'\bexternal\b[^"]*?=\s*(?:"[^"]*"\s*)*?(")' + re.escape(name) + '"', re.S)
    for path in sources:
        st = texts.get(path)
        whole = "\n".join(st.lines)
        m = pattern.search(whole)
        if m:
            start = st.offset_position(m.start(1))
            end = st.offset_position(m.end())
            return path, st.range(start[0], start[1], end[0], end[1])
    return None


def missing_primitive_diagnostics(missing: dict, sources: list[Path], base: Path, texts: Texts,
                                  fallback: Path, target: str) -> DiagnosticMap:
    """A warning at each `external` declaring a primitive the runtime lacks, and
    one at the use site the debug info names; each points at the other."""
    out: DiagnosticMap = defaultdict(list)
    for name, loc in sorted(missing.items()):
        msg = (f"primitive {name} is not implemented by the Lua runtime ({target}): "
               f"calling it raises Failure; provide it in a runtime file (--Provides: {name})")
        decl = find_external(name, sources, texts)
        use = None
        if loc is not None:
            up = resolve(loc.file, base)
            if up.is_file():
                use = (up, texts.get(up).range(loc.line, loc.col_start, loc.line_end, loc.col_end))
        places = [p for p in (decl, use) if p is not None] or [(fallback, texts.get(fallback).line_range(1))]
        for i, (path, rng) in enumerate(places):
            others = [lsp.DiagnosticRelatedInformation(
                lsp.Location(uri_of(p), r), "declared here" if (p, r) == decl else "used here")
                for j, (p, r) in enumerate(places) if j != i]
            out[path].append(lsp.Diagnostic(range=rng, message=msg, severity=lsp.DiagnosticSeverity.Warning,
                                            source="lua_of_ocaml", code="missing-primitive",
                                            related_information=others or None))
    return dict(out)


_WARNING_AT = re.compile(r' at File "(?P<file>[^"]+)", line (?P<line>\d+), characters (?P<c1>\d+)-(?P<c2>\d+)')


def compiler_warning_diagnostics(warnings: list[str], base: Path, texts: Texts, fallback: Path,
                                 project_files: set[Path]) -> DiagnosticMap:
    """The compiler's own warnings (today: int constants that do not fit in 32 bits),
    on the project file they name; those about other code (the standard library)
    are left out, since the user cannot act on them."""
    out: DiagnosticMap = defaultdict(list)
    for w in warnings:
        m = _WARNING_AT.search(w)
        if m:
            path = resolve(m.group("file"), base)
            if path not in project_files:
                continue
            line = int(m.group("line"))
            rng = texts.get(path).range(line, int(m.group("c1")), line, int(m.group("c2")))
            text = w[:m.start()] + w[m.end():]
        else:
            path, rng, text = fallback, texts.get(fallback).line_range(1), w
        code = "int-overflow" if "does not fit in 32 bits" in w else "compile-warning"
        out[path].append(lsp.Diagnostic(range=rng, message=text, severity=lsp.DiagnosticSeverity.Warning,
                                        source="lua_of_ocaml", code=code))
    return dict(out)
