"""OCaml values as decoded from Marshal data (the DATA and DBUG sections)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union


@dataclass(eq=False)
class Block:
    """A structured block; fields may refer back to this block (cyclic data)."""
    tag: int
    fields: list["Value"] = field(default_factory=list)

    def __repr__(self) -> str:  # short: data can be cyclic
        return f"Block(tag={self.tag}, size={len(self.fields)})"


@dataclass(eq=False)
class FloatArray:
    values: list[float]


@dataclass(eq=False)
class Custom:
    """A custom block: `_i` int32, `_j` int64, `_n` nativeint (value as a Python int)."""
    ident: str
    value: int


@dataclass(eq=False)
class CodePointer:
    offset: int


# int: immediate; bytes: string; float: boxed float
Value = Union[int, bytes, float, Block, FloatArray, Custom, CodePointer]
