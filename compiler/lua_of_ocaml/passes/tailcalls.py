"""Self tail calls become loops.

A recursive function that calls itself in tail position with all its arguments
(List.rev_append, the merge loops of List.sort, an OCaml `let rec loop i acc`)
jumps back to its start instead: the old entry block becomes a loop header
whose parameters are the function's parameters, and each such call a branch
to it. A Lua tail call costs a call frame each time; a loop costs a jump, and
both LuaJIT and PUC Lua compile loops better than tail recursion.
"""

from __future__ import annotations

from ..ir.ir import Block, Branch, Cont, Function, Program, TailCall, Var
from .simplify import all_functions


def loop_self_tail_calls(prog: Program) -> None:
    for fn in all_functions(prog.main):
        _loop(fn)


def _loop(fn: Function) -> None:
    me = fn.self_var
    if me is None or not fn.params:
        return
    calls = [blk for blk in fn.blocks.values()
             if isinstance(blk.term, TailCall) and blk.term.extern is None
             and blk.term.f is me and len(blk.term.args) == fn.arity]
    entry = fn.blocks[fn.entry]
    if not calls or entry.params:
        return
    # the function's parameters become the header's: every use of them stays valid
    entry.params = list(fn.params)
    fn.params = [Var() for _ in entry.params]
    start = Block(max(fn.blocks) + 1, [], [], Branch(Cont(fn.entry, list(fn.params))))
    start.loc = entry.loc
    fn.blocks[start.addr] = start
    for blk in calls:
        blk.term = Branch(Cont(fn.entry, list(blk.term.args)))  # type: ignore[union-attr]
    fn.entry = start.addr
