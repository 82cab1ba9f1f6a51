"""What the IR builder reads: code words with their global slots and primitives resolved.

A linked executable is one such image (its DATA section gives the slots). A
compilation unit of a .cmo/.cma becomes one too, by doing a linker's job
locally: every relocated operand gets a slot of the unit's own table, numbered
in order of first use, and `slots` says what each slot stands for, so that
`lua_of_ocaml link` can later bind the unit's slots to the program's globals.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

from ..errors import CompileError
from .debug_info import Location, read_debug_info, unit_debug_events
from .exe_file import ExeFile
from .instructions import opcode_names
from .marshal import unmarshal
from .object_file import CompUnit
from .values import Block, Value
from ..progress import Progress


@dataclass
class CodeImage:
    path: str
    code: list[int]
    primitives: list[str]
    globals: list[Value]              # slot -> constant (literal slots) or 0
    literal_slots: set[int]
    events: dict[int, Location]
    ocaml5: bool
    # separately compiled units only: slot -> ("global"|"predef"|"setglobal"|"literal", name)
    slots: list[tuple[str, str]] = field(default_factory=list)
    unit_name: str = ""


def exe_image(exe: ExeFile, progress: Progress | None = None) -> CodeImage:
    data, _ = unmarshal(exe.sections["DATA"])
    if not isinstance(data, Block):
        raise CompileError(f"{exe.path}: corrupt DATA section")
    # module slots start as 0; any other value is a constant (ocamlc stores ints
    # that do not fit in 31 bits there too)
    literal = {i for i, v in enumerate(data.fields) if not (isinstance(v, int) and v == 0)}
    return CodeImage(exe.path, exe.code_words(), exe.primitives(), data.fields, literal,
                     read_debug_info(exe.sections.get("DBUG"), progress), exe.is_ocaml5)


def unit_image(unit: CompUnit) -> CodeImage:
    """The unit's code with its relocations bound to unit-local slots and primitive
    numbers, followed by the STOP that ends a linked program."""
    code = bytearray(unit.code)
    slot_of: dict[tuple[str, str], int] = {}
    slots: list[tuple[str, str]] = []
    values: list[Value] = []
    literal: set[int] = set()
    prims: list[str] = []
    prim_of: dict[str, int] = {}
    for r in unit.relocs:
        if r.kind == "primitive":
            n = prim_of.get(r.value)  # type: ignore[arg-type]
            if n is None:
                n = prim_of[r.value] = len(prims)  # type: ignore[index]
                prims.append(r.value)  # type: ignore[arg-type]
        elif r.kind == "literal":
            n = len(slots)  # every constant is its own value, as ocamlc links them
            slots.append(("literal", ""))
            values.append(r.value)  # type: ignore[arg-type]
            literal.add(n)
        else:
            key = ("global" if r.kind == "setglobal" else r.kind, r.value)
            n = slot_of.get(key)  # type: ignore[arg-type]
            if n is None:
                n = slot_of[key] = len(slots)  # type: ignore[index]
                slots.append(key)  # type: ignore[arg-type]
                values.append(0)
            if r.kind == "setglobal":
                if r.value != unit.name:
                    raise CompileError(f"{unit.source}: unit {unit.name} defines global {r.value}")
        if not 0 <= r.pos <= len(code) - 4:
            raise CompileError(f"{unit.source}: corrupt relocation in unit {unit.name}")
        struct.pack_into("<i", code, r.pos, n)
    names = opcode_names(unit.is_ocaml5)
    words = list(struct.unpack(f"<{len(code) // 4}i", bytes(code)))
    words.append(names.index("STOP"))
    return CodeImage(unit.source, words, prims, values, literal, unit_debug_events(unit.debug),
                     unit.is_ocaml5, slots, unit.name)
