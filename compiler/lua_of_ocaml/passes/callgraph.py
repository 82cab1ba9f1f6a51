"""Which calls can take part in unbounded recursion.

The generated code counts Lua frames around non-tail calls, so that deep
recursion moves to a fresh coroutine before the Lua stack runs out (see
docs/design.md). Only a cycle of calls can make the stack grow without bound,
so only calls inside a cycle of the call graph need counting: a call from a loop
in the main program to a function that does not call back costs nothing extra.

Nodes are the program's functions plus UNKNOWN, the target of every call whose
callee is not known (a closure passed around, or a call with another number of
arguments than the callee takes). UNKNOWN calls every function that escapes
(whose closure is used as a value), so any cycle through higher-order code
goes through it, and is counted.
"""

from __future__ import annotations

from ..ir import ir as I
from ..ir.ir import Function, Program, Var
from .simplify import all_functions

UNKNOWN = 0  # node id of the unknown callee (function nodes are id(fn) != 0)


class CallGraph:
    def __init__(self, prog: Program, known: dict[Var, Function], defs: dict[Var, I.Expr],
                 module_globals: dict[int, Var]):
        """`defs`: the expression of every `let`; `module_globals`: global index ->
        the block variable of each compilation unit (deadcode.module_blocks)."""
        self.known = known
        funcs = list(all_functions(prog.main))
        self.edges: dict[int, set[int]] = {id(f): set() for f in funcs}
        self.edges[UNKNOWN] = set()
        escaping: set[int] = set()
        module_block_vars = set(module_globals.values())

        def escape(o) -> None:
            if isinstance(o, Var):
                f = known.get(o)
                if f is not None:
                    escaping.add(id(f))
                g = defs.get(o)
                if isinstance(g, I.GlobalGet) and g.index in module_globals:
                    # a whole compilation unit used as a value: its functions escape
                    blk = defs.get(module_globals[g.index])
                    if isinstance(blk, I.MakeBlock):
                        for a in blk.args:
                            if isinstance(a, Var) and a in known:
                                escaping.add(id(known[a]))

        def call(src: Function, f, args: list) -> None:
            callee = known.get(f) if isinstance(f, Var) else None
            if callee is not None and callee.arity == len(args):
                self.edges[id(src)].add(id(callee))
            else:
                self.edges[id(src)].add(UNKNOWN)
                escape(f)
            for a in args:
                escape(a)

        for fn in funcs:
            for blk in fn.blocks.values():
                for s in blk.body:
                    e = s.expr if isinstance(s, (I.Let, I.Effect)) else None
                    if isinstance(e, I.Apply):
                        call(fn, e.f, e.args)
                        continue
                    if isinstance(e, I.Extern) and e.name in ("caml_resume", "caml_perform",
                                                               "caml_reperform"):
                        self.edges[id(fn)].add(UNKNOWN)  # runs a continuation
                    if isinstance(e, I.Field) or isinstance(e, I.GlobalGet):
                        continue  # reading a function is not using it as a value
                    if isinstance(e, I.MakeBlock) and isinstance(s, I.Let) and s.var in module_block_vars:
                        if prog.is_unit:
                            for o in e.args:  # read by units compiled apart: escaping
                                escape(o)
                        continue  # a unit's own table: its fields are read as known functions
                    if isinstance(s, I.LetRec) or (isinstance(s, I.Let) and isinstance(e, I.Closure)):
                        continue  # captures are uses inside the closure, checked there
                    for o in I.stmt_operands(s):
                        escape(o)
                t = blk.term
                if isinstance(t, I.TailCall) and t.extern is None:
                    call(fn, t.f, t.args)
                else:
                    for o in I.term_operands(t):
                        escape(o)
        self.edges[UNKNOWN] = escaping
        self.scc = _strongly_connected(self.edges)
        self.cyclic = {c for n, c in self.scc.items() if n in self.edges[n]}
        sizes: dict[int, int] = {}
        for c in self.scc.values():
            sizes[c] = sizes.get(c, 0) + 1
        self.cyclic |= {c for c, k in sizes.items() if k > 1}

    def counted(self, caller: Function, f, nargs: int) -> bool:
        """Whether the non-tail call of `f` with `nargs` arguments from `caller`
        may be part of a recursion, and so must count its frame."""
        callee = self.known.get(f) if isinstance(f, Var) else None
        target = id(callee) if callee is not None and callee.arity == nargs else UNKNOWN
        c = self.scc[id(caller)]
        return c == self.scc[target] and c in self.cyclic


def _strongly_connected(edges: dict[int, set[int]]) -> dict[int, int]:
    """Tarjan's algorithm, iterative (call graphs of whole compilers are deep)."""
    index: dict[int, int] = {}
    low: dict[int, int] = {}
    on_stack: set[int] = set()
    stack: list[int] = []
    comp: dict[int, int] = {}
    counter = 0
    for root in edges:
        if root in index:
            continue
        work: list[tuple[int, list[int]]] = [(root, list(edges[root]))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, succ = work[-1]
            if succ:
                w = succ.pop()
                if w not in index:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, list(edges.get(w, ()))))
                elif w in on_stack:
                    low[node] = min(low[node], index[w])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    comp[w] = node
                    if w == node:
                        break
    return comp
