"""Minify a Lua chunk: drop comments, indentation, blank lines and the spaces
between tokens that need none, and rename local variables, parameters, loop
variables and goto labels to the shortest names that are free where they live.

What it keeps, so that the chunk behaves exactly as before:

- Lines: every line that holds code stays one line (blank and comment-only lines
  go), and a source-location marker `\\x01N\\x01` stays on the line of the
  statement it was written on (after its last token), so source maps and
  backtraces made from the minified text are right. The last lines of code
  (`keep_tail`) are copied as they are.
- Names: globals and field names (`P.x`, `t:m()`, `{name = v}`) are never
  renamed, and no local gets the name of a global that the chunk reads or
  writes anywhere, nor a keyword, nor `_ENV`, `self`, `arg` or `debug`. Locals named
  `_ENV` or `arg` (special in Lua 5.4 and 5.1) and the implicit `self` of
  `function a:m()` keep their names.
- Scoping: references are resolved with Lua's rules (a `local` statement's names
  are visible after the statement, `local function f` in its own body, the
  body's locals in a `repeat`'s `until` condition, loop variables in the loop
  body). Two variables may share a name only when the stretch of text from the
  start of one's scope to its last use does not overlap the other's: then no
  use of either can see the other under the shared name. Names are given by a
  linear scan over the scopes' starts, the shortest free name first.

The tokenizer and the scope walk are linear in the size of the chunk.
"""

from __future__ import annotations

import heapq
import re
import sys

from ..errors import CompileError

__all__ = ["minify_lua", "LuaSyntaxError"]


class LuaSyntaxError(CompileError):
    """The chunk is not Lua that the minifier understands."""

    def __init__(self, message: str, token: int = -1):
        super().__init__(message)
        self.token = token


KEYWORDS = frozenset((
    "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if",
    "in", "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while"))
# never given to a renamed variable: special names of some Lua, implicit locals,
# and the global that the backtrace table (added after minification) reads
SPECIAL = frozenset(("_ENV", "self", "arg", "debug"))
# locals with these names keep them (Lua 5.4's `_ENV` changes what globals mean;
# Lua 5.1's vararg functions have an implicit local `arg`)
PINNED = frozenset(("_ENV", "arg"))

_FIRST = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_"
_REST = _FIRST + "0123456789"
_IDSTART = frozenset(_FIRST)
_WORD = frozenset(_REST)
_DIGITS = frozenset("0123456789")
_BINOPS = frozenset(("+", "-", "*", "/", "//", "%", "^", "..", "==", "~=", "<", "<=", ">", ">=",
                     "and", "or", "&", "|", "~", "<<", ">>"))
_UNOPS = frozenset(("not", "-", "#", "~"))
_EOF = "<eof>"  # not a token the tokenizer can produce
_BLOCK_END = frozenset(("end", "else", "elseif", "until", _EOF))
_LITERALS = frozenset(("nil", "true", "false", "..."))
# two characters that would make one token (or a comment, or a long bracket)
# if the tokens they end and start were written without a space between them
_GLUE = frozenset(("--", "==", "<=", ">=", "~=", "//", "::", "..", "<<", ">>", "[[", "[="))
_MARKER = re.compile("\x01\\d+\x01")


def _token_regex(text: str) -> re.Pattern:
    # long brackets need a back reference to their level; list the levels that
    # occur instead, so that the pattern has no group and findall gives strings
    levels = sorted({len(m) for m in re.findall(r"\[(=*)\[", text)})
    longs = "|".join(rf"\[{'=' * n}\[[\s\S]*?\]{'=' * n}\]" for n in levels)
    parts = [
        r"\n",
        "\x01\\d+\x01",
        *([rf"--(?:{longs})"] if longs else []),
        r"--[^\n]*",
        *([longs] if longs else []),
        r'"(?:[^"\\\n]|\\z\s*|\\[\s\S])*"',
        r"'(?:[^'\\\n]|\\z\s*|\\[\s\S])*'",
        r"0[xX](?:[pP][-+]|[0-9a-zA-Z_.])*",
        r"(?:[0-9]|\.[0-9])(?:[eE][-+]|[0-9a-zA-Z_.])*",
        r"[A-Za-z_][A-Za-z0-9_]*",
        r"\.\.\.|\.\.|==|~=|<=|>=|<<|>>|//|::",
        r"[-+*/%^#&~|<>=(){}\[\];:,.]",
        r"\S",
    ]
    return re.compile("|".join(parts))


