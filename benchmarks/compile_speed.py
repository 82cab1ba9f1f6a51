#!/usr/bin/env python3
"""Compile time and output size of a Printf+Format program: js_of_ocaml against
lua_of_ocaml's whole-program compile and its separate compilation (`link`), cold
and after an edit of the user's module.

    .venv/bin/python benchmarks/compile_speed.py [--runs N] [--write-docs]

Every time is the wall time of one command, Python start-up included, as a user
or a build rule runs it; the median of --runs runs (default 7), the kinds of
run interleaved. Measured:

- js_of_ocaml: `js_of_ocaml prog.byte` (Debian's js_of_ocaml, when installed);
- whole program: `lua_of_ocaml compile prog.byte`, with the per-unit debug
  information cache warm (the usual case) and cold (empty cache folder);
- separate, cold: `lua_of_ocaml link prog.cmo` with an empty cache folder (the
  standard library's units are compiled and cached: once per compiler);
- separate, after an edit: the module's source changed (`ocamlc -c` not timed),
  then `lua_of_ocaml link prog.cmo`: only the user's unit is compiled;
- the same in one process (`api.link_files`), as the language server does it.

The generated programs are run once under luajit and compared with ocamlrun.
--write-docs writes the table to docs/compile_speed.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs" / "compile_speed.md"
HEADER = """# Compile time and output size

A Printf+Format program (`benchmarks/compile_speed.py` holds it), compiled by
js_of_ocaml and by lua_of_ocaml, whole program and separately (`docs/separate.md`).
Each time is one command's wall time, Python start-up included, median of the
runs; the runs of each kind are interleaved, so a load change hits all of them.
Each output was run under luajit and printed what ocamlrun prints.

Targets of the performance work: within 1.5x of js_of_ocaml's compile time cold,
under 0.25 s when only the user's module changed, and at most 1.3x js_of_ocaml's
output size.

"""
PY = sys.executable

PROGRAM = r"""(* a Printf + Format program: every conversion, boxes, a custom printer *)
type point = { x : float; y : float; label : string }
let pp_point ppf p = Format.fprintf ppf "@[<hov 2>{ x = %g;@ y = %g;@ label = %S }@]" p.x p.y p.label
let points = List.init 5 (fun i -> { x = float i *. 1.5; y = float (i * i); label = string_of_int i })
let version = 1
let () =
  Printf.printf "version %d: %5d|%-5d|%05d|%x|%X|%o|%c|%s|%10s|%b|%f|%.3e|%g|%F|%Ld|%nd|%ld\n"
    version 42 42 42 255 255 8 'z' "str" "right" true 3.14159 12345.678 0.0001 2.5 7L 8n 9l;
  Format.printf "@[<v>%a@]@." (Format.pp_print_list pp_point) points;
  Format.printf "@[<hov 4>%s@ %s@ %s@ %s@]@." "several" "words" "in" "a box";
  let b = Buffer.create 16 in
  Printf.bprintf b "%s-%d" "buf" 7;
  print_endline (Buffer.contents b ^ Printf.sprintf " %08.3f %+d %#x" 3.5 4 255)
