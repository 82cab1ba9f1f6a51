"""Build OCaml sources into a bytecode executable with ocamlc.

Shared by the command line (`lua_of_ocaml run prog.ml`) and the language server, so
that both build the same way: objects go to a private folder (nothing is written
beside the user's sources), several files are ordered by `ocamldep -sort`, and
ocamlc's messages are returned whole for the caller to print or parse.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .errors import CompileError

# Called with each started ocamlc/ocamldep process, so that a caller (the language
# server) can kill a build that a newer request made useless.
ProcessHook = Callable[[subprocess.Popen], None]


@dataclass
class BuildResult:
    exe: str | None
    """The bytecode executable, or None when ocamlc failed."""
    messages: str = ""
    """Everything ocamlc printed (errors and warnings), in order."""
    commands: list[list[str]] = field(default_factory=list)
    link_inputs: list[str] = field(default_factory=list)
    """What the link took, in order: libraries (.cma/.cmo) and the compiled sources,
    for `api.link_files` (separate compilation); empty when other link flags were
    given, whose effect only ocamlc knows."""

    @property
    def ok(self) -> bool:
        return self.exe is not None


def find_ocamlc(ocamlc: str = "ocamlc") -> str:
    path = shutil.which(ocamlc)
    if path is None:
        raise CompileError(f"{ocamlc} not found: install OCaml (Debian: apt-get install ocaml-nox)")
    return path


def _run(cmd: list[str], hook: ProcessHook | None, cwd: str | None = None,
         own_group: bool = False) -> tuple[int, str, str]:
    # own_group: the process leads its own process group, so that killing the group also
    # stops what it started (dune runs ocamlc and the project's rules)
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            errors="replace", cwd=cwd, stdin=subprocess.DEVNULL,
                            start_new_session=own_group)
    if hook is not None:
        hook(proc)
    out, err = proc.communicate()
    return proc.returncode, out, err


def dependency_order(sources: list[str], ocamlc: str = "ocamlc",
                     hook: ProcessHook | None = None) -> list[str]:
    """Sources sorted so that each comes after the modules it uses."""
    if len(sources) <= 1:
        return list(sources)
    ocamldep = str(Path(find_ocamlc(ocamlc)).with_name("ocamldep"))
    if not Path(ocamldep).exists():
        ocamldep = shutil.which("ocamldep") or "ocamldep"
    code, out, err = _run([ocamldep, "-sort", *sources], hook)
    if code != 0:
        raise CompileError(f"ocamldep failed: {err.strip().splitlines()[-1] if err.strip() else code}")
    order = out.split()
    known = set(sources)
    return [s for s in order if s in known] + [s for s in sources if s not in set(order)]


def module_uses(sources: list[str], ocamlc: str = "ocamlc",
                hook: ProcessHook | None = None) -> dict[str, set[str]]:
    """The modules each source refers to (`ocamldep -modules`)."""
    ocamldep = str(Path(find_ocamlc(ocamlc)).with_name("ocamldep"))
    if not Path(ocamldep).exists():
        ocamldep = shutil.which("ocamldep") or "ocamldep"
    code, out, _ = _run([ocamldep, "-modules", *sources], hook)
    uses: dict[str, set[str]] = {}
    if code == 0:
        for line in out.splitlines():
            name, _, mods = line.rpartition(":")
            uses[name.strip()] = set(mods.split())
    return uses


def build_executable(sources: list[str], workdir: str, *, flags: list[str] | None = None,
                     link_flags: list[str] | None = None, ocamlc: str = "ocamlc",
                     output: str = "program.byte", hook: ProcessHook | None = None,
                     with_lua: bool = False, keep_going: bool = False) -> BuildResult:
    """Compile `sources` (.ml, with their .mli when present) and link them with debug info.

    `flags` go to every ocamlc call, `link_flags` (libraries such as str.cma) to the
    link only. `with_lua` makes the tool's OCaml library (`Lua`, `Nvim`, `Vim`)
    available and links with -no-check-prims, since its primitives (and those of
    user Lua files) exist only in the Lua runtime. `keep_going` compiles, after a
    failure, the files that do not depend on the failed ones (an editor wants every
    file's errors at once). Returns ocamlc's messages whether or not the build
    succeeded."""
    ocamlc = find_ocamlc(ocamlc)
    flags = list(flags or [])
    if with_lua:
        from .ocaml_lib import ARCHIVE, library_dir
        lib = library_dir(ocamlc, hook)
        flags = ["-I", str(lib), *flags]
        link_flags = ["-no-check-prims", str(lib / ARCHIVE), *(link_flags or [])]
    wd = Path(workdir)
    result = BuildResult(None)
    objects: list[str] = []
    messages: list[str] = []
    order = dependency_order(sources, ocamlc, hook)
    failed: set[str] = set()   # modules that failed, or use one that did (keep_going)
    uses: dict[str, set[str]] | None = None
    for src in order:
        stem = Path(src).stem
        module = stem[:1].upper() + stem[1:]
        if failed:
            if uses is None:
                uses = module_uses(order, ocamlc, hook)
            if uses.get(src, set()) & failed:
                failed.add(module)
                continue
        mli = Path(src).with_suffix(".mli")
        steps = []
        if mli.is_file():
            steps.append([ocamlc, "-g", "-I", str(wd), *flags, "-c", str(mli), "-o", str(wd / (stem + ".cmi"))])
        obj = str(wd / (stem + ".cmo"))
        steps.append([ocamlc, "-g", "-I", str(wd), *flags, "-c", src, "-o", obj])
        for cmd in steps:
            result.commands.append(cmd)
            code, out, err = _run(cmd, hook)
            messages.append(out + err)
            if code != 0:
                if not keep_going:
                    result.messages = "".join(messages)
                    return result
                failed.add(module)
                break
        else:
            objects.append(obj)
    if failed:
        result.messages = "".join(messages)
        return result
    exe = str(wd / output)
    cmd = [ocamlc, "-g", "-I", str(wd), *flags, *(link_flags or []), *objects, "-o", exe]
    result.commands.append(cmd)
    code, out, err = _run(cmd, hook)
    messages.append(out + err)
    result.messages = "".join(messages)
    if code == 0:
        result.exe = exe
        libs = [f for f in link_flags or [] if f != "-no-check-prims"]
        if all(f.endswith((".cma", ".cmo")) for f in libs):
            result.link_inputs = [*libs, *objects]
    return result


def build_dune(root: str, target: str, *, dune: str = "dune",
               hook: ProcessHook | None = None) -> BuildResult:
    """`dune build TARGET` in a dune project (TARGET such as `bin/main.bc`).

    This runs the project's rules and ppx rewriters: callers decide whether the
    project is trusted. Messages name files relative to `root`; the executable
    is `_build/default/TARGET`."""
    path = shutil.which(dune)
    if path is None:
        raise CompileError(f"{dune} not found: install dune (Debian: apt-get install dune)")
    cmd = [path, "build", "--root", root, "--no-print-directory", target]
    code, out, err = _run(cmd, hook, cwd=root, own_group=True)
    result = BuildResult(None, out + err, [cmd])
    exe = Path(root) / "_build" / "default" / target
    if code == 0 and exe.is_file():
        result.exe = str(exe)
    return result
