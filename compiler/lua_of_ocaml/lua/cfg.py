"""Control-flow analysis of one region (a function body or a try body).

A region's graph hides nested try bodies: a Pushtrap block's successors are its
handler and the blocks its body leaves to (through Poptrap).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..ir.ir import Block, Function, Poptrap, Pushtrap, successors


@dataclass
class Region:
    entry: int
    nodes: list[int]                      # reverse postorder
    succs: dict[int, list[int]]
    exits: list[int] = field(default_factory=list)   # targets of Poptrap (try bodies)
    rpo: dict[int, int] = field(default_factory=dict)
    idom: dict[int, int] = field(default_factory=dict)
    children: dict[int, list[int]] = field(default_factory=dict)
    preds: dict[int, list[int]] = field(default_factory=dict)
    back_edges: set[tuple[int, int]] = field(default_factory=set)
    loop_headers: set[int] = field(default_factory=set)
    loop_body: dict[int, set[int]] = field(default_factory=dict)
    in_loop: set[int] = field(default_factory=set)
    try_exits: dict[int, list[int]] = field(default_factory=dict)  # pushtrap node -> exits

    def is_merge(self, n: int) -> bool:
        fwd = [p for p in self.preds[n] if (p, n) not in self.back_edges]
        return len(fwd) >= 2


def region_succs(fn: Function, addr: int, exits_of) -> list[int]:
    blk = fn.blocks[addr]
    t = blk.term
    if isinstance(t, Poptrap):
        return []
    if isinstance(t, Pushtrap):
        return [t.handler.target] + [e for e in exits_of(t.body.target) if e != t.handler.target]
    out: list[int] = []
    for c in successors(t):
        if c.target not in out:
            out.append(c.target)
    return out


class RegionAnalyzer:
    def __init__(self, fn: Function):
        self.fn = fn
        self._exits: dict[int, list[int]] = {}
        self.regions: dict[int, Region] = {}

    def exits_of(self, entry: int) -> list[int]:
        if entry not in self._exits:
            self.region(entry)
        return self._exits[entry]

    def region(self, entry: int) -> Region:
        if entry in self.regions:
            return self.regions[entry]
        fn = self.fn
        succs: dict[int, list[int]] = {}
        exits: list[int] = []
        order: list[int] = []
        seen: set[int] = set()
        # iterative DFS for postorder
        stack: list[tuple[int, int]] = [(entry, 0)]
        seen.add(entry)
        while stack:
            n, i = stack.pop()
            if n not in succs:
                succs[n] = region_succs(fn, n, self.exits_of)
                t = fn.blocks[n].term
                if isinstance(t, Poptrap) and t.cont.target not in exits:
                    exits.append(t.cont.target)
            ss = succs[n]
            if i < len(ss):
                stack.append((n, i + 1))
                s = ss[i]
                if s not in seen:
                    seen.add(s)
                    stack.append((s, 0))
            else:
                order.append(n)
        self._exits[entry] = exits
        order.reverse()
        r = Region(entry, order, succs, exits)
        r.rpo = {n: i for i, n in enumerate(order)}
        r.preds = {n: [] for n in order}
        for n in order:
            for s in succs[n]:
                r.preds[s].append(n)
        self._dominators(r)
        self._loops(r)
        for n in order:
            t = fn.blocks[n].term
            if isinstance(t, Pushtrap):
                r.try_exits[n] = self.exits_of(t.body.target)
        self.regions[entry] = r
        return r

    @staticmethod
    def _dominators(r: Region) -> None:
        idom: dict[int, int] = {r.entry: r.entry}
        rpo = r.rpo
        changed = True
        while changed:
            changed = False
            for n in r.nodes[1:]:
                new = None
                for p in r.preds[n]:
                    if p in idom:
                        if new is None:
                            new = p
                        else:
                            a, b = p, new
                            while a != b:
                                while rpo[a] > rpo[b]:
                                    a = idom[a]
                                while rpo[b] > rpo[a]:
                                    b = idom[b]
                            new = a
                if new is not None and idom.get(n) != new:
                    idom[n] = new
                    changed = True
        r.idom = idom
        r.children = {n: [] for n in r.nodes}
        for n in r.nodes[1:]:
            r.children[idom[n]].append(n)
        for n in r.nodes:
            r.children[n].sort(key=lambda x: rpo[x])

    @staticmethod
    def _dominates(r: Region, a: int, b: int) -> bool:
        while True:
            if a == b:
                return True
            if b == r.entry:
                return False
            b = r.idom[b]

    def _loops(self, r: Region) -> None:
        for n in r.nodes:
            for s in r.succs[n]:
                if self._dominates(r, s, n):
                    r.back_edges.add((n, s))
                    r.loop_headers.add(s)
        for h in r.loop_headers:
            body = {h}
            work = [n for (n, s) in r.back_edges if s == h]
            while work:
                n = work.pop()
                if n in body:
                    continue
                body.add(n)
                work.extend(r.preds[n])
            r.loop_body[h] = body
            r.in_loop |= body