def _names():
    """Identifiers, shortest first."""
    size = 1
    while True:
        yield from _names_of(size)
        size += 1


def _names_of(size: int):
    if size == 1:
        yield from _FIRST
        return
    for head in _names_of(size - 1):
        for c in _REST:
            yield head + c


class _Names:
    """The sequence of identifiers minus reserved ones, generated on demand."""

    def __init__(self, reserved: set[str]):
        self.reserved = reserved
        self.gen = _names()
        self.list: list[str] = []

    def __getitem__(self, k: int) -> str:
        lst = self.list
        while k >= len(lst):
            n = next(self.gen)
            if n not in self.reserved:
                lst.append(n)
        return lst[k]


class _Scopes:
    """The scope walk: a recursive-descent pass over the significant tokens that
    resolves every name and records, for each local, where its scope starts and
    where it is last used."""

    def __init__(self, toks: list[str]):
        self.t = toks
        self.i = 0
        self.scopes: dict[str, list[int]] = {}
        self.declared: list[str] = []
        self.d_start: list[int] = []
        self.d_last: list[int] = []
        self.d_name: list[str] = []
        self.d_pin: list[bool] = []
        self.ref_pos: list[int] = []     # token positions of locals (uses and declarations)
        self.ref_decl: list[int] = []
        self.globals: set[str] = set()
        self.labels: list[list[int]] = [[]]   # per function being walked
        self.label_frames: list[list[int]] = []

    # --- helpers --------------------------------------------------------------------
    def error(self, what: str, i: int | None = None) -> LuaSyntaxError:
        i = self.i if i is None else i
        return LuaSyntaxError(f"{what} near '{self.t[min(i, len(self.t) - 1)]}'", i)

    def expect(self, tok: str) -> None:
        if self.t[self.i] != tok:
            raise self.error(f"'{tok}' expected")
        self.i += 1

    def name_at(self, i: int) -> str:
        tok = self.t[i]
        if tok[0] not in _IDSTART or tok in KEYWORDS:
            raise self.error("name expected", i)
        return tok

    def declare(self, name: str, start: int, pos: int | None, pinned: bool = False) -> None:
        d = len(self.d_start)
        self.d_start.append(start)
        self.d_last.append(start)
        self.d_name.append(name)
        self.d_pin.append(pinned or name in PINNED)
        st = self.scopes.get(name)
        if st is None:
            self.scopes[name] = [d]
        else:
            st.append(d)
        self.declared.append(name)
        if pos is not None:
            self.ref_pos.append(pos)
            self.ref_decl.append(d)

    def close(self, mark: int) -> None:
        declared = self.declared
        scopes = self.scopes
        for k in range(len(declared) - 1, mark - 1, -1):
            scopes[declared[k]].pop()
        del declared[mark:]

    def ref(self, name: str, pos: int) -> None:
        st = self.scopes.get(name)
        if st:
            d = st[-1]
            self.ref_pos.append(pos)
            self.ref_decl.append(d)
            self.d_last[d] = pos
        else:
            self.globals.add(name)

    # --- chunk, blocks, statements ----------------------------------------------------
    def chunk(self) -> None:
        self.block()
        if self.t[self.i] != _EOF:
            raise self.error("'<eof>' expected")
        self.label_frames.append(self.labels.pop())

    def block(self) -> None:
        t = self.t
        while True:
            tok = t[self.i]
            if tok in _BLOCK_END:
                return
            self.statement(tok)

    def inner_block(self) -> None:
        mark = len(self.declared)
        self.block()
        self.close(mark)

    def statement(self, tok: str) -> None:
        t = self.t
        if tok == "local":
            self.i += 1
            if t[self.i] == "function":
                pos = self.i + 1
                self.declare(self.name_at(pos), pos, pos)
                self.i = pos + 1
                self.funcbody(False)
                return
            names = []
            while True:
                names.append((self.name_at(self.i), self.i))
                self.i += 1
                if t[self.i] == "<":  # Lua 5.4 attribute
                    self.name_at(self.i + 1)
                    self.i += 2
                    self.expect(">")
                if t[self.i] != ",":
                    break
                self.i += 1
            if t[self.i] == "=":
                self.i += 1
                self.explist()
            start = self.i
            for name, pos in names:
                self.declare(name, start, pos)
        elif tok == "if":
            self.i += 1
            self.exp()
            self.expect("then")
            self.inner_block()
            while True:
                tok = t[self.i]
                if tok == "elseif":
                    self.i += 1
                    self.exp()
                    self.expect("then")
                    self.inner_block()
                elif tok == "else":
                    self.i += 1
                    self.inner_block()
                else:
                    break
            self.expect("end")
        elif tok == "while":
            self.i += 1
            self.exp()
            self.expect("do")
            self.inner_block()
            self.expect("end")
        elif tok == "do":
            self.i += 1
            self.inner_block()
            self.expect("end")
        elif tok == "for":
            names = [(self.name_at(self.i + 1), self.i + 1)]
            self.i += 2
            if t[self.i] == "=":
                self.i += 1
                self.explist()
            else:
                while t[self.i] == ",":
                    names.append((self.name_at(self.i + 1), self.i + 1))
                    self.i += 2
                self.expect("in")
                self.explist()
            start = self.i
            self.expect("do")
            mark = len(self.declared)
            for name, pos in names:
                self.declare(name, start, pos)
            self.block()
            self.close(mark)
            self.expect("end")
        elif tok == "repeat":
            self.i += 1
            mark = len(self.declared)
            self.block()
            self.expect("until")
            self.exp()  # sees the body's locals
            self.close(mark)
        elif tok == "function":
            pos = self.i + 1
            self.ref(self.name_at(pos), pos)
            i = pos + 1
            while t[i] == ".":
                self.name_at(i + 1)
                i += 2
            method = t[i] == ":"
            if method:
                self.name_at(i + 1)
                i += 2
            self.i = i
            self.funcbody(method)
        elif tok == "return":
            self.i += 1
            tok = t[self.i]
            if tok not in _BLOCK_END and tok != ";":
                self.explist()
        elif tok == "goto":
            self.name_at(self.i + 1)
            self.labels[-1].append(self.i + 1)
            self.i += 2
        elif tok == "::":
            self.name_at(self.i + 1)
            self.labels[-1].append(self.i + 1)
            self.i += 2
            self.expect("::")
        elif tok == ";" or tok == "break":
            self.i += 1
        else:
            self.suffixed()
            tok = t[self.i]
            if tok == "," or tok == "=":
                while t[self.i] == ",":
                    self.i += 1
                    self.suffixed()
                self.expect("=")
                self.explist()

    def funcbody(self, method: bool) -> None:
        t = self.t
        start = self.i
        self.expect("(")
        mark = len(self.declared)
        self.labels.append([])
        if method:
            self.declare("self", start, None, pinned=True)
        while t[self.i] != ")":
            if t[self.i] == "...":
                self.i += 1
            else:
                self.declare(self.name_at(self.i), start, self.i)
                self.i += 1
            if t[self.i] == ",":
                self.i += 1
            elif t[self.i] != ")":
                raise self.error("')' expected")
        self.i += 1
        self.block()
        self.expect("end")
        self.close(mark)
        self.label_frames.append(self.labels.pop())

    # --- expressions --------------------------------------------------------------------
    def explist(self) -> None:
        self.exp()
        t = self.t
        while t[self.i] == ",":
            self.i += 1
            self.exp()

    def exp(self) -> None:
        """An expression: operands and operators in a row (precedence does not
        matter for scopes)."""
        t = self.t
        while True:
            tok = t[self.i]
            while tok in _UNOPS:
                self.i += 1
                tok = t[self.i]
            c = tok[0]
            if c in _IDSTART:
                if tok not in KEYWORDS:
                    self.suffixed()
                elif tok in _LITERALS:
                    self.i += 1
                elif tok == "function":
                    self.i += 1
                    self.funcbody(False)
                else:
                    raise self.error("unexpected keyword")
            elif c in _DIGITS or c == '"' or c == "'" or tok == "..." or (c == "." and len(tok) > 1 and tok[1] in _DIGITS):
                self.i += 1
            elif c == "(":
                self.suffixed()
            elif c == "{":
                self.table()
            elif c == "[" and len(tok) > 1:  # long string
                self.i += 1
            else:
                raise self.error("unexpected symbol")
            if t[self.i] in _BINOPS:
                self.i += 1
                continue
            return

    def suffixed(self) -> None:
        t = self.t
        i = self.i
        tok = t[i]
        if tok == "(":
            self.i = i + 1
            self.exp()
            self.expect(")")
            i = self.i
        else:
            self.ref(self.name_at(i), i)
            i += 1
        while True:
            tok = t[i]
            if tok == ".":
                self.name_at(i + 1)
                i += 2
            elif tok == "[":
                self.i = i + 1
                self.exp()
                self.expect("]")
                i = self.i
            elif tok == ":":
                self.name_at(i + 1)
                i += 2
                tok = t[i]
                if tok != "(" and tok != "{" and tok[0] not in "\"'[":
                    raise self.error("function arguments expected", i)
            elif tok == "(":
                if t[i + 1] == ")":
                    i += 2
                else:
                    self.i = i + 1
                    self.explist()
                    self.expect(")")
                    i = self.i
            elif tok == "{":
                self.i = i
                self.table()
                i = self.i
            elif tok[0] == '"' or tok[0] == "'" or (tok[0] == "[" and len(tok) > 1):
                i += 1
            else:
                break
        self.i = i

    def table(self) -> None:
        t = self.t
        self.i += 1  # {
        while True:
            tok = t[self.i]
            if tok == "}":
                break
            if tok == "[":
                self.i += 1
                self.exp()
                self.expect("]")
                self.expect("=")
                self.exp()
            elif t[self.i + 1] == "=" and tok[0] in _IDSTART and tok not in KEYWORDS:
                self.i += 2  # a field name
                self.exp()
            else:
                self.exp()
            tok = t[self.i]
            if tok == "," or tok == ";":
                self.i += 1
            elif tok != "}":
                raise self.error("'}' expected")
        self.i += 1


