"""Clean-up passes: trivial phi removal, dead block parameters, dead code.

Symbolic execution gives every block a parameter per stack slot. Most are
trivial (the same value arrives on every edge) or dead; removing them is what
keeps the generated Lua within the 200-locals limit and free of useless moves.
"""

from __future__ import annotations

from ..ir.ir import (Apply, Block, Closure, Const, Effect, Extern, Field, Function, GlobalGet, Let,
                     LetRec, Literal, MakeBlock, Operand, Prim, Program, Pushtrap, SetField,
                     SetGlobal, Var, expr_operands, stmt_operands, successors, term_operands)
from ..ir import ir as I

_PURE_PRIMS = {"add", "sub", "mul", "and", "or", "xor", "lsl", "lsr", "asr", "eq", "neq", "lt",
               "le", "gt", "ge", "ult", "uge", "neg", "not", "isint", "vectlength",
               "getvectitem", "getstringchar", "getmethod"}


def all_functions(fn: Function):
    yield fn
    for blk in fn.blocks.values():
        for s in blk.body:
            if isinstance(s, Let) and isinstance(s.expr, Closure):
                yield from all_functions(s.expr.func)
            elif isinstance(s, LetRec):
                for f in s.funcs:
                    yield from all_functions(f)


def _resolve(subst: dict[Var, Operand], o: Operand) -> Operand:
    seen = 0
    while isinstance(o, Var) and o in subst:
        o = subst[o]
        seen += 1
        if seen > 100000:
            raise AssertionError("substitution cycle")
    return o


def remove_trivial_params(fn: Function, subst: dict[Var, Operand]) -> None:
    """Remove block parameters that receive one value only (besides themselves).

    A worklist: when a parameter is replaced, only the blocks that receive it as
    an argument can change, so only they are looked at again."""
    preds: dict[int, list[I.Cont]] = {a: [] for a in fn.blocks}
    receivers: dict[Var, set[int]] = {}   # variable -> blocks it is passed to
    for blk in fn.blocks.values():
        for c in successors(blk.term):
            preds[c.target].append(c)
            for a in c.args:
                if isinstance(a, Var):
                    receivers.setdefault(a, set()).add(c.target)
    work = [a for a, b in fn.blocks.items() if a != fn.entry and b.params]
    queued = set(work)
    while work:
        addr = work.pop()
        queued.discard(addr)
        blk = fn.blocks[addr]
        keep: list[int] = []
        for i, p in enumerate(blk.params):
            if p in subst:
                continue
            vals = set()
            for c in preds[addr]:
                v = _resolve(subst, c.args[i])
                if v is not p:
                    vals.add(v)
            if len(vals) > 1:
                keep.append(i)
                continue
            only = subst[p] = vals.pop() if vals else I.UNIT
            # blocks passed p now get `only`: look at them again, and again when
            # `only` itself is replaced
            moved = receivers.pop(p, set())
            if isinstance(only, Var):
                receivers.setdefault(only, set()).update(moved)
            for b in moved:
                if b not in queued and b != fn.entry:
                    queued.add(b)
                    work.append(b)
        if len(keep) != len(blk.params):
            for c in preds[addr]:
                c.args = [c.args[i] for i in keep]
            blk.params = [blk.params[i] for i in keep]


def _rewrite_operands(fn: Function, subst: dict[Var, Operand]) -> None:
    r = lambda o: _resolve(subst, o)  # noqa: E731
    for blk in fn.blocks.values():
        for s in blk.body:
            if isinstance(s, Let):
                s.expr = _rewrite_expr(s.expr, r)
            elif isinstance(s, Effect):
                s.expr = _rewrite_expr(s.expr, r)
            elif isinstance(s, SetField):
                s.obj, s.value = r(s.obj), r(s.value)
            elif isinstance(s, SetGlobal):
                s.value = r(s.value)
            elif isinstance(s, I.SetVar):
                s.value = r(s.value)
            elif isinstance(s, LetRec):
                for f in s.funcs:
                    f.free = [r(v) for v in f.free]
        t = blk.term
        if isinstance(t, (I.Return,)):
            t.value = r(t.value)
        elif isinstance(t, I.TailCall):
            t.f, t.args = r(t.f), [r(a) for a in t.args]
        elif isinstance(t, I.Raise):
            t.value = r(t.value)
        elif isinstance(t, I.Cond):
            t.lhs = r(t.lhs)
            if t.rhs is not None:
                t.rhs = r(t.rhs)
        elif isinstance(t, I.Switch):
            t.value = r(t.value)
        for c in successors(t):
            c.args = [r(a) for a in c.args]


