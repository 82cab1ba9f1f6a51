"""Which program a source file belongs to.

- In a dune project (a `dune-project` or `dune-workspace` file above the source,
  within the workspace folder), the program is built by dune from the project
  root: the executables of the dune files.
- Otherwise the program is every `.ml` file of the source's folder, linked in
  dependency order (a single file is the one-file case of this).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .dune_files import DuneExecutable, project_executables

OCAML_SUFFIXES = (".ml", ".mli")


@dataclass(frozen=True)
class Project:
    kind: str    # "files" or "dune"
    root: Path   # the folder of the sources, or the dune project root

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.root}"

    def sources(self) -> list[Path]:
        """The .ml files of a folder project, in a stable order."""
        if self.kind != "files":
            return []
        try:
            entries = list(self.root.iterdir())
        except OSError:
            return []
        return sorted(p for p in entries if p.suffix == ".ml" and p.is_file()
                      and not p.name.startswith((".", "#")))

    def dune_executables(self) -> list[DuneExecutable]:
        return project_executables(self.root) if self.kind == "dune" else []

    def contains(self, path: Path) -> bool:
        if self.kind == "files":
            return path.parent == self.root
        return path == self.root or self.root in path.parents


def is_ocaml_source(path: Path) -> bool:
    return path.suffix in OCAML_SUFFIXES


def find_project(path: Path, workspace_roots: list[Path] | None = None) -> Project:
    """The project of an OCaml source file (the file need not exist)."""
    path = path.resolve()
    bound = None
    for root in workspace_roots or []:
        root = root.resolve()
        if (root == path or root in path.parents) and (bound is None or bound in root.parents):
            bound = root
    dune_root = None
    for d in path.parents:
        if (d / "dune-project").is_file() or (d / "dune-workspace").is_file():
            dune_root = d
            if bound is None:
                break   # outside the workspace: the nearest project, don't wander up
        if bound is not None and d == bound:
            break
    if dune_root is not None:
        return Project("dune", dune_root)
    return Project("files", path.parent)


def executable_for(path: Path, executables: list[DuneExecutable]) -> DuneExecutable | None:
    """The executable a source belongs to: the one declared in its folder or the
    nearest folder above it; else the first executable of the project."""
    path = path.resolve()
    best: DuneExecutable | None = None
    for exe in executables:
        if exe.directory == path.parent or exe.directory in path.parents:
            if best is None or best.directory in exe.directory.parents:
                best = exe
    if best is None and executables:
        best = executables[0]
    return best
