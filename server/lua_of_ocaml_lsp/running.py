"""Run a compiled program in a worker process and stream what it prints.

The server never runs user code in its own process: the worker
(`run_worker.py`) has an address-space limit, and the server kills its whole
process group when the wall-clock limit passes or when the user stops it.
Output is streamed in chunks as it arrives; past `MAX_STREAMED` bytes the rest
is counted but dropped, so a program printing for ever cannot flood the editor.
"""

from __future__ import annotations

import asyncio
import codecs
import json
import math
import os
import signal
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import lua_of_ocaml
import lua_of_ocaml_lsp

MAX_STREAMED = 1 << 20     # bytes of output sent to the client per run
STDERR_TAIL = 256 * 1024   # bytes of stderr kept to find the uncaught exception (and its 1024 frames)

OutputSink = Callable[[str, str], None]   # (stream, text)


@dataclass
class RunOutcome:
    status: str               # exited | timeout | memory | stopped | crashed | error
    exit_code: int | None
    elapsed: float
    stderr_tail: str
    message: str
    dropped_bytes: int = 0

    def to_json(self) -> dict:
        return {"status": self.status, "exitCode": self.exit_code, "elapsed": round(self.elapsed, 3),
                "message": self.message, "droppedBytes": self.dropped_bytes}


def _python_path() -> str:
    """PYTHONPATH for the worker: the folders holding both packages, whatever the
    way they are installed."""
    dirs = [str(Path(m.__file__).resolve().parent.parent) for m in (lua_of_ocaml, lua_of_ocaml_lsp)]
    old = os.environ.get("PYTHONPATH")
    return os.pathsep.join(dict.fromkeys(dirs + ([old] if old else [])))


class Run:
    """One run of a program; `stop()` may be called from the event loop at any time."""

    def __init__(self) -> None:
        self.proc: asyncio.subprocess.Process | None = None
        self._stopped = False

    def stop(self) -> None:
        self._stopped = True
        self._kill()

    def _kill(self) -> None:
        if self.proc is None or self.proc.returncode is not None:
            return
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError, OSError):
            try:
                self.proc.kill()
            except ProcessLookupError:
                pass

    async def execute(self, lua: str, target: str, workdir: Path, cwd: Path, *, timeout: float,
                      memory_mb: int, args: list[str], sink: OutputSink) -> RunOutcome:
        workdir.mkdir(parents=True, exist_ok=True)
        stamp = f"{os.getpid()}-{id(self)}"
        chunk = workdir / f"run-{stamp}.lua"
        result = workdir / f"run-{stamp}.json"
        chunk.write_bytes(lua.encode("latin-1", "replace"))
        result.unlink(missing_ok=True)
        cmd = [sys.executable, "-m", "lua_of_ocaml_lsp.run_worker", "--target", target,
               "--memory-mb", str(memory_mb), "--cpu-seconds", str(math.ceil(timeout) + 2),
               "--result", str(result), "--", str(chunk), *args]
        env = dict(os.environ, PYTHONPATH=_python_path(), PYTHONUNBUFFERED="1")
        start = time.monotonic()
        try:
            self.proc = await asyncio.create_subprocess_exec(
                *cmd, stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.PIPE, cwd=str(cwd) if cwd.is_dir() else None, env=env,
                start_new_session=True)
        except OSError as e:
            chunk.unlink(missing_ok=True)
            return RunOutcome("error", None, 0.0, "", f"cannot start the run: {e.strerror}")
        if self._stopped:
            self._kill()
        budget = [MAX_STREAMED, 0]   # bytes left to stream, bytes dropped
        tail = bytearray()

        async def pump(stream: asyncio.StreamReader, name: str) -> None:
            decoder = codecs.getincrementaldecoder("utf-8")("replace")
            while True:
                data = await stream.read(65536)
                if not data:
                    break
                if name == "stderr":
                    tail.extend(data)
                    del tail[:-STDERR_TAIL]
                if budget[0] <= 0:
                    budget[1] += len(data)
                    continue
                part = data[:budget[0]]
                budget[1] += len(data) - len(part)
                budget[0] -= len(part)
                text = decoder.decode(part)
                if text:
                    sink(name, text)
            rest = decoder.decode(b"", final=True)
            if rest:
                sink(name, rest)

        readers = asyncio.gather(pump(self.proc.stdout, "stdout"), pump(self.proc.stderr, "stderr"))
        timed_out = False
        try:
            await asyncio.wait_for(self.proc.wait(), timeout)
        except asyncio.TimeoutError:
            timed_out = True
            self._kill()
            await self.proc.wait()
        except asyncio.CancelledError:
            self._kill()
            raise
        # whatever the program started in its group (os.execute ... &) goes with it
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError, OSError):
            pass
        try:
            await asyncio.wait_for(readers, 5)
        except asyncio.TimeoutError:
            readers.cancel()
        elapsed = time.monotonic() - start
        code = self.proc.returncode
        stderr_tail = tail.decode("utf-8", "replace")
        try:
            info = json.loads(result.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            info = {}
        for f in (chunk, result):
            f.unlink(missing_ok=True)
        if budget[1]:
            sink("stderr", f"\n[lua_of_ocaml: {budget[1]} more bytes of output not shown]\n")
        return self._outcome(info, code, timed_out, elapsed, stderr_tail, timeout, memory_mb, budget[1])

    def _outcome(self, info: dict, code: int | None, timed_out: bool, elapsed: float, tail: str,
                 timeout: float, memory_mb: int, dropped: int) -> RunOutcome:
        if timed_out:
            return RunOutcome("timeout", None, elapsed, tail,
                              f"stopped after {timeout:g} s (the run time limit, setting runTimeout)", dropped)
        if self._stopped:
            return RunOutcome("stopped", None, elapsed, tail, "stopped", dropped)
        status = info.get("status")
        if status == "exited":
            ec = int(info.get("exitCode", code or 0))
            return RunOutcome("exited", ec, elapsed, tail, f"exited with code {ec}", dropped)
        if status == "memory" or "not enough memory" in tail or "MemoryError" in tail:
            return RunOutcome("memory", code, elapsed, tail,
                              f"stopped: out of memory (limit {memory_mb} MiB, setting runMemoryMB)", dropped)
        if status == "error":
            return RunOutcome("error", code, elapsed, tail, str(info.get("message", "error")), dropped)
        if code is not None and code < 0:
            sig = -code
            if sig == signal.SIGXCPU:
                return RunOutcome("timeout", None, elapsed, tail, "stopped: CPU time limit", dropped)
            name = signal.Signals(sig).name if sig in signal.Signals._value2member_map_ else str(sig)
            return RunOutcome("crashed", None, elapsed, tail, f"the run was killed by signal {name}", dropped)
        return RunOutcome("crashed", code, elapsed, tail, f"the run ended without a result (code {code})",
                          dropped)
