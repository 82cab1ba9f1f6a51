"""One check of a project: build the bytecode, compile it to Lua, load-check the Lua.

Runs in a worker thread, never on the event loop. Builds run one at a time:
the compiler changes process-wide state (recursion limit, thread stack size)
while it works, and the machine's cores are better spent finishing one build
than interleaving several. A build made useless by a newer save is stopped at
the next stage boundary, and its ocamlc or dune process is killed at once
through the cancellation token.
"""

from __future__ import annotations

import gc
import hashlib
import inspect
import os
import re
import signal
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from lsprotocol import types as lsp

from lua_of_ocaml.api import CompileResult, compile_exe_targets, link_files
from lua_of_ocaml.build import BuildResult, build_dune, build_executable
from lua_of_ocaml.bytecode.exe_file import read_exe
from lua_of_ocaml.errors import CompileError

from . import diagnostics as dg
from .lua_load import chunk_diagnostics, runtime_file_diagnostics
from .lua_view import LuaIndex
from .ocaml_messages import parse_messages
from .project import Project, executable_for
from .settings import Settings

Progress = Callable[[str, int], None]
_BUILD_OPTIONS = set(inspect.signature(build_executable).parameters)
_RUNTIME_ERROR = re.compile(r"^(?P<file>[^:\n]+\.lua):(?P<line>\d+): (?P<msg>.*)$", re.S)


class Cancelled(Exception):
    """The build was made useless by a newer one."""


class CancelToken:
    """Shared between the event loop (which cancels) and the build thread."""

    def __init__(self) -> None:
        self._cancelled = threading.Event()
        self._lock = threading.Lock()
        self._procs: list[subprocess.Popen] = []

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def check(self) -> None:
        if self._cancelled.is_set():
            raise Cancelled()

    def register(self, proc: subprocess.Popen) -> None:
        """ProcessHook for lua_of_ocaml.build: remember the process to kill it."""
        with self._lock:
            self._procs.append(proc)
            late = self._cancelled.is_set()
        if late:
            kill_process(proc)

    def cancel(self) -> None:
        with self._lock:
            self._cancelled.set()
            procs = list(self._procs)
        for p in procs:
            kill_process(p)


def kill_process(proc: subprocess.Popen) -> None:
    """Kill a process, and its whole group when it leads one (dune and its children)."""
    if proc.poll() is not None:
        return
    try:
        if os.getpgid(proc.pid) == proc.pid:
            os.killpg(proc.pid, signal.SIGKILL)
        else:
            proc.kill()
    except (ProcessLookupError, PermissionError, OSError):
        pass


@dataclass
class BuildRequest:
    project: Project
    trigger: Path                       # the file whose open or save asked for the check
    settings: Settings
    encoding: str = "utf-16"
    overrides: dict[Path, str] = field(default_factory=dict)   # open documents' text


@dataclass
class BuildOutcome:
    diagnostics: dg.DiagnosticMap
    base: Path                                        # where relative file names resolve
    sources: list[Path] = field(default_factory=list)   # the project's OCaml files
    results: dict[str, CompileResult] = field(default_factory=dict)
    target: str = "luajit"
    index: LuaIndex | None = None
    exe: str | None = None
    digest: str | None = None
    notes: list[str] = field(default_factory=list)      # for window/showMessage
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def main(self) -> CompileResult | None:
        return self.results.get(self.target)


_build_lock = threading.Lock()