def _tokenize(text: str):
    """Significant tokens, whether a line break comes before each, and the
    location markers to write after a token (`after`) or at the start of the
    line of a token (`before`)."""
    toks: list[str] = []
    nl = bytearray()
    after: dict[int, str] = {}
    before: dict[int, str] = {}
    pending_nl = False
    pending_marks = ""
    append = toks.append
    nl_append = nl.append
    for tok in _token_regex(text).findall(text):
        c = tok[0]
        if c == "\n":
            pending_nl = True
            continue
        if c == "\x01" or (c == "-" and len(tok) > 1):  # a marker, or a comment
            if c == "-":
                if "\n" in tok:
                    pending_nl = True
                if "\x01" not in tok:
                    continue
                marks = "".join(_MARKER.findall(tok))
            else:
                marks = tok
            if toks and not pending_nl:
                k = len(toks) - 1
                after[k] = after.get(k, "") + marks
            else:
                pending_marks += marks
            continue
        if pending_nl or pending_marks:
            if pending_marks:
                before[len(toks)] = pending_marks
                pending_marks = ""
            nl_append(1 if (pending_nl and toks) else 0)
            pending_nl = False
        else:
            nl_append(0)
        append(tok)
    if pending_marks:
        after[len(toks) - 1] = after.get(len(toks) - 1, "") + pending_marks
    return toks, nl, after, before


