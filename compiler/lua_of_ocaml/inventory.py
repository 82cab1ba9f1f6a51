"""Which primitives the Lua runtime implements, per target.

`inventory(names, target)` classifies each primitive name (as listed in the
PRIM section of a bytecode executable) against the runtime fragments
(`runtime/lua/*.lua`, plus user files) for one target:

- "implemented": a fragment provides it, and everything that fragment needs
  (its --Requires, transitively) is provided too;
- "unsupported": the fragment that provides it is marked `--Unsupported: reason`:
  it exists only to raise a clear error (fork, sockets, dynlink...);
- "missing": no fragment provides it for this target, or a fragment it needs
  is missing (a program calling it fails with "primitive ... is not implemented").
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from .bytecode.exe_file import ExeFile, read_exe
from .bytecode.instructions import decode_all, opcode_names
from .errors import CompileError

from .linker.fragments import TARGETS, Fragment
from .linker.link import load_library

IMPLEMENTED = "implemented"
UNSUPPORTED = "unsupported"
MISSING = "missing"
STATUSES = (IMPLEMENTED, UNSUPPORTED, MISSING)


@dataclass(frozen=True)
class Entry:
    name: str
    status: str  # "implemented" | "unsupported" | "missing"
    reason: str = ""  # why unsupported or missing ("" when implemented)


def _missing_dependency(frag: Fragment, providers: dict[str, Fragment]) -> str | None:
    """The first name needed by `frag` (transitively) that nobody provides."""
    seen: set[int] = set()
    stack = [frag]
    while stack:
        f = stack.pop()
        if id(f) in seen:
            continue
        seen.add(id(f))
        for dep in f.requires:
            g = providers.get(dep)
            if g is None:
                return dep
            stack.append(g)
    return None


def inventory(primitive_names: Iterable[str], target: str,
              extra_files: list[str] | None = None) -> list[Entry]:
    """One Entry per distinct name, in the order of `primitive_names`.

    `extra_files` are user runtime files (as given to `compile`); they can
    provide or override primitives."""
    if target not in TARGETS:
        raise ValueError(f"unknown target {target!r} (expected one of {', '.join(TARGETS)})")
    lib = load_library(extra_files)
    providers = lib.providers(target)
    elsewhere: dict[str, set[str]] = {}  # name -> targets of fragments providing it
    for frag in lib.fragments:
        for n in frag.provides:
            elsewhere.setdefault(n, set()).update(frag.targets or TARGETS)
    entries: list[Entry] = []
    done: set[str] = set()
    for name in primitive_names:
        if name in done:
            continue
        done.add(name)
        frag = providers.get(name)
        if frag is None:
            others = sorted(elsewhere.get(name, ()), key=TARGETS.index)
            reason = (f"provided only for {', '.join(others)}" if others
                      else "no runtime fragment provides it")
            entries.append(Entry(name, MISSING, reason))
            continue
        if frag.unsupported is not None:
            entries.append(Entry(name, UNSUPPORTED, frag.unsupported))
            continue
        dep = _missing_dependency(frag, providers)
        if dep is not None:
            entries.append(Entry(name, MISSING, f"needs {dep}, which no runtime fragment provides"))
        else:
            entries.append(Entry(name, IMPLEMENTED))
    return entries


LIBRARIES = ("str", "unix")


def referenced_primitives(exe: ExeFile) -> list[str]:
    """The primitives the program's code calls (C_CALL instructions), in first-use order."""
    prims = exe.primitives()
    out: dict[str, None] = {}
    for ins in decode_all(exe.code_words(), opcode_names(exe.is_ocaml5)).values():
        if ins.op.startswith("C_CALL"):
            p = ins.args[-1]
            if 0 <= p < len(prims):
                out.setdefault(prims[p])
    return list(out)


def _ocaml(ocamlc: str, *args: str, cwd: Path | None = None) -> str:
    try:
        proc = subprocess.run([ocamlc, *args], cwd=cwd, capture_output=True, text=True)
    except FileNotFoundError:
        raise CompileError(f"{ocamlc} not found: install OCaml (Debian: apt-get install ocaml-nox)") from None
    if proc.returncode != 0:
        raise CompileError(f"{ocamlc} {' '.join(args)} failed: {proc.stderr.strip()}")
    return proc.stdout


def stdlib_modules(stdlib: Path) -> list[str]:
    """Every module of the standard library, as OCaml module paths."""
    mods = []
    for cmi in sorted(stdlib.glob("*.cmi")):
        m = re.fullmatch(r"stdlib__(\w+)\.cmi", cmi.name)
        if m:
            mods.append(f"Stdlib.{m.group(1)}")
        elif cmi.name.startswith("camlinternal"):
            mods.append(cmi.stem[0].upper() + cmi.stem[1:])
    return mods


def stdlib_primitives(ocamlc: str = "ocamlc") -> tuple[list[str], str]:
    """The PRIM section of a program linking the whole standard library, Str and
    Unix with `ocamlc` (ocamlrun's primitive table plus the libraries'), and the
    compiler's version."""
    version = _ocaml(ocamlc, "-version").strip()
    stdlib = Path(_ocaml(ocamlc, "-where").strip())
    mods = stdlib_modules(stdlib)
    lines = ["(* every module of the standard library, plus Str and Unix *)",
             "module type EMPTY = sig end"]
    for i, m in enumerate(mods + ["Str", "Unix"]):
        lines.append(f"let _m{i} = Obj.repr (module {m} : EMPTY)")
    flags: list[str] = []
    for lib in LIBRARIES:
        flags += ["-I", f"+{lib}", f"{lib}.cma"]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "all.ml").write_text("\n".join(lines) + "\n")
        _ocaml(ocamlc, "-w", "-a", "-linkall", *flags, "all.ml", "-o", "all.byte", cwd=work)
        return read_exe(work / "all.byte").primitives(), version
