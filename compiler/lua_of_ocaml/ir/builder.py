"""Build the IR by symbolic execution of the bytecode stack machine.

Each function is explored from its entry. The abstract state is the stack (a
list of operands, top last) and the accumulator. A block starts at every jump
target; its parameters are fresh variables for each stack slot and the
accumulator, and every jump passes the current slots as arguments. Useless
parameters are removed afterwards (passes/params.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..bytecode.debug_info import Location
from ..bytecode.image import CodeImage
from ..bytecode.instructions import Instr, decode_all, opcode_names
from ..errors import CompileError
from ..progress import Progress
from .ir import (UNIT, Apply, Block, Branch, Closure, Cond, Const, Cont, Effect, Extern, Field,
                 Function, GlobalGet, Let, LetRec, Literal, MakeBlock, Operand, Poptrap, Prim,
                 Program, Pushtrap, Raise, Return, SetField, SetGlobal, SetVar, Stop, Switch,
                 TailCall, Var)


@dataclass(eq=False)
class _Trap:
    """A try block being explored: where its handler's arguments come from."""
    depth: int               # stack depth at PUSHTRAP (slots below are the handler's)
    block: Block             # the block ending with the Pushtrap
    stack: list[Operand]     # stack at PUSHTRAP
    handler: Cont
    mirrors: dict[int, Var]  # slot index -> variable mirroring ASSIGNs in the body

_DUMMY = Const(-0x7FFF_FFFF)  # return addresses and trap frames: never read as values

_BINOPS = {
    "ADDINT": "add", "SUBINT": "sub", "MULINT": "mul", "DIVINT": "div", "MODINT": "mod",
    "ANDINT": "and", "ORINT": "or", "XORINT": "xor", "LSLINT": "lsl", "LSRINT": "lsr",
    "ASRINT": "asr", "EQ": "eq", "NEQ": "neq", "LTINT": "lt", "LEINT": "le", "GTINT": "gt",
    "GEINT": "ge", "ULTINT": "ult", "UGEINT": "uge",
}
_CONDJUMPS = {"BEQ": "eq", "BNEQ": "neq", "BLTINT": "lt", "BLEINT": "le", "BGTINT": "gt",
              "BGEINT": "ge", "BULTINT": "ult", "BUGEINT": "uge"}
_TERMINATORS = {"BRANCH", "RETURN", "APPTERM", "APPTERM1", "APPTERM2", "APPTERM3", "RAISE",
                "RERAISE", "RAISE_NOTRACE", "STOP", "SWITCH", "POPTRAP", "PUSHTRAP",
                "RESUMETERM", "REPERFORMTERM"}


