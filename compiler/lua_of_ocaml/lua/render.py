"""Print the Lua statement tree: variable placement and control-flow lowering.

Variable placement: a variable is a Lua local where it is defined; when a use
falls outside that scope it is hoisted to the top of its OCaml function; when a
Lua function would exceed the 200-locals limit (or a try body the 60-upvalues
limit) the function's variables move to a table (`S`). Free variables that a
closure must copy (too many, or reassigned in a loop) live in its env table.

Control flow: Break/Continue in tail position vanish; otherwise they become
`goto` (LuaJIT, Lua 5.2+) or, on Lua 5.1, `break` with a flag for multi-level exits.
"""

from __future__ import annotations

from ..ir.ir import Var
from . import ast as A

MAX_LOCALS = 150
MAX_OUTER_REFS = 40


class Placement:
    def __init__(self) -> None:
        self.hoisted: dict[int, set[Var]] = {}     # id(owner FuncNode) -> vars
        self.spilled_owners: set[int] = set()


def effective_env(node: A.FuncNode, place: Placement, def_owner: dict, covered=None) -> list[Var]:
    """Free variables copied at creation: the chosen ones, plus any that live in a
    table slot or a hoisted local (those may be reassigned after the closure is made).
    A variable an enclosing closure already reads from its own environment table
    (`covered`) is stable and is captured as it is."""
    env = list(node.env_vars)
    seen = set(env)
    for v in node.free:
        if v in seen or (covered is not None and covered(v)):
            continue
        o = def_owner.get(v)
        if o is None:
            continue
        if id(o) in place.spilled_owners or v in place.hoisted.get(id(o), ()):
            env.append(v)
            seen.add(v)
    return env


class _Analysis:
    """One walk over the tree: scope violations, local counts, outer references."""

    def __init__(self, place: Placement):
        self.place = place
        self.scopes: list[set[Var]] = []
        self.funcs: list[tuple[A.FuncNode, A.FuncNode, int]] = []  # (node, owner, scope depth)
        self.def_owner: dict[Var, A.FuncNode] = {}
        self.need_hoist: dict[int, set[Var]] = {}
        self.active: list[int] = []
        self.max_active: dict[int, int] = {}
        self.owner_of: dict[int, A.FuncNode] = {}
        self.outer_refs: dict[int, set[Var]] = {}
        self.env_scope: list[set[Var]] = []
        self.new_spill_owners: set[int] = set()
        self.new_force: set[Var] = set()

    def owner(self) -> A.FuncNode:
        return self.funcs[-1][1]

    def is_spilled(self, v: Var) -> bool:
        o = self.def_owner.get(v)
        return o is not None and id(o) in self.place.spilled_owners

    def declare(self, v: Var) -> None:
        self.def_owner.setdefault(v, self.owner())
        if self.is_spilled(v) or v in self.place.hoisted.get(id(self.owner()), ()):
            return
        self.scopes[-1].add(v)
        self._bump(1)

    def _bump(self, n: int) -> None:
        node = self.funcs[-1][0]
        self.active[-1] += n
        k = id(node)
        if self.active[-1] > self.max_active.get(k, 0):
            self.max_active[k] = self.active[-1]

    def use(self, v: Var) -> None:
        for env in reversed(self.env_scope):
            if v in env:
                return
        if self.is_spilled(v):
            return
        owner = self.def_owner.get(v)
        if owner is not None and v in self.place.hoisted.get(id(owner), ()):
            self._outer(v)
            return
        for depth in range(len(self.scopes) - 1, -1, -1):
            if v in self.scopes[depth]:
                # an upvalue of each function entered since that scope
                for node, _, fdepth in self.funcs:
                    if fdepth > depth:
                        self.outer_refs.setdefault(id(node), set()).add(v)
                return
        if owner is not None:
            self.need_hoist.setdefault(id(owner), set()).add(v)

    def _outer(self, v: Var) -> None:
        owner = self.def_owner.get(v)
        for node, o, _ in reversed(self.funcs):
            if node is owner:
                break
            self.outer_refs.setdefault(id(node), set()).add(v)

    def expr(self, e: A.Expr) -> None:
        for t in e:
            if isinstance(t, Var):
                self.use(t)
            elif isinstance(t, A.FuncNode):
                self.func(t)

    def func(self, node: A.FuncNode) -> None:
        owner = node if node.is_ocaml else self.owner()
        self.owner_of[id(node)] = owner
        env = effective_env(node, self.place, self.def_owner,
                            lambda v: any(v in e for e in self.env_scope))
        for v in env:
            self.use(v)
        self.funcs.append((node, owner, len(self.scopes)))
        self.scopes.append(set())
        self.active.append(0)
        self.env_scope.append(set(env))
        if node.self_var is not None:
            self.scopes[-2 if len(self.scopes) > 1 else -1].add(node.self_var)
        for p in node.params:
            self.def_owner[p] = owner
            self.scopes[-1].add(p)
        self._bump(len(node.params) + 3 + len(self.place.hoisted.get(id(node), ())))
        self.block(node.body)
        self.env_scope.pop()
        self.active.pop()
        self.scopes.pop()
        self.funcs.pop()

    def block(self, stmts: list[A.Stmt]) -> None:
        self.scopes.append(set())
        before = self.active[-1]
        for s in stmts:
            self.stmt(s)
        self.active[-1] = before
        self.scopes.pop()

    def stmt(self, s: A.Stmt) -> None:
        if isinstance(s, A.Local):
            if s.value is not None:
                self.expr(s.value)
            for v in s.vars:
                self.declare(v)
        elif isinstance(s, A.Assign):
            for t in s.targets:
                self.expr(t)
            for v in s.values:
                self.expr(v)
        elif isinstance(s, A.ExprStmt):
            self.expr(s.expr)
        elif isinstance(s, A.Return):
            if s.value is not None:
                self.expr(s.value)
        elif isinstance(s, A.If):
            self.expr(s.cond)
            self.block(s.then)
            self.block(s.else_)
        elif isinstance(s, (A.Loop, A.BlockS)):
            self.block(s.body)


