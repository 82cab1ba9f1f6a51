"""Debug events of the DBUG section (ocamlc -g): code address -> OCaml source location."""

from __future__ import annotations

import hashlib
import os
import pickle
import struct
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..cache import cache_root
from .marshal import MAGIC_BIG, MAGIC_SMALL, MarshalError, unmarshal
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
            end = _marshaled_end(section, _marshaled_end(section, pos))
            for ev_pos, loc in _unit_events(section[pos:end]):
                # bytecode addresses in events are byte offsets
                events[(orig + ev_pos) // 4] = loc
            pos = end
    except (MarshalError, struct.error, ValueError, IndexError, TypeError):
        return events
    return events


def unit_debug_events(blob: bytes) -> dict[int, Location]:
    """The events of one unit of a .cmo/.cma (word address in the unit's code ->
    location); empty without debug information."""
    if not blob:
        return {}
    try:
        return {ev_pos // 4: loc for ev_pos, loc in _unit_events(blob)}
    except (MarshalError, struct.error, ValueError, IndexError, TypeError):
        return {}


def _marshaled_end(data: bytes, pos: int) -> int:
    """The position after the marshaled value at `pos`, read from its header alone."""
    (magic,) = struct.unpack(">I", data[pos:pos + 4])
    if magic == MAGIC_SMALL:
        (length,) = struct.unpack(">I", data[pos + 4:pos + 8])
        end = pos + 20 + length
    elif magic == MAGIC_BIG:
        (length,) = struct.unpack(">Q", data[pos + 8:pos + 16])
        end = pos + 32 + length
    else:
        raise MarshalError("bad magic number in debug information")
    if end > len(data):
        raise MarshalError("truncated debug information")
    return end


# The debug information of one compilation unit is the same bytes in every program
# that links it (the standard library's units above all), and decoding it is most
# of the work of compiling a small program: decoded events are kept per unit, in
# memory and in the user's cache folder, keyed by a digest of those bytes.
_MEMORY: dict[bytes, list[tuple[int, Location]]] = {}
_MEMORY_LIMIT = 2000
_CACHE_VERSION = b"debug-events-1"


def _unit_events(blob: bytes) -> list[tuple[int, Location]]:
    key = hashlib.blake2b(blob, digest_size=20, person=_CACHE_VERSION[:16]).digest()
    hit = _MEMORY.get(key)
    if hit is not None:
        return hit
    path = _cache_file(key)
    result: list[tuple[int, Location]] | None = None
    if path is not None:
        try:
            with open(path, "rb") as f:
                result = [(p, Location(*fields)) for p, fields in pickle.load(f)]
        except (OSError, pickle.UnpicklingError, EOFError, TypeError, ValueError, AttributeError):
            result = None
    if result is None:
        evl, after = unmarshal(blob, 0)
        unmarshal(blob, after)  # the list of source directories: checked, not used
        result = []
        while isinstance(evl, Block) and evl.fields:
            ev, evl = evl.fields
            item = _event(ev)
            if item is not None:
                result.append(item)
        if path is not None:
            _store(path, [(p, (l.file, l.line, l.col_start, l.col_end, l.line_end, l.module, l.defname))
                          for p, l in result])
    if len(_MEMORY) >= _MEMORY_LIMIT:
        _MEMORY.clear()
    _MEMORY[key] = result
    return result


def _cache_file(key: bytes) -> Path | None:
    if os.environ.get("LUA_OF_OCAML_NO_CACHE"):
        return None
    return cache_root() / "debug-events" / key.hex()[:2] / key.hex()


def _store(path: Path, data: list) -> None:
    """Write atomically; a cache that cannot be written is only slower."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(data, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass


def _event(ev: Block) -> tuple[int, Location] | None:
    """(byte offset in the unit's code, location) of one debug event."""
    f = ev.fields
    if not (isinstance(f[0], int) and isinstance(f[2], Block)):
        return None
    start, end = f[2].fields[0], f[2].fields[1]
    fname, lnum, bol, cnum = _pos(start)
    if fname == "_none_" or lnum <= 0:
        return None
    _, lnum_end, bol_end, cnum_end = _pos(end)
    module = f[1].decode("latin-1") if isinstance(f[1], bytes) else ""
    defname = f[4].decode("latin-1") if len(f) > 4 and isinstance(f[4], bytes) else ""
    col_end = cnum_end - bol if lnum_end == lnum else cnum_end - bol_end
    return f[0], Location(fname, lnum, cnum - bol, col_end, lnum_end, module, defname)
