"""IR -> Lua statement tree: structured control flow and expressions.

Control flow follows the dominator tree (Ramsey, "Beyond Relooper"): a block
is emitted inline under its only forward predecessor; merge points and loop
exits are emitted after a labelled BlockS that branches `Break` out of; loop
headers open a Loop that back edges `Continue`. Try bodies become Lua
functions run under pcall.
"""

from __future__ import annotations

from ..ir import ir as I
from ..ir.ir import Const, Function, Operand, Program, Var
from ..passes.callgraph import CallGraph
from ..passes.deadcode import module_blocks
from ..passes.simplify import all_functions
from . import ast as A
from .cfg import Region, RegionAnalyzer
from ..progress import Progress
from .primitives import PrimitiveTranslator

MAX_UPVALUE_FREE = 40
_READS = {"getvectitem", "getstringchar", "getmethod"}


class ProgramInfo:
    """Facts about the whole program used while compiling each function."""

    def __init__(self, prog: Program, target: str, progress: Progress | None = None):
        self.prog = prog
        self.target = target
        self.progress = progress
        # try bodies made chunk-level functions (LT[i]), created once: see try_code
        self.lifted: list[A.FuncNode] = []
        self.functions_done = 0
        self.function_count = sum(1 for _ in all_functions(prog.main)) if progress else 0
        self.uses: dict[Var, int] = {}
        self.known: dict[Var, Function] = {}
        defs: dict[Var, I.Expr] = {}
        assigned: set[Var] = set()
        for fn in all_functions(prog.main):
            for blk in fn.blocks.values():
                for s in blk.body:
                    for o in I.stmt_operands(s):
                        self._use(o)
                    if isinstance(s, I.Let):
                        defs[s.var] = s.expr
                    elif isinstance(s, I.SetVar):
                        assigned.add(s.var)
                    if isinstance(s, I.Let) and isinstance(s.expr, I.Closure):
                        self.known[s.var] = s.expr.func
                    elif isinstance(s, I.LetRec):
                        for v, f in zip(s.vars, s.funcs):
                            self.known[v] = f
                        for f in s.funcs:
                            for o in f.free:
                                self._use(o)
                for o in I.term_operands(blk.term):
                    self._use(o)
        blocks = self._known_through_globals(prog, defs, assigned)
        # which non-tail calls count their frame (those that may recurse)
        self.calls = CallGraph(prog, self.known, defs, blocks)

    def _known_through_globals(self, prog: Program, defs: dict[Var, I.Expr],
                               assigned: set[Var]) -> dict[int, Var]:
        """A toplevel function of another unit, read as `G[n][k]`, is known too: calls
        of it with all its arguments skip the generic `caml_callN` arity check."""
        blocks = module_blocks(prog, defs, self.uses)

        def resolve(v: Var, depth: int) -> Function | None:
            if v in assigned or depth > 8:
                return None
            if v in self.known:
                return self.known[v]
            e = defs.get(v)
            if isinstance(e, I.Field) and isinstance(e.obj, Var):
                g = defs.get(e.obj)
                if isinstance(g, I.GlobalGet) and g.index in blocks:
                    blk = defs[blocks[g.index]]
                    assert isinstance(blk, I.MakeBlock)
                    a = blk.args[e.index] if e.index < len(blk.args) else None
                    if isinstance(a, Var):
                        return resolve(a, depth + 1)
            return None

        for v, e in defs.items():
            if isinstance(e, I.Field) and v not in self.known:
                f = resolve(v, 0)
                if f is not None:
                    self.known[v] = f
        return blocks

    def _use(self, o: Operand) -> None:
        if isinstance(o, Var):
            self.uses[o] = self.uses.get(o, 0) + 1


