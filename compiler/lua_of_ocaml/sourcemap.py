"""Source maps (version 3) between generated Lua and OCaml sources.

Generated lines carry their OCaml location from the bytecode's debug events.
Besides the standard fields, the map keeps each mapped range's end (key
`x_lua_of_ocaml_ends`) so that tools can select the whole OCaml expression.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass, field

_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_B64_INDEX = {c: i for i, c in enumerate(_B64)}
MARKER = re.compile("\x01(\\d+)\x01")


def _vlq(n: int) -> str:
    v = (-n << 1) | 1 if n < 0 else n << 1
    out = []
    while True:
        digit = v & 31
        v >>= 5
        if v:
            digit |= 32
        out.append(_B64[digit])
        if not v:
            return "".join(out)


def _unvlq(s: str) -> list[int]:
    out, shift, value = [], 0, 0
    for c in s:
        d = _B64_INDEX[c]
        value |= (d & 31) << shift
        if d & 32:
            shift += 5
        else:
            out.append(-(value >> 1) if value & 1 else value >> 1)
            shift = value = 0
    return out


def strip_markers(text: str) -> tuple[str, list[tuple[int, int, int]]]:
    """Text without its location markers (`\x01N\x01`, at most one per line) and,
    for each marked line, (0-based line, column of its first non-blank, N)."""
    if "\x01" not in text:
        return text, []
    lines = text.split("\n")
    marks = []
    for i, line in enumerate(lines):
        if "\x01" not in line:
            continue
        m = MARKER.search(line)
        clean = MARKER.sub("", line)
        lines[i] = clean
        if m is not None:
            marks.append((i, len(clean) - len(clean.lstrip(" ")), int(m.group(1))))
    return "\n".join(lines), marks


@dataclass(frozen=True, slots=True)
class Mapping:
    lua_line: int      # 1-based
    lua_col: int       # 0-based
    source: str
    line: int          # 1-based OCaml line
    col: int           # 0-based OCaml column
    line_end: int
    col_end: int
    name: str = ""     # the enclosing OCaml definition (e.g. "Stdlib.failwith")


@dataclass(frozen=True, slots=True)
class LuaRange:
    line_start: int    # 1-based, inclusive
    line_end: int      # 1-based, inclusive


@dataclass
class SourceMap:
    file: str
    mappings: list[Mapping] = field(default_factory=list)   # sorted by (lua_line, lua_col)
    sources_content: dict[str, str] = field(default_factory=dict)

    # --- building -----------------------------------------------------------
    @classmethod
    def from_marked_text(cls, text: str, locations: list, file: str) -> tuple[str, "SourceMap"]:
        """Strip location markers from generated text; return clean text and its map."""
        clean, marks = strip_markers(text)
        return clean, cls.from_marks(((line, col, locations[k]) for line, col, k in marks), file)

    @classmethod
    def from_marks(cls, marks, file: str) -> "SourceMap":
        """The map of (0-based Lua line, Lua column, Location) triples, in text order."""
        smap = cls(file)
        smap.mappings = [Mapping(line + 1, col, loc.file, loc.line, max(loc.col_start, 0),
                                 loc.line_end, max(loc.col_end, 0), loc.defname)
                         for line, col, loc in marks]
        return smap

    # --- serialisation ----------------------------------------------------------
    def runtime_table(self) -> str:
        """The line table the Lua runtime decodes for backtraces (backtrace.lua):
        locations `file\tline\tstart\tend\tdefname` one per line, a blank line,
        then `lualine:location;` pairs."""
        locs: dict[tuple, int] = {}
        pairs = []
        for m in self.mappings:
            key = (m.source, m.line, m.col, m.col_end, m.name)
            k = locs.get(key)
            if k is None:
                k = locs[key] = len(locs) + 1
            pairs.append(f"{m.lua_line}:{k};")
        head = "".join(f"{f}\t{l}\t{c1}\t{c2}\t{n}\n" for (f, l, c1, c2, n) in locs)
        return head + "\n" + "".join(pairs)

    def to_json(self) -> str:
        sources: list[str] = []
        index: dict[str, int] = {}
        for m in self.mappings:
            if m.source not in index:
                index[m.source] = len(sources)
                sources.append(m.source)
        groups: list[str] = []
        prev_src = prev_line = prev_col = 0
        line = 1
        by_line: dict[int, list[Mapping]] = {}
        for m in self.mappings:
            by_line.setdefault(m.lua_line, []).append(m)
        last_line = self.mappings[-1].lua_line if self.mappings else 0
        for line in range(1, last_line + 1):
            segs = []
            prev_gen_col = 0
            for m in by_line.get(line, []):
                src = index[m.source]
                segs.append(_vlq(m.lua_col - prev_gen_col) + _vlq(src - prev_src)
                            + _vlq(m.line - 1 - prev_line) + _vlq(m.col - prev_col))
                prev_gen_col, prev_src, prev_line, prev_col = m.lua_col, src, m.line - 1, m.col
            groups.append(",".join(segs))
        data = {
            "version": 3,
            "file": self.file,
            "sources": sources,
            "names": [],
            "mappings": ";".join(groups),
            "x_lua_of_ocaml_ends": [[m.line_end, m.col_end] for m in self.mappings],
        }
        if self.sources_content:
            data["sourcesContent"] = [self.sources_content.get(s) for s in sources]
        return json.dumps(data, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> "SourceMap":
        data = json.loads(text)
        if data.get("version") != 3:
            raise ValueError("not a version 3 source map")
        sources = data["sources"]
        ends = data.get("x_lua_of_ocaml_ends") or []
        smap = cls(data.get("file", ""))
        src = line = col = 0
        k = 0
        for gen_line, group in enumerate(data["mappings"].split(";"), start=1):
            gen_col = 0
            if not group:
                continue
            for seg in group.split(","):
                vals = _unvlq(seg)
                gen_col += vals[0]
                if len(vals) < 4:
                    continue
                src += vals[1]
                line += vals[2]
                col += vals[3]
                le, ce = ends[k] if k < len(ends) else (line + 1, col)
                smap.mappings.append(Mapping(gen_line, gen_col, sources[src], line + 1, col, le, ce))
                k += 1
        content = data.get("sourcesContent")
        if content:
            smap.sources_content = {s: c for s, c in zip(sources, content) if c is not None}
        return smap

    # --- queries ----------------------------------------------------------------
    def lua_to_ocaml(self, line: int, col: int = 0) -> Mapping | None:
        """The OCaml location of a Lua position: the mapping of that line at or
        before the column (the line's first one when the column is before it),
        else the last mapping of the nearest line above."""
        keys = [(m.lua_line, m.lua_col) for m in self.mappings]
        i = bisect_right(keys, (line, max(col, 0))) - 1
        if i + 1 < len(keys) and keys[i + 1][0] == line and (i < 0 or keys[i][0] != line):
            return self.mappings[i + 1]
        if i < 0:
            return None
        m = self.mappings[i]
        if line - m.lua_line > 50:  # too far: probably runtime code, not the program
            return None
        return m

    def ocaml_to_lua(self, source: str, line: int, col: int | None = None) -> list[LuaRange]:
        """The Lua line ranges generated for an OCaml line (or the expression at `col`)."""
        out: list[LuaRange] = []
        ms = self.mappings
        for i, m in enumerate(ms):
            if not _same_file(m.source, source):
                continue
            if not (m.line <= line <= m.line_end):
                continue
            if col is not None and m.line == line and m.line_end == line and not (m.col <= col <= m.col_end):
                continue
            end = ms[i + 1].lua_line - 1 if i + 1 < len(ms) else m.lua_line
            end = max(end, m.lua_line)
            if out and out[-1].line_end + 1 >= m.lua_line:
                out[-1] = LuaRange(out[-1].line_start, max(out[-1].line_end, end))
            else:
                out.append(LuaRange(m.lua_line, end))
        return out

    def rewrite_traceback(self, text: str, lua_name: str | None = None) -> str:
        """Replace `chunk.lua:LINE:` positions in a Lua error or traceback by OCaml ones."""
        name = re.escape(lua_name or self.file)
        pattern = re.compile(rf"([^\s:]*{name}|program|\[string \"[^\"]*\"\]):(\d+):")

        def repl(m: re.Match) -> str:
            loc = self.lua_to_ocaml(int(m.group(2)))
            if loc is None:
                return m.group(0)
            return f'File "{loc.source}", line {loc.line}, characters {loc.col}-{loc.col_end}:'

        return pattern.sub(repl, text)


def _same_file(a: str, b: str) -> bool:
    if a == b:
        return True
    a2, b2 = a.replace("\\", "/"), b.replace("\\", "/")
    return a2.endswith("/" + b2) or b2.endswith("/" + a2) or a2.rsplit("/", 1)[-1] == b2.rsplit("/", 1)[-1]
