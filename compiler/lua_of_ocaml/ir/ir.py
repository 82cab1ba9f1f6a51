"""IR data types.

A program is a tree of functions. Each function is a graph of blocks keyed by
the bytecode address where they start. Block parameters stand for the stack
slots and the accumulator live at the block's entry (SSA phi nodes); jumps pass
arguments. Closures name their free variables explicitly: a closure body refers
to the very Var objects of the enclosing function that it captures.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

from ..bytecode.debug_info import Location


class Var:
    __slots__ = ("id", "name")
    _next = 0

    def __init__(self, name: str | None = None):
        Var._next += 1
        self.id = Var._next
        self.name = name

    def __repr__(self) -> str:
        return f"v{self.id}"


@dataclass(frozen=True, slots=True)
class Const:
    """An immediate OCaml int (also chars, booleans, unit, constant constructors)."""
    value: int


Operand = Union[Var, Const]

UNIT = Const(0)

# --- expressions (right-hand sides of Let) -----------------------------------


@dataclass(slots=True)
class Prim:
    """A built-in operation of the bytecode (see lua/codegen.py for the list)."""
    op: str
    args: list[Operand]


@dataclass(slots=True)
class Extern:
    """A call of a runtime primitive (C_CALL)."""
    name: str
    args: list[Operand]


@dataclass(slots=True)
class Apply:
    f: Operand
    args: list[Operand]
    exact: bool = False  # the callee is known to take exactly len(args) arguments


@dataclass(slots=True)
class MakeBlock:
    tag: int
    args: list[Operand]


@dataclass(slots=True)
class Field:
    obj: Operand
    index: int


@dataclass(slots=True)
class GlobalGet:
    index: int


@dataclass(slots=True)
class Literal:
    """A structured or boxed constant from the DATA section (string, float, block...)."""
    index: int


@dataclass(slots=True)
class Closure:
    func: "Function"


Expr = Union[Prim, Extern, Apply, MakeBlock, Field, GlobalGet, Literal, Closure, Operand]

# --- statements ----------------------------------------------------------------


@dataclass(slots=True)
class Let:
    var: Var
    expr: Expr


@dataclass(slots=True)
class LetRec:
    """Mutually recursive closures (CLOSUREREC)."""
    vars: list[Var]
    funcs: list["Function"]


@dataclass(slots=True)
class SetField:
    obj: Operand
    index: int
    value: Operand


@dataclass(slots=True)
class SetGlobal:
    index: int
    value: Operand


@dataclass(slots=True)
class SetVar:
    """Overwrite a variable (the only non-SSA assignment): mirrors a stack slot that a
    try body assigns, so that the exception handler sees the new value."""
    var: Var
    value: Operand


@dataclass(slots=True)
class Effect:
    """An expression evaluated for its side effect only (result unused)."""
    expr: Expr


Stmt = Union[Let, LetRec, SetField, SetGlobal, SetVar, Effect]

# --- block terminators ---------------------------------------------------------


@dataclass(slots=True)
class Cont:
    target: int
    args: list[Operand]


@dataclass(slots=True)
class Return:
    value: Operand


@dataclass(slots=True)
class TailCall:
    f: Operand
    args: list[Operand]
    exact: bool = False
    extern: str | None = None   # a tail call of a runtime primitive (f unused)


@dataclass(slots=True)
class Raise:
    value: Operand
    kind: str  # "raise", "reraise", "notrace"


@dataclass(slots=True)
class Stop:
    pass


@dataclass(slots=True)
class Branch:
    cont: Cont


@dataclass(slots=True)
class Cond:
    """Jump to `then_` when `cond` holds. `op` compares (`lhs op rhs`) or is "truthy"."""
    op: str
    lhs: Operand
    rhs: Operand | None
    then_: Cont
    else_: Cont


@dataclass(slots=True)
class Switch:
    value: Operand
    int_conts: list[Cont]
    tag_conts: list[Cont]


@dataclass(slots=True)
class Pushtrap:
    body: Cont
    exn: Var          # bound to the exception in the handler
    handler: Cont     # its args may mention `exn`


@dataclass(slots=True)
class Poptrap:
    cont: Cont


Terminator = Union[Return, TailCall, Raise, Stop, Branch, Cond, Switch, Pushtrap, Poptrap]


@dataclass(slots=True)
class Block:
    addr: int
    params: list[Var]
    body: list[Stmt] = field(default_factory=list)
    term: Terminator | None = None
    loc: Location | None = None
    locs: list[Location | None] = field(default_factory=list)  # per statement of body
    term_loc: Location | None = None


@dataclass(eq=False)
class Function:
    entry: int
    params: list[Var]
    free: list[Var]          # captured variables of the enclosing function
    blocks: dict[int, Block] = field(default_factory=dict)
    name: str | None = None
    self_var: Var | None = None
    loc: Location | None = None

    @property
    def arity(self) -> int:
        return len(self.params)


@dataclass
class Program:
    main: Function
    literals: dict[int, object]   # global slot -> decoded constant value
    num_globals: int
    primitives: list[str]         # PRIM section
    used_primitives: set[str] = field(default_factory=set)
    prim_locations: dict[str, Location] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    ocaml5: bool = False          # built by OCaml 5: a few primitives follow its runtime
    # a separately compiled unit: what each global slot stands for (image.CodeImage.slots);
    # empty for a whole linked program
    unit_slots: list[tuple[str, str]] = field(default_factory=list)
    unit_name: str = ""

    @property
    def is_unit(self) -> bool:
        return bool(self.unit_name)


def successors(term: Terminator) -> list[Cont]:
    if isinstance(term, Branch):
        return [term.cont]
    if isinstance(term, Cond):
        return [term.then_, term.else_]
    if isinstance(term, Switch):
        return term.int_conts + term.tag_conts
    if isinstance(term, Pushtrap):
        return [term.body, term.handler]
    if isinstance(term, Poptrap):
        return [term.cont]
    return []


def expr_operands(e: Expr) -> list[Operand]:
    if isinstance(e, (Var, Const)):
        return [e]
    if isinstance(e, (Prim, Extern, MakeBlock)):
        return list(e.args)
    if isinstance(e, Apply):
        return [e.f, *e.args]
    if isinstance(e, Field):
        return [e.obj]
    if isinstance(e, Closure):
        return list(e.func.free)
    return []


def stmt_operands(s: Stmt) -> list[Operand]:
    if isinstance(s, Let):
        return expr_operands(s.expr)
    if isinstance(s, LetRec):
        out: list[Operand] = []
        for f in s.funcs:
            out.extend(v for v in f.free if v not in s.vars)
        return out
    if isinstance(s, SetField):
        return [s.obj, s.value]
    if isinstance(s, SetGlobal):
        return [s.value]
    if isinstance(s, SetVar):
        return [s.var, s.value]
    if isinstance(s, Effect):
        return expr_operands(s.expr)
    return []


def term_operands(t: Terminator) -> list[Operand]:
    out: list[Operand] = []
    if isinstance(t, Return):
        out.append(t.value)
    elif isinstance(t, TailCall):
        out += [t.f, *t.args]
    elif isinstance(t, Raise):
        out.append(t.value)
    elif isinstance(t, Cond):
        out.append(t.lhs)
        if t.rhs is not None:
            out.append(t.rhs)
    elif isinstance(t, Switch):
        out.append(t.value)
    for c in successors(t):
        out.extend(c.args)
    return out