"""


def run(cmd: list[str], cwd: Path, env: dict | None = None) -> float:
    start = time.perf_counter()
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, env=env)
    elapsed = time.perf_counter() - start
    if p.returncode != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{p.stderr.decode(errors='replace')}")
    return elapsed


def edit(work: Path, n: int) -> None:
    """A new version of the user's module: the bytecode changes, nothing else."""
    (work / "prog.ml").write_text(PROGRAM.replace("let version = 1", f"let version = {n}"))
    subprocess.run(["ocamlc", "-g", "-c", "prog.ml"], cwd=work, check=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--write-docs", action="store_true")
    args = ap.parse_args()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(ROOT / "compiler")
    lua_of_ocaml = [PY, "-m", "lua_of_ocaml.cli"]
    times: dict[str, list[float]] = {}
    sizes: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        edit(work, 1)
        subprocess.run(["ocamlc", "-g", "prog.cmo", "-o", "prog.byte"], cwd=work, check=True)
        ref = subprocess.run(["ocamlrun", "prog.byte"], cwd=work, capture_output=True).stdout
        warm = {**env, "LUA_OF_OCAML_CACHE": str(work / "cache")}
        run([*lua_of_ocaml, "compile", "prog.byte", "-o", "whole.lua"], work, warm)  # fills caches
        run([*lua_of_ocaml, "link", "prog.cmo", "-o", "linked.lua"], work, warm)
        jsoo = shutil.which("js_of_ocaml")
        for i in range(args.runs):
            if jsoo:
                times.setdefault("js_of_ocaml prog.byte", []).append(
                    run([jsoo, "prog.byte", "-o", "prog.js"], work))
            times.setdefault("whole program (debug cache warm)", []).append(
                run([*lua_of_ocaml, "compile", "prog.byte", "-o", "whole.lua"], work, warm))
            cold = {**env, "LUA_OF_OCAML_CACHE": str(work / f"cold{i}")}
            times.setdefault("whole program (cold)", []).append(
                run([*lua_of_ocaml, "compile", "prog.byte", "-o", "whole.lua"], work, cold))
            times.setdefault("separate: link, cold (compiles the stdlib units)", []).append(
                run([*lua_of_ocaml, "link", "prog.cmo", "-o", "linked.lua"], work, cold))
            shutil.rmtree(work / f"cold{i}")
            edit(work, i + 2)
            times.setdefault("separate: link after an edit of the module", []).append(
                run([*lua_of_ocaml, "link", "prog.cmo", "-o", "linked.lua"], work, warm))
        # in one process, as the language server: compile the edited unit and link
        code = ("import sys, time, statistics, subprocess\n"
                "from lua_of_ocaml.api import link_files\n"
                "link_files(['prog.cmo'], 'luajit')\n"
                "ts = []\n"
                f"for i in range({args.runs}):\n"
                "    src = open('prog.ml').read().replace('let version = ', 'let version = 1')\n"
                "    open('prog.ml', 'w').write(src)\n"
                "    subprocess.run(['ocamlc', '-g', '-c', 'prog.ml'], check=True)\n"
                "    t = time.perf_counter(); link_files(['prog.cmo'], 'luajit')\n"
                "    ts.append(time.perf_counter() - t)\n"
                "print(' '.join(map(str, ts)))\n")
        out = subprocess.run([PY, "-c", code], cwd=work, env=warm, capture_output=True, text=True,
                             check=True).stdout
        times["separate: edit and link in one process (language server)"] = [float(x) for x in out.split()]
        # sizes, and a check that each output runs as ocamlrun does
        edit(work, 1)
        run([*lua_of_ocaml, "link", "prog.cmo", "-o", "linked.lua"], work, warm)
        run([*lua_of_ocaml, "link", "prog.cmo", "-o", "linked.min.lua", "--minify"], work, warm)
        run([*lua_of_ocaml, "compile", "prog.byte", "-o", "whole.min.lua", "--minify"], work, warm)
        subprocess.run(["ocamlc", "prog.cmo", "-o", "nodebug.byte"], cwd=work, check=True)
        run([*lua_of_ocaml, "compile", "nodebug.byte", "-o", "nodebug.min.lua", "--minify"], work, warm)
        for f in ("whole.lua", "whole.min.lua", "nodebug.min.lua", "linked.lua", "linked.min.lua"):
            got = subprocess.run(["luajit", f], cwd=work, capture_output=True).stdout
            if got != ref:
                raise SystemExit(f"{f}: output differs from ocamlrun")
            sizes[f] = (work / f).stat().st_size
        if jsoo:
            subprocess.run([jsoo, "nodebug.byte", "-o", "nodebug.js"], cwd=work, check=True)
            sizes["nodebug.js"] = (work / "nodebug.js").stat().st_size
            sizes["prog.js"] = (work / "prog.js").stat().st_size

    rows = ["| compile | median (s) | runs |", "|---|---:|---:|"]
    for k, v in times.items():
        rows.append(f"| {k} | {statistics.median(v):.3f} | {len(v)} |")
    size_names = {"whole.lua": "whole program, -g", "whole.min.lua": "whole program, -g, --minify",
                  "nodebug.min.lua": "whole program, no -g, --minify",
                  "linked.lua": "separate (link), -g", "linked.min.lua": "separate (link), -g, --minify",
                  "prog.js": "js_of_ocaml, -g bytecode", "nodebug.js": "js_of_ocaml, no -g"}
    rows += ["", "| output | bytes |", "|---|---:|"]
    rows += [f"| {size_names[k]} | {v:,} |" for k, v in sizes.items()]
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    note = (f"Machine: {os.cpu_count()} cores ({platform.machine()}), load average {load} at the "
            f"end, Python {platform.python_version()}, {time.strftime('%Y-%m-%d')}, "
            f"`benchmarks/compile_speed.py --runs {args.runs}`.")
    text = "\n".join(rows) + "\n\n" + note
    print(text)
    if args.write_docs:
        DOCS.write_text(HEADER + text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
