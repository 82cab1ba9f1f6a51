"""Decoder for OCaml's Marshal format (runtime/intern.c), with sharing and cycles.

Every object that intern.c records in its object table (non-empty blocks,
strings, floats, float arrays, custom blocks) is recorded here in the same
order, so that back-references (CODE_SHARED*) resolve to the same Python object.
"""

from __future__ import annotations

import struct

from ..errors import CompileError
from .values import Block, CodePointer, Custom, FloatArray, Value

MAGIC_SMALL = 0x8495A6BE
MAGIC_BIG = 0x8495A6BF
MAGIC_COMPRESSED = 0x8495A6BD


class MarshalError(CompileError):
    pass


class _Reader:
    def __init__(self, data: bytes, pos: int):
        self.data = data
        self.pos = pos
        self.objs: list[Value] = []

    def take(self, n: int) -> bytes:
        if self.pos + n > len(self.data):
            raise MarshalError("truncated marshaled data")
        b = self.data[self.pos:self.pos + n]
        self.pos += n
        return b

    def u8(self) -> int:
        if self.pos >= len(self.data):
            raise MarshalError("truncated marshaled data")
        b = self.data[self.pos]
        self.pos += 1
        return b

    def s8(self) -> int:
        return struct.unpack(">b", self.take(1))[0]

    def s16(self) -> int:
        return struct.unpack(">h", self.take(2))[0]

    def u16(self) -> int:
        return struct.unpack(">H", self.take(2))[0]

    def s32(self) -> int:
        return struct.unpack(">i", self.take(4))[0]

    def u32(self) -> int:
        return struct.unpack(">I", self.take(4))[0]

    def s64(self) -> int:
        return struct.unpack(">q", self.take(8))[0]

    def u64(self) -> int:
        return struct.unpack(">Q", self.take(8))[0]

    def floats(self, n: int, big: bool) -> list[float]:
        return list(struct.unpack(("<" if not big else ">") + "d" * n, self.take(8 * n)))

    # --- values -----------------------------------------------------------
    def read_value(self) -> Value:
        """Decode one value; block fields are filled iteratively (lists can be long)."""
        data = self.data
        n = len(data)
        objs = self.objs
        root: list[Value] = [0]
        # work items: (container, index, end)
        stack: list[list] = [[root, 0, 1]]
        while stack:
            top = stack[-1]
            container, idx = top[0], top[1]
            if idx + 1 >= top[2]:
                stack.pop()
            else:
                top[1] = idx + 1
            pos = self.pos
            if pos >= n:
                raise MarshalError("truncated marshaled data")
            code = data[pos]
            if code >= 0x80:  # small block
                self.pos = pos + 1
                size = (code >> 4) & 7
                if size == 0:
                    container[idx] = Block(code & 0xF, [])
                else:
                    b = Block(code & 0xF, [0] * size)
                    objs.append(b)
                    container[idx] = b
                    stack.append([b.fields, 0, size])
                continue
            if code >= 0x40:  # small int
                self.pos = pos + 1
                container[idx] = code & 0x3F
                continue
            if code >= 0x20:  # small string
                ln = code & 0x1F
                if pos + 1 + ln > n:
                    raise MarshalError("truncated marshaled data")
                sv = data[pos + 1:pos + 1 + ln]
                self.pos = pos + 1 + ln
                objs.append(sv)
                container[idx] = sv
                continue
            self.pos = pos + 1
            v, pending = self._read_item(code)
            container[idx] = v
            if pending is not None:
                stack.append(list(pending))
        return root[0]

    def _new_block(self, tag: int, size: int):
        if size == 0:
            return Block(tag, []), None
        b = Block(tag, [0] * size)
        self.objs.append(b)
        return b, (b.fields, 0, size)

    def _read_item(self, code: int):
        if code == 0x0:
            return self.s8(), None
        if code == 0x1:
            return self.s16(), None
        if code == 0x2:
            return self.s32(), None
        if code == 0x3:
            return self.s64(), None
        if code in (0x4, 0x5, 0x6, 0x14):
            ofs = {0x4: self.u8, 0x5: self.u16, 0x6: self.u32, 0x14: self.u64}[code]()
            if ofs <= 0 or ofs > len(self.objs):
                raise MarshalError("bad shared reference in marshaled data")
            return self.objs[len(self.objs) - ofs], None
        if code == 0x8:
            hd = self.u32()
            return self._new_block(hd & 0xFF, hd >> 10)
        if code == 0x13:
            hd = self.u64()
            return self._new_block(hd & 0xFF, hd >> 10)
        if code in (0x9, 0xA, 0x15):
            n = {0x9: self.u8, 0xA: self.u32, 0x15: self.u64}[code]()
            s = self.take(n)
            self.objs.append(s)
            return s, None
        if code in (0xB, 0xC):
            f = self.floats(1, code == 0xB)[0]
            self.objs.append(f)
            return f, None
        if code in (0xD, 0xE, 0xF, 0x7, 0x16, 0x17):
            n = {0xD: self.u8, 0xE: self.u8, 0xF: self.u32, 0x7: self.u32,
                 0x16: self.u64, 0x17: self.u64}[code]()
            big = code in (0xD, 0xF, 0x16)
            fa = FloatArray(self.floats(n, big))
            self.objs.append(fa)
            return fa, None
        if code == 0x10:
            return CodePointer(self.u32()), None
        if code == 0x11:
            self.u32()
            raise MarshalError("infix pointers are not supported in marshaled data")
        if code in (0x12, 0x18, 0x19):
            ident = bytearray()
            while True:
                c = self.u8()
                if c == 0:
                    break
                ident.append(c)
            name = ident.decode("latin-1")
            if code == 0x18:
                self.u32()
                self.u64()
            if name == "_i":
                v = Custom(name, self.s32())
            elif name == "_j":
                v = Custom(name, self.s64())
            elif name == "_n":
                kind = self.u8()
                v = Custom(name, self.s32() if kind == 1 else self.s64())
            else:
                raise MarshalError(f"unsupported custom block '{name}' in marshaled data")
            self.objs.append(v)
            return v, None
        raise MarshalError(f"unknown code 0x{code:02x} in marshaled data")


def unmarshal(data: bytes, pos: int = 0) -> tuple[Value, int]:
    """Decode one marshaled value at `pos`; return it and the position after it."""
    r = _Reader(data, pos)
    magic = r.u32()
    if magic == MAGIC_SMALL:
        data_len = r.u32()
        r.u32()
        r.u32()
        r.u32()
    elif magic == MAGIC_BIG:
        r.u32()
        data_len = r.u64()
        r.u64()
        r.u64()
    elif magic == MAGIC_COMPRESSED:
        raise MarshalError("compressed marshaled data is not supported")
    else:
        raise MarshalError("bad magic number in marshaled data")
    start = r.pos
    v = r.read_value()
    return v, start + data_len
