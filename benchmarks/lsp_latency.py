#!/usr/bin/env python3
"""Save-to-diagnostics latency of the language server, cold and warm.

Run with the repository venv:

    .venv/bin/python benchmarks/lsp_latency.py [--cold N] [--warm N] [--write-docs]

It drives `python -m lua_of_ocaml_lsp` over stdio, as an editor does, on a
generated 300-line OCaml program (records, variants, pattern matching, List,
Hashtbl, Buffer, Printf, exceptions) in a temporary folder, and measures the
time from the notification (didOpen or didSave) to the publishDiagnostics that
answers it:

- cold: a fresh server, from didOpen of the file to its diagnostics (the first
  check: nothing cached, interpreters not yet created);
- warm: the same server, each save changing a constant (so the bytecode changes
  and nothing can be reused), from didSave to the diagnostics;
- warm, type error: a save that ocamlc rejects (diagnostics come from ocamlc
  alone).

Each is measured with the default settings (load check under luajit) and with
`checkTargets` luajit, lua51 and lua54. It prints a Markdown table of p50/p95
in milliseconds; --write-docs also puts it into docs/lsp.md between the
`lsp-latency` markers.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types as lsp
from pygls.lsp.client import LanguageClient

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs" / "lsp.md"
BEGIN, END = "<!-- lsp-latency:begin -->", "<!-- lsp-latency:end -->"


def program(variant: int = 0, broken: bool = False) -> str:
    """A 300-line program; `variant` changes one constant, `broken` adds a type error."""
    head = f"""(* Generated for the latency benchmark of the language server: shapes,
   accounts, tables and strings, repeated with numbered names, so that the
   program has the size and the mix of a small real one. *)
type shape = Circle of float | Rect of float * float | Tri of float * float * float
type account = {{ id : int; owner : string; mutable balance : int }}
exception Insufficient of int * int
let seed = {variant + 17}
"""
    blocks = []
    for i in range(15):
        blocks.append(f"""
let area_{i} = function
  | Circle r -> 3.14159 *. r *. r
  | Rect (w, h) -> w *. h
  | Tri (a, b, c) ->
    let s = (a +. b +. c) /. 2.0 in
    sqrt (s *. (s -. a) *. (s -. b) *. (s -. c))
let withdraw_{i} acc n =
  if n > acc.balance then raise (Insufficient (acc.id, n))
  else acc.balance <- acc.balance - n
let summary_{i} accounts =
  let tbl = Hashtbl.create 16 in
  List.iter (fun a -> Hashtbl.replace tbl a.owner (a.balance + {i})) accounts;
  let buf = Buffer.create 64 in
  Hashtbl.iter (fun k v -> Buffer.add_string buf (Printf.sprintf "%s=%d;" k v)) tbl;
  Buffer.contents buf
let rec fib_{i} n = if n < 2 then n else fib_{i} (n - 1) + fib_{i} (n - 2)
let shapes_{i} = [Circle {i}.5; Rect (2.0, {i}.0); Tri (3.0, 4.0, 5.0)]
let total_{i} = List.fold_left (fun s x -> s +. area_{i} x) 0.0 shapes_{i}
""")
    tail = """
let () =
  let acc = { id = 1; owner = "ada"; balance = seed * 10 } in
  (try withdraw_0 acc 5; withdraw_1 acc 1000 with Insufficient (id, n) ->
     Printf.printf "account %d cannot pay %d\\n" id n);
  print_endline (summary_2 [acc; { acc with id = 2; owner = "bob" }]);
  Printf.printf "%d %.2f\\n" (fib_3 15) total_4
