"""The bytecode front end: Marshal decoder, sections, instruction decoding, debug info."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, build_program
from lua_of_ocaml.bytecode.debug_info import read_debug_info
from lua_of_ocaml.bytecode.exe_file import read_exe
from lua_of_ocaml.bytecode.instructions import decode_all, opcode_names
from lua_of_ocaml.bytecode.marshal import MarshalError, unmarshal
from lua_of_ocaml.bytecode.values import Block, Custom, FloatArray


@pytest.fixture(scope="module")
def marshaled(tmp_path_factory) -> bytes:
    d = tmp_path_factory.mktemp("marshal")
    src = ROOT / "tests" / "data" / "marshal_sample.ml"
    subprocess.run(["ocamlc", str(src), "-o", str(d / "m.byte")], check=True, cwd=d)
    subprocess.run(["ocamlrun", str(d / "m.byte"), str(d / "m.bin")], check=True, cwd=d)
    return (d / "m.bin").read_bytes()


def test_marshal_values_sharing_and_cycles(marshaled: bytes) -> None:
    v, end = unmarshal(marshaled)
    assert end == len(marshaled)
    assert isinstance(v, Block) and v.tag == 0 and len(v.fields) == 7
    x, big1, big2, lst, ints, poly, opt = v.fields
    # the record and its cycle: x.c = [x; x]
    assert x.fields[0] == 1 and x.fields[1] == b"shared"
    cons = x.fields[2]
    assert cons.fields[0] is x and cons.fields[1].fields[0] is x
    assert x.fields[3] == 2.5
    assert isinstance(x.fields[4], FloatArray) and x.fields[4].values == [1.0, 2.0]
    assert isinstance(x.fields[5], Custom) and x.fields[5].ident == "_j" and x.fields[5].value == 0x123456789ABCDEF0
    assert x.fields[6].ident == "_i" and x.fields[6].value == -5
    assert x.fields[7].ident == "_n" and x.fields[7].value == 7
    # a long string stored once and shared
    assert big1 == b"z" * 300 and big1 is big2
    assert lst.fields[0] == 1 and lst.fields[1].fields[0] == 2
    assert ints.fields == [-1000000, 70000, -128, 127, 32767, 1 << 40]
    assert poly.fields[1] == 3
    assert opt.tag == 0 and opt.fields == [0]


def test_marshal_rejects_garbage() -> None:
    with pytest.raises(MarshalError):
        unmarshal(b"\x00\x01\x02\x03" * 8)
    with pytest.raises(MarshalError):
        unmarshal(bytes.fromhex("8495A6BE") + b"\x00" * 16 + b"\x09")  # truncated string


def test_sections_instructions_and_debug_events() -> None:
    exe_path, _ = build_program("closures")
    exe = read_exe(exe_path)
    assert exe.magic == "Caml1999X030" or exe.magic.startswith("Caml1999X")
    code = exe.code_words()
    instrs = decode_all(code, opcode_names(exe.is_ocaml5))
    ops = {i.op for i in instrs.values()}
    assert {"CLOSURE", "APPLY1", "RETURN", "STOP", "C_CALL1"} <= ops
    # every jump target is the start of an instruction
    for ins in instrs.values():
        for t in ins.targets:
            assert t in instrs
    events = read_debug_info(exe.sections.get("DBUG"))
    assert any(loc.file == "closures.ml" for loc in events.values())
    assert all(pc in instrs for pc in events)


def test_ocaml5_opcodes_decode() -> None:
    names = opcode_names(True)
    code = [names.index("PERFORM"), names.index("RESUME"), names.index("RESUMETERM"), 3,
            names.index("REPERFORMTERM"), 2, names.index("STOP")]
    ins = decode_all(code, names)
    assert [i.op for i in ins.values()] == ["PERFORM", "RESUME", "RESUMETERM", "REPERFORMTERM", "STOP"]
    assert ins[2].args == (3,)
