"""The compiler's Python API (used by the command line and the LSP server)."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .bytecode.debug_info import Location
from .bytecode.exe_file import ExeFile, parse_exe, read_exe
from .bytecode.image import exe_image
from .errors import CompileError, read_input
from .ir.builder import build_program
from .linker.fragments import TARGETS
from .lua.emit import emit_program
from .passes.simplify import simplify_program
from .progress import Progress
from .sourcemap import SourceMap


@dataclass
class CompileResult:
    lua: str
    target: str
    missing_primitives: dict[str, Location | None] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    source_map: SourceMap | None = None

    def with_source_map(self, lua_path: str, source_dirs: list[str] | None = None) -> tuple[str, str]:
        """The Lua text linked to its map (`LUA_PATH.map`) and the map's JSON.

        Sources found in `source_dirs` (relative file names from the debug info)
        are embedded as sourcesContent."""
        assert self.source_map is not None
        name = Path(lua_path).name
        self.source_map.file = name
        for src in {m.source for m in self.source_map.mappings}:
            for d in source_dirs or []:
                f = Path(d) / src
                if f.is_file():
                    try:
                        self.source_map.sources_content[src] = f.read_text(encoding="utf-8")
                    except (OSError, UnicodeDecodeError):
                        pass
                    break
        lua = self.lua.rstrip("\n") + f"\n--# sourceMappingURL={name}.map\n"
        return lua, self.source_map.to_json()

    def missing_report(self) -> list[str]:
        """Warnings for the user: missing primitives, constants that do not fit."""
        out = list(self.warnings)
        for name, loc in self.missing_primitives.items():
            where = f" (used at {loc})" if loc else ""
            out.append(f"primitive {name} is not implemented{where}")
        return out


def _with_deep_stack(fn, *args):
    """Run `fn` in a thread with a large stack: the passes recurse along the dominator
    tree, which is as deep as the longest chain of blocks in a function."""
    import sys
    import threading
    result: list = []
    error: list[BaseException] = []

    def body() -> None:
        try:
            result.append(fn(*args))
        except BaseException as e:  # re-raised in the caller's thread
            error.append(e)

    old_size = threading.stack_size()
    old_limit = sys.getrecursionlimit()
    threading.stack_size(512 * 1024 * 1024)
    sys.setrecursionlimit(max(old_limit, 200000))
    try:
        t = threading.Thread(target=body, name="lua_of_ocaml-compile")
        t.start()
        t.join()
    finally:
        threading.stack_size(old_size)
        sys.setrecursionlimit(old_limit)
    if error:
        raise error[0]
    return result[0]


def compile_exe(exe: ExeFile, target: str = "luajit", extra_runtime: list[str] | None = None,
                strict: bool = False, module: bool = False,
                progress: Progress | None = None, minify: bool = False) -> CompileResult:
    """Compile a bytecode executable. With `module`, the chunk returns the program's
    exports table (`Lua.export`) instead of running as a script (`--module`).
    `progress` hears how far the work is (see `lua_of_ocaml.progress`)."""
    result = _with_deep_stack(_compile_targets, exe, [target], extra_runtime, module, progress,
                              minify)[target]
    if strict and result.missing_primitives:
        raise CompileError("; ".join(f"primitive {n} is not implemented"
                                     for n in result.missing_primitives))
    return result


def compile_exe_targets(exe: ExeFile, targets: list[str],
                        extra_runtime: list[str] | None = None,
                        module: bool = False,
                        progress: Progress | None = None,
                        minify: bool = False) -> dict[str, CompileResult]:
    """Compile for several targets, building the IR once."""
    return _with_deep_stack(_compile_targets, exe, list(targets), extra_runtime, module, progress,
                            minify)


def _compile_targets(exe: ExeFile, targets: list[str], extra_runtime: list[str] | None,
                     module: bool, progress: Progress | None,
                     minify: bool = False) -> dict[str, CompileResult]:
    for t in targets:
        if t not in TARGETS:
            raise CompileError(f"unknown target {t!r} (choose one of {', '.join(TARGETS)})")
    try:
        prog = build_program(exe_image(exe, progress), progress)
    except RecursionError:
        raise CompileError(f"{exe.path}: program too deeply nested to compile") from None
    if progress is not None:
        progress("optimising", 0, 1)
    simplify_program(prog)
    if progress is not None:
        progress("optimising", 1, 1)
    out = {}
    for t in targets:
        chunk = emit_program(prog, t, extra_runtime, module=module, progress=progress, minify=minify)
        out[t] = CompileResult(chunk.lua, t, chunk.missing, list(prog.warnings), chunk.source_map)
    return out


def compile_file(path: str | os.PathLike, target: str = "luajit",
                 extra_runtime: list[str] | None = None, strict: bool = False,
                 module: bool = False, progress: Progress | None = None,
                 minify: bool = False) -> CompileResult:
    return compile_exe(read_exe(path), target, extra_runtime, strict, module, progress, minify)


def compile_bytes(data: bytes, target: str = "luajit", name: str = "<bytes>",
                  extra_runtime: list[str] | None = None, module: bool = False) -> CompileResult:
    return compile_exe(parse_exe(data, name), target, extra_runtime, module=module)


def write_atomically(path: str | os.PathLike, text: str) -> None:
    """Write via a temporary file and rename, so a failure never leaves half a file."""
    p = Path(path)
    d = p.parent if str(p.parent) else Path(".")
    if not d.is_dir():
        raise CompileError(f"{path}: directory {d} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", dir=d)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        try:
            mode = p.stat().st_mode & 0o777
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, p)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


# --- separate compilation (linker/units.py) ---------------------------------------


def compile_object_file(path: str | os.PathLike, target: str = "luajit") -> str:
    """The text of the Lua units of a .cmo or .cma (what `lua_of_ocaml link` reads)."""
    from .linker.units import object_units, units_text
    _check_target(target)
    return units_text(object_units(read_input(path, "bytecode object file"), str(path), target))


def standard_library_objects(ocamlc: str = "ocamlc") -> tuple[str, str]:
    """stdlib.cma and std_exit.cmo of `ocamlc`, which every program links."""
    import subprocess
    try:
        where = subprocess.run([ocamlc, "-where"], capture_output=True, text=True,
                               check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError) as e:
        raise CompileError(f"{ocamlc}: cannot run it to find the standard library ({e})") from None
    return str(Path(where) / "stdlib.cma"), str(Path(where) / "std_exit.cmo")


def link_files(inputs: list[str], target: str = "luajit", stdlib: bool = True,
               ocamlc: str = "ocamlc", extra_runtime: list[str] | None = None,
               module: bool = False, minify: bool = False) -> CompileResult:
    """Link Lua units (files written by `compile X.cmo`), or .cmo/.cma files compiled
    on the way (and cached), into one program. With `stdlib`, the standard library
    of `ocamlc` comes first and Std_exit last, as ocamlc links them."""
    from .bytecode.object_file import is_object_file
    from .linker.units import link_units, object_units, parse_units, select_units
    _check_target(target)
    files = list(inputs)
    if stdlib:
        cma, std_exit = standard_library_objects(ocamlc)
        where = Path(cma).parent
        # libraries of the distribution by name, as ocamlc finds them (str.cma, +unix/unix.cma)
        files = [next((str(c) for c in (where / f, where / Path(f).stem / f) if c.is_file()), f)
                 if not Path(f).exists() and "/" not in f and f.endswith((".cma", ".cmo")) else f
                 for f in files]
        given = {Path(f).resolve() for f in files if Path(f).exists()}
        files = [*(f for f in (cma,) if Path(f).resolve() not in given), *files,
                 *(f for f in (std_exit,) if Path(f).resolve() not in given)]
    units = []
    for f in files:
        data = read_input(f, "bytecode object or Lua unit file")
        if is_object_file(data):
            units += object_units(data, f, target)
        else:
            units += parse_units(data.decode("utf-8", "surrogateescape"), f)
    chosen = select_units(units)
    chunk = link_units(chosen, target, extra_runtime, module, minify)
    warnings = [w for u in chosen for w in u.warnings]
    return CompileResult(chunk.lua, target, chunk.missing, warnings, chunk.source_map)


def _check_target(target: str) -> None:
    if target not in TARGETS:
        raise CompileError(f"unknown target {target!r} (choose one of {', '.join(TARGETS)})")