class Builder:
    """Builds for one server; objects of each project live in a private folder."""

    def __init__(self, workroot: Path):
        self.workroot = workroot
        self._cache: dict[str, tuple[tuple, dict[str, CompileResult], LuaIndex | None]] = {}

    def workdir(self, project: Project) -> Path:
        d = self.workroot / hashlib.sha1(project.key.encode()).hexdigest()[:16]
        d.mkdir(parents=True, exist_ok=True)
        return d

    def build(self, req: BuildRequest, token: CancelToken, progress: Progress) -> BuildOutcome:
        with _build_lock:
            token.check()
            # The compiler allocates millions of short-lived objects: collecting
            # cycles while it runs costs up to a third of the compile time, so the
            # collector waits (the server collects once the results are published).
            gc.disable()
            try:
                return self._build(req, token, progress)
            finally:
                gc.enable()

    # --- stages ---------------------------------------------------------------
    def _build(self, req: BuildRequest, token: CancelToken, progress: Progress) -> BuildOutcome:
        texts = dg.Texts(req.encoding, req.overrides)
        s = req.settings
        t0 = time.perf_counter()
        progress("building bytecode", 0)
        if req.project.kind == "dune":
            out, built = self._dune(req, texts, token)
        else:
            out, built = self._ocamlc(req, texts, token)
        out.timings["bytecode"] = time.perf_counter() - t0
        if built is None or built.exe is None:
            return out
        token.check()
        out.exe = built.exe
        progress("compiling to Lua", 30)
        t1 = time.perf_counter()
        runtime = [str(p) for p in self._runtime_files(req, out)]
        try:
            data = Path(built.exe).read_bytes()
            out.digest = hashlib.sha256(data).hexdigest()
            key = (out.digest, tuple(s.targets), s.module, tuple((f, _mtime(f)) for f in runtime))
            cached = self._cache.get(req.project.key)
            if cached is not None and cached[0] == key:
                out.results, out.index = cached[1], cached[2]
            else:
                out.results = self._compile(built, s, runtime)
                main = out.results[s.target]
                out.index = LuaIndex(main.lua, main.source_map, out.base)
                self._cache[req.project.key] = (key, out.results, out.index)
        except CompileError as e:
            out.diagnostics = dg.merge(out.diagnostics, self._compile_error(str(e), req, texts))
            return out
        except RecursionError:
            out.diagnostics = dg.merge(out.diagnostics, dg.simple(
                req.trigger, texts, "lua_of_ocaml: program too deeply nested to compile", code="compile-error"))
            return out
        out.timings["compile"] = time.perf_counter() - t1
        token.check()
        progress("checking the Lua", 80)
        t2 = time.perf_counter()
        out.diagnostics = dg.merge(out.diagnostics, self._missing(out, req, texts))
        if out.main is not None:
            out.diagnostics = dg.merge(out.diagnostics, dg.compiler_warning_diagnostics(
                out.main.warnings, out.base, texts, req.trigger, set(out.sources)))
        for target, res in out.results.items():
            out.diagnostics = dg.merge(out.diagnostics, chunk_diagnostics(
                res.lua, res.source_map, target, out.base, texts, req.trigger))
        out.diagnostics = dg.merge(out.diagnostics, runtime_file_diagnostics(
            [Path(f) for f in runtime], s.targets, texts))
        out.timings["check"] = time.perf_counter() - t2
        return out

    @staticmethod
    def _compile(built: BuildResult, s, runtime: list[str]) -> dict[str, CompileResult]:
        """Separate compilation when the link is made of objects only: the standard
        library's units come from the cache and only the project's units are compiled
        again after an edit. Otherwise (dune, unusual link flags) the whole program."""
        if built.link_inputs:
            return {t: link_files(built.link_inputs, t, ocamlc=s.ocamlc, extra_runtime=runtime,
                                  module=s.module) for t in s.targets}
        return compile_exe_targets(read_exe(built.exe), s.targets, runtime, module=s.module)

    def _ocamlc(self, req: BuildRequest, texts: dg.Texts,
                token: CancelToken) -> tuple[BuildOutcome, BuildResult | None]:
        project, s = req.project, req.settings
        sources = project.sources()
        out = BuildOutcome({}, project.root, sources + [p.with_suffix(".mli") for p in sources
                                                        if p.with_suffix(".mli").is_file()], target=s.target)
        if not sources:
            return out, None
        options: dict = {"keep_going": True}
        link_flags = list(s.linkFlags)
        if "with_lua" in _BUILD_OPTIONS:
            options["with_lua"] = True   # the Lua and Neovim libraries, -no-check-prims
        else:
            link_flags.insert(0, "-no-check-prims")   # externals only the Lua runtime has
        try:
            built = build_executable([str(p) for p in sources], str(self.workdir(project)),
                                     flags=list(s.ocamlcFlags), link_flags=link_flags,
                                     ocamlc=s.ocamlc, hook=token.register, **options)
        except CompileError as e:
            out.diagnostics = dg.simple(req.trigger, texts, f"lua_of_ocaml: {e}", code="build-error")
            return out, None
        token.check()
        out.diagnostics = dg.ocaml_diagnostics(parse_messages(built.messages), project.root, texts,
                                               req.trigger, "ocamlc")
        return out, built

    def _dune(self, req: BuildRequest, texts: dg.Texts,
              token: CancelToken) -> tuple[BuildOutcome, BuildResult | None]:
        project, s = req.project, req.settings
        out = BuildOutcome({}, project.root, _tree_sources(project.root), target=s.target)
        if not s.trustedWorkspace:
            out.diagnostics = dg.simple(
                req.trigger, texts,
                "this file is part of a dune project: building it runs the project's rules and ppx "
                "rewriters, so lua_of_ocaml builds dune projects only in a trusted workspace "
                "(setting lua_of_ocaml.trustedWorkspace = true)",
                code="dune-untrusted", severity=lsp.DiagnosticSeverity.Information)
            return out, None
        exes = project.dune_executables()
        exe = executable_for(req.trigger, exes)
        if exe is None:
            out.diagnostics = dg.simple(
                req.trigger, texts, "no dune executable in this project: lua_of_ocaml compiles the "
                "bytecode of an (executable (name ...) (modes byte))", code="dune-no-bytecode",
                severity=lsp.DiagnosticSeverity.Information)
            return out, None
        if not exe.builds_bytecode:
            out.diagnostics = dg.simple(
                exe.dune_file, texts, f"executable {exe.name}: add (modes byte) so that dune builds "
                f"the bytecode lua_of_ocaml compiles", line=exe.line, code="dune-no-bytecode",
                severity=lsp.DiagnosticSeverity.Information)
            return out, None
        try:
            built = build_dune(str(project.root), exe.bytecode_target(project.root), dune=s.dune,
                               hook=token.register)
        except CompileError as e:
            out.diagnostics = dg.simple(req.trigger, texts, f"lua_of_ocaml: {e}", code="build-error")
            return out, None
        token.check()
        out.diagnostics = dg.ocaml_diagnostics(parse_messages(built.messages), project.root, texts,
                                               req.trigger, "dune")
        return out, built

    def _runtime_files(self, req: BuildRequest, out: BuildOutcome) -> list[Path]:
        files = []
        for f in req.settings.runtimeFiles:
            p = Path(os.path.expanduser(f))
            p = p if p.is_absolute() else req.project.root / p
            if p.is_file():
                files.append(p.resolve())
            else:
                out.notes.append(f"runtime file {f} not found (looked for {p})")
        return files

    def _compile_error(self, message: str, req: BuildRequest, texts: dg.Texts) -> dg.DiagnosticMap:
        # problems in a runtime file come as "FILE.lua:LINE: message"
        m = _RUNTIME_ERROR.match(message)
        if m and Path(m.group("file")).is_file():
            return dg.simple(Path(m.group("file")).resolve(), texts, m.group("msg"),
                             line=int(m.group("line")), code="runtime-file")
        return dg.simple(req.trigger, texts, f"lua_of_ocaml: {message}", code="compile-error")

    def _missing(self, out: BuildOutcome, req: BuildRequest, texts: dg.Texts) -> dg.DiagnosticMap:
        res = out.main
        if res is None or not res.missing_primitives:
            return {}
        return dg.missing_primitive_diagnostics(res.missing_primitives, out.sources, out.base, texts,
                                                req.trigger, res.target)


def _mtime(path: str) -> float:
    try:
        return os.stat(path).st_mtime
    except OSError:
        return 0.0


def _tree_sources(root: Path, limit: int = 2000) -> list[Path]:
    """The OCaml files of a dune project (build folders skipped)."""
    out: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith((".", "_"))]
        for f in filenames:
            if f.endswith((".ml", ".mli")):
                out.append((Path(dirpath) / f).resolve())
                if len(out) >= limit:
                    return out
    return out
