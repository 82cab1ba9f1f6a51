"""The bytecode instruction set (runtime/caml/instruct.h) and a decoder for it.

OCaml 4.12 to 4.14 share one numbering; OCaml 5 appends the effect instructions.
Jump targets are decoded to absolute word addresses.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import CompileError

OPCODES_4 = """
ACC0 ACC1 ACC2 ACC3 ACC4 ACC5 ACC6 ACC7 ACC PUSH PUSHACC0 PUSHACC1 PUSHACC2
PUSHACC3 PUSHACC4 PUSHACC5 PUSHACC6 PUSHACC7 PUSHACC POP ASSIGN ENVACC1 ENVACC2
ENVACC3 ENVACC4 ENVACC PUSHENVACC1 PUSHENVACC2 PUSHENVACC3 PUSHENVACC4 PUSHENVACC
PUSH_RETADDR APPLY APPLY1 APPLY2 APPLY3 APPTERM APPTERM1 APPTERM2 APPTERM3 RETURN
RESTART GRAB CLOSURE CLOSUREREC OFFSETCLOSUREM3 OFFSETCLOSURE0 OFFSETCLOSURE3
OFFSETCLOSURE PUSHOFFSETCLOSUREM3 PUSHOFFSETCLOSURE0 PUSHOFFSETCLOSURE3
PUSHOFFSETCLOSURE GETGLOBAL PUSHGETGLOBAL GETGLOBALFIELD PUSHGETGLOBALFIELD
SETGLOBAL ATOM0 ATOM PUSHATOM0 PUSHATOM MAKEBLOCK MAKEBLOCK1 MAKEBLOCK2 MAKEBLOCK3
MAKEFLOATBLOCK GETFIELD0 GETFIELD1 GETFIELD2 GETFIELD3 GETFIELD GETFLOATFIELD
SETFIELD0 SETFIELD1 SETFIELD2 SETFIELD3 SETFIELD SETFLOATFIELD VECTLENGTH
GETVECTITEM SETVECTITEM GETBYTESCHAR SETBYTESCHAR BRANCH BRANCHIF BRANCHIFNOT
SWITCH BOOLNOT PUSHTRAP POPTRAP RAISE CHECK_SIGNALS C_CALL1 C_CALL2 C_CALL3
C_CALL4 C_CALL5 C_CALLN CONST0 CONST1 CONST2 CONST3 CONSTINT PUSHCONST0 PUSHCONST1
PUSHCONST2 PUSHCONST3 PUSHCONSTINT NEGINT ADDINT SUBINT MULINT DIVINT MODINT
ANDINT ORINT XORINT LSLINT LSRINT ASRINT EQ NEQ LTINT LEINT GTINT GEINT OFFSETINT
OFFSETREF ISINT GETMETHOD BEQ BNEQ BLTINT BLEINT BGTINT BGEINT ULTINT UGEINT
BULTINT BUGEINT GETPUBMET GETDYNMET STOP EVENT BREAK RERAISE RAISE_NOTRACE
GETSTRINGCHAR
""".split()

OPCODES_5 = OPCODES_4 + ["PERFORM", "RESUME", "RESUMETERM", "REPERFORMTERM"]

# Operand shapes: "" none, "i" one int, "ii" two ints, "L" one jump (relative to
# the operand), "iL" an int then a jump (relative to the second operand).
_SHAPES: dict[str, str] = {}
for _n in ("ACC PUSHACC POP ASSIGN ENVACC PUSHENVACC APPLY APPTERM1 APPTERM2 APPTERM3 "
           "RETURN GRAB OFFSETCLOSURE PUSHOFFSETCLOSURE GETGLOBAL PUSHGETGLOBAL SETGLOBAL "
           "ATOM PUSHATOM MAKEBLOCK1 MAKEBLOCK2 MAKEBLOCK3 MAKEFLOATBLOCK GETFIELD "
           "GETFLOATFIELD SETFIELD SETFLOATFIELD C_CALL1 C_CALL2 C_CALL3 C_CALL4 C_CALL5 "
           "CONSTINT PUSHCONSTINT OFFSETINT OFFSETREF RESUMETERM REPERFORMTERM").split():
    _SHAPES[_n] = "i"
for _n in "APPTERM GETGLOBALFIELD PUSHGETGLOBALFIELD MAKEBLOCK C_CALLN GETPUBMET".split():
    _SHAPES[_n] = "ii"
for _n in "PUSH_RETADDR BRANCH BRANCHIF BRANCHIFNOT PUSHTRAP".split():
    _SHAPES[_n] = "L"
for _n in "BEQ BNEQ BLTINT BLEINT BGTINT BGEINT BULTINT BUGEINT".split():
    _SHAPES[_n] = "iL"


@dataclass(slots=True)
class Instr:
    pc: int
    op: str
    args: tuple[int, ...] = ()
    # CLOSURE/CLOSUREREC: function entry points; SWITCH: int cases then tag cases
    targets: tuple[int, ...] = ()
    size: int = 1

    @property
    def next_pc(self) -> int:
        return self.pc + self.size


def opcode_names(ocaml5: bool) -> list[str]:
    return OPCODES_5 if ocaml5 else OPCODES_4


def decode_at(code: list[int], pc: int, names: list[str]) -> Instr:
    """Decode the instruction at word address `pc`."""
    try:
        opnum = code[pc]
        if not 0 <= opnum < len(names):
            raise CompileError(f"invalid opcode {opnum} at code address {pc}")
        op = names[opnum]
        shape = _SHAPES.get(op, "")
        if op == "CLOSURE":
            nvars, ofs = code[pc + 1], code[pc + 2]
            return Instr(pc, op, (nvars,), (pc + 2 + ofs,), 3)
        if op == "CLOSUREREC":
            nfuncs, nvars = code[pc + 1], code[pc + 2]
            base = pc + 3
            targets = tuple(base + code[base + i] for i in range(nfuncs))
            return Instr(pc, op, (nfuncs, nvars), targets, 3 + nfuncs)
        if op == "SWITCH":
            sizes = code[pc + 1] & 0xFFFFFFFF
            nconst, nblock = sizes & 0xFFFF, sizes >> 16
            base = pc + 2
            targets = tuple(base + code[base + i] for i in range(nconst + nblock))
            return Instr(pc, op, (nconst, nblock), targets, 2 + nconst + nblock)
        if shape == "":
            return Instr(pc, op)
        if shape == "i":
            return Instr(pc, op, (code[pc + 1],), (), 2)
        if shape == "ii":
            return Instr(pc, op, (code[pc + 1], code[pc + 2]), (), 3)
        if shape == "L":
            return Instr(pc, op, (), (pc + 1 + code[pc + 1],), 2)
        if shape == "iL":
            return Instr(pc, op, (code[pc + 1],), (pc + 2 + code[pc + 2],), 3)
    except IndexError:
        raise CompileError(f"truncated instruction at code address {pc}") from None
    raise AssertionError(op)


def decode_all(code: list[int], names: list[str]) -> dict[int, Instr]:
    """Linear decode of the whole code section (used by the disassembler)."""
    out: dict[int, Instr] = {}
    pc = 0
    while pc < len(code):
        ins = decode_at(code, pc, names)
        out[pc] = ins
        pc = ins.next_pc
    return out
