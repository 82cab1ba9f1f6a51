"""Debug events of the DBUG section (ocamlc -g): code address -> OCaml source location."""

from __future__ import annotations

import struct
from dataclasses import dataclass

from .marshal import MarshalError, unmarshal
from .values import Block
from ..progress import Progress


@dataclass(frozen=True, slots=True)
class Location:
    file: str
    line: int
    col_start: int
    col_end: int
    line_end: int
    module: str = ""
    defname: str = ""

    def __str__(self) -> str:
        return f'File "{self.file}", line {self.line}, characters {self.col_start}-{self.col_end}'


def _pos(b: Block) -> tuple[str, int, int, int]:
    fname, lnum, bol, cnum = b.fields[:4]
    return (fname.decode("utf-8", "replace") if isinstance(fname, bytes) else "", lnum, bol, cnum)


def read_debug_info(section: bytes | None, progress: Progress | None = None) -> dict[int, Location]:
    """Map code word addresses to locations; empty when there is no (readable) DBUG section."""
    events: dict[int, Location] = {}
    if not section:
        return events
    try:
        (count,) = struct.unpack(">I", section[:4])
        pos = 4
        for i in range(count):
            if progress is not None:
                progress("decoding bytecode", i, count)
            (orig,) = struct.unpack(">I", section[pos:pos + 4])
            pos += 4
            evl, pos = unmarshal(section, pos)
            _, pos = unmarshal(section, pos)  # list of source directories
            while isinstance(evl, Block) and evl.fields:
                ev, evl = evl.fields
                _add_event(events, orig, ev)
    except (MarshalError, struct.error, ValueError, IndexError, TypeError):
        return events
    return events


def _add_event(events: dict[int, Location], orig: int, ev: Block) -> None:
    f = ev.fields
    if not (isinstance(f[0], int) and isinstance(f[2], Block)):
        return
    start, end = f[2].fields[0], f[2].fields[1]
    fname, lnum, bol, cnum = _pos(start)
    if fname == "_none_" or lnum <= 0:
        return
    _, lnum_end, bol_end, cnum_end = _pos(end)
    module = f[1].decode("latin-1") if isinstance(f[1], bytes) else ""
    defname = f[4].decode("latin-1") if len(f) > 4 and isinstance(f[4], bytes) else ""
    col_end = cnum_end - bol if lnum_end == lnum else cnum_end - bol_end
    # bytecode addresses in events are byte offsets
    pc = (orig + f[0]) // 4
    events[pc] = Location(fname, lnum, cnum - bol, col_end, lnum_end, module, defname)
