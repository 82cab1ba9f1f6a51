"""A readable disassembly of a bytecode executable (`lua_of_ocaml dis`)."""

from __future__ import annotations

from typing import TextIO

from .debug_info import read_debug_info
from .exe_file import ExeFile
from .instructions import decode_all, opcode_names


def disassemble(exe: ExeFile, out: TextIO) -> None:
    code = exe.code_words()
    prims = exe.primitives()
    names = opcode_names(exe.is_ocaml5)
    events = read_debug_info(exe.sections.get("DBUG"))
    instrs = decode_all(code, names)
    targets: set[int] = set()
    for ins in instrs.values():
        targets.update(ins.targets)
    out.write(f"; {exe.path}: OCaml {exe.ocaml_version} bytecode ({exe.magic}), "
              f"{len(code)} words, {len(prims)} primitives\n")
    last_loc = None
    for pc, ins in instrs.items():
        loc = events.get(pc)
        if loc is not None and loc != last_loc:
            out.write(f"        ; {loc}" + (f" ({loc.defname})" if loc.defname else "") + "\n")
            last_loc = loc
        if pc in targets:
            out.write(f"L{pc}:\n")
        text = ins.op
        if ins.op.startswith("C_CALL"):
            p = ins.args[-1]
            extra = ins.args[:-1]
            text += " " + " ".join(str(a) for a in extra) + (" " if extra else "") + (
                prims[p] if 0 <= p < len(prims) else f"<prim {p}>")
        else:
            if ins.args:
                text += " " + ", ".join(str(a) for a in ins.args)
            if ins.targets:
                text += (", " if ins.args else " ") + ", ".join(f"L{t}" for t in ins.targets)
        out.write(f"{pc:8d}  {text}\n")
