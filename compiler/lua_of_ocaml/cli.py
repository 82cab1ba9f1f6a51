"""Command line: `lua_of_ocaml compile|link|run|lib|dis|primitives`."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from . import __version__
from .errors import CompileError
from .linker.fragments import TARGETS


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="lua_of_ocaml", description="Compile OCaml bytecode to Lua.")
    p.add_argument("--version", action="version", version=f"lua_of_ocaml {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    c = sub.add_parser("compile", help="compile a bytecode executable (or OCaml sources) to a Lua "
                                       "file, or a .cmo/.cma to Lua units for `link`",
                       usage="lua_of_ocaml compile (PROGRAM | SOURCE.ml ... | UNIT.cmo | LIB.cma) "
                             "[EXTRA.lua ...] [-o OUT] [--module] [--target T]")
    c.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="a bytecode executable (ocamlc output) or .ml sources (built with ocamlc "
                        "and the OCaml library Lua/Nvim/Vim), then extra Lua runtime files "
                        "(--Provides/--Requires); or one .cmo/.cma, compiled on its own to Lua "
                        "units that `lua_of_ocaml link` joins")
    c.add_argument("-o", "--output", help="output Lua file (default: PROGRAM.lua)")
    c.add_argument("--module", action="store_true",
                   help="the chunk returns the program's exports table (require from Lua) "
                        "instead of running as a script")
    c.add_argument("--target", choices=TARGETS, default="luajit")
    c.add_argument("--strict", action="store_true", help="a missing primitive is an error")
    c.add_argument("--minify", action="store_true",
                   help="smaller output: no indentation, blank lines or comments")
    _add_build_options(c)
    c.add_argument("--source-map", action="store_true",
                   help="also write OUT.lua.map (Source Map v3) mapping Lua lines to OCaml sources")

    lk = sub.add_parser("link", help="link Lua units (from `compile X.cmo`/`X.cma`) into a program",
                        usage="lua_of_ocaml link UNITS... [-o OUT] [--target T] [--no-stdlib]")
    lk.add_argument("inputs", nargs="+", metavar="UNIT",
                    help="Lua unit files written by `compile X.cmo` or `compile X.cma`, or .cmo/.cma "
                         "files (compiled on the way and cached), in ocamlc's link order; "
                         "library names like str.cma are found in ocamlc's standard library folder")
    lk.add_argument("-o", "--output", required=True, help="output Lua file")
    lk.add_argument("--target", choices=TARGETS, default="luajit")
    lk.add_argument("--no-stdlib", action="store_true",
                    help="do not add the standard library (stdlib.cma first, std_exit.cmo last)")
    lk.add_argument("--ocamlc", default="ocamlc", help="the compiler whose standard library is linked")
    lk.add_argument("--runtime", action="append", default=[], help="extra Lua runtime file")
    lk.add_argument("--module", action="store_true",
                    help="the chunk returns the program's exports table instead of running as a script")
    lk.add_argument("--minify", action="store_true", help="smaller output")
    lk.add_argument("--strict", action="store_true", help="a missing primitive is an error")
    lk.add_argument("--source-map", action="store_true", help="also write OUT.lua.map")

    r = sub.add_parser("run", help="build (from .ml), compile and run in the embedded Lua",
                       usage="lua_of_ocaml run PROGRAM [--target T] [--runtime F.lua] [-- ARGS...]")
    r.add_argument("program", nargs="+", help="a bytecode executable, a Lua chunk, or .ml files")
    r.add_argument("--target", choices=TARGETS, default="luajit")
    r.add_argument("--runtime", action="append", default=[], help="extra Lua runtime file")
    _add_build_options(r)

    lb = sub.add_parser("lib", help="the OCaml library (Lua, Nvim, Vim): print the folder of its "
                                    "compiled files (lua_of_ocaml.cma, .cmi), built on first use")
    lb.add_argument("--flags", action="store_true",
                    help="print the ocamlc arguments that compile and link with it")
    lb.add_argument("--sources", action="store_true", help="print the folder of its sources")
    lb.add_argument("--dune", action="store_true",
                    help="print a dune file that adds the library to a dune project")
    lb.add_argument("--write", nargs="+", metavar="FILE",
                    help="write the library files named like FILE (lua.ml, ...) there (dune rules)")
    lb.add_argument("--ocamlc", default="ocamlc", help="the compiler to build it with")

    d = sub.add_parser("dis", help="disassemble a bytecode executable")
    d.add_argument("program")

    pr = sub.add_parser("primitives",
                        help="list the primitives a program (or the installed standard library) "
                             "uses, and whether the runtime implements them")
    pr.add_argument("program", nargs="?", help="bytecode executable (default: the whole stdlib)")
    pr.add_argument("--target", choices=TARGETS, default="luajit")
    pr.add_argument("--runtime", action="append", default=[], help="extra Lua runtime file")
    pr.add_argument("--ocamlc", default="ocamlc", help="compiler whose standard library is listed")
    return p


def _add_build_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("building .ml sources")
    g.add_argument("--ocamlc", default="ocamlc", help="the OCaml compiler to build with")
    g.add_argument("--ocamlc-flag", action="append", default=[], metavar="FLAG",
                   help="a flag for every ocamlc call (repeat: --ocamlc-flag=-open --ocamlc-flag=Printf)")
    g.add_argument("--link-flag", action="append", default=[], metavar="FLAG",
                   help="a flag or library for the link only (e.g. --link-flag=str.cma)")


def _build_ml(sources: list[str], workdir: str, args: argparse.Namespace) -> str:
    """Build .ml files into a bytecode executable, with the OCaml library."""
    from .build import build_executable
    for src in sources:
        if not Path(src).is_file():
            raise CompileError(f"{src}: no such file")
    res = build_executable(sources, workdir, with_lua=True, ocamlc=args.ocamlc,
                           flags=args.ocamlc_flag, link_flags=args.link_flag)
    sys.stderr.write(res.messages)  # errors and warnings, as ocamlc printed them
    if not res.ok:
        raise CompileError(f"{' '.join(sources)}: ocamlc failed")
    return res.exe


def _split_inputs(inputs: list[str]) -> tuple[list[str], str | None, list[str]]:
    """OCaml sources, the bytecode executable and Lua files among the inputs."""
    sources = [i for i in inputs if i.endswith(".ml")]
    lua = [i for i in inputs if i.endswith(".lua")]
    # an .mli is found beside its .ml: naming it is allowed but adds nothing
    others = [i for i in inputs if not i.endswith((".ml", ".mli", ".lua"))]
    if others and sources:
        raise CompileError(f"{others[0]}: give either a bytecode executable or .ml sources, not both")
    if len(others) > 1:
        raise CompileError(f"{others[1]}: only one bytecode executable can be compiled at a time")
    if not others and not sources:
        raise CompileError("no bytecode executable or .ml source given")
    return sources, (others[0] if others else None), lua


def _is_object(path: str) -> bool:
    from .bytecode.object_file import is_object_file
    try:
        with open(path, "rb") as f:
            return is_object_file(f.read(12))
    except OSError:
        return False  # reported when it is read


def _link_command(args) -> int:
    from .api import link_files
    out = args.output
    out_dir = Path(out).parent
    if not out_dir.is_dir():
        raise CompileError(f"{out}: directory {out_dir} does not exist")
    res = link_files(args.inputs, args.target, stdlib=not args.no_stdlib, ocamlc=args.ocamlc,
                     extra_runtime=args.runtime, module=args.module, minify=args.minify)
    if args.strict and res.missing_primitives:
        raise CompileError("; ".join(f"primitive {n} is not implemented" for n in res.missing_primitives))
    for line in res.missing_report():
        print(f"lua_of_ocaml: warning: {line}", file=sys.stderr)
    _write_result(res, out, args.source_map, args.inputs)
    return 0


def _write_result(res, out: str, source_map: bool, inputs: list[str]) -> None:
    """The Lua file, and with `source_map` its map (sources looked up beside the inputs)."""
    from .api import write_atomically
    if source_map:
        dirs = sorted({str(Path(f).parent) for f in inputs})
        lua, smap = res.with_source_map(out, [*dirs, "."])
        write_atomically(out + ".map", smap)
        write_atomically(out, lua)
    else:
        write_atomically(out, res.lua)


def _lib_command(args) -> int:
    from .ocaml_lib import ARCHIVE, dune_stanzas, library_dir, sources_dir, write_sources
    if args.write:
        write_sources(args.write)
    elif args.dune:
        sys.stdout.write(dune_stanzas())
    elif args.sources:
        print(sources_dir())
    else:
        lib = library_dir(args.ocamlc)
        if args.flags:
            print(f"-I {lib} -no-check-prims {lib / ARCHIVE}")
        else:
            print(lib)
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    program_args: list[str] = []
    if argv and argv[0] == "run" and "--" in argv:
        i = argv.index("--")
        argv, program_args = argv[:i], argv[i + 1:]
    args = _parser().parse_args(argv)
    try:
        if args.command == "compile":
            from .api import compile_file, write_atomically
            sources, program, extra = _split_inputs(args.inputs)
            first = program or sources[0]
            out = args.output or str(Path(first).with_suffix("")) + ".lua"
            out_dir = Path(out).parent
            if not out_dir.is_dir():
                raise CompileError(f"{out}: directory {out_dir} does not exist")
            if program and _is_object(program):
                from .api import compile_object_file
                if extra or sources:
                    raise CompileError(f"{program}: a .cmo/.cma is compiled alone (runtime files "
                                       "and other inputs go to `lua_of_ocaml link`)")
                write_atomically(out, compile_object_file(program, args.target))
                return 0
            from .progress import terminal_progress
            bar = terminal_progress()
            try:
                with tempfile.TemporaryDirectory() as tmp:
                    exe = program or _build_ml(sources, tmp, args)
                    res = compile_file(exe, args.target, extra, args.strict, module=args.module,
                                       progress=bar, minify=args.minify)
            finally:
                if bar is not None:
                    bar.finish()
            for line in res.missing_report():
                print(f"lua_of_ocaml: warning: {line}", file=sys.stderr)
            _write_result(res, out, args.source_map, sources or [first])
            return 0
        if args.command == "link":
            return _link_command(args)
        if args.command == "lib":
            return _lib_command(args)
        if args.command == "primitives":
            from .inventory import inventory, referenced_primitives, stdlib_primitives
            if args.program:
                from .bytecode.exe_file import read_exe
                names = referenced_primitives(read_exe(args.program))
            else:
                ocamlc = str(Path(args.ocamlc).resolve()) if "/" in args.ocamlc else args.ocamlc
                names, _ = stdlib_primitives(ocamlc)
            entries = inventory(names, args.target, args.runtime)
            width = max((len(e.name) for e in entries), default=10)
            counts: dict[str, int] = {}
            for e in sorted(entries, key=lambda e: (e.status != "missing", e.status, e.name)):
                counts[e.status] = counts.get(e.status, 0) + 1
                print(f"{e.name:<{width}}  {e.status:<11}  {e.reason}".rstrip())
            summary = ", ".join(f"{n} {s}" for s, n in sorted(counts.items()))
            print(f"{len(entries)} primitives ({args.target}): {summary}", file=sys.stderr)
            return 0
        if args.command == "dis":
            from .bytecode.disasm import disassemble
            from .bytecode.exe_file import read_exe
            disassemble(read_exe(args.program), sys.stdout)
            return 0
        if args.command == "run":
            from .api import compile_file
            from .runner import run_chunk
            rest = program_args
            name = args.program[0]
            if len(args.program) == 1 and name.endswith(".lua"):
                try:
                    source = Path(name).read_text(encoding="latin-1")
                except OSError as e:
                    raise CompileError(f"{name}: cannot read: {e.strerror}") from None
                sys.stdout.flush()
                return run_chunk(source, args.target, [name, *rest])
            sources, program, extra = _split_inputs(args.program)
            with tempfile.TemporaryDirectory() as tmp:
                prog = program or _build_ml(sources, tmp, args)
                res = compile_file(prog, args.target, [*extra, *args.runtime])
            for line in res.missing_report():
                print(f"lua_of_ocaml: warning: {line}", file=sys.stderr)
            sys.stdout.flush()
            return run_chunk(res.lua, args.target, [name, *rest])
    except CompileError as e:
        print(f"lua_of_ocaml: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
