"""A small Lua statement tree with symbolic variables.

Expressions are token lists: strings, Var objects (resolved to a Lua name or a
table slot only when printing, once spilling decisions are known) and FuncNode
objects (nested functions).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

from ..ir.ir import Var

Tok = Union[str, Var, "FuncNode"]
Expr = list  # list[Tok]


@dataclass(eq=False)
class FuncNode:
    params: list[Var]
    body: list["Stmt"]
    self_var: Var | None = None      # `local function` form when the body refers to itself
    is_ocaml: bool = True             # an OCaml function (owns a spill table) or a try body
    env_vars: list[Var] = field(default_factory=list)  # free variables copied into a table
    free: list[Var] = field(default_factory=list)      # all captured variables
    env_name: str = ""
    spill_name: str = ""
    spilled: set[Var] = field(default_factory=set)
    hoisted: list[Var] = field(default_factory=list)
    vararg: bool = False


@dataclass(eq=False)
class Local:
    vars: list[Var]
    value: Expr | None = None


@dataclass(eq=False)
class Assign:
    targets: list[Expr]
    values: list[Expr]


@dataclass(eq=False)
class ExprStmt:
    expr: Expr


@dataclass(eq=False)
class If:
    cond: Expr
    then: list["Stmt"]
    else_: list["Stmt"]


@dataclass(eq=False)
class Loop:
    label: int
    body: list["Stmt"]


@dataclass(eq=False)
class BlockS:
    label: int
    body: list["Stmt"]


@dataclass(eq=False)
class Break:
    label: int


@dataclass(eq=False)
class Continue:
    label: int


@dataclass(eq=False)
class Return:
    value: Expr | None


@dataclass(eq=False)
class Comment:
    text: str


Stmt = Union[Local, Assign, ExprStmt, If, Loop, BlockS, Break, Continue, Return, Comment]


def expr_vars(e: Expr):
    for t in e:
        if isinstance(t, Var):
            yield t


def _children(s: Stmt) -> list[list[Stmt]]:
    if isinstance(s, If):
        return [s.then, s.else_]
    if isinstance(s, (Loop, BlockS)):
        return [s.body]
    return []


def _exprs(s: Stmt) -> list[Expr]:
    if isinstance(s, Local):
        return [s.value] if s.value is not None else []
    if isinstance(s, Assign):
        return [*s.targets, *s.values]
    if isinstance(s, ExprStmt):
        return [s.expr]
    if isinstance(s, Return):
        return [s.value] if s.value is not None else []
    if isinstance(s, If):
        return [s.cond]
    return []


def scope_vars(stmts: list[Stmt]) -> tuple[set[Var], set[Var]]:
    """(declared, used): the variables declared anywhere in `stmts` (nested
    functions included) and those it refers to, so that `used - declared` are the
    variables it takes from outside."""
    declared: set[Var] = set()
    used: set[Var] = set()

    def func(node: FuncNode) -> None:
        declared.update(node.params)
        if node.self_var is not None:
            declared.add(node.self_var)
        used.update(node.free)
        used.update(node.env_vars)
        block(node.body)

    def expr(e: Expr) -> None:
        for t in e:
            if isinstance(t, Var):
                used.add(t)
            elif isinstance(t, FuncNode):
                func(t)

    def block(ss: list[Stmt]) -> None:
        for s in ss:
            if isinstance(s, Local):
                declared.update(s.vars)
            for e in _exprs(s):
                expr(e)
            for b in _children(s):
                block(b)

    block(stmts)
    return declared, used


def rename_vars(stmts: list[Stmt], mapping: dict[Var, Var]) -> None:
    """Replace variables everywhere in `stmts`, nested functions included (in place)."""
    def sub(vs: list[Var]) -> list[Var]:
        return [mapping.get(v, v) for v in vs]

    def func(node: FuncNode) -> None:
        node.params = sub(node.params)
        if node.self_var is not None:
            node.self_var = mapping.get(node.self_var, node.self_var)
        node.free = sub(node.free)
        node.env_vars = sub(node.env_vars)
        block(node.body)

    def expr(e: Expr) -> None:
        for i, t in enumerate(e):
            if isinstance(t, Var):
                e[i] = mapping.get(t, t)
            elif isinstance(t, FuncNode):
                func(t)

    def block(ss: list[Stmt]) -> None:
        for s in ss:
            if isinstance(s, Local):
                s.vars = sub(s.vars)
            for e in _exprs(s):
                expr(e)
            for b in _children(s):
                block(b)

    block(stmts)


def add_return_values(stmts: list[Stmt], extra: list[Var]) -> None:
    """Append `extra` to every `return` of this function (not of nested ones)."""
    for s in stmts:
        if isinstance(s, Return):
            value = list(s.value) if s.value is not None else ["nil"]
            for v in extra:
                value += [", ", v]
            s.value = value
        for b in _children(s):
            add_return_values(b, extra)


def replace_var_tokens(stmts: list[Stmt], mapping: dict[Var, list]) -> None:
    """Replace each variable of `mapping` by a token sequence (a table slot such as
    `M[1]`) in expressions and assignment targets, nested functions included."""
    def expr(e: Expr) -> None:
        i = 0
        while i < len(e):
            t = e[i]
            if isinstance(t, Var) and t in mapping:
                e[i:i + 1] = mapping[t]
                i += len(mapping[t])
                continue
            if isinstance(t, FuncNode):
                block(t.body)
            i += 1

    def block(ss: list[Stmt]) -> None:
        for s in ss:
            for e in _exprs(s):
                expr(e)
            for b in _children(s):
                block(b)

    block(stmts)


def funcs_use(stmts: list[Stmt], vs: set[Var]) -> bool:
    """Whether a function nested in `stmts` refers to one of `vs`."""
    found = False

    def func(node: FuncNode) -> None:
        nonlocal found
        _, used = scope_vars(node.body)
        if used & vs or set(node.free) & vs or set(node.env_vars) & vs:
            found = True

    def block(ss: list[Stmt]) -> None:
        for s in ss:
            for e in _exprs(s):
                for t in e:
                    if isinstance(t, FuncNode):
                        func(t)
            for b in _children(s):
                block(b)

    block(stmts)
    return found


def assigned_vars(stmts: list[Stmt]) -> set[Var]:
    """Variables assigned by `x = ...` statements, nested functions included."""
    out: set[Var] = set()

    def expr(e: Expr) -> None:
        for t in e:
            if isinstance(t, FuncNode):
                block(t.body)

    def block(ss: list[Stmt]) -> None:
        for s in ss:
            if isinstance(s, Assign):
                for tgt in s.targets:
                    if len(tgt) == 1 and isinstance(tgt[0], Var):
                        out.add(tgt[0])
            for e in _exprs(s):
                expr(e)
            for b in _children(s):
                block(b)

    block(stmts)
    return out
