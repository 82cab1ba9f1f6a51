"""Parse Lua runtime files into fragments and select the ones a program needs.

A runtime file is a sequence of fragments. Each fragment starts with header
comment lines:

    --Provides: caml_name            (one or more names, comma separated)
    --Requires: caml_a, caml_b       (optional)
    --If: luajit                     (optional: only for these targets)
    --Unsupported: reason            (optional: the fragment only raises a clear
                                      error; `reason` says why, for inventories)

followed by Lua code, up to the next `--Provides:`. The code reaches the
runtime table as `P` and defines its names as fields of it (`function P.caml_name`).
Text before the first header is the file's own documentation and is dropped.
A later fragment providing a name overrides an earlier one (user files come last).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import CompileError

TARGETS = ("luajit", "lua51", "lua54")

_HEADER = re.compile(r"^--(Provides|Requires|If|Unsupported):\s*(.*?)\s*$")


@dataclass
class Fragment:
    provides: list[str]
    requires: list[str]
    targets: tuple[str, ...] | None
    code: str
    origin: str  # "file:line"
    unsupported: str | None = None  # reason given by an --Unsupported header


@dataclass
class RuntimeLibrary:
    fragments: list[Fragment] = field(default_factory=list)

    def add_file(self, path: Path) -> None:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as e:
            raise CompileError(f"{path}: cannot read runtime file: {e.strerror}") from None
        self.fragments.extend(parse_fragments(text, str(path)))

    def providers(self, target: str) -> dict[str, Fragment]:
        table: dict[str, Fragment] = {}
        for frag in self.fragments:
            if frag.targets is not None and target not in frag.targets:
                continue
            for name in frag.provides:
                table[name] = frag
        return table


def parse_fragments(text: str, origin: str) -> list[Fragment]:
    frags: list[Fragment] = []
    lines = text.splitlines()
    i = 0
    n = len(lines)
    while i < n:
        m = _HEADER.match(lines[i])
        if not m or m.group(1) != "Provides":
            if m:
                raise CompileError(f"{origin}:{i + 1}: --{m.group(1)} before any --Provides")
            i += 1
            continue
        start = i
        provides: list[str] = []
        requires: list[str] = []
        targets: tuple[str, ...] | None = None
        unsupported: str | None = None
        while i < n and (m := _HEADER.match(lines[i])):
            kind, val = m.group(1), m.group(2)
            names = [x.strip() for x in val.split(",") if x.strip()]
            if kind == "Provides":
                if requires or targets is not None or unsupported is not None:
                    break
                provides.extend(names)
            elif kind == "Requires":
                requires.extend(names)
            elif kind == "Unsupported":
                if not val:
                    raise CompileError(f"{origin}:{i + 1}: --Unsupported needs a reason")
                if unsupported is not None:
                    raise CompileError(f"{origin}:{i + 1}: more than one --Unsupported")
                unsupported = val
            else:
                bad = [t for t in names if t not in TARGETS]
                if bad:
                    raise CompileError(f"{origin}:{i + 1}: unknown target {bad[0]!r} in --If")
                targets = tuple(names)
            i += 1
        body: list[str] = []
        while i < n and not (lines[i].startswith("--Provides:")):
            body.append(lines[i])
            i += 1
        while body and not body[-1].strip():
            body.pop()
        if not provides:
            raise CompileError(f"{origin}:{start + 1}: empty --Provides")
        frags.append(Fragment(provides, requires, targets, "\n".join(body), f"{origin}:{start + 1}",
                              unsupported))
    return frags


def select(providers: dict[str, Fragment], roots: set[str]) -> tuple[list[Fragment], set[str]]:
    """Fragments reachable from `roots`, in dependency order, and names nobody provides."""
    missing: set[str] = set()
    order: list[Fragment] = []
    state: dict[int, int] = {}  # id(frag) -> 1 visiting, 2 done

    def visit(name: str) -> None:
        frag = providers.get(name)
        if frag is None:
            missing.add(name)
            return
        key = id(frag)
        if state.get(key):
            return  # done, or a cycle: late binding through P makes cycles harmless
        state[key] = 1
        for dep in frag.requires:
            visit(dep)
        state[key] = 2
        order.append(frag)

    for root in sorted(roots):
        visit(root)
    return order, missing
