#!/usr/bin/env python3
"""The OCaml compiler as a benchmark: compile Debian's ocamlc.byte to Lua (and,
side by side, to JavaScript with js_of_ocaml), then let each compiled compiler
run `-c` on a few modules, against `ocamlrun ocamlc.byte -c`.

    .venv/bin/python benchmarks/selfcompile.py [--runs N]

Writes docs/selfcompile.md. Every output is checked: the .cmi/.cmo files must be
byte-identical to those of `ocamlrun ocamlc.byte -c`.
"""

from __future__ import annotations

import argparse
import datetime
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
DOCS = ROOT / "docs"
MODULES = ["json_printer", "map_set", "objects_inheritance", "format_boxes", "stack_vm", "sprintf"]


def measure_rss(cmd: list[str], cwd: Path | None = None) -> tuple[float, int, int, bytes]:
    """Wall time, peak RSS (KB), exit code and stderr, with os.wait4's accounting."""
    start = time.monotonic()
    with tempfile.TemporaryFile() as errf:
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errf)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        elapsed = time.monotonic() - start
        errf.seek(0)
        err = errf.read()
    return elapsed, int(usage.ru_maxrss), proc.returncode, err


NOTES = """
## Notes

- The end-to-end test `tests/test_selfcompile.py` (slow suite) compiles `ocamlc.byte`
  for LuaJIT and Lua 5.4 once per tool version and checks, with the real `luajit` and
  `lua5.4`, that `-c` writes the same `.cmi`/`.cmo` bytes as the native `ocamlc -c`
  and prints the same errors and warnings (type error, syntax error, unbound module,
  warnings), reading the standard library's `.cmi` files from disk.
- Output size: the Lua carries the line table that maps every call site back to
  its OCaml location (ocamlrun-identical backtraces) and one Lua function per
  OCaml function of the whole compiler; js_of_ocaml's output has no debug data.
- Known differences, from the runtime's value representation: `Int32` values are
  Lua numbers, so a module with an `int32` literal (`1l`) gets a `.cmo` where the
  constant is marshaled as an int instead of a custom block (it reads back as the
  same value); Lua strings are interned, so Marshal shares equal Lua strings where
  ocamlrun writes two distinct string objects twice (smaller output, same value
  when read back). Of the 107 single-file programs of tests/programs, 101 compile
  to byte-identical files; the 6 others differ only in these two ways.
- Reproduce: `.venv/bin/python benchmarks/selfcompile.py [--runs N]` (needs
  js_of_ocaml and node for their column: `bash benchmarks/setup.sh`).
"""


def ocamlc_byte() -> Path:
    ocamlc = shutil.which("ocamlc")
    if not ocamlc:
        sys.exit("ocamlc not found")
    for cand in (Path(ocamlc).resolve().with_name("ocamlc.byte"), Path(ocamlc).with_name("ocamlc.byte")):
        if cand.is_file():
            return cand
    sys.exit("ocamlc.byte not found next to ocamlc")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3, help="runs of each `-c` measurement (median)")
    args = ap.parse_args(argv)
    src = ocamlc_byte()
    loo = ROOT / ".venv" / "bin" / "lua_of_ocaml"
    have_jsoo = shutil.which("js_of_ocaml") and shutil.which("node")
    work = Path(tempfile.mkdtemp(prefix="selfcompile."))
    rows_compile = []
    compilers: dict[str, list[str]] = {"ocamlrun": ["ocamlrun", str(src)]}

    for target, interp in (("luajit", "luajit"), ("lua54", "lua5.4")):
        out = work / f"ocamlc.{target}.lua"
        t, rss, rc, err = measure_rss([str(loo), "compile", "--target", target, str(src), "-o", str(out)])
        if rc != 0:
            sys.exit(f"lua_of_ocaml compile failed: {err.decode(errors='replace')}")
        rows_compile.append((f"lua_of_ocaml --target {target}", t, rss, out.stat().st_size))
        if shutil.which(interp):
            compilers[f"{interp} (lua_of_ocaml)"] = [interp, str(out)]
    if have_jsoo:
        out = work / "ocamlc.js"
        t, rss, rc, err = measure_rss(["js_of_ocaml", str(src), "-o", str(out)])
        if rc == 0:
            rows_compile.append(("js_of_ocaml", t, rss, out.stat().st_size))
            compilers["node (js_of_ocaml)"] = ["node", str(out)]
        else:
            print(f"js_of_ocaml failed: {err.decode(errors='replace')[:300]}", file=sys.stderr)

    # run each compiled compiler on the modules, checking its output against ocamlrun's
    sources = {"hello": 'let () = print_endline "hello"\n'}
    for m in MODULES:
        sources[m] = (ROOT / "tests" / "programs" / f"{m}.ml").read_text()
    times: dict[str, dict[str, float]] = {k: {} for k in compilers}
    wrong: list[str] = []
    for name, text in sources.items():
        ref_bytes = None
        for impl, cmd in compilers.items():
            samples = []
            for _ in range(args.runs):
                d = Path(tempfile.mkdtemp(dir=work))
                (d / f"{name}.ml").write_text(text)
                t, _, rc, err = measure_rss([*cmd, "-c", f"{name}.ml"], cwd=d)
                samples.append(t)
                got = tuple((d / f"{name}{ext}").read_bytes() if (d / f"{name}{ext}").exists() else b""
                            for ext in (".cmi", ".cmo"))
                if rc != 0:
                    wrong.append(f"{impl} on {name}.ml: exit {rc}: {err.decode(errors='replace')[:200]}")
                if ref_bytes is None:
                    ref_bytes = got
                elif got != ref_bytes:
                    wrong.append(f"{impl} on {name}.ml: .cmi/.cmo differ from ocamlrun's")
            times[impl][name] = statistics.median(samples)

    lines = [
        "# The OCaml compiler compiled to Lua",
        "",
        f"Measured {datetime.date.today()} on {platform.machine()} ({os.cpu_count()} cores, shared machine) "
        f"by `benchmarks/selfcompile.py`; `{src.name}` is Debian's OCaml "
        f"{subprocess.run(['ocamlc', '-version'], capture_output=True, text=True).stdout.strip()} compiler "
        f"({src.stat().st_size // 1024} KB with its debug information).",
        "",
        "## Compiling ocamlc.byte",
        "",
        "| compiler | time | peak memory | output |",
        "|---|---:|---:|---:|",
    ]
    for label, t, rss, size in rows_compile:
        lines.append(f"| {label} | {t:.1f} s | {rss // 1024} MB | {size / 1e6:.1f} MB |")
    lines += [
        "",
        f"## Running `-c` (median of {args.runs} runs, wall time, start-up included)",
        "",
        "| module | " + " | ".join(compilers) + " |",
        "|---|" + "---:|" * len(compilers),
    ]
    for name in sources:
        base = times["ocamlrun"][name]
        cells = []
        for impl in compilers:
            t = times[impl][name]
            cells.append(f"{t:.2f} s" + ("" if impl == "ocamlrun" else f" ({t / base:.1f}x)"))
        lines.append(f"| `{name}.ml` | " + " | ".join(cells) + " |")
    lines += ["", "Outputs: " + ("all .cmi/.cmo byte-identical to ocamlrun's." if not wrong
                                 else "DIFFERENCES:\n\n" + "\n".join(f"- {w}" for w in wrong)), ""]
    lines += NOTES.splitlines()
    (DOCS / "selfcompile.md").write_text("\n".join(lines))
    print("\n".join(lines))
    shutil.rmtree(work, ignore_errors=True)
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
