"""The Lua generated for a piece of OCaml: what hover shows and showLua returns.

The source map gives, for each mapped Lua line, the OCaml span it came from.
A mapped line stands for the lines after it up to the next mapped line, less
any trailing lines that open the next function (the compiler emits a
function's header before its first located instruction). Under the cursor we
pick the innermost OCaml spans that contain it, so hovering `f x` inside a
larger expression shows the Lua of the call, not of the whole expression;
away from any span, the whole line's Lua is shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lua_of_ocaml.sourcemap import Mapping, SourceMap

from .diagnostics import resolve

_FUNCTION_START = re.compile(r"^\s*(local function\b|function\b|local [\w, ]+ = function\b|[\w.\[\]]+ = function\b)")
MAX_RUN = 40        # unmapped lines a mapping may extend over
MAX_HOVER_LINES = 60


@dataclass
class Snippet:
    lua: str                                   # the Lua text, dedented
    lua_lines: list[tuple[int, int]]           # 1-based inclusive ranges of the chunk
    spans: list[Mapping]                       # the OCaml spans shown
    truncated: int = 0                         # lines left out


class LuaIndex:
    """Source map queries by OCaml file (resolved against the build's base folder)."""

    def __init__(self, lua: str, source_map: SourceMap | None, base: Path):
        self.lua = lua
        self.lines = lua.split("\n")
        self.map = source_map
        self.base = base
        self.by_file: dict[Path, list[int]] = {}
        mappings = source_map.mappings if source_map else []
        self._ends = self._block_ends(mappings)
        self._starts = self._block_starts(mappings)
        cache: dict[str, Path] = {}
        for i, m in enumerate(mappings):
            p = cache.get(m.source)
            if p is None:
                p = cache[m.source] = resolve(m.source, base)
            self.by_file.setdefault(p, []).append(i)

    def _block_ends(self, mappings: list[Mapping]) -> list[int]:
        ends = []
        n = len(mappings)
        j = 0
        for i, m in enumerate(mappings):
            j = max(j, i + 1)
            while j < n and mappings[j].lua_line <= m.lua_line:
                j += 1
            nxt = mappings[j].lua_line - 1 if j < n else min(m.lua_line + MAX_RUN, len(self.lines))
            end = m.lua_line
            for line in range(m.lua_line + 1, min(nxt, m.lua_line + MAX_RUN) + 1):
                if _FUNCTION_START.match(self.lines[line - 1] if line - 1 < len(self.lines) else ""):
                    break
                end = line
            ends.append(end)
        return ends

    def _block_starts(self, mappings: list[Mapping]) -> list[int]:
        """A mapped line that opens a function body starts at the function's header
        (and its prologue), which carry no location of their own."""
        mapped = {m.lua_line for m in mappings}
        starts = []
        for m in mappings:
            start = m.lua_line
            for line in range(m.lua_line - 1, max(m.lua_line - 5, 0), -1):
                if line in mapped:
                    break
                if _FUNCTION_START.match(self.lines[line - 1]):
                    start = line
                    break
            starts.append(start)
        return starts

    def select(self, path: Path, line: int, col: int | None) -> list[int]:
        """Indices of the innermost mappings containing (line, col), or of the line's."""
        if self.map is None:
            return []
        idx = self.by_file.get(path.resolve(), [])
        ms = self.map.mappings
        if col is not None:
            inside = [i for i in idx if _contains(ms[i], line, col)]
            if inside:
                best = min(_size(ms[i]) for i in inside)
                return [i for i in inside if _size(ms[i]) == best]
        return [i for i in idx if ms[i].line == line]

    def snippet(self, indices: list[int], max_lines: int = MAX_HOVER_LINES) -> Snippet | None:
        if not indices or self.map is None:
            return None
        ranges: list[list[int]] = []
        for i in sorted(indices, key=lambda k: self._starts[k]):
            start, end = self._starts[i], self._ends[i]
            if ranges and start <= ranges[-1][1] + 1:
                ranges[-1][1] = max(ranges[-1][1], end)
            else:
                ranges.append([start, end])
        groups: list[list[str]] = []
        shown = 0
        total = sum(e - s + 1 for s, e in ranges)
        for s, e in ranges:
            if shown >= max_lines:
                break
            e2 = min(e, s + max_lines - shown - 1)
            groups.append(self.lines[s - 1:e2])
            shown += e2 - s + 1
        indent = min((len(x) - len(x.lstrip(" ")) for g in groups for x in g if x.strip()), default=0)
        text = "\n-- ...\n".join("\n".join(x[indent:] for x in g) for g in groups).strip("\n")
        return Snippet(text, [(s, e) for s, e in ranges], [self.map.mappings[i] for i in indices],
                       truncated=total - shown)


def _contains(m: Mapping, line: int, col: int) -> bool:
    if not (m.line <= line <= m.line_end):
        return False
    if line == m.line and col < m.col:
        return False
    if line == m.line_end and col > m.col_end:
        return False
    return True


def _size(m: Mapping) -> tuple[int, int]:
    if m.line == m.line_end:
        return (0, m.col_end - m.col)
    return (m.line_end - m.line, m.col_end - m.col + 10_000)
