#!/usr/bin/env python3
"""Benchmark harness: ocamlrun vs lua_of_ocaml (LuaJIT, Lua 5.4) vs js_of_ocaml (node).

Run with the repository venv:

    .venv/bin/python benchmarks/run.py [--runs N] [--only NAME,...] [--quick]

For each program in benchmarks/programs/NAME.ml it

  1. builds NAME.byte with ocamlc (in its own folder under benchmarks/_build/),
  2. compiles it with lua_of_ocaml for each Lua target and with js_of_ocaml,
     recording compile time (wall, one compile) and output size,
  3. runs every implementation N times, interleaved run by run (run 1 of every
     implementation, then run 2, ...; the order rotates from run to run), checks
     that each output is byte-identical to ocamlrun's and takes the median wall
     time of the runs; a wrong output, a crash or a timeout marks the cell and is
     never timed as a success,
  4. prints a table of ratios to ocamlrun (per benchmark and geometric mean) and
     writes benchmarks/results.json, docs/benchmarks.md and docs/benchmarks.png.

Each program may take its problem size as its first argument; a comment
`(* bench: quick=N *)` gives the size used by --quick (a smoke test: one run,
small sizes, reports written under benchmarks/_build/ instead of docs/).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import math
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "benchmarks"
PROGRAMS = BENCH / "programs"
BUILD = BENCH / "_build"
DOCS = ROOT / "docs"
LUA_OF_OCAML = ROOT / ".venv" / "bin" / "lua_of_ocaml"
NODE_STACK_KB = 4000
LOO_CMD: list[str] = [str(LUA_OF_OCAML)]  # how to run lua_of_ocaml (see --compiler)
LOO_ENV: dict | None = None


@dataclass
class Impl:
    key: str  # short identifier used in results.json
    label: str  # column title
    runner: list[str]  # command prefix that runs the compiled program
    suffix: str  # compiled file suffix ("" for the bytecode itself)
    compiler: str | None  # "lua_of_ocaml:TARGET", "js_of_ocaml" or None


def find_impls(skip_js: bool) -> tuple[list[Impl], list[str]]:
    """The implementations available on this machine, and notes on missing ones."""
    notes = []
    impls = [Impl("ocamlrun", "ocamlrun", ["ocamlrun"], "byte", None)]
    if shutil.which("luajit"):
        impls.append(Impl("luajit", "LuaJIT", ["luajit"], "luajit.lua", "lua_of_ocaml:luajit"))
    else:
        notes.append("luajit not found: LuaJIT column skipped")
    if shutil.which("lua5.4"):
        impls.append(Impl("lua54", "Lua 5.4", ["lua5.4"], "lua54.lua", "lua_of_ocaml:lua54"))
    else:
        notes.append("lua5.4 not found: Lua 5.4 column skipped")
    if skip_js:
        notes.append("js_of_ocaml skipped (--no-js)")
    elif not shutil.which("js_of_ocaml"):
        notes.append("js_of_ocaml not found (Debian: apt-get install js-of-ocaml): node column skipped")
    elif not shutil.which("node"):
        notes.append("node not found: js_of_ocaml column skipped")
    else:
        node = ["node"]
        # js_of_ocaml (4.x) does not handle deep recursion: with node's default
        # stack (about 1 MB) List functions on 10,000 elements overflow. Give
        # node a bigger stack when the process stack allows it (8 MB default).
        soft, _ = resource.getrlimit(resource.RLIMIT_STACK)
        if soft == resource.RLIM_INFINITY or soft >= 8 * 1024 * 1024:
            node.append(f"--stack-size={NODE_STACK_KB}")
            notes.append(f"node runs with --stack-size={NODE_STACK_KB} (js_of_ocaml code needs a deep stack)")
        impls.append(Impl("jsoo", "js_of_ocaml (node)", node, "js", "js_of_ocaml"))
    return impls, notes


def cmd_output(cmd: list[str], env: dict | None = None) -> str:
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=60, env=env)
    except (OSError, subprocess.TimeoutExpired):
        return "not available"
    return (p.stdout + p.stderr).strip().splitlines()[0] if (p.stdout + p.stderr).strip() else "?"


def compiler_command(src: Path | None) -> tuple[list[str], dict | None]:
    """How to run lua_of_ocaml: the venv's script, or `python -m` on another source tree."""
    if src is None:
        return [str(LUA_OF_OCAML)], None
    env = dict(os.environ)
    env["PYTHONPATH"] = str(src / "compiler") + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return [sys.executable, "-m", "lua_of_ocaml.cli"], env