def _line_of(text: str, token: int) -> int:
    """The line of `text` where its significant token number `token` is (for errors)."""
    line, k = 1, 0
    for tok in _token_regex(text).findall(text):
        if tok[0] == "\n":
            line += 1
        elif tok[0] == "\x01":
            continue
        elif tok[0] == "-" and len(tok) > 1:
            line += tok.count("\n")
        else:
            if k == token:
                return line
            line += tok.count("\n")
            k += 1
    return line


def _is_number(tok: str) -> bool:
    c = tok[0]
    return c in _DIGITS or (c == "." and len(tok) > 1 and tok[1] in _DIGITS)


def _render(toks: list[str], nl: bytearray, after: dict[int, str], before: dict[int, str]) -> str:
    out: list[str] = []
    put = out.append
    prev = ""
    for i, tok in enumerate(toks):
        if nl[i]:
            put("\n")
        elif prev:
            a = prev[-1]
            b = tok[0]
            if a in _WORD:
                if b in _WORD or (b == "." and _is_number(prev)) or (
                        (b == "+" or b == "-") and a in "eEpP" and _is_number(prev)):
                    put(" ")
            elif a + b in _GLUE or (a == "." and b in _DIGITS):
                put(" ")
        if before and i in before:
            put(before[i])
        put(tok)
        if after and i in after:
            put(after[i])
        prev = tok
    if out:
        put("\n")
    return "".join(out)