def place_variables(root: A.FuncNode) -> tuple[Placement, dict[int, A.FuncNode]]:
    place = Placement()
    for _ in range(20):
        an = _Analysis(place)
        an.func(root)
        changed = False
        for owner_id, vs in an.need_hoist.items():
            cur = place.hoisted.setdefault(owner_id, set())
            if not vs <= cur:
                cur |= vs
                changed = True
        for node_id, count in an.max_active.items():
            owner = an.owner_of[node_id]
            if count > MAX_LOCALS and id(owner) not in place.spilled_owners:
                place.spilled_owners.add(id(owner))
                changed = True
        for node_id, refs in an.outer_refs.items():
            real = {v for v in refs if not an.is_spilled(v)}
            if len(real) > MAX_OUTER_REFS:
                # too many upvalues: the functions owning them keep them in a table
                for v in real:
                    o = an.def_owner.get(v)
                    if o is not None and id(o) not in place.spilled_owners:
                        place.spilled_owners.add(id(o))
                        changed = True
        if not changed:
            return place, an.def_owner  # type: ignore[return-value]
    raise AssertionError("variable placement did not converge")


class Printer:
    def __init__(self, target: str, place: Placement, def_owner: dict):
        self.target = target
        self.place = place
        self.def_owner = def_owner
        self.lines: list[str] = []
        self.goto = target != "lua51"
        self.names: list[dict[Var, str]] = []     # env overrides
        self.spill_index: dict[int, dict[Var, int]] = {}
        self.used_labels: set[tuple[str, int]] = set()
        self.dry = False
        self.breakables: list[dict] = []
        self.flag_ids: dict[tuple, int] = {}
        # source locations: emitted lines carry a marker \x01N\x01 (index in `locations`)
        self.locations: list = []
        self.loc_index: dict = {}
        self.cur_loc = None
        self.table_names: dict[tuple[str, int], str] = {}

    # --- names -------------------------------------------------------------------
    def name(self, v: Var) -> str:
        for env in reversed(self.names):
            if v in env:
                return env[v]
        owner = self.def_owner.get(v)
        if owner is not None and id(owner) in self.place.spilled_owners:
            idx = self.spill_index.setdefault(id(owner), {})
            if v not in idx:
                idx[v] = len(idx) + 1
            return f"{self.table_name('S', owner)}[{idx[v]}]"
        return f"v{v.id}"

    def table_name(self, prefix: str, node: object) -> str:
        """The name of a function's spill (S) or environment (E) table, numbered in
        order of first use so that the same program always gives the same text."""
        key = (prefix, id(node))
        name = self.table_names.get(key)
        if name is None:
            name = self.table_names[key] = f"{prefix}{len(self.table_names) + 1}"
        return name

    def _covered(self, v: Var) -> bool:
        """Read from an enclosing closure's environment table (stable)."""
        return any(v in env for env in self.names)

    def is_local_name(self, v: Var) -> bool:
        n = self.name(v)
        return "[" not in n

    def hoisted_in(self, v: Var) -> bool:
        owner = self.def_owner.get(v)
        return owner is not None and v in self.place.hoisted.get(id(owner), ())

    def expr(self, e: A.Expr, indent: int) -> str:
        out = []
        for t in e:
            if isinstance(t, str):
                out.append(t)
            elif isinstance(t, Var):
                out.append(self.name(t))
            else:
                out.append(self.func_expr(t, indent))
        return "".join(out)

    # --- functions -----------------------------------------------------------------
    def func_expr(self, node: A.FuncNode, indent: int, local_name: str | None = None) -> str:
        saved = self.lines
        self.lines = []
        env_name = self.table_name("E", node)
        env_vars = effective_env(node, self.place, self.def_owner, self._covered)
        env_map = {v: f"{env_name}[{i + 1}]" for i, v in enumerate(env_vars)}
        self.names.append(env_map)
        saved_breakables = self.breakables
        self.breakables = []
        ind = "  " * (indent + 1)
        if node.is_ocaml and id(node) in self.place.spilled_owners:
            self.lines.append(f"{ind}local {self.table_name('S', node)} = {{}}")
        hoisted = [v for v in self.place.hoisted.get(id(node), ()) if self.is_local_name(v)]
        hoisted.sort(key=lambda v: v.id)
        for i in range(0, len(hoisted), 100):
            self.lines.append(f"{ind}local " + ", ".join(self.name(v) for v in hoisted[i:i + 100]))
        params = [self.name(p) for p in node.params]
        spilled_params = [p for p in node.params if not self.is_local_name(p)]
        for p in spilled_params:
            self.lines.append(f"{ind}{self.name(p)} = v{p.id}")
        self.stmts(node.body, indent + 1, tail=set())
        body = "\n".join(self.lines)
        self.lines = saved
        self.breakables = saved_breakables
        self.names.pop()
        plist = ", ".join(f"v{p.id}" if p in spilled_params else n for p, n in zip(node.params, params))
        head = f"function {local_name}({plist})" if local_name else f"function({plist})"
        text = f"{head}\n{body}\n{'  ' * indent}end"
        if env_vars:
            vals = ", ".join(self.name(v) for v in env_vars)
            return f"(function({env_name}) return {text} end)({{{vals}}})"
        return text

    # --- statements -------------------------------------------------------------------
    def emit(self, indent: int, text: str) -> None:
        loc = self.cur_loc
        if loc is not None:
            k = self.loc_index.get(loc)
            if k is None:
                k = self.loc_index[loc] = len(self.locations)
                self.locations.append(loc)
            first, nl, rest = text.partition("\n")
            text = f"{first}\x01{k}\x01{nl}{rest}"
            self.cur_loc = None
        self.lines.append("  " * indent + text)

    def stmts(self, ss: list[A.Stmt], indent: int, tail: set) -> None:
        n = len(ss)
        for i, s in enumerate(ss):
            last = i == n - 1
            self.stmt(s, indent, tail if last else set(), last)

    def stmt(self, s: A.Stmt, indent: int, tail: set, last: bool) -> None:
        self.cur_loc = getattr(s, "loc", None)
        if isinstance(s, A.Local):
            self.local(s, indent)
        elif isinstance(s, A.Assign):
            t = ", ".join(self.expr(x, indent) for x in s.targets)
            v = ", ".join(self.expr(x, indent) for x in s.values)
            self.emit(indent, f"{t} = {v}")
        elif isinstance(s, A.ExprStmt):
            text = self.expr(s.expr, indent)
            if text.startswith(("error(", "caml_raise(", "P.caml_reraise_ocaml(")):
                self.emit(indent, text if last else f"do {text} end")
            else:
                self.emit(indent, text)
        elif isinstance(s, A.Return):
            v = "" if s.value is None else " " + self.expr(s.value, indent)
            self.emit(indent, f"return{v}" if last else f"do return{v} end")
        elif isinstance(s, A.If):
            self.if_stmt(s, indent, tail, first=True)
            self.emit(indent, "end")
        elif isinstance(s, A.BlockS):
            self.block_stmt(s, indent, tail, last)
        elif isinstance(s, A.Loop):
            self.loop_stmt(s, indent)
        elif isinstance(s, A.Break):
            if ("B", s.label) not in tail:
                self.jump(("B", s.label), indent)
        elif isinstance(s, A.Continue):
            if ("C", s.label) not in tail:
                self.jump(("C", s.label), indent)
        elif isinstance(s, A.Comment):
            self.emit(indent, f"-- {s.text}")
        else:
            raise AssertionError(s)

    def local(self, s: A.Local, indent: int) -> None:
        names = [self.name(v) for v in s.vars]
        plain = [v for v in s.vars if self.is_local_name(v) and not self.hoisted_in(v)]
        if s.value is None:
            if plain:
                self.emit(indent, "local " + ", ".join(self.name(v) for v in plain))
            return
        if len(s.value) == 1 and isinstance(s.value[0], A.FuncNode) and len(s.vars) == 1 \
                and s.value[0].self_var is s.vars[0]:
            env = effective_env(s.value[0], self.place, self.def_owner, self._covered)
            if plain and not env:
                self.emit(indent, "local " + self.func_expr(s.value[0], indent, names[0]))
            elif not env:
                # a table slot or a hoisted local: recursive calls go through a local
                # name of their own (not the hoisted one, which it would shadow)
                local = f"v{s.vars[0].id}f"
                self.emit(indent, "do")
                self.names.append({s.vars[0]: local})
                self.emit(indent + 1, "local " + self.func_expr(s.value[0], indent + 1, local))
                self.names.pop()
                self.emit(indent + 1, f"{names[0]} = {local}")
                self.emit(indent, "end")
            else:
                if plain:
                    self.emit(indent, f"local {names[0]}")
                self.emit(indent, f"{names[0]} = {self.expr(s.value, indent)}")
            return
        value = self.expr(s.value, indent)
        if len(plain) == len(s.vars):
            self.emit(indent, f"local {', '.join(names)} = {value}")
        else:
            if plain:
                self.emit(indent, "local " + ", ".join(self.name(v) for v in plain))
            self.emit(indent, f"{', '.join(names)} = {value}")

    def if_stmt(self, s: A.If, indent: int, tail: set, first: bool) -> None:
        kw = "if" if first else "elseif"
        self.emit(indent, f"{kw} {self.expr(s.cond, indent)} then")
        self.stmts(s.then, indent + 1, tail)
        if len(s.else_) == 1 and isinstance(s.else_[0], A.If):
            self.if_stmt(s.else_[0], indent, tail, first=False)
        elif s.else_ and not _empty(s.else_, tail):
            self.emit(indent, "else")
            self.stmts(s.else_, indent + 1, tail)

    def block_stmt(self, s: A.BlockS, indent: int, tail: set, last: bool) -> None:
        key = ("B", s.label)
        inner_tail = set(tail) | {key}
        if self.goto:
            self.emit(indent, "do")
            self.stmts(s.body, indent + 1, inner_tail)
            self.emit(indent, "end")
            if key in self.used_labels:
                self.emit(indent, f"::L{s.label}::")
            return
        if key in self.used_labels:
            self.breakables.append({"key": key, "crossing": set(), "targeted": False})
            self.emit(indent, "repeat")
            self.stmts(s.body, indent + 1, inner_tail)
            self.emit(indent, "until true")
            self.close_breakable(indent)
        else:
            self.emit(indent, "do")
            self.stmts(s.body, indent + 1, inner_tail)
            self.emit(indent, "end")

    def loop_stmt(self, s: A.Loop, indent: int) -> None:
        key = ("C", s.label)
        self.emit(indent, "while true do")
        if self.goto:
            if key in self.used_labels:
                self.emit(indent + 1, f"::C{s.label}::")
            self.stmts(s.body, indent + 1, {key})
            self.emit(indent, "end")
            return
        self.breakables.append({"key": ("W", s.label), "crossing": set(), "targeted": False})
        if key in self.used_labels:
            self.breakables.append({"key": key, "crossing": set(), "targeted": False})
            self.emit(indent + 1, "repeat")
            self.stmts(s.body, indent + 2, {key})
            self.emit(indent + 1, "until true")
            self.close_breakable(indent + 1)
        else:
            self.stmts(s.body, indent + 1, {key})
        self.emit(indent, "end")
        self.close_breakable(indent)

    def close_breakable(self, indent: int) -> None:
        b = self.breakables.pop()
        fid = self.flag_ids.get(b["key"])
        crossing = b["crossing"]
        if b["targeted"] and crossing:
            self.emit(indent, f"if BRK then if BRK == {fid} then BRK = nil else break end end")
        elif b["targeted"]:
            self.emit(indent, "BRK = nil")
        elif crossing:
            self.emit(indent, "if BRK then break end")

    def jump(self, key: tuple, indent: int) -> None:
        self.used_labels.add(key)
        if self.goto:
            self.emit(indent, f"goto {'L' if key[0] == 'B' else 'C'}{key[1]}")
            return
        if self.breakables and self.breakables[-1]["key"] == key:
            self.emit(indent, "do break end")
            return
        fid = self.flag_ids.setdefault(key, len(self.flag_ids) + 1)
        for b in reversed(self.breakables):
            if b["key"] == key:
                b["targeted"] = True
                break
            b["crossing"].add(key)
        self.emit(indent, f"BRK = {fid}")
        self.emit(indent, "do break end")


def _empty(stmts: list[A.Stmt], tail: set) -> bool:
    for s in stmts:
        if isinstance(s, A.Break) and ("B", s.label) in tail:
            continue
        if isinstance(s, A.Continue) and ("C", s.label) in tail:
            continue
        return False
    return True


def render_function(root: A.FuncNode, target: str, name: str | None) -> tuple[str, list]:
    """The function's Lua text, with location markers, and the marker table: a
    `local function NAME` statement, or a function expression when `name` is None."""
    place, def_owner = place_variables(root)
    # first pass finds the labels that are jumped to; second pass prints
    p = Printer(target, place, def_owner)
    p.func_expr(root, 0, name)
    used = p.used_labels
    p2 = Printer(target, place, def_owner)
    p2.used_labels = set(used)
    text = p2.func_expr(root, 0, name)
    return ("local " + text if name else text), p2.locations
