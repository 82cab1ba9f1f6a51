"""The OCaml library shipped with the tool (runtime/ocaml: `Lua`, `Nvim`, `Vim`).

Programs link it as `lua_of_ocaml.cma`. It is compiled on first use by the ocamlc
that builds the program and cached per user, keyed by that compiler (version and
standard library) and by the library's sources, so that every project and clone
shares one build and a changed library or compiler gets a fresh one. Concurrent
builds are safe: a lock file serialises them and the finished folder appears by
an atomic rename, so a reader never sees half a library.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Callable

from .cache import cache_root
from .errors import CompileError

ARCHIVE = "lua_of_ocaml.cma"
# Link order: each module only uses the ones before it.
MODULES = ("lua", "nvim", "vim")
# Bump when the way the library is built changes (flags, layout).
_FORMAT = "1"


def sources_dir() -> Path:
    """runtime/ocaml of the source tree (editable installs and the repository)."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        cand = parent / "runtime" / "ocaml"
        if (cand / "lua.ml").is_file():
            return cand
    raise CompileError("cannot find the OCaml library sources (runtime/ocaml)")


def source_files() -> list[Path]:
    """The library's files in compilation order (each .mli before its .ml)."""
    d = sources_dir()
    files: list[Path] = []
    for m in MODULES:
        for ext in (".mli", ".ml"):
            f = d / (m + ext)
            if f.is_file():
                files.append(f)
    return files


def _compiler_identity(ocamlc: str) -> tuple[str, str]:
    """ocamlc's version and standard library folder: .cmi files are only valid for
    the compiler (and standard library) that wrote them."""
    try:
        version = subprocess.run([ocamlc, "-version"], capture_output=True, text=True,
                                 check=True).stdout.strip()
        where = subprocess.run([ocamlc, "-where"], capture_output=True, text=True,
                               check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError) as e:
        raise CompileError(f"{ocamlc}: cannot run it ({e})") from None
    return version, where


def library_key(ocamlc: str) -> str:
    version, where = _compiler_identity(ocamlc)
    h = hashlib.sha256()
    h.update(f"{_FORMAT}\0{version}\0{where}\0".encode())
    for f in source_files():
        h.update(f.name.encode() + b"\0")
        h.update(f.read_bytes())
    return f"{version}-{h.hexdigest()[:16]}"


def library_dir(ocamlc: str = "ocamlc",
                hook: Callable[[subprocess.Popen], None] | None = None) -> Path:
    """The folder holding lua_of_ocaml.cma and the .cmi files, built if needed."""
    from .build import find_ocamlc
    ocamlc = find_ocamlc(ocamlc)
    root = cache_root() / "lib"
    final = root / library_key(ocamlc)
    if (final / ARCHIVE).is_file():
        return final
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise CompileError(f"cannot create the cache folder {root}: {e.strerror}") from None
    try:
        with _locked(root / (final.name + ".lock")):
            if not (final / ARCHIVE).is_file():
                _build(ocamlc, root, final, hook)
    except OSError as e:
        raise CompileError(f"cannot build the OCaml library in {root}: {e.strerror or e}") from None
    return final


class _locked:
    """An exclusive lock on a file (no-op where fcntl is missing), so that parallel
    builds of one library wait for the first instead of repeating it."""

    def __init__(self, path: Path):
        self.path = path
        self.f = None

    def __enter__(self) -> "_locked":
        try:
            import fcntl
        except ImportError:  # pragma: no cover - not POSIX
            return self
        self.f = open(self.path, "w")
        fcntl.flock(self.f, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc: object) -> bool:
        if self.f is not None:
            self.f.close()  # closing releases the lock
        return False


def _build(ocamlc: str, root: Path, final: Path,
           hook: Callable[[subprocess.Popen], None] | None) -> None:
    tmp = Path(tempfile.mkdtemp(prefix=".build-", dir=root))
    try:
        for f in source_files():
            shutil.copy(f, tmp / f.name)
        cmos = []
        steps = []
        for m in MODULES:
            if not (tmp / (m + ".ml")).is_file():
                continue
            if (tmp / (m + ".mli")).is_file():
                steps.append([ocamlc, "-g", "-c", m + ".mli"])
            steps.append([ocamlc, "-g", "-c", m + ".ml"])
            cmos.append(m + ".cmo")
        steps.append([ocamlc, "-g", "-a", "-o", ARCHIVE, *cmos])
        for cmd in steps:
            proc = subprocess.Popen(cmd, cwd=tmp, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                    stdin=subprocess.DEVNULL, text=True, errors="replace")
            if hook is not None:
                hook(proc)
            out, _ = proc.communicate()
            if proc.returncode != 0:
                lines = out.strip().splitlines()
                detail = lines[-1] if lines else f"exit code {proc.returncode}"
                raise CompileError(f"cannot build the OCaml library with {ocamlc} "
                                   f"({' '.join(cmd[1:])}): {detail}")
        try:
            os.rename(tmp, final)
        except OSError:
            if not (final / ARCHIVE).is_file():
                raise
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def write_sources(targets: list[str]) -> None:
    """Write library files to the given paths, chosen by file name (`lua.ml`,
    `vim.mli`, ...): what a dune rule calls to get the library into a project."""
    from .api import write_atomically
    known = {f.name: f for f in source_files()}
    for t in targets:
        name = Path(t).name
        src = known.get(name)
        if src is None:
            raise CompileError(f"{t}: not a file of the OCaml library "
                               f"(one of {', '.join(sorted(known))})")
        write_atomically(t, src.read_text(encoding="utf-8"))


def dune_stanzas(name: str = "lua_of_ocaml") -> str:
    """A dune file that makes the library part of a dune project."""
    files = " ".join(f.name for f in source_files())
    return (f"; The OCaml library of lua_of_ocaml (Lua interop, Neovim API), copied from\n"
            f"; the installed tool at each build.\n"
            f"(rule\n (targets {files})\n (deps (universe))\n"
            f" (action (run lua_of_ocaml lib --write %{{targets}})))\n\n"
            f"(library\n (name {name})\n (wrapped false)\n (modes byte)\n"
            f" (flags (:standard -w -a)))\n")
