"""Command line: `lua_of_ocaml compile|run|dis`."""

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

    c = sub.add_parser("compile", help="compile a bytecode executable to a Lua file")
    c.add_argument("program", help="bytecode executable (ocamlc output)")
    c.add_argument("extra", nargs="*", help="extra Lua runtime files (--Provides/--Requires)")
    c.add_argument("-o", "--output", help="output Lua file (default: PROGRAM.lua)")
    c.add_argument("--target", choices=TARGETS, default="luajit")
    c.add_argument("--strict", action="store_true", help="a missing primitive is an error")
    c.add_argument("--source-map", action="store_true",
                   help="also write OUT.lua.map (Source Map v3) mapping Lua lines to OCaml sources")

    r = sub.add_parser("run", help="build (from .ml), compile and run in the embedded Lua",
                       usage="lua_of_ocaml run PROGRAM [--target T] [--runtime F.lua] [-- ARGS...]")
    r.add_argument("program", help="a .ml file or a bytecode executable")
    r.add_argument("--target", choices=TARGETS, default="luajit")
    r.add_argument("--runtime", action="append", default=[], help="extra Lua runtime file")

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


def _build_ml(src: str, workdir: str) -> str:
    from .build import build_executable
    res = build_executable([src], workdir)
    sys.stderr.write(res.messages)  # errors and warnings, as ocamlc printed them
    if not res.ok:
        raise CompileError(f"{src}: ocamlc failed")
    return res.exe


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
            out = args.output or str(Path(args.program).with_suffix("")) + ".lua"
            out_dir = Path(out).parent
            if not out_dir.is_dir():
                raise CompileError(f"{out}: directory {out_dir} does not exist")
            res = compile_file(args.program, args.target, args.extra, args.strict)
            for line in res.missing_report():
                print(f"lua_of_ocaml: warning: {line}", file=sys.stderr)
            if args.source_map:
                lua, smap = res.with_source_map(out, [str(Path(args.program).parent), "."])
                write_atomically(out + ".map", smap)
                write_atomically(out, lua)
            else:
                write_atomically(out, res.lua)
            return 0
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
            if args.program.endswith(".lua"):
                try:
                    source = Path(args.program).read_text(encoding="latin-1")
                except OSError as e:
                    raise CompileError(f"{args.program}: cannot read: {e.strerror}") from None
                sys.stdout.flush()
                return run_chunk(source, args.target, [args.program, *rest])
            with tempfile.TemporaryDirectory() as tmp:
                prog = args.program
                if prog.endswith(".ml"):
                    if not Path(prog).is_file():
                        raise CompileError(f"{prog}: no such file")
                    prog = _build_ml(prog, tmp)
                res = compile_file(prog, args.target, args.runtime)
            for line in res.missing_report():
                print(f"lua_of_ocaml: warning: {line}", file=sys.stderr)
            sys.stdout.flush()
            return run_chunk(res.lua, args.target, [args.program, *rest])
    except CompileError as e:
        print(f"lua_of_ocaml: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
