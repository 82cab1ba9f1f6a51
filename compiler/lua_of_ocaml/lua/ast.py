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
