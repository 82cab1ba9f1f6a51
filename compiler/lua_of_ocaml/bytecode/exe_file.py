"""The container of a bytecode executable: trailer, section table, sections.

Layout (runtime/caml/exec.h): sections are stored back to back, followed by a
table of (name: 4 bytes, length: 4 bytes big-endian) entries, the number of
sections (4 bytes big-endian) and the 12-byte magic string.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import CompileError, read_input

MAGIC_LEN = 12
TRAILER_LEN = 4 + MAGIC_LEN

#: Executable magic numbers we understand, with the OCaml version they come from.
KNOWN_MAGICS: dict[str, str] = {
    "Caml1999X029": "4.12",
    "Caml1999X030": "4.13",
    "Caml1999X031": "4.14",
    "Caml1999X032": "5.0",
    "Caml1999X033": "5.1",
    "Caml1999X034": "5.2",
    "Caml1999X035": "5.3",
    "Caml1999X036": "5.4",
}


@dataclass
class ExeFile:
    path: str
    magic: str
    sections: dict[str, bytes] = field(default_factory=dict)

    @property
    def ocaml_version(self) -> str:
        return KNOWN_MAGICS[self.magic]

    @property
    def is_ocaml5(self) -> bool:
        return self.ocaml_version.startswith("5.")

    def code_words(self) -> list[int]:
        """The CODE section as signed 32-bit little-endian words."""
        code = self.sections["CODE"]
        return list(struct.unpack(f"<{len(code) // 4}i", code))

    def primitives(self) -> list[str]:
        prim = self.sections.get("PRIM", b"")
        return [p.decode("latin-1") for p in prim.split(b"\0")[:-1]]


def read_exe(path: str | Path) -> ExeFile:
    """Read a bytecode executable, or raise CompileError saying why it is not one."""
    return parse_exe(read_input(path, "bytecode file"), str(path))


def parse_exe(data: bytes, path: str = "<bytes>") -> ExeFile:
    if data[:9] == b"Caml1999I":
        raise CompileError(f"{path}: is a compiled interface (.cmi), which holds no code: give the "
                           f".cmo or the linked bytecode program")
    if len(data) < TRAILER_LEN:
        raise CompileError(f"{path}: not an OCaml bytecode executable (file too short)")
    magic_bytes = data[-MAGIC_LEN:]
    magic = magic_bytes.decode("latin-1")
    if not magic.startswith("Caml1999X"):
        if magic.startswith("Caml1999"):
            raise CompileError(
                f"{path}: is an OCaml object or interface file ({magic}), not a linked bytecode executable")
        raise CompileError(f"{path}: not an OCaml bytecode executable (bad magic number)")
    if magic not in KNOWN_MAGICS:
        raise CompileError(f"{path}: unsupported OCaml bytecode version (magic {magic}); "
                           f"supported: OCaml {', '.join(sorted(set(KNOWN_MAGICS.values())))}")
    (num_sections,) = struct.unpack(">I", data[-TRAILER_LEN:-MAGIC_LEN])
    table_len = num_sections * 8
    table_start = len(data) - TRAILER_LEN - table_len
    if num_sections > 1000 or table_start < 0:
        raise CompileError(f"{path}: truncated or corrupt bytecode executable (bad section table)")
    entries = []
    for i in range(num_sections):
        name, length = struct.unpack(">4sI", data[table_start + 8 * i: table_start + 8 * i + 8])
        entries.append((name.decode("latin-1"), length))
    total = sum(length for _, length in entries)
    pos = table_start - total
    if pos < 0:
        raise CompileError(f"{path}: truncated bytecode executable (sections exceed file size)")
    exe = ExeFile(path=path, magic=magic)
    for name, length in entries:
        exe.sections[name] = data[pos:pos + length]
        pos += length
    for needed in ("CODE", "DATA", "PRIM"):
        if needed not in exe.sections:
            raise CompileError(f"{path}: bytecode executable has no {needed} section")
    if len(exe.sections["CODE"]) % 4:
        raise CompileError(f"{path}: corrupt CODE section (length not a multiple of 4)")
    return exe