class FunctionCompiler:
    def __init__(self, info: ProgramInfo, fn: Function, prims: PrimitiveTranslator):
        self.info = info
        self.fn = fn
        self.prims = prims
        self.analyzer = RegionAnalyzer(fn)
        self.pending: dict[Var, I.Expr] = {}
        self.cur_out: list[A.Stmt] | None = None
        self.loop_blocks: set[int] = set()
        self.has_calls = False
        self.block_params: set[Var] = set()
        for blk in fn.blocks.values():
            self.block_params.update(blk.params)
        self.emitted: list[int] = []   # blocks in the order their code was made
        self._outside_uses: dict[int, set[Var]] | None = None

    # --- entry ---------------------------------------------------------------
    def compile(self) -> A.FuncNode:
        info = self.info
        if info.progress is not None:
            info.functions_done += 1
            info.progress("generating Lua", info.functions_done, info.function_count)
        r = self.analyzer.region(self.fn.entry)
        self._mark_loops(r, False)
        body = self.region_code(r, exits=None)
        node = A.FuncNode(params=list(self.fn.params), body=body, self_var=self.fn.self_var)
        if self.has_calls and self.fn.self_var is not None:
            args: A.Expr = []
            for i, p in enumerate(self.fn.params):
                if i:
                    args.append(", ")
                args.append(p)
            call: A.Expr = ["caml_deep(", self.fn.self_var] + ([", "] if args else []) + args + [")"]
            node.body.insert(0, A.If(["D > DLIMIT"], [A.Return(call)], []))
        return node

    def _mark_loops(self, r: Region, inside: bool) -> None:
        for n in r.nodes:
            if inside or n in r.in_loop:
                self.loop_blocks.add(n)
            t = self.fn.blocks[n].term
            if isinstance(t, I.Pushtrap):
                sub = self.analyzer.region(t.body.target)
                self._mark_loops(sub, inside or n in r.in_loop)

    # --- structure -------------------------------------------------------------
    def region_code(self, r: Region, exits: list[int] | None) -> list[A.Stmt]:
        placed_after: set[int] = set()
        for n in r.nodes:
            if r.is_merge(n):
                placed_after.add(n)
        for h in r.loop_headers:
            for c in r.children[h]:
                if c not in r.loop_body[h]:
                    placed_after.add(c)
        self._ctx = getattr(self, "_ctx", [])
        self._ctx.append((r, placed_after, exits))
        try:
            return self.do_tree(r.entry)
        finally:
            self._ctx.pop()

    def do_tree(self, x: int) -> list[A.Stmt]:
        r, placed_after, _ = self._ctx[-1]
        children = r.children[x]
        decls = self._param_decls(children)
        if x in r.loop_headers:
            body = r.loop_body[x]
            inner = [c for c in children if c in body and c in placed_after]
            outer = [c for c in children if c not in body]
            outer_decls = self._param_decls(outer)
            inner_decls = self._param_decls([c for c in children if c in body])
            code = self.block_code(x)
            term = self._located(x, self.term_code(x, code))
            loop = A.Loop(x, code + inner_decls + self.wrap(term, inner))
            return outer_decls + self.wrap([loop], outer)
        merges = [c for c in children if c in placed_after]
        code = self.block_code(x)
        term = self._located(x, self.term_code(x, code))
        return code + decls + self.wrap(term, merges)

    def _located(self, x: int, stmts: list[A.Stmt]) -> list[A.Stmt]:
        loc = self.fn.blocks[x].term_loc
        if loc is not None:
            for st in stmts:
                if getattr(st, "loc", None) is None and not isinstance(st, (A.BlockS, A.Loop)):
                    st.loc = loc
        return stmts

    def _param_decls(self, blocks: list[int]) -> list[A.Stmt]:
        vs: list[Var] = []
        for c in blocks:
            vs.extend(self.fn.blocks[c].params)
        return [A.Local(vs)] if vs else []

    def wrap(self, inner: list[A.Stmt], ys: list[int]) -> list[A.Stmt]:
        stmts = inner
        for y in ys:  # children are sorted by reverse postorder
            stmts = [A.BlockS(y, stmts)] + self.do_tree(y)
        return stmts

    def branch(self, src: int, cont: I.Cont, assign: bool = True) -> list[A.Stmt]:
        r, placed_after, _ = self._ctx[-1]
        t = cont.target
        out: list[A.Stmt] = []
        params = self.fn.blocks[t].params
        if assign and params:
            out.append(A.Assign([[p] for p in params], [self.value(a) for a in cont.args]))
        if (src, t) in r.back_edges:
            out.append(A.Continue(t))
        elif t in placed_after:
            out.append(A.Break(t))
        else:
            out.extend(self.do_tree(t))
        return out

    # --- terminators -----------------------------------------------------------
    def term_code(self, x: int, code: list[A.Stmt]) -> list[A.Stmt]:
        t = self.fn.blocks[x].term
        self.cur_out = code
        r, _, exits = self._ctx[-1]
        if isinstance(t, I.Return):
            v = self.value(t.value)
            self.flush(code)
            return [A.Return(v)]
        if isinstance(t, I.TailCall):
            if t.extern is not None:
                call = self.prims.extern(t.extern, [self.value(a) for a in t.args])
            else:
                call = self.call_expr(t.f, t.args)
            self.flush(code)
            return [A.Return(call)]
        if isinstance(t, I.Raise):
            v = self.value(t.value)
            self.flush(code)
            # `raise_notrace` skips the backtrace machinery
            if t.kind == "reraise":
                self.prims.need("caml_reraise_ocaml")
            fn = {"notrace": "error(", "reraise": "P.caml_reraise_ocaml("}.get(t.kind, "caml_raise(")
            return [A.ExprStmt([fn, *v, ")"])]
        if isinstance(t, I.Stop):
            self.flush(code)
            return [A.Return(None)]
        if isinstance(t, I.Branch):
            self.flush(code)
            return self.branch(x, t.cont)
        if isinstance(t, I.Cond):
            cond = self.cond_expr(t.op, t.lhs, t.rhs)
            self.flush(code)
            a = self.branch(x, t.then_)
            b = self.branch(x, t.else_)
            return [A.If(cond, a, b)]
        if isinstance(t, I.Switch):
            return self.switch_code(x, t, code)
        if isinstance(t, I.Poptrap):
            self.flush(code)
            assert exits is not None
            k = exits.index(t.cont.target) + 1
            out: list[A.Stmt] = []
            params = self.fn.blocks[t.cont.target].params
            if params:
                out.append(A.Assign([[p] for p in params], [self.value(a) for a in t.cont.args]))
            out.append(A.Return([str(k)]))
            return out
        if isinstance(t, I.Pushtrap):
            self.flush(code)
            return self.try_code(x, t)
        raise AssertionError(t)

    def switch_code(self, x: int, t: I.Switch, code: list[A.Stmt]) -> list[A.Stmt]:
        v = t.value
        if not isinstance(v, Var) or v in self.pending:
            tmp = Var()
            code.append(A.Local([tmp], self.value(v)))
            v = tmp
        self.flush(code)

        r, placed_after, _ = self._ctx[-1]

        def is_jump(c: I.Cont) -> bool:
            """The branch to `c` is a goto (its code is not placed here), so it may
            appear twice in the generated code."""
            return (x, c.target) in r.back_edges or c.target in placed_after

        def linear(groups: list[tuple[list[int], I.Cont]], subject: A.Expr) -> list[A.Stmt]:
            stmts: list[A.Stmt] = self.branch(x, groups[-1][1])
            for idxs, c in reversed(groups[:-1]):
                cond: A.Expr = []
                for j, i in enumerate(idxs):
                    if j:
                        cond.append(" or ")
                    cond += [*subject, f" == {i}"]
                stmts = [A.If(cond, self.branch(x, c), stmts)]
            return stmts

        def tree(conts: list[I.Cont], lo: int, hi: int, subject: A.Expr) -> list[A.Stmt]:
            """Cases lo..hi-1: a linear test sequence when they go to few places,
            otherwise split in two by one comparison (log n tests per dispatch
            instead of n, for the big matches of interpreters and formatters)."""
            groups: list[tuple[list[int], I.Cont]] = []
            for i in range(lo, hi):
                c = conts[i]
                for g in groups:
                    if g[1].target == c.target and g[1].args == c.args:
                        g[0].append(i)
                        break
                else:
                    groups.append(([i], c))
            if len(groups) == 1:
                return self.branch(x, groups[0][1])
            if len(groups) <= 8:
                return linear(groups, subject)
            # a cut must not separate two cases whose shared code is placed here
            span = {id(g): (min(g[0]), max(g[0])) for g in groups if not is_jump(g[1])}
            cuts = [c for c in range(lo + 1, hi)
                    if not any(a < c <= b for a, b in span.values())]
            if not cuts:
                return linear(groups, subject)
            mid = min(cuts, key=lambda c: abs(c - (lo + hi) // 2))
            return [A.If([*subject, f" < {mid}"], tree(conts, lo, mid, subject),
                         tree(conts, mid, hi, subject))]

        def chain(conts: list[I.Cont], subject: A.Expr) -> list[A.Stmt]:
            if len(conts) > 8 and subject != [v]:
                # read the tag once
                tag = Var()
                return [A.Local([tag], subject), *tree(conts, 0, len(conts), [tag])]
            return tree(conts, 0, len(conts), subject)

        if t.int_conts and t.tag_conts:
            return [A.If(["type(", v, ') == "number"'], chain(t.int_conts, [v]),
                         chain(t.tag_conts, [v, "[1]"]))]
        if t.int_conts:
            return chain(t.int_conts, [v])
        return chain(t.tag_conts, [v, "[1]"])

    def try_code(self, x: int, t: I.Pushtrap) -> list[A.Stmt]:
        sub = self.analyzer.region(t.body.target)
        saved_pending = self.pending
        self.pending = {}
        first = len(self.emitted)
        body = self.region_code(sub, exits=sub.exits)
        body_blocks = set(self.emitted[first:])
        self.pending = saved_pending
        d0, ok, res = Var(), Var(), Var()
        out: list[A.Stmt] = [A.Local([d0], ["D"])]
        exit_params = {p for e in sub.exits for p in self.fn.blocks[e].params}
        lifted = self._lift(body, body_blocks, exit_params) if self.info.target != "lua51" else None
        after: list[A.Stmt] = []
        if lifted is not None:
            index, args, outer, received, mirrors, box = lifted
            if mirrors:
                out.append(A.Local([box], ["{", *_commas([[v] for v in mirrors]), "}"]))
            call: A.Expr = [f"xpcall(LT[{index}], caml_errh"]
            for a in args:
                call += [", ", a]
            out.append(A.Local([ok, res, *received], [*call, ")"]))
            if mirrors:
                # the handler sees what the body stored, as the stack slots they mirror
                out.append(A.Assign([[v] for v in mirrors], [[box, f"[{i}]"] for i in range(1, len(mirrors) + 1)]))
            # exit parameters exist outside the body; its own variables are
            # declared here, where the code after the try can see them
            params_out = [(v, r) for v, r in zip(outer, received) if v in exit_params]
            locals_out = [(v, r) for v, r in zip(outer, received) if v not in exit_params]
            if params_out:
                after.append(A.Assign([[v] for v, _ in params_out], [[r] for _, r in params_out]))
            for v, r in locals_out:
                after.append(A.Local([v], [r]))
        else:
            fnode = A.FuncNode(params=[], body=body, is_ocaml=False)
            out.append(A.Local([ok, res], (["caml_try(", fnode, ")"] if self.info.target == "lua51"
                                           else ["xpcall(", fnode, ", caml_errh)"])))
        exits = sub.exits
        if not exits:
            success: list[A.Stmt] = [A.ExprStmt(["error(\"unreachable\")"])]
        else:
            success = self.branch(x, I.Cont(exits[-1], []), assign=False)
            for k in range(len(exits) - 1, 0, -1):
                success = [A.If([res, f" == {k}"], self.branch(x, I.Cont(exits[k - 1], []), assign=False),
                                success)]
        failure: list[A.Stmt] = [A.Assign([["D"]], [[d0]]),
                                 A.Local([t.exn], ["P.caml_exn_of_lua(", res, ")"])]
        self.prims.need("caml_exn_of_lua")
        failure += self.branch(x, t.handler)
        out.append(A.If([ok], after + success, failure))
        return out

    def _lift(self, body: list[A.Stmt], body_blocks: set[int], exit_params: set[Var]
              ) -> tuple[int, list[Var], list[Var], list[Var], list[Var], Var] | None:
        """Make the try body a function of the chunk, created once, that takes the
        variables it reads as arguments and returns those it sets for the code
        after the try. Creating a closure at every `try` (FNEW) stops LuaJIT's
        compiler, so exception-heavy loops would run interpreted.

        Variables the body overwrites for the handler (mirrors of stack slots, which
        must survive an exception) travel in a table, `box`, filled before the call
        and read back after it.

        Returns (index in LT, arguments, outer variables to set on success, the
        variables receiving them, mirrors, box), or None when the body cannot be
        lifted (too many variables, or a closure made in the body captures a mirror)."""
        fn = self.fn
        mirror_set = {s.var for b in body_blocks for s in fn.blocks[b].body if isinstance(s, I.SetVar)}
        declared, used = A.scope_vars(body)
        written = A.assigned_vars(body)
        if mirror_set & declared or (mirror_set and A.funcs_use(body, mirror_set)):
            return None
        if not written - declared - mirror_set <= exit_params:
            return None
        # body variables read after the try
        outside = self._uses_outside(body_blocks)
        defined = {v for b in body_blocks for v in _block_defs(fn.blocks[b])}
        results = sorted((defined & outside) | (written - declared - mirror_set), key=lambda v: v.id)
        reads = sorted(used - declared - set(results) - mirror_set, key=lambda v: v.id)
        if len(reads) + len(results) > 50:
            return None
        mirrors = sorted(mirror_set, key=lambda v: v.id)
        box, inner_box = Var(), Var()
        if mirrors:
            A.replace_var_tokens(body, {v: [inner_box, f"[{i}]"] for i, v in enumerate(mirrors, 1)})
        inner = {v: Var() for v in [*results, *reads]}
        A.rename_vars(body, inner)
        params = ([inner_box] if mirrors else []) + [inner[v] for v in reads]
        own = [inner[v] for v in results if v not in declared]
        A.add_return_values(body, [inner[v] for v in results])
        node = A.FuncNode(params=params, body=([A.Local(own)] if own else []) + body, is_ocaml=True)
        self.info.lifted.append(node)
        received = [Var() for _ in results]
        args = ([box] if mirrors else []) + reads
        return len(self.info.lifted), args, results, received, mirrors, box

    def _uses_outside(self, body_blocks: set[int]) -> set[Var]:
        if self._outside_uses is None:
            self._outside_uses = {a: _block_uses(b) for a, b in self.fn.blocks.items()}
        out: set[Var] = set()
        for a, vs in self._outside_uses.items():
            if a not in body_blocks:
                out |= vs
        return out

    # --- straight-line code ------------------------------------------------------
    def block_code(self, x: int) -> list[A.Stmt]:
        self.emitted.append(x)
        blk = self.fn.blocks[x]
        out: list[A.Stmt] = []
        self.pending = {}
        uses = self.info.uses
        single: set[Var] = set()
        # variables used exactly once, later in this same block, can be inlined
        count: dict[Var, int] = {}
        for s in blk.body:
            for o in I.stmt_operands(s):
                if isinstance(o, Var):
                    count[o] = count.get(o, 0) + 1
        for o in I.term_operands(blk.term):
            if isinstance(o, Var):
                count[o] = count.get(o, 0) + 1
        for v, c in count.items():
            if c == 1 and uses.get(v) == 1:
                single.add(v)
        self.cur_out = out
        locs = blk.locs or [None] * len(blk.body)
        for s, loc in zip(blk.body, locs):
            start = len(out)
            self.stmt(s, out, single)
            if loc is not None:
                for st in out[start:]:
                    if getattr(st, "loc", None) is None:
                        st.loc = loc
        return out

    def flush(self, out: list[A.Stmt], reads_only: bool = False) -> None:
        for v in list(self.pending):
            e = self.pending[v]
            if reads_only and not _is_read(e):
                continue
            del self.pending[v]
            out.append(A.Local([v], self.expr(e)))

    def stmt(self, s: I.Stmt, out: list[A.Stmt], single: set[Var]) -> None:
        if isinstance(s, I.Let):
            e = s.expr
            if isinstance(e, I.Closure):
                out.extend(self.closure_stmts([s.var], [e.func]))
                return
            if s.var in single and _movable(e):
                self.pending[s.var] = e
                return
            effectful = not _movable(e)
            toks = self.expr(e)
            if effectful:
                # pending reads must happen before this effect
                self.flush(out, reads_only=True)
            if isinstance(e, I.Apply) and not _is_call(toks):
                # a partial application made into a closure here (call_expr): no call
                if self.info.uses.get(s.var, 0):
                    out.append(A.Local([s.var], toks))
                return
            if isinstance(e, I.Apply):
                if not self.info.calls.counted(self.fn, e.f, len(e.args)):
                    if self.info.uses.get(s.var, 0) == 0:
                        out.append(A.ExprStmt(toks))
                    else:
                        out.append(A.Local([s.var], toks))
                    return
                # count Lua frames so that deep recursion can move to a fresh coroutine
                out.append(A.Assign([["D"]], [["D + 1"]]))
                if self.info.uses.get(s.var, 0) == 0:
                    out.append(A.ExprStmt(toks))
                else:
                    out.append(A.Local([s.var], toks))
                out.append(A.Assign([["D"]], [["D - 1"]]))
                return
            if self.info.uses.get(s.var, 0) == 0 and _is_call(toks):
                self.flush(out, reads_only=True)
                out.append(A.ExprStmt(toks))
            else:
                out.append(A.Local([s.var], toks))
            return
        if isinstance(s, I.LetRec):
            out.extend(self.closure_stmts(s.vars, s.funcs))
            return
        if isinstance(s, I.SetField):
            obj, val = self.target(s.obj, out), self.value(s.value)
            self.flush(out, reads_only=True)
            out.append(A.Assign([[*obj, f"[{s.index + 2}]"]], [val]))
            return
        if isinstance(s, I.SetVar):
            val = self.value(s.value)
            self.flush(out, reads_only=True)
            out.append(A.Assign([[s.var]], [val]))
            return
        if isinstance(s, I.SetGlobal):
            val = self.value(s.value)
            self.flush(out, reads_only=True)
            out.append(A.Assign([[f"G[{s.index + 1}]"]], [val]))
            return
        if isinstance(s, I.Effect):
            e = s.expr
            if isinstance(e, I.Prim) and e.op in ("setvectitem", "setbyteschar", "offsetref"):
                args = [self.target(e.args[0], out)] + [self.value(a) for a in e.args[1:]]
                self.flush(out, reads_only=True)
                out.append(self.prims.effect_prim(e.op, args))
                return
            toks = self.expr(e)
            if isinstance(e, I.Apply) and not _is_call(toks):
                return  # a partial application whose closure nobody uses
            self.flush(out, reads_only=True)
            if _is_call(toks):
                out.append(A.ExprStmt(toks))
            else:
                out.append(A.Local([Var()], toks))
            return
        raise AssertionError(s)

    def closure_stmts(self, vars_: list[Var], funcs: list[Function]) -> list[A.Stmt]:
        out: list[A.Stmt] = []
        nodes = []
        for v, f in zip(vars_, funcs):
            node = FunctionCompiler(self.info, f, self.prims).compile()
            free = [o for o in f.free if isinstance(o, Var) and o not in vars_]
            unstable = [o for o in free if self._unstable(o)]
            node.free = list(dict.fromkeys(free))
            if len(set(free)) > MAX_UPVALUE_FREE:
                node.env_vars = list(dict.fromkeys(free))
            elif unstable:
                node.env_vars = list(dict.fromkeys(unstable))
            nodes.append(node)
        if len(vars_) == 1:
            out.append(A.Local([vars_[0]], [nodes[0]]))
        else:
            out.append(A.Local(list(vars_)))
            for v, n in zip(vars_, nodes):
                n.self_var = None
                out.append(A.Assign([[v]], [[n]]))
        for v, f in zip(vars_, funcs):
            if f.arity >= 2:
                out.append(A.Assign([["A[", v, "]"]], [[str(f.arity)]]))
        return out

    def _stable_tokens(self, toks: A.Expr) -> bool:
        """Whether a closure may evaluate these tokens when it runs instead of when it
        is made: variables not reassigned in a loop, and text that only reads
        constants or module fields (no call)."""
        for t in toks:
            if isinstance(t, Var):
                if self._unstable(t):
                    return False
            elif not isinstance(t, str) or (t.endswith(")") and t != ")" and "(" in t):
                return False
        return True

    def _unstable(self, v: Var) -> bool:
        """A captured variable that may be reassigned after the closure is made."""
        if v in self.block_params:
            for addr, blk in self.fn.blocks.items():
                if v in blk.params:
                    return addr in self.loop_blocks
        return False

    # --- expressions -------------------------------------------------------------
    def target(self, o: Operand, out: list[A.Stmt]) -> A.Expr:
        """An operand used as the table of an assignment: never a parenthesised expression."""
        if isinstance(o, Var) and o in self.pending:
            out.append(A.Local([o], self.expr(self.pending.pop(o))))
        return self.value(o)

    def prefix(self, o: Operand) -> A.Expr:
        """An operand that is indexed or called: constants need parentheses in Lua."""
        if isinstance(o, Const):
            return [f"({o.value})"]
        if isinstance(o, Var) and isinstance(self.pending.get(o), (I.Field, I.GlobalGet)):
            # `G[n][k]` is already a prefix expression; parentheses would make a call
            # statement start with `(`, which Lua 5.1 rejects as ambiguous
            toks = self.expr(self.pending[o])
            if _nesting(toks) <= 12:
                del self.pending[o]
                return toks
        return self.value(o)

    def value(self, o: Operand) -> A.Expr:
        if isinstance(o, Const):
            return [_int_lit(o.value)]
        if o in self.pending:
            e = self.pending.pop(o)
            toks = self.expr(e)
            if len(toks) == 1:
                return toks
            if _nesting(toks) > 12 and self.cur_out is not None:
                # keep expressions shallow: Lua's parser has a nesting limit
                self.cur_out.append(A.Local([o], toks))
                return [o]
            return ["(", *toks, ")"]
        return [o]

    def int_operand(self, o: Operand) -> A.Expr:
        """An operand of an integer add/sub/neg (or mul on Lua 5.4): an inlined one of
        those comes without its own wrap, the outer operation wraps (prims.chain_ops)."""
        e = self.pending.get(o) if isinstance(o, Var) else None
        if not (isinstance(e, I.Prim) and e.op in self.prims.chain_ops()):
            return self.value(o)
        del self.pending[o]
        toks = self.prims.prim([self.int_operand(a) for a in e.args], e.op, wrap=False)
        if _nesting(toks) > 12 and self.cur_out is not None:
            self.cur_out.append(A.Local([o], self.prims.wrap(toks)))
            return [o]
        return ["(", *toks, ")"]

    def expr(self, e: I.Expr) -> A.Expr:
        if isinstance(e, (Var, Const)):
            return self.value(e)
        if isinstance(e, I.Prim):
            if e.op in ("eq", "neq", "lt", "le", "gt", "ge", "ult", "uge", "isint"):
                c = self.cond_expr(e.op, *(e.args + [None])[:2]) if e.op != "isint" else \
                    self.cond_expr("isint", e.args[0], None)
                return ["(", *c, ") and 1 or 0"]
            if e.op in self.prims.chain_ops():
                return self.prims.prim([self.int_operand(a) for a in e.args], e.op)
            return self.prims.prim([self.prefix(a) for a in e.args[:1]] +
                                   [self.value(a) for a in e.args[1:]], e.op)
        if isinstance(e, I.Extern):
            return self.prims.extern(e.name, [self.value(a) for a in e.args])
        if isinstance(e, I.Apply):
            return self.call_expr(e.f, e.args, nontail=True)
        if isinstance(e, I.MakeBlock):
            toks: A.Expr = ["{", str(e.tag)]
            for a in e.args:
                toks += [", ", *self.value(a)]
            return toks + ["}"]
        if isinstance(e, I.Field):
            return [*self.prefix(e.obj), f"[{e.index + 2}]"]
        if isinstance(e, I.GlobalGet):
            return [f"G[{e.index + 1}]"]
        if isinstance(e, I.Literal):
            return self.prims.literal(e.index)
        raise AssertionError(e)

    def cond_expr(self, op: str, lhs: Operand, rhs: Operand | None) -> A.Expr:
        if op == "truthy":
            assert isinstance(lhs, (Var, Const))
            if isinstance(lhs, Var) and lhs in self.pending:
                e = self.pending[lhs]
                if isinstance(e, I.Prim) and e.op in ("eq", "neq", "lt", "le", "gt", "ge", "ult",
                                                      "uge", "isint", "not"):
                    del self.pending[lhs]
                    if e.op == "not":
                        return ["not (", *self.cond_expr("truthy", e.args[0], None), ")"]
                    if e.op == "isint":
                        return self.cond_expr("isint", e.args[0], None)
                    return self.cond_expr(e.op, e.args[0], e.args[1])
                if isinstance(e, I.Extern):
                    c = self.prims.extern_cond(e.name, e.args, self.value)
                    if c is not None:
                        del self.pending[lhs]
                        return c
            return [*self.value(lhs), " ~= 0"]
        if op == "isint":
            # floats are Lua numbers too, but never OCaml immediates
            v = self.value(lhs)
            if self.info.target == "lua54":
                return ["math.type(", *v, ') == "integer"']
            return ["type(", *v, ') == "number" and ', *v, " % 1 == 0"]
        a = self.value(lhs)
        assert rhs is not None
        b = self.value(rhs)
        if op in ("ult", "uge"):
            core = ["(", *a, " < ", *b, ") ~= ((", *a, " < 0) ~= (", *b, " < 0))"]
            return core if op == "ult" else ["not (", *core, ")"]
        sym = {"eq": " == ", "neq": " ~= ", "lt": " < ", "le": " <= ", "gt": " > ", "ge": " >= "}[op]
        return [*a, sym, *b]

    def call_expr(self, f: Operand, args: list[Operand], nontail: bool = False) -> A.Expr:
        fn = self.info.known.get(f) if isinstance(f, Var) else None
        ftoks = self.prefix(f)
        argl = [self.value(a) for a in args]
        argt: A.Expr = []
        for i, a in enumerate(argl):
            if i:
                argt.append(", ")
            argt += a
        if nontail and self.info.calls.counted(self.fn, f, len(args)):
            self.has_calls = True
        if fn is not None and fn.arity == len(args):
            call = [*ftoks, "(", *argt, ")"]
        elif fn is not None and fn.arity == len(args) + 1 and all(len(a) == 1 for a in argl) \
                and self._stable_tokens([*ftoks, *argt]):
            # a known function given all its arguments but the last: a closure that
            # calls it directly (what caml_curry would build, without the arity
            # lookup and the argument table); arity 1 needs no entry in `A`
            x = Var()
            node = A.FuncNode(params=[x], body=[A.Return([*ftoks, "(", *argt, ", ", x, ")"])])
            node.free = list(dict.fromkeys(t for t in [*ftoks, *argt] if isinstance(t, Var)))
            call = [node]
        elif len(args) <= 5:
            self.prims.need(f"caml_call{len(args)}")
            call = [f"caml_call{len(args)}(", *ftoks, ", ", *argt, ")"]
        else:
            self.prims.need("caml_call_gen")
            call = ["P.caml_call_gen(", *ftoks, ", {", *argt, "})"]
        return call


def _commas(items: list[A.Expr]) -> A.Expr:
    out: A.Expr = []
    for i, e in enumerate(items):
        if i:
            out.append(", ")
        out += e
    return out


def _block_uses(blk: I.Block) -> set[Var]:
    """Variables a block reads, including those its closures capture."""
    out: set[Var] = set()
    for s in blk.body:
        out.update(o for o in I.stmt_operands(s) if isinstance(o, Var))
        if isinstance(s, I.Let) and isinstance(s.expr, I.Closure):
            out.update(o for o in s.expr.func.free if isinstance(o, Var))
        elif isinstance(s, I.LetRec):
            for f in s.funcs:
                out.update(o for o in f.free if isinstance(o, Var))
    out.update(o for o in I.term_operands(blk.term) if isinstance(o, Var))
    return out


def _block_defs(blk: I.Block) -> list[Var]:
    out = list(blk.params)
    for s in blk.body:
        if isinstance(s, I.Let):
            out.append(s.var)
        elif isinstance(s, I.LetRec):
            out.extend(s.vars)
    return out


def _movable(e: I.Expr) -> bool:
    if isinstance(e, (Var, Const, I.MakeBlock, I.Field, I.GlobalGet, I.Literal)):
        return True
    if isinstance(e, I.Prim):
        return e.op not in ("setvectitem", "setbyteschar", "offsetref")
    return False


def _is_read(e: I.Expr) -> bool:
    return isinstance(e, (I.Field, I.GlobalGet)) or (isinstance(e, I.Prim) and e.op in _READS)


def _is_call(toks: A.Expr) -> bool:
    return bool(toks) and isinstance(toks[-1], str) and toks[-1].endswith(")") and not (
        isinstance(toks[0], str) and toks[0].startswith("("))


def _nesting(toks: A.Expr) -> int:
    depth = best = 0
    for t in toks:
        if isinstance(t, str) and not t.startswith('"'):
            for ch in t:
                if ch in "({[":
                    depth += 1
                    best = max(best, depth)
                elif ch in ")}]":
                    depth -= 1
    return best


def _int_lit(n: int) -> str:
    return str(n) if n >= 0 else f"({n})"