@dataclass
class Env:
    """How a function body reaches its closure: fields of the closure block."""
    free: list[Var]
    rec_vars: list[Var]   # the closures of a CLOSUREREC group (or [self])
    index: int            # position of this function in the group
    env_ofs: int          # field index of the first free variable (group-relative)

    def envacc(self, n: int) -> Operand:
        field = 3 * self.index + n
        k = field - self.env_ofs
        if 0 <= k < len(self.free):
            return self.free[k]
        if field % 3 == 0 and 0 <= field // 3 < len(self.rec_vars):
            return self.rec_vars[field // 3]
        raise CompileError(f"bad environment access {n}")

    def offset_closure(self, n: int) -> Var:
        field = 3 * self.index + n
        if field % 3 or not 0 <= field // 3 < len(self.rec_vars):
            raise CompileError(f"bad closure offset {n}")
        return self.rec_vars[field // 3]


class ProgramBuilder:
    def __init__(self, image: CodeImage, progress: Progress | None = None):
        self.image = image
        self.progress = progress
        self.blocks_done = 0
        self.code = image.code
        self.names = opcode_names(image.ocaml5)
        self.instrs = decode_all(self.code, self.names)
        self.prims = image.primitives
        self.events = image.events
        self.globals = image.globals
        self.leaders = self._find_leaders()
        self.used_prims: set[str] = set()
        self.prim_locs: dict[str, Location] = {}
        self.warnings: list[str] = []

    def _find_leaders(self) -> set[int]:
        leaders: set[int] = {0}
        for pc, ins in self.instrs.items():
            if ins.op in ("CLOSURE", "CLOSUREREC", "PUSH_RETADDR"):
                if ins.op != "PUSH_RETADDR":
                    leaders.update(ins.targets)
                continue
            leaders.update(ins.targets)
            if ins.targets or ins.op in _TERMINATORS:
                leaders.add(ins.next_pc)
        return leaders

    def build(self) -> Program:
        main = Function(entry=0, params=[], free=[], name="main")
        FunctionBuilder(self, main, Env([], [], 0, 2), start_pc=0).run()
        literals = {i: self.globals[i] for i in self.image.literal_slots}
        prog = Program(main, literals, len(self.globals), self.prims, self.used_prims, self.prim_locs)
        prog.warnings = self.warnings
        prog.ocaml5 = self.image.ocaml5
        prog.unit_slots = self.image.slots
        prog.unit_name = self.image.unit_name
        return prog

    def location(self, pc: int) -> Location | None:
        return self.events.get(pc)

    def location_near(self, pc: int) -> Location | None:
        """The first debug event at or after `pc` (events mark calls and returns)."""
        import bisect
        if not hasattr(self, "_event_pcs"):
            self._event_pcs = sorted(self.events)
        i = bisect.bisect_left(self._event_pcs, pc)
        if i < len(self._event_pcs) and self._event_pcs[i] - pc < 64:
            return self.events[self._event_pcs[i]]
        return None


class FunctionBuilder:
    def __init__(self, pb: ProgramBuilder, fn: Function, env: Env, start_pc: int):
        self.pb = pb
        self.fn = fn
        self.env = env
        self.start_pc = start_pc
        self.depth: dict[int, int] = {}
        self.traps: dict[int, tuple[_Trap, ...]] = {}
        self.queue: list[int] = []
        self.loc: Location | None = None

    # --- driver -----------------------------------------------------------
    def run(self) -> None:
        pb = self.pb
        pc = self.fn.entry
        ins = pb.instrs.get(pc)
        if ins is None:
            raise CompileError(f"function entry {pc} is not an instruction")
        arity = 1
        if ins.op == "GRAB":
            arity = ins.args[0] + 1
            pc = ins.next_pc
        if self.fn.name == "main":
            arity = 0
        params = [Var() for _ in range(arity)]
        self.fn.params = params
        # first argument on top of the stack
        stack: list[Operand] = list(reversed(params))
        entry = Block(pc, [])
        self.fn.entry = pc
        self.fn.blocks[pc] = entry
        self.depth[pc] = len(stack)
        self.traps[pc] = ()
        self._exec(entry, pc, stack, UNIT, ())
        entry.term_loc = self.loc
        while self.queue:
            if pb.progress is not None:
                pb.blocks_done += 1
                pb.progress("building IR", pb.blocks_done, len(pb.leaders))
            addr = self.queue.pop()
            blk = self.fn.blocks[addr]
            slots: list[Operand] = list(blk.params)
            self.loc = None
            self._exec(blk, addr, slots[:-1], slots[-1], self.traps[addr])
            blk.term_loc = self.loc

    def _jump(self, target: int, stack: list[Operand], accu: Operand,
              traps: tuple[_Trap, ...] = ()) -> Cont:
        slots = [*stack, accu]
        if target not in self.fn.blocks:
            blk = Block(target, [Var() for _ in slots])
            self.fn.blocks[target] = blk
            self.depth[target] = len(stack)
            self.traps[target] = traps
            self.queue.append(target)
        elif self.depth[target] != len(stack):
            raise CompileError(f"inconsistent stack depth at code address {target}")
        return Cont(target, slots)

    # --- symbolic execution of one block ----------------------------------
    def _exec(self, blk: Block, pc: int, stack: list[Operand], accu: Operand,
              traps: tuple[_Trap, ...]) -> None:
        pb = self.pb
        body = blk.body
        locs = blk.locs
        first = True

        def emit(stmt) -> None:
            body.append(stmt)
            locs.append(self.loc)

        def let(expr) -> Var:
            v = Var()
            emit(Let(v, expr))
            return v

        def jump(target: int, st: list[Operand], acc: Operand) -> Cont:
            return self._jump(target, st, acc, traps)

        while True:
            if not first and pc in pb.leaders:
                blk.term = Branch(jump(pc, stack, accu))
                return
            first = False
            ins: Instr | None = pb.instrs.get(pc)
            if ins is None:
                raise CompileError(f"code address {pc} is not an instruction")
            loc = pb.location(pc)
            if loc is not None:
                self.loc = loc
                if blk.loc is None:
                    blk.loc = loc
            op = ins.op
            a = ins.args
            nxt = ins.next_pc

            if op.startswith("ACC"):
                n = int(op[3:]) if op != "ACC" else a[0]
                accu = stack[-1 - n]
            elif op == "PUSH":
                stack.append(accu)
            elif op.startswith("PUSHACC"):
                n = int(op[7:]) if op != "PUSHACC" else a[0]
                stack.append(accu)
                accu = stack[-1 - n]
            elif op == "POP":
                del stack[len(stack) - a[0]:]
            elif op == "ASSIGN":
                slot = len(stack) - 1 - a[0]
                stack[slot] = accu
                for trap in traps:
                    if slot < trap.depth:
                        emit(SetVar(self._mirror(trap, slot), accu))
                accu = UNIT
            elif op.startswith("ENVACC") or op.startswith("PUSHENVACC"):
                if op.startswith("PUSH"):
                    stack.append(accu)
                    op = op[4:]
                n = int(op[6:]) if op != "ENVACC" else a[0]
                accu = self.env.envacc(n)
            elif op == "PUSH_RETADDR":
                stack.extend((_DUMMY, _DUMMY, _DUMMY))
            elif op in ("APPLY", "APPLY1", "APPLY2", "APPLY3"):
                n = a[0] if op == "APPLY" else int(op[5:])
                args = [stack[-1 - i] for i in range(n)]
                del stack[len(stack) - n:]
                if op == "APPLY":
                    del stack[len(stack) - 3:]
                accu = let(Apply(accu, args))
                self._locate_call(locs, nxt)
            elif op in ("APPTERM", "APPTERM1", "APPTERM2", "APPTERM3"):
                n = a[0] if op == "APPTERM" else int(op[7:])
                args = [stack[-1 - i] for i in range(n)]
                blk.term = TailCall(accu, args)
                return
            elif op == "RETURN":
                blk.term = Return(accu)
                return
            elif op in ("RESTART", "CHECK_SIGNALS", "EVENT", "BREAK"):
                pass
            elif op == "GRAB":
                raise CompileError(f"unexpected GRAB at code address {pc}")
            elif op == "CLOSURE":
                nvars = a[0]
                free: list[Operand] = []
                if nvars > 0:
                    stack.append(accu)
                    free = [stack[-1 - i] for i in range(nvars)]
                    del stack[len(stack) - nvars:]
                v = Var()
                fv = list(free)  # captured constants stay constants
                fn = Function(ins.targets[0], [], fv, name=None, self_var=v, loc=self.loc)
                FunctionBuilder(pb, fn, Env(fv, [v], 0, 2), ins.targets[0]).run()
                emit(Let(v, Closure(fn)))
                accu = v
            elif op == "CLOSUREREC":
                nfuncs, nvars = a
                free = []
                if nvars > 0:
                    stack.append(accu)
                    free = [stack[-1 - i] for i in range(nvars)]
                    del stack[len(stack) - nvars:]
                fv = list(free)  # captured constants stay constants
                vs = [Var() for _ in range(nfuncs)]
                fns = []
                for i, target in enumerate(ins.targets):
                    fn = Function(target, [], fv, self_var=vs[i], loc=self.loc)
                    FunctionBuilder(pb, fn, Env(fv, vs, i, 3 * nfuncs - 1), target).run()
                    fns.append(fn)
                emit(LetRec(vs, fns))
                for v in vs:
                    stack.append(v)
                accu = vs[0]
            elif "OFFSETCLOSURE" in op:
                if op.startswith("PUSH"):
                    stack.append(accu)
                    op = op[4:]
                suffix = op[len("OFFSETCLOSURE"):]
                n = a[0] if suffix == "" else (-3 if suffix == "M3" else int(suffix))
                accu = self.env.offset_closure(n)
            elif op in ("GETGLOBAL", "PUSHGETGLOBAL"):
                if op == "PUSHGETGLOBAL":
                    stack.append(accu)
                accu = let(self._global(a[0], pc))
            elif op in ("GETGLOBALFIELD", "PUSHGETGLOBALFIELD"):
                if op == "PUSHGETGLOBALFIELD":
                    stack.append(accu)
                g = let(self._global(a[0], pc))
                accu = let(Field(g, a[1]))
            elif op == "SETGLOBAL":
                emit(SetGlobal(a[0], accu))
                accu = UNIT
            elif op in ("ATOM0", "ATOM", "PUSHATOM0", "PUSHATOM"):
                if op.startswith("PUSH"):
                    stack.append(accu)
                tag = a[0] if op.endswith("ATOM") else 0
                accu = let(MakeBlock(tag, []))
            elif op in ("MAKEBLOCK", "MAKEBLOCK1", "MAKEBLOCK2", "MAKEBLOCK3", "MAKEFLOATBLOCK"):
                if op == "MAKEBLOCK":
                    size, tag = a
                elif op == "MAKEFLOATBLOCK":
                    size, tag = a[0], 254
                else:
                    size, tag = int(op[9:]), a[0]
                fields = [accu] + [stack[-1 - i] for i in range(size - 1)]
                del stack[len(stack) - (size - 1):]
                accu = let(MakeBlock(tag, fields))
            elif op.startswith("GETFIELD") or op == "GETFLOATFIELD":
                n = a[0] if op in ("GETFIELD", "GETFLOATFIELD") else int(op[8:])
                accu = let(Field(accu, n))
            elif op.startswith("SETFIELD") or op == "SETFLOATFIELD":
                n = a[0] if op in ("SETFIELD", "SETFLOATFIELD") else int(op[8:])
                emit(SetField(accu, n, stack.pop()))
                accu = UNIT
            elif op == "VECTLENGTH":
                accu = let(Prim("vectlength", [accu]))
            elif op == "GETVECTITEM":
                accu = let(Prim("getvectitem", [accu, stack.pop()]))
            elif op == "SETVECTITEM":
                i = stack.pop()
                v = stack.pop()
                emit(Effect(Prim("setvectitem", [accu, i, v])))
                accu = UNIT
            elif op in ("GETSTRINGCHAR", "GETBYTESCHAR"):
                accu = let(Prim("getstringchar", [accu, stack.pop()]))
            elif op == "SETBYTESCHAR":
                i = stack.pop()
                v = stack.pop()
                emit(Effect(Prim("setbyteschar", [accu, i, v])))
                accu = UNIT
            elif op == "BRANCH":
                blk.term = Branch(jump(ins.targets[0], stack, accu))
                return
            elif op in ("BRANCHIF", "BRANCHIFNOT"):
                t = jump(ins.targets[0], stack, accu)
                f = jump(nxt, stack, accu)
                if op == "BRANCHIFNOT":
                    t, f = f, t
                blk.term = Cond("truthy", accu, None, t, f)
                return
            elif op in _CONDJUMPS:
                t = jump(ins.targets[0], stack, accu)
                f = jump(nxt, stack, accu)
                blk.term = Cond(_CONDJUMPS[op], Const(a[0]), accu, t, f)
                return
            elif op == "SWITCH":
                nconst, _ = a
                conts = [jump(t, stack, accu) for t in ins.targets]
                blk.term = Switch(accu, conts[:nconst], conts[nconst:])
                return
            elif op == "BOOLNOT":
                accu = let(Prim("not", [accu]))
            elif op == "PUSHTRAP":
                exn = Var()
                handler = jump(ins.targets[0], stack, exn)
                trap = _Trap(len(stack), blk, list(stack), handler, {})
                inner = [*stack, _DUMMY, _DUMMY, _DUMMY, _DUMMY]
                body_cont = self._jump(nxt, inner, accu, traps + (trap,))
                blk.term = Pushtrap(body_cont, exn, handler)
                return
            elif op == "POPTRAP":
                del stack[len(stack) - 4:]
                blk.term = Poptrap(self._jump(nxt, stack, accu, traps[:-1]))
                return
            elif op in ("RAISE", "RERAISE", "RAISE_NOTRACE"):
                if op == "RERAISE":
                    # ocamlrun shows a re-raise at the debug event that follows the
                    # instruction (often the next function's entry): do the same
                    self.loc = pb.location(nxt)
                blk.term = Raise(accu, {"RAISE": "raise", "RERAISE": "reraise"}.get(op, "notrace"))
                return
            elif op.startswith("C_CALL"):
                if op == "C_CALLN":
                    n, p = a
                else:
                    n, p = int(op[6:]), a[0]
                args = [accu] + [stack[-1 - i] for i in range(n - 1)]
                del stack[len(stack) - (n - 1):]
                name = pb.prims[p] if 0 <= p < len(pb.prims) else None
                if name is None:
                    raise CompileError(f"unknown primitive number {p}")
                pb.used_prims.add(name)
                call_loc = pb.location(nxt) or pb.location_near(pc) or self.loc
                if call_loc is not None and name not in pb.prim_locs:
                    pb.prim_locs[name] = call_loc
                accu = let(Extern(name, args))
                self._locate_call(locs, nxt)
            elif op.startswith("CONST") or op.startswith("PUSHCONST"):
                if op.startswith("PUSH"):
                    stack.append(accu)
                    op = op[4:]
                accu = Const(a[0] if op == "CONSTINT" else int(op[5:]))
            elif op == "NEGINT":
                accu = let(Prim("neg", [accu]))
            elif op in _BINOPS:
                accu = let(Prim(_BINOPS[op], [accu, stack.pop()]))
            elif op == "OFFSETINT":
                accu = let(Prim("add", [accu, Const(a[0])]))
            elif op == "OFFSETREF":
                emit(Effect(Prim("offsetref", [accu, Const(a[0])])))
                accu = UNIT
            elif op == "ISINT":
                accu = let(Prim("isint", [accu]))
            elif op == "GETMETHOD":
                accu = let(Prim("getmethod", [stack[-1], accu]))
            elif op == "GETPUBMET":
                stack.append(accu)
                accu = let(Extern("caml_get_public_method", [accu, Const(a[0])]))
                pb.used_prims.add("caml_get_public_method")
            elif op == "GETDYNMET":
                accu = let(Extern("caml_get_public_method", [stack[-1], accu]))
                pb.used_prims.add("caml_get_public_method")
            elif op == "STOP":
                blk.term = Stop()
                return
            elif op == "PERFORM":
                accu = let(Extern("caml_perform", [accu]))
                pb.used_prims.add("caml_perform")
            elif op in ("RESUME", "RESUMETERM"):
                # accu: the fiber; stack: function, argument, last fiber
                args = [accu, stack[-1], stack[-2], stack[-3]]
                pb.used_prims.add("caml_resume")
                if op == "RESUMETERM":
                    blk.term = TailCall(Const(0), args, extern="caml_resume")
                    return
                del stack[len(stack) - 3:]
                accu = let(Extern("caml_resume", args))
            elif op == "REPERFORMTERM":
                # accu: the effect; stack: continuation, last fiber
                pb.used_prims.add("caml_reperform")
                blk.term = TailCall(Const(0), [accu, stack[-1], stack[-2]], extern="caml_reperform")
                return
            else:
                raise CompileError(f"unsupported instruction {op} at code address {pc}")
            pc = nxt

    def _locate_call(self, locs: list, after_pc: int) -> None:
        """A call is located by the debug event that follows it (its return
        point), as ocamlrun's backtraces do."""
        loc = self.pb.location(after_pc)
        if loc is not None:
            locs[-1] = loc

    @staticmethod
    def _mirror(trap: _Trap, slot: int) -> Var:
        m = trap.mirrors.get(slot)
        if m is None:
            m = Var()
            trap.mirrors[slot] = m
            trap.block.body.append(Let(m, trap.stack[slot]))
            trap.block.locs.append(None)
            trap.handler.args[slot] = m
        return m

    def _global(self, n: int, pc: int):
        if n in self.pb.image.literal_slots:
            v = self.pb.globals[n]
            if isinstance(v, int) and to_int32(v) != v:
                loc = self.pb.location_near(pc)
                where = f" at {loc}" if loc else ""
                self.pb.warnings.append(
                    f"integer constant {v} does not fit in 32 bits{where}: it wraps to {to_int32(v)}")
            return Literal(n)
        return GlobalGet(n)


def to_int32(v: int) -> int:
    return ((v + 0x8000_0000) & 0xFFFF_FFFF) - 0x8000_0000


def build_program(image: CodeImage, progress: Progress | None = None) -> Program:
    return ProgramBuilder(image, progress).build()
