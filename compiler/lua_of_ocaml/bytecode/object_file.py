"""Bytecode object files (.cmo) and libraries (.cma): compilation units before linking.

Layout (file_formats/cmo_format.mli): the magic number, the absolute offset of
the descriptor (4 bytes big-endian), then the code of each unit, debug
information, and at that offset the marshaled descriptor: one
`compilation_unit` record for a .cmo, a `library` record (its first field the
list of units) for a .cma. A unit's code is not runnable as it is: the operands
that name a global (another unit, a predefined exception, a constant) or a
primitive are placeholders, listed in the relocation table, that a linker
fills in.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import CompileError, read_input
from .exe_file import KNOWN_MAGICS
from .marshal import MarshalError, unmarshal
from .values import Block, Custom, FloatArray, Value

OBJECT_MAGIC = "Caml1999O"
LIBRARY_MAGIC = "Caml1999A"

# A relocation: what the 32-bit operand at byte `pos` of the unit's code stands for.
#   ("literal", value)  a constant (decoded to the values DATA would hold)
#   ("global", name)    the module block of the compilation unit `name`
#   ("predef", name)    a predefined exception (Not_found, Failure, ...)
#   ("setglobal", name) where the unit stores its own module block
#   ("primitive", name) an external primitive


@dataclass
class Reloc:
    kind: str
    value: object
    pos: int


@dataclass
class CompUnit:
    name: str
    code: bytes
    relocs: list[Reloc]
    primitives: list[str]          # `external`s declared by the unit
    required: list[str]            # units whose initialisation must come first
    force_link: bool
    debug: bytes                   # marshaled events and source directories ("" without -g)
    ocaml_version: str
    source: str = ""               # the file it was read from

    @property
    def is_ocaml5(self) -> bool:
        return self.ocaml_version.startswith("5.")

    def referenced_units(self) -> set[str]:
        return {r.value for r in self.relocs if r.kind == "global"} | set(self.required)


@dataclass
class ObjectFile:
    path: str
    kind: str                      # "cmo" or "cma"
    units: list[CompUnit] = field(default_factory=list)


def is_object_file(data: bytes) -> bool:
    return data[:9].decode("latin-1") in (OBJECT_MAGIC, LIBRARY_MAGIC)


def read_object(path: str | Path) -> ObjectFile:
    return parse_object(read_input(path, "bytecode object file"), str(path))


def parse_object(data: bytes, path: str = "<bytes>") -> ObjectFile:
    magic = data[:12].decode("latin-1")
    kind = {OBJECT_MAGIC: "cmo", LIBRARY_MAGIC: "cma"}.get(magic[:9])
    if kind is None:
        raise CompileError(f"{path}: not an OCaml bytecode object (.cmo) or library (.cma)")
    version = KNOWN_MAGICS.get("Caml1999X" + magic[9:])
    if version is None:
        raise CompileError(f"{path}: unsupported OCaml object version (magic {magic}); "
                           f"supported: OCaml {', '.join(sorted(set(KNOWN_MAGICS.values())))}")
    try:
        (desc_pos,) = struct.unpack(">I", data[12:16])
        desc, _ = unmarshal(data, desc_pos)
        obj = ObjectFile(path, kind)
        if kind == "cmo":
            obj.units.append(_unit(desc, data, version, path))
        else:
            units = desc.fields[0] if isinstance(desc, Block) else 0
            for u in _list(units):
                obj.units.append(_unit(u, data, version, path))
    except (MarshalError, struct.error, IndexError, AttributeError, TypeError, ValueError) as e:
        raise CompileError(f"{path}: corrupt bytecode object file ({e})") from None
    return obj


def _list(v: Value) -> list[Value]:
    out = []
    while isinstance(v, Block) and len(v.fields) == 2:
        out.append(v.fields[0])
        v = v.fields[1]
    return out


def _str(v: Value) -> str:
    if not isinstance(v, bytes):
        raise ValueError("expected a string")
    return v.decode("latin-1")


def _unit(desc: Value, data: bytes, version: str, path: str) -> CompUnit:
    assert isinstance(desc, Block)
    (name, pos, size, relocs, _imports, required, prims, force, debug, debug_size) = desc.fields[:10]
    ocaml5 = version.startswith("5.")
    code = data[pos:pos + size]
    if len(code) != size or size % 4:
        raise ValueError("code outside the file")
    out = []
    for r in _list(relocs):
        info, at = r.fields
        out.append(_reloc(info, at, ocaml5))
    return CompUnit(
        name=_str(name), code=code, relocs=out, primitives=[_str(p) for p in _list(prims)],
        required=[n for k, n in map(lambda i: _ident(i, ocaml5), _list(required)) if k == "global"], force_link=bool(force),
        debug=data[debug:debug + debug_size] if debug else b"", ocaml_version=version, source=path)


def _ident(v: Value, ocaml5: bool) -> tuple[str, str]:
    """("global", unit name) or ("predef", exception name).

    OCaml 5.x stores compilation units and predefined exceptions as bare strings
    (unboxed); 4.x stores an `Ident.t`: `Global of string` (tag 2) or
    `Predef of {name; stamp}` (tag 3)."""
    if isinstance(v, bytes):
        return ("global", _str(v))
    assert isinstance(v, Block)
    return ("predef" if v.tag == 3 else "global", _str(v.fields[0]))


def _reloc(info: Value, pos: int, ocaml5: bool) -> Reloc:
    assert isinstance(info, Block)
    arg = info.fields[0]
    if ocaml5:
        # Reloc_literal of Obj.t | Reloc_getcompunit | Reloc_getpredef | Reloc_setcompunit
        # | Reloc_primitive
        if info.tag == 0:
            return Reloc("literal", arg, pos)
        kind = {1: "global", 2: "predef", 3: "setglobal", 4: "primitive"}[info.tag]
        return Reloc(kind, _str(arg), pos)
    # Reloc_literal of structured_constant | Reloc_getglobal of Ident.t
    # | Reloc_setglobal of Ident.t | Reloc_primitive of string
    if info.tag == 0:
        return Reloc("literal", _constant(arg), pos)
    if info.tag == 1:
        kind, name = _ident(arg, False)
        return Reloc(kind, name, pos)
    if info.tag == 2:
        return Reloc("setglobal", _ident(arg, False)[1], pos)
    return Reloc("primitive", _str(arg), pos)


def _constant(sc: Value) -> Value:
    """A `Lambda.structured_constant` as the value the linker would store (OCaml 4)."""
    assert isinstance(sc, Block)
    arg = sc.fields[0]
    if sc.tag == 0:  # Const_base of Asttypes.constant
        assert isinstance(arg, Block)
        c = arg.fields[0]
        if arg.tag in (0, 1):            # Const_int, Const_char
            return c
        if arg.tag == 2:                 # Const_string of string * Location.t * string option
            return c
        if arg.tag == 3:                 # Const_float of string
            return _float(c)
        if isinstance(c, Custom):        # Const_int32 / int64 / nativeint
            return c
        raise ValueError("unknown constant")
    if sc.tag == 1:  # Const_block of int * structured_constant list
        return Block(arg, [_constant(f) for f in _list(sc.fields[1])])
    if sc.tag == 2:  # Const_float_array of string list
        return FloatArray([_float(s) for s in _list(arg)])
    if sc.tag == 3:  # Const_immstring of string
        return arg
    raise ValueError("unknown structured constant")


def _float(v: Value) -> float:
    """An OCaml float literal: decimal or hexadecimal, with `_` separators."""
    s = _str(v).replace("_", "")
    body = s.lstrip("+-")
    if body[:2].lower() == "0x":
        return float.fromhex(s)
    return float(s)