def _split_tail(text: str, keep: int) -> tuple[str, str]:
    """The text before its last `keep` lines of code, and those lines (trimmed)."""
    if keep <= 0:
        return text, ""
    lines = text.split("\n")
    tail: list[str] = []
    k = len(lines)
    while k > 0 and len(tail) < keep:
        k -= 1
        s = lines[k].strip()
        if s and not s.startswith("--"):
            tail.append(lines[k].lstrip())
    head = "\n".join(lines[:k]) + "\n" if k else ""
    return head, "".join(l + "\n" for l in reversed(tail))


def _labels(frames: list[list[int]], toks: list[str], limit: int) -> None:
    """Give each function's goto labels short names (a one-to-one renaming within
    the function, and labels live in their own namespace)."""
    names = _Names(set(KEYWORDS))
    for frame in frames:
        if not frame or frame[-1] >= limit:
            continue
        given: dict[str, str] = {}
        for pos in frame:
            old = toks[pos]
            new = given.get(old)
            if new is None:
                new = given[old] = names[len(given)]
            toks[pos] = new


def minify_lua(text: str, keep_tail: int = 2) -> str:
    """Minify the Lua chunk `text` (see the module's docstring).

    The last `keep_tail` lines of code are copied as they are, with the names of
    the variables they use: they start the program, and the chunk assembly
    (`lua/emit.py`) finds them by their text to insert the backtrace line table
    before them."""
    head, tail = _split_tail(text, keep_tail)
    toks, nl, after, before = _tokenize(head)
    n_head = len(toks)
    tail_toks = _tokenize(tail)[0] if tail else []
    walk = _Scopes(toks + tail_toks + [_EOF])
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 20000))
    try:
        walk.chunk()
    except LuaSyntaxError as e:
        raise LuaSyntaxError(f"--minify: Lua syntax error at line {_line_of(head + tail, e.token)}: "
                             f"{e}", e.token) from None
    finally:
        sys.setrecursionlimit(limit)

    d_pin = walk.d_pin
    for pos, d in zip(walk.ref_pos, walk.ref_decl):
        if pos >= n_head:
            d_pin[d] = True
    reserved = set(KEYWORDS) | SPECIAL | walk.globals
    d_name = walk.d_name
    reserved.update(d_name[d] for d in range(len(d_pin)) if d_pin[d])
    new = _assign(walk.d_start, walk.d_last, d_pin, _Names(reserved))

    for pos, d in zip(walk.ref_pos, walk.ref_decl):
        if pos < n_head:
            name = new[d]
            if name is not None:
                toks[pos] = name
    _labels(walk.label_frames, toks, n_head)
    return _render(toks, nl, after, before) + tail


def _assign(start: list[int], last: list[int], pinned: list[bool], names: _Names) -> list[str | None]:
    """Linear scan: declarations come in the order of their scopes' starts; a name
    is free again once the last use of the variable that had it is behind."""
    new: list[str | None] = [None] * len(start)
    active: list[tuple[int, int]] = []   # (last use, name index)
    free: list[int] = []
    top = 0
    push, pop = heapq.heappush, heapq.heappop
    for d in range(len(start)):
        if pinned[d]:
            continue
        s = start[d]
        while active and active[0][0] < s:
            push(free, pop(active)[1])
        if free:
            k = pop(free)
        else:
            k = top
            top += 1
        push(active, (last[d], k))
        new[d] = names[k]
    return new