def _rewrite_expr(e, r):
    if isinstance(e, (Var, Const)):
        return r(e)
    if isinstance(e, (Prim, Extern, MakeBlock)):
        e.args = [r(a) for a in e.args]
    elif isinstance(e, Apply):
        e.f, e.args = r(e.f), [r(a) for a in e.args]
    elif isinstance(e, Field):
        e.obj = r(e.obj)
    elif isinstance(e, Closure):
        e.func.free = [r(v) for v in e.func.free]
    return e


def remove_dead_params(fn: Function) -> None:
    """Drop block parameters whose value is never used."""
    used: set[Var] = set()
    for blk in fn.blocks.values():
        for s in blk.body:
            for o in stmt_operands(s):
                if isinstance(o, Var):
                    used.add(o)
        for o in _term_own_operands(blk.term):
            if isinstance(o, Var):
                used.add(o)
    # nested functions' free variables count as uses (already in stmt_operands)
    changed = True
    while changed:
        changed = False
        for blk in fn.blocks.values():
            for c in successors(blk.term):
                tgt = fn.blocks[c.target]
                for p, a in zip(tgt.params, c.args):
                    if p in used and isinstance(a, Var) and a not in used:
                        used.add(a)
                        changed = True
    for blk in fn.blocks.values():
        for c in successors(blk.term):
            tgt = fn.blocks[c.target]
            c.args = [a for p, a in zip(tgt.params, c.args) if p in used]
    for addr, blk in fn.blocks.items():
        if addr != fn.entry:
            blk.params = [p for p in blk.params if p in used]


def _term_own_operands(t) -> list[Operand]:
    if isinstance(t, I.Return):
        return [t.value]
    if isinstance(t, I.TailCall):
        return [t.f, *t.args]
    if isinstance(t, I.Raise):
        return [t.value]
    if isinstance(t, I.Cond):
        return [t.lhs] + ([t.rhs] if t.rhs is not None else [])
    if isinstance(t, I.Switch):
        return [t.value]
    return []


def is_pure(e) -> bool:
    if isinstance(e, (Var, Const, MakeBlock, Field, GlobalGet, Literal, Closure)):
        return True
    if isinstance(e, Prim):
        return e.op in _PURE_PRIMS
    return False


def remove_dead_code(prog: Program) -> None:
    """Remove pure definitions whose variable is unused anywhere (to a fixpoint)."""
    funcs = list(all_functions(prog.main))
    while True:
        count: dict[Var, int] = {}

        def use(o):
            if isinstance(o, Var):
                count[o] = count.get(o, 0) + 1

        for fn in funcs:
            for blk in fn.blocks.values():
                for s in blk.body:
                    for o in stmt_operands(s):
                        use(o)
                for o in term_operands(blk.term):
                    use(o)
        removed = False
        for fn in funcs:
            for blk in fn.blocks.values():
                keep, keep_locs = [], []
                for s, loc in zip(blk.body, blk.locs or [None] * len(blk.body)):
                    if isinstance(s, Let) and s.var not in count and is_pure(s.expr):
                        removed = True
                        continue
                    if isinstance(s, LetRec) and not any(v in count for v in s.vars):
                        removed = True
                        continue
                    keep.append(s)
                    keep_locs.append(loc)
                blk.body, blk.locs = keep, keep_locs
        if not removed:
            return
        funcs = list(all_functions(prog.main))


def remove_unreachable_blocks(fn: Function) -> None:
    seen: set[int] = set()
    stack = [fn.entry]
    while stack:
        a = stack.pop()
        if a in seen:
            continue
        seen.add(a)
        for c in successors(fn.blocks[a].term):
            stack.append(c.target)
    for a in list(fn.blocks):
        if a not in seen:
            del fn.blocks[a]


def simplify_program(prog: Program) -> None:
    from .tailcalls import loop_self_tail_calls
    loop_self_tail_calls(prog)
    funcs = list(all_functions(prog.main))
    subst: dict[Var, Operand] = {}
    for fn in funcs:
        remove_unreachable_blocks(fn)
        remove_trivial_params(fn, subst)
    for fn in funcs:
        _rewrite_operands(fn, subst)
    for fn in funcs:
        remove_dead_params(fn)
    from .deadcode import eliminate_dead_code
    eliminate_dead_code(prog)
    remove_dead_code(prog)
