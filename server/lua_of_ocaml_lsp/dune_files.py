"""Read the executables that dune files declare, without running dune.

Only what the server needs: the `executable`/`executables` stanzas, their names
and modes. dune builds `NAME.bc` only when `byte` is among the modes. Reading
the files never runs project code, so it is allowed in untrusted workspaces.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

Sexp = str | list["Sexp"]

_TOKEN = re.compile(r'''\s+|;[^\n]*|\#\|.*?\|\#|\#;|\(|\)|"(?:[^"\\]|\\.)*"|[^\s()";]+''', re.S)
_SKIP_DIRS = {"_build", "_opam", "node_modules", "_esy"}


class SexpError(ValueError):
    pass


def parse_sexps(text: str) -> list[Sexp]:
    """Top-level s-expressions of a dune file (comments dropped)."""
    stack: list[list[Sexp]] = [[]]
    drop_next = [0]
    pos = 0
    for m in _TOKEN.finditer(text):
        if m.start() != pos:
            raise SexpError(f"unexpected character at offset {pos}")
        pos = m.end()
        tok = m.group(0)
        if tok[0].isspace() or tok.startswith(";") or tok.startswith("#|"):
            continue
        if tok == "#;":
            drop_next[-1] += 1
            continue
        if tok == "(":
            stack.append([])
            drop_next.append(0)
            continue
        if tok == ")":
            if len(stack) == 1:
                raise SexpError("unbalanced ')'")
            done = stack.pop()
            drop_next.pop()
            _push(stack, drop_next, done)
            continue
        atom = re.sub(r"\\(.)", r"\1", tok[1:-1]) if tok.startswith('"') else tok
        _push(stack, drop_next, atom)
    if pos != len(text):
        raise SexpError(f"unexpected character at offset {pos}")
    if len(stack) != 1:
        raise SexpError("unbalanced '('")
    return stack[0]


def _push(stack: list[list[Sexp]], drop_next: list[int], value: Sexp) -> None:
    if drop_next[-1]:
        drop_next[-1] -= 1
        return
    stack[-1].append(value)


@dataclass(frozen=True)
class DuneExecutable:
    directory: Path          # absolute directory of the dune file
    name: str                # module name of the entry point (NAME.ml)
    modes: tuple[str, ...]   # as declared; () when the stanza has no (modes ...)
    dune_file: Path
    line: int                # 1-based line of the stanza in the dune file

    @property
    def builds_bytecode(self) -> bool:
        return any(m == "byte" or m.startswith("byte") for m in self.modes)

    def bytecode_target(self, root: Path) -> str:
        """The dune target, relative to the project root (e.g. `bin/main.bc`)."""
        rel = self.directory.relative_to(root).as_posix()
        return f"{self.name}.bc" if rel == "." else f"{rel}/{self.name}.bc"


def executables_in(dune_file: Path) -> list[DuneExecutable]:
    """The executables a dune file declares (none when it cannot be read or parsed)."""
    try:
        text = dune_file.read_text(encoding="utf-8", errors="replace")
        sexps = parse_sexps(text)
    except (OSError, SexpError):
        return []
    out: list[DuneExecutable] = []
    heads = [text.count("\n", 0, m.start()) + 1 for m in re.finditer(r"\(\s*executables?\b", text)]
    k = 0
    for stanza in sexps:
        if not isinstance(stanza, list) or not stanza or stanza[0] not in ("executable", "executables"):
            continue
        names: list[str] = []
        modes: tuple[str, ...] = ()
        for fld in stanza[1:]:
            if not isinstance(fld, list) or not fld or not isinstance(fld[0], str):
                continue
            if fld[0] in ("name", "names"):
                names += [a for a in fld[1:] if isinstance(a, str)]
            elif fld[0] == "modes":
                modes = tuple(_mode_name(m) for m in fld[1:])
        line = heads[k] if k < len(heads) else 1
        k += 1
        out += [DuneExecutable(dune_file.parent.resolve(), n, modes, dune_file, line) for n in names]
    return out


def _mode_name(m: Sexp) -> str:
    # a mode is `byte`, `exe`, `byte_complete`, or a pair `(byte exe)`
    if isinstance(m, list):
        return "byte" if m and m[0] == "byte" and (len(m) < 2 or m[1] == "exe") else "/".join(
            x for x in m if isinstance(x, str))
    return m


def project_executables(root: Path) -> list[DuneExecutable]:
    """Every executable declared under a dune project root (build folders skipped)."""
    out: list[DuneExecutable] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in _SKIP_DIRS and not d.startswith("."))
        if "dune" in filenames:
            out += executables_in(Path(dirpath) / "dune")
    return out