def git_state(tree: Path) -> str:
    """Short commit of a source tree, with "+dirty" when compiler/ or runtime/ have changes."""
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=tree, capture_output=True,
                                text=True, timeout=30).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "compiler", "runtime"], cwd=tree,
                               capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"
    return (commit or "unknown") + ("+dirty" if dirty else "")


def machine_info() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = "%.1f GiB" % (int(line.split()[1]) / 1024 / 1024)
                break
    except OSError:
        pass
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "memory": mem,
        "os": platform.platform(),
        "versions": {
            "ocamlc": cmd_output(["ocamlc", "-version"]),
            "ocamlrun": cmd_output(["ocamlrun", "-version"]),
            "luajit": cmd_output(["luajit", "-v"]),
            "lua5.4": cmd_output(["lua5.4", "-v"]),
            "node": cmd_output(["node", "--version"]),
            "js_of_ocaml": cmd_output(["js_of_ocaml", "--version"]),
            "lua_of_ocaml": cmd_output(LOO_CMD + ["--version"], LOO_ENV),
            "python": platform.python_version(),
        },
    }


# Failures that are understood and are not lua_of_ocaml's: shown beside the
# failure in docs/benchmarks.md. Key: (benchmark, implementation key).
KNOWN_FAILURES = {
    ("strings", "jsoo"): "a js_of_ocaml 4.0.0 bug, not a benchmark bug: in a `while` loop inside `try`, it moves "
    "`incr count` (a local ref turned into a variable) before the `String.index_from` call that raises "
    "Not_found, so the count is one too high (minimal repro in `benchmarks/analysis.md`)",
}


@dataclass
class Cell:
    status: str = "ok"  # ok | wrong | crash | timeout | compile-error | skipped
    times: list[float] = field(default_factory=list)  # wall seconds
    cpu: list[float] = field(default_factory=list)  # user + sys seconds of the child
    detail: str = ""
    compile_time: float | None = None
    size: int | None = None

    @property
    def median(self) -> float | None:
        return statistics.median(self.times) if self.status == "ok" and self.times else None

    def to_json(self) -> dict:
        return {
            "status": self.status,
            "median": self.median,
            "times": [round(t, 4) for t in self.times],
            "cpu_median": statistics.median(self.cpu) if self.status == "ok" and self.cpu else None,
            "detail": self.detail,
            "compile_time": self.compile_time,
            "size": self.size,
        }


def quick_arg(source: Path) -> str | None:
    m = re.search(r"\(\*\s*bench:\s*quick=(\d+)\s*\*\)", source.read_text())
    return m.group(1) if m else None


