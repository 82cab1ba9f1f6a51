"""Dead code elimination across modules.

A compilation unit's values reach other units only through its module block
(SETGLOBAL of a MAKEBLOCK in the program's initialisation code), and they read
them with GETGLOBAL + GETFIELD. So liveness is computed per field: a field of a
module block is live when some live code reads it (or when the whole module
escapes, e.g. as a functor argument). Unused standard library functions are then
dropped with everything only they use. A unit compiled on its own keeps its
whole module block: the units that read it are not known yet.
"""

from __future__ import annotations

from ..ir import ir as I
from ..ir.ir import Function, Operand, Program, Var
from .simplify import is_pure


def module_blocks(prog: Program, defs: dict[Var, I.Expr], uses: dict[Var, int]) -> dict[int, Var]:
    """Global index -> the MAKEBLOCK variable stored there, for the compilation units
    whose block is built once and used for nothing else: their fields are the unit's
    toplevel values, never changed afterwards."""
    blocks: dict[int, Var] = {}
    for blk in prog.main.blocks.values():
        for s in blk.body:
            if isinstance(s, I.SetGlobal) and isinstance(s.value, Var):
                b = s.value
                if isinstance(defs.get(b), I.MakeBlock) and uses.get(b) == 1:
                    blocks[s.index] = b
    return blocks


def eliminate_dead_code(prog: Program) -> None:
    defs: dict[Var, I.Expr] = {}
    closure_of: dict[Var, list[Function]] = {}
    letrec_vars: dict[Var, list[Var]] = {}

    def scan(fn: Function) -> None:
        for blk in fn.blocks.values():
            for s in blk.body:
                if isinstance(s, I.Let):
                    defs[s.var] = s.expr
                    if isinstance(s.expr, I.Closure):
                        closure_of[s.var] = [s.expr.func]
                        scan(s.expr.func)
                elif isinstance(s, I.LetRec):
                    for v in s.vars:
                        closure_of[v] = s.funcs
                        letrec_vars[v] = s.vars
                    for f in s.funcs:
                        scan(f)

    scan(prog.main)

    # module blocks: SETGLOBAL n of a MAKEBLOCK var used nowhere else
    uses: dict[Var, int] = {}
    field_only: dict[Var, bool] = {}

    def count(fn: Function) -> None:
        for blk in fn.blocks.values():
            for s in blk.body:
                for o in I.stmt_operands(s):
                    if isinstance(o, Var):
                        uses[o] = uses.get(o, 0) + 1
                if isinstance(s, I.Let):
                    e = s.expr
                    for o in I.expr_operands(e):
                        if isinstance(o, Var) and isinstance(defs.get(o), I.GlobalGet):
                            if not (isinstance(e, I.Field) and e.obj is o):
                                field_only[o] = False
                    if isinstance(e, I.Closure):
                        count(e.func)
                elif isinstance(s, I.LetRec):
                    for f in s.funcs:
                        count(f)
                else:
                    for o in I.stmt_operands(s):
                        if isinstance(o, Var) and isinstance(defs.get(o), I.GlobalGet):
                            field_only[o] = False
            for o in I.term_operands(blk.term):
                if isinstance(o, Var):
                    uses[o] = uses.get(o, 0) + 1
                    if isinstance(defs.get(o), I.GlobalGet):
                        field_only[o] = False

    count(prog.main)
    module_block = module_blocks(prog, defs, uses)
    module_vars = set(module_block.values())

    live: set[Var] = set()
    done_funcs: set[int] = set()
    demanded: set[tuple[int, int]] = set()
    work: list[Var] = []

    def mark(o: Operand) -> None:
        if isinstance(o, Var) and o not in live:
            live.add(o)
            work.append(o)

    def demand(n: int, j: int | None) -> None:
        b = module_block.get(n)
        if b is None:
            return
        blk_expr = defs[b]
        assert isinstance(blk_expr, I.MakeBlock)
        idxs = range(len(blk_expr.args)) if j is None else [j]
        for k in idxs:
            if (n, k) not in demanded and k < len(blk_expr.args):
                demanded.add((n, k))
                mark(blk_expr.args[k])

    def roots(fn: Function) -> None:
        if id(fn) in done_funcs:
            return
        done_funcs.add(id(fn))
        for p in fn.params:
            live.add(p)
        for blk in fn.blocks.values():
            for p in blk.params:
                mark(p)
            for s in blk.body:
                if isinstance(s, I.Let):
                    if not is_pure(s.expr):
                        mark(s.var)
                elif isinstance(s, I.LetRec):
                    pass
                elif isinstance(s, I.SetGlobal):
                    if s.index in module_block and s.value is module_block[s.index]:
                        live.add(s.value)
                        if prog.is_unit:
                            demand(s.index, None)  # read by units compiled apart
                    else:
                        mark(s.value)
                else:
                    for o in I.stmt_operands(s):
                        mark(o)
            for o in I.term_operands(blk.term):
                mark(o)
            if isinstance(blk.term, I.Pushtrap):
                mark(blk.term.exn)

    roots(prog.main)
    while work:
        v = work.pop()
        e = defs.get(v)
        if v in closure_of:
            for w in letrec_vars.get(v, [v]):
                live.add(w)
            for f in closure_of[v]:
                for o in f.free:
                    mark(o)
                roots(f)
            continue
        if e is None:
            continue
        if isinstance(e, I.GlobalGet):
            if not field_only.get(v, True):
                demand(e.index, None)
            continue
        if isinstance(e, I.Field) and isinstance(e.obj, Var) and isinstance(defs.get(e.obj), I.GlobalGet) \
                and field_only.get(e.obj, True):
            live.add(e.obj)
            demand(defs[e.obj].index, e.index)  # type: ignore[union-attr]
            continue
        if v in module_vars:
            continue
        for o in I.expr_operands(e):
            mark(o)

    def sweep(fn: Function) -> None:
        for blk in fn.blocks.values():
            body, locs = [], []
            for s, loc in zip(blk.body, blk.locs or [None] * len(blk.body)):
                if isinstance(s, I.Let) and s.var not in live and is_pure(s.expr):
                    continue
                if isinstance(s, I.LetRec) and not any(v in live for v in s.vars):
                    continue
                if isinstance(s, I.Let) and isinstance(s.expr, I.Closure):
                    sweep(s.expr.func)
                elif isinstance(s, I.LetRec):
                    for f in s.funcs:
                        sweep(f)
                body.append(s)
                locs.append(loc)
            blk.body, blk.locs = body, locs

    for n, b in module_block.items():
        e = defs[b]
        assert isinstance(e, I.MakeBlock)
        e.args = [a if (n, k) in demanded else I.UNIT for k, a in enumerate(e.args)]
    sweep(prog.main)