"""
    text = head + "".join(blocks) + tail
    if broken:
        text += 'let () = print_int "not an int"\n'
    return text


class Connection:
    """A server over stdio and the publications it makes."""

    def __init__(self) -> None:
        self.client = LanguageClient("lsp-latency", "1")
        self.published: asyncio.Queue = asyncio.Queue()

        @self.client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def on_publish(params: lsp.PublishDiagnosticsParams) -> None:
            self.published.put_nowait((time.perf_counter(), params))

        @self.client.feature(lsp.WINDOW_LOG_MESSAGE)
        def on_log(params) -> None:
            pass

    async def start(self, root: Path, options: dict) -> None:
        await self.client.start_io(sys.executable, "-m", "lua_of_ocaml_lsp")
        await self.client.initialize_async(lsp.InitializeParams(
            capabilities=lsp.ClientCapabilities(), root_uri=root.as_uri(),
            initialization_options=options))
        self.client.initialized(lsp.InitializedParams())

    async def wait(self, uri: str, t0: float) -> float:
        while True:
            t, params = await asyncio.wait_for(self.published.get(), 120)
            if params.uri == uri:
                return t - t0

    async def stop(self) -> None:
        await self.client.shutdown_async(None)
        self.client.exit(None)
        await self.client.stop()


async def measure(options: dict, cold_runs: int, warm_runs: int) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {"cold": [], "warm": [], "warm, type error": []}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        src = root / "main.ml"
        uri = src.as_uri()
        for i in range(cold_runs):
            src.write_text(program(1000 + i))
            s = Connection()
            await s.start(root, options)
            t0 = time.perf_counter()
            s.client.text_document_did_open(lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(
                uri=uri, language_id="ocaml", version=1, text=src.read_text())))
            out["cold"].append(await s.wait(uri, t0))
            if i == cold_runs - 1:   # the warm runs reuse the last server
                for j in range(warm_runs):
                    for kind, broken in (("warm", False), ("warm, type error", True)):
                        src.write_text(program(j, broken))
                        t0 = time.perf_counter()
                        s.client.text_document_did_save(lsp.DidSaveTextDocumentParams(
                            lsp.TextDocumentIdentifier(uri)))
                        out[kind].append(await s.wait(uri, t0))
            await s.stop()
    return out


def percentile(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    if len(xs) == 1:
        return xs[0]
    k = (len(xs) - 1) * p
    lo = int(k)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def table(results: dict[str, dict[str, list[float]]]) -> str:
    rows = ["| settings | measure | runs | p50 (ms) | p95 (ms) |", "|---|---|---:|---:|---:|"]
    for config, res in results.items():
        for kind, xs in res.items():
            if xs:
                rows.append(f"| {config} | {kind} | {len(xs)} | {percentile(xs, 0.5) * 1000:.0f} "
                            f"| {percentile(xs, 0.95) * 1000:.0f} |")
    return "\n".join(rows)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cold", type=int, default=10, help="fresh servers (default 10)")
    ap.add_argument("--warm", type=int, default=30, help="saves per kind (default 30)")
    ap.add_argument("--write-docs", action="store_true", help="update the table in docs/lsp.md")
    args = ap.parse_args()
    configs = {"default (luajit)": {}, "checkTargets luajit, lua51, lua54": {
        "checkTargets": ["luajit", "lua51", "lua54"]}}
    results = {}
    for name, options in configs.items():
        results[name] = asyncio.run(measure(options, args.cold, args.warm))
    lines = program().count("\n")
    cpu = platform.processor() or platform.machine()
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    note = (f"Program: {lines} lines. Machine: {os.cpu_count()} cores ({cpu}), load average "
            f"{load} at the end, Python {platform.python_version()}, measured "
            f"{time.strftime('%Y-%m-%d')} with "
            f"`benchmarks/lsp_latency.py --cold {args.cold} --warm {args.warm}`.")
    text = table(results) + "\n\n" + note
    print(text)
    if args.write_docs:
        doc = DOCS.read_text(encoding="utf-8")
        if BEGIN not in doc or END not in doc:
            print(f"{DOCS}: markers {BEGIN} / {END} not found", file=sys.stderr)
            return 1
        before, rest = doc.split(BEGIN, 1)
        _, after = rest.split(END, 1)
        DOCS.write_text(before + BEGIN + "\n" + text + "\n" + END + after, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