def run_timed(cmd: list[str], cwd: Path, timeout: float) -> tuple[str, float, float, str, str]:
    """Run cmd; return (status, wall, cpu, stdout, stderr)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    try:
        p = subprocess.run(cmd, cwd=cwd, capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired as e:
        return "timeout", time.perf_counter() - start, 0.0, "", (e.stderr or b"").decode("utf-8", "replace")
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    out = p.stdout.decode("latin-1")
    err = p.stderr.decode("utf-8", "replace")
    if p.returncode != 0:
        return "crash", wall, cpu, out, f"exit code {p.returncode}: {err.strip()[-500:]}"
    return "ok", wall, cpu, out, err


def first_difference(expected: str, got: str) -> str:
    el, gl = expected.splitlines(), got.splitlines()
    for i in range(max(len(el), len(gl))):
        e = el[i] if i < len(el) else "<end of output>"
        g = gl[i] if i < len(gl) else "<end of output>"
        if e != g:
            return f"line {i + 1}: expected {e[:120]!r}, got {g[:120]!r}"
    return "outputs differ"


def compile_program(name: str, impls: list[Impl], workdir: Path, log) -> tuple[dict[str, Cell], str | None]:
    """Build NAME.byte and every compiled form. Returns cells (with compile info) and an ocamlc error."""
    cells = {impl.key: Cell() for impl in impls}
    if workdir.exists():
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True)
    src = workdir / f"{name}.ml"
    shutil.copyfile(PROGRAMS / f"{name}.ml", src)
    start = time.perf_counter()
    p = subprocess.run(["ocamlc", "-o", f"{name}.byte", f"{name}.ml"], cwd=workdir, capture_output=True, text=True)
    if p.returncode != 0:
        return cells, p.stdout + p.stderr
    cells["ocamlrun"].compile_time = time.perf_counter() - start
    cells["ocamlrun"].size = (workdir / f"{name}.byte").stat().st_size
    for impl in impls:
        if impl.compiler is None:
            continue
        out = f"{name}.{impl.suffix}"
        if impl.compiler.startswith("lua_of_ocaml:"):
            target = impl.compiler.split(":", 1)[1]
            cmd = LOO_CMD + ["compile", f"{name}.byte", "-o", out, "--target", target]
            env = LOO_ENV
        else:
            cmd = ["js_of_ocaml", f"{name}.byte", "-o", out]
            env = None
        start = time.perf_counter()
        try:
            p = subprocess.run(cmd, cwd=workdir, capture_output=True, text=True, timeout=600, env=env)
            ok = p.returncode == 0
            msg = (p.stdout + p.stderr).strip()
        except subprocess.TimeoutExpired:
            ok, msg = False, "compiler timed out after 600 s"
        elapsed = time.perf_counter() - start
        cell = cells[impl.key]
        if not ok:
            cell.status = "compile-error"
            cell.detail = msg[-800:]
            log(f"  {impl.label}: COMPILE ERROR\n    " + msg[-800:].replace("\n", "\n    "))
            continue
        cell.compile_time = elapsed
        cell.size = (workdir / out).stat().st_size
        if msg:
            cell.detail = "compiler said: " + msg[-300:]
    return cells, None


def bench_program(name: str, impls: list[Impl], runs: int, quick: bool, timeout: float, log) -> dict:
    workdir = BUILD / name
    src = PROGRAMS / f"{name}.ml"
    args = []
    if quick:
        q = quick_arg(src)
        if q is not None:
            args = [q]
    log(f"{name}{' ' + ' '.join(args) if args else ''}")
    cells, ocamlc_error = compile_program(name, impls, workdir, log)
    result = {"args": args, "cells": cells, "reference": None, "error": None}
    if ocamlc_error is not None:
        result["error"] = "ocamlc failed: " + ocamlc_error
        for c in cells.values():
            c.status, c.detail = "skipped", "ocamlc failed"
        log("  ocamlc FAILED:\n" + ocamlc_error)
        return result

    reference: str | None = None
    active = [impl for impl in impls if cells[impl.key].status == "ok"]
    for r in range(runs):
        # Rotate the order so that no implementation always runs first or last.
        k = r % len(active) if active else 0
        order = active[k:] + active[:k]
        for impl in order:
            cell = cells[impl.key]
            if cell.status != "ok":
                continue  # already failed: never timed again
            cmd = impl.runner + [f"{name}.{impl.suffix}"] + args
            status, wall, cpu, out, err = run_timed(cmd, workdir, timeout)
            if impl.key == "ocamlrun":
                if status != "ok":
                    cell.status, cell.detail = status, err
                    log(f"  ocamlrun {status}: {err[:300]}")
                    continue
                if reference is None:
                    reference = out
                elif out != reference:
                    cell.status, cell.detail = "wrong", "ocamlrun output changed between runs"
                    continue
            elif status != "ok":
                cell.status, cell.detail = status, (f"after {timeout:.0f} s" if status == "timeout" else err)
                log(f"  {impl.label}: {status.upper()} {cell.detail[:300]}")
                continue
            elif reference is not None and out != reference:
                cell.status, cell.detail = "wrong", first_difference(reference, out)
                log(f"  {impl.label}: WRONG OUTPUT {cell.detail}")
                continue
            elif reference is None:
                # ocamlrun has not produced a reference (it ran later in this round): keep the output.
                cell.detail = "pending:" + out
            cell.times.append(wall)
            cell.cpu.append(cpu)
        # Check outputs that were kept before the reference existed.
        for impl in active:
            cell = cells[impl.key]
            if cell.detail.startswith("pending:"):
                out = cell.detail[len("pending:"):]
                cell.detail = ""
                if reference is None:
                    cell.status, cell.detail = "skipped", "no reference output (ocamlrun failed)"
                elif out != reference:
                    cell.status, cell.detail = "wrong", first_difference(reference, out)
                    log(f"  {impl.label}: WRONG OUTPUT {cell.detail}")
    result["reference"] = reference
    base = cells["ocamlrun"].median
    parts = []
    for impl in impls:
        c = cells[impl.key]
        if c.median is None:
            parts.append(f"{impl.label} {c.status}")
        elif impl.key == "ocamlrun" or not base:
            parts.append(f"{impl.label} {c.median:.3f}s")
        else:
            parts.append(f"{impl.label} {c.median:.3f}s x{c.median / base:.2f}")
    log("  " + " | ".join(parts))
    return result


def geomean(xs: list[float]) -> float | None:
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else None


def common_names(results: dict, impls: list[Impl], rt: dict) -> list[str]:
    """Benchmarks where every implementation succeeded."""
    return [n for n in results if all(rt[n][impl.key] is not None for impl in impls)]


def ratios(results: dict, impls: list[Impl]) -> dict[str, dict[str, float | None]]:
    table: dict[str, dict[str, float | None]] = {}
    for name, res in results.items():
        base = res["cells"]["ocamlrun"].median
        row = {}
        for impl in impls:
            m = res["cells"][impl.key].median
            row[impl.key] = (m / base) if (m is not None and base) else None
        table[name] = row
    return table


def fmt_size(n: int | None) -> str:
    if n is None:
        return "-"
    return f"{n / 1024:.0f} KB" if n >= 10240 else f"{n / 1024:.1f} KB"


def cell_text(cell: Cell, ratio: float | None, with_time: bool = True) -> str:
    if cell.status != "ok":
        return f"**{cell.status.upper()}**"
    if ratio is None:
        return f"{cell.median:.2f}s" if cell.median is not None else "-"
    return f"{cell.median:.2f}s ({ratio:.2f}x)" if with_time else f"{ratio:.2f}x"


def text_table(results: dict, impls: list[Impl], rt: dict) -> str:
    names = list(results)
    w = max(len(n) for n in names + ["geomean, 99 common"]) + 2
    head = "benchmark".ljust(w) + "".join(impl.label.rjust(22) for impl in impls)
    lines = [head, "-" * len(head)]
    for name in names:
        line = name.ljust(w)
        for impl in impls:
            cell = results[name]["cells"][impl.key]
            if cell.status != "ok":
                txt = cell.status.upper()
            elif impl.key == "ocamlrun":
                txt = f"{cell.median:.3f}s"
            else:
                txt = f"{cell.median:.3f}s {rt[name][impl.key]:6.2f}x"
            line += txt.rjust(22)
        lines.append(line)
    line = "geometric mean".ljust(w) + "1.00x".rjust(22)
    for impl in impls[1:]:
        xs = [rt[n][impl.key] for n in names if rt[n][impl.key] is not None]
        g = geomean(xs)
        txt = "-" if g is None else f"{g:.2f}x ({len(xs)}/{len(names)})"
        line += txt.rjust(22)
    lines.append(lines[1])
    lines.append(line)
    common = common_names(results, impls, rt)
    if len(common) < len(names):
        line = f"geomean, {len(common)} common".ljust(w) + "1.00x".rjust(22)
        for impl in impls[1:]:
            g = geomean([rt[n][impl.key] for n in common])
            line += ("-" if g is None else f"{g:.2f}x").rjust(22)
        lines.append(line)
    return "\n".join(lines)


def write_markdown(path: Path, results: dict, impls: list[Impl], rt: dict, meta: dict, png: Path | None) -> None:
    names = list(results)
    v = meta["machine"]["versions"]
    out = []
    out.append("# Benchmarks\n")
    out.append(
        "Generated by `benchmarks/run.py` "
        f"(`{meta['command']}`) on {meta['date']}, lua_of_ocaml at commit `{meta['compiler_commit']}`. "
        "Do not edit by hand: rerun the harness.\n"
    )
    out.append("## What is measured\n")
    out.append(
        f"- {len(names)} OCaml programs in `benchmarks/programs/`, each built with `ocamlc` and sized to run "
        "about one second under `ocamlrun`. Each prints a short checksum.\n"
        "- Every implementation runs the same bytecode: `ocamlrun` itself, the Lua produced by "
        "`lua_of_ocaml compile --target luajit` (run with `luajit`) and `--target lua54` (run with `lua5.4`), "
        "and the JavaScript produced by Debian's `js_of_ocaml` (run with `node`).\n"
        f"- Wall time of the whole process (start-up and loading included), median of {meta['runs']} runs. "
        "Runs are interleaved: run 1 of every implementation, then run 2, ..., with the order rotating from run to "
        "run, so machine noise affects them alike. Benchmarks run one after the other, never in parallel.\n"
        "- Every output is compared byte for byte with ocamlrun's. A wrong output, a crash or a timeout is shown "
        "in capitals and never timed.\n"
        "- Ratios are time / ocamlrun time (lower is better; below 1 is faster than the bytecode interpreter). "
        "The geometric mean is over the benchmarks where the implementation succeeded (count in brackets).\n"
        "- Compile time: wall time of one compiler run on the `.byte` file (for lua_of_ocaml it includes Python "
        "start-up). Size: bytes of the generated file (the `.byte` for ocamlrun).\n"
    )
    if meta["notes"]:
        out.append("Notes: " + "; ".join(meta["notes"]) + "\n")
    out.append("## Machine\n")
    m = meta["machine"]
    out.append(
        f"- `nproc`: {m['nproc']}; CPU: {m['cpu']}; memory: {m['memory']}\n"
        f"- OS: {m['os']}\n"
        f"- ocamlc {v['ocamlc']}; ocamlrun: {v['ocamlrun']}\n"
        f"- {v['luajit']}\n- {v['lua5.4']}\n"
        f"- node {v['node']}; js_of_ocaml {v['js_of_ocaml']}\n"
        f"- {v['lua_of_ocaml']} (commit `{meta['compiler_commit']}`); Python {v['python']}\n"
        f"- load average (1, 5, 15 min) at start: {', '.join('%.2f' % x for x in meta['loadavg_start'])}; "
        f"at end: {', '.join('%.2f' % x for x in meta['loadavg_end'])} (the machine has {m['nproc']} cores; "
        "a load above 1 means other work ran beside the benchmarks)\n"
    )
    out.append("## Run time (median wall seconds, ratio to ocamlrun)\n")
    out.append("| benchmark | " + " | ".join(impl.label for impl in impls) + " |")
    out.append("|---|" + "---:|" * len(impls))
    for name in names:
        row = [f"`{name}`"]
        for impl in impls:
            cell = results[name]["cells"][impl.key]
            row.append(cell_text(cell, None if impl.key == "ocamlrun" else rt[name][impl.key]))
        out.append("| " + " | ".join(row) + " |")
    grow = ["**geometric mean**", "1.00x"]
    for impl in impls[1:]:
        xs = [rt[n][impl.key] for n in names if rt[n][impl.key] is not None]
        g = geomean(xs)
        grow.append("-" if g is None else f"**{g:.2f}x** ({len(xs)}/{len(names)})")
    out.append("| " + " | ".join(grow) + " |")
    common = common_names(results, impls, rt)
    if len(common) < len(names):
        grow = [f"geometric mean over the {len(common)} benchmarks where all succeeded", "1.00x"]
        for impl in impls[1:]:
            g = geomean([rt[n][impl.key] for n in common])
            grow.append("-" if g is None else f"{g:.2f}x")
        out.append("| " + " | ".join(grow) + " |")
    out.append("")
    if png is not None:
        out.append(f"![Run time relative to ocamlrun]({png.name})\n")
    out.append("## Compile time and output size\n")
    comp = [impl for impl in impls if impl.compiler is not None]
    out.append("| benchmark | `.byte` | " + " | ".join(f"{impl.label} compile | size" for impl in comp) + " |")
    out.append("|---|---:|" + "---:|---:|" * len(comp))
    for name in names:
        cells = results[name]["cells"]
        row = [f"`{name}`", fmt_size(cells["ocamlrun"].size)]
        for impl in comp:
            c = cells[impl.key]
            row.append("-" if c.compile_time is None else f"{c.compile_time:.2f}s")
            row.append(fmt_size(c.size))
        out.append("| " + " | ".join(row) + " |")
    out.append("")
    failures = [(n, impl, results[n]["cells"][impl.key]) for n in names for impl in impls
                if results[n]["cells"][impl.key].status not in ("ok",)]
    if failures:
        out.append("## Failures\n")
        for n, impl, c in failures:
            out.append(f"- `{n}` on {impl.label}: {c.status}: {c.detail.strip()[:300]}")
            known = KNOWN_FAILURES.get((n, impl.key))
            if known:
                out.append(f"  - Known: {known}.")
        out.append("")
    analysis = BENCH / "analysis.md"
    if analysis.exists():
        out.append("## Analysis\n")
        out.append("What makes the slowest benchmarks slow is discussed in "
                   "[`benchmarks/analysis.md`](../benchmarks/analysis.md).\n")
    path.write_text("\n".join(out))


def write_chart(path: Path, results: dict, impls: list[Impl], rt: dict, meta: dict) -> bool:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib not installed (pip install -e '.[bench]'): no chart", file=sys.stderr)
        return False
    names = list(results)
    shown = [impl for impl in impls if impl.key != "ocamlrun"]
    colors = {"luajit": "#1f77b4", "lua54": "#ff7f0e", "jsoo": "#2ca02c"}
    labels = names + ["geometric mean"]
    fig, ax = plt.subplots(figsize=(10, 1.6 + 0.17 * len(labels) * max(1, len(shown))))
    h = 0.8 / max(1, len(shown))
    ymax = 1.0
    for j, impl in enumerate(shown):
        vals, ys, wrong = [], [], []
        for i, name in enumerate(labels):
            if name == "geometric mean":
                xs = [rt[n][impl.key] for n in names if rt[n][impl.key] is not None]
                r = geomean(xs)
            else:
                r = rt[name][impl.key]
            y = i + (j - (len(shown) - 1) / 2) * h
            if r is None:
                wrong.append(y)
            else:
                vals.append(r)
                ys.append(y)
                ymax = max(ymax, r)
        ax.barh(ys, vals, height=h, color=colors.get(impl.key), label=impl.label)
        for y, r in zip(ys, vals):
            ax.text(r * 1.03, y, f"{r:.2f}", va="center", fontsize=7)
        for y in wrong:
            ax.text(1.0, y, "  failed (see table)", va="center", fontsize=7, color="red")
    ax.axvline(1.0, color="black", linewidth=0.8)
    ax.set_xscale("log")
    ax.set_xlim(min(0.05, min((v for row in rt.values() for v in row.values() if v), default=1) / 1.5), ymax * 2)
    ax.set_yticks(range(len(labels)))
    ax.set_yticklabels(labels)
    ax.set_ylim(len(labels) - 0.5, -0.5)
    ax.set_xlabel("run time / ocamlrun run time (log scale, lower is better)")
    ax.set_title(f"lua_of_ocaml benchmarks ({meta['date'][:10]}, median of {meta['runs']} runs)", pad=22)
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=len(shown), frameon=False)
    ax.grid(axis="x", which="both", alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return True


def report_only() -> int:
    """Rewrite the Markdown report and the chart from benchmarks/results.json."""
    data = json.loads((BENCH / "results.json").read_text())
    meta = data["meta"]
    known, _ = find_impls(False)
    by_key = {impl.key: impl for impl in known}
    impls = []
    for key in meta["implementations"]:
        impl = by_key.get(key) or Impl(key, {"jsoo": "js_of_ocaml (node)", "luajit": "LuaJIT",
                                             "lua54": "Lua 5.4"}.get(key, key), [], "", key)
        impls.append(impl)
    results = {}
    for name, b in data["benchmarks"].items():
        cells = {}
        for key, c in b["results"].items():
            cells[key] = Cell(status=c["status"], times=c["times"], cpu=[c["cpu_median"]] if c["cpu_median"] else [],
                              detail=c["detail"], compile_time=c["compile_time"], size=c["size"])
        results[name] = {"args": b["args"], "cells": cells, "error": b["error"]}
    rt = ratios(results, impls)
    print(text_table(results, impls, rt))
    png = DOCS / "benchmarks.png"
    have_png = write_chart(png, results, impls, rt, meta)
    write_markdown(DOCS / "benchmarks.md", results, impls, rt, meta, png if have_png else None)
    print("rewrote docs/benchmarks.md" + (" and docs/benchmarks.png" if have_png else ""))
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=None, help="timed runs per implementation (default 5, 1 with --quick)")
    ap.add_argument("--only", default="", help="comma-separated benchmark names")
    ap.add_argument("--quick", action="store_true",
                    help="small problem sizes and one run; reports go to benchmarks/_build/ instead of docs/")
    ap.add_argument("--no-js", action="store_true", help="skip js_of_ocaml / node")
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds before a run counts as a timeout")
    ap.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    ap.add_argument("--report-only", action="store_true",
                    help="run nothing: rewrite docs/benchmarks.md and docs/benchmarks.png from benchmarks/results.json")
    ap.add_argument("--compiler", type=Path, default=None, metavar="DIR",
                    help="benchmark the lua_of_ocaml of another source tree (for example a clone at some "
                         "commit), run as `python -m lua_of_ocaml.cli` with DIR/compiler on PYTHONPATH; "
                         "default: this repository's .venv/bin/lua_of_ocaml")
    args = ap.parse_args(argv)

    if args.report_only:
        return report_only()
    all_names = sorted(p.stem for p in PROGRAMS.glob("*.ml"))
    if args.list:
        print("\n".join(all_names))
        return 0
    names = all_names
    if args.only:
        wanted = [n.strip() for n in args.only.split(",") if n.strip()]
        unknown = [n for n in wanted if n not in all_names]
        if unknown:
            ap.error(f"unknown benchmark(s): {', '.join(unknown)} (known: {', '.join(all_names)})")
        names = wanted
    runs = args.runs if args.runs is not None else (1 if args.quick else 5)
    if runs < 1:
        ap.error("--runs must be at least 1")
    for tool in ("ocamlc", "ocamlrun"):
        if not shutil.which(tool):
            print(f"{tool} not found", file=sys.stderr)
            return 2
    global LOO_CMD, LOO_ENV
    if args.compiler is not None:
        src = args.compiler.resolve()
        if not (src / "compiler" / "lua_of_ocaml").is_dir():
            ap.error(f"--compiler: {src} has no compiler/lua_of_ocaml")
        LOO_CMD, LOO_ENV = compiler_command(src)
    elif not LUA_OF_OCAML.exists():
        print(f"{LUA_OF_OCAML} not found: run scripts/setup.sh first", file=sys.stderr)
        return 2
    compiler_tree = args.compiler.resolve() if args.compiler is not None else ROOT

    impls, notes = find_impls(args.no_js)
    BUILD.mkdir(parents=True, exist_ok=True)
    meta = {
        "date": _dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "command": "benchmarks/run.py " + " ".join(sys.argv[1:] if argv is None else argv),
        "runs": runs,
        "quick": args.quick,
        "timeout": args.timeout,
        "implementations": [impl.key for impl in impls],
        "notes": notes,
        "machine": machine_info(),
        "compiler_source": str(compiler_tree),
        "compiler_commit": git_state(compiler_tree),
        "loadavg_start": list(os.getloadavg()),
    }
    for n in notes:
        print("note:", n, file=sys.stderr)

    def log(msg: str) -> None:
        print(msg, flush=True)

    results = {}
    t0 = time.perf_counter()
    for name in names:
        results[name] = bench_program(name, impls, runs, args.quick, args.timeout, log)
    meta["total_seconds"] = round(time.perf_counter() - t0, 1)
    meta["loadavg_end"] = list(os.getloadavg())

    rt = ratios(results, impls)
    print()
    print(text_table(results, impls, rt))

    outdir_docs = DOCS if not args.quick else BUILD
    json_path = BENCH / "results.json" if not args.quick else BUILD / "results-quick.json"
    md_path = outdir_docs / ("benchmarks.md" if not args.quick else "benchmarks-quick.md")
    png_path = outdir_docs / ("benchmarks.png" if not args.quick else "benchmarks-quick.png")
    data = {
        "meta": meta,
        "benchmarks": {
            name: {
                "args": res["args"],
                "error": res["error"],
                "ratios": rt[name],
                "results": {k: c.to_json() for k, c in res["cells"].items()},
            }
            for name, res in results.items()
        },
        "geometric_mean": {
            impl.key: geomean([rt[n][impl.key] for n in names if rt[n][impl.key] is not None]) for impl in impls
        },
        "geometric_mean_common": {
            "benchmarks": common_names(results, impls, rt),
            **{impl.key: geomean([rt[n][impl.key] for n in common_names(results, impls, rt)]) for impl in impls},
        },
    }
    json_path.write_text(json.dumps(data, indent=2) + "\n")
    have_png = write_chart(png_path, results, impls, rt, meta)
    write_markdown(md_path, results, impls, rt, meta, png_path if have_png else None)
    print(f"\nwrote {json_path.relative_to(ROOT)}, {md_path.relative_to(ROOT)}"
          + (f", {png_path.relative_to(ROOT)}" if have_png else "")
          + f" ({meta['total_seconds']} s)")
    bad = sum(1 for name, res in results.items() for key, c in res["cells"].items()
              if c.status != "ok" and (name, key) not in KNOWN_FAILURES)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
