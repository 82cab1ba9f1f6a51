"""Progress of a long compilation (a whole compiler is tens of seconds of work).

The passes call a `Progress` with a stage name and how far they are; the command
line draws it as a bar on a terminal, other callers (the language server) may
turn it into their own notifications or pass nothing.
"""

from __future__ import annotations

import sys
import time
from typing import Callable, TextIO

# stage, units done, units in the stage (0 when unknown)
Progress = Callable[[str, int, int], None]

STAGES = ("decoding bytecode", "building IR", "optimising", "generating Lua")


class TerminalProgress:
    """A one-line bar on a terminal, redrawn at most ten times a second and erased
    when the work ends, so that warnings printed afterwards start on a clean line."""

    def __init__(self, stream: TextIO | None = None, width: int = 30):
        self.stream = stream or sys.stderr
        self.width = width
        self.last = 0.0
        self.shown = False

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self.last < 0.1 and done != total:
            return
        self.last = now
        step = STAGES.index(stage) + 1 if stage in STAGES else 0
        frac = min(1.0, done / total) if total > 0 else 0.0
        filled = int(frac * self.width)
        bar = "#" * filled + "-" * (self.width - filled)
        self.stream.write(f"\r[{step}/{len(STAGES)}] {stage:<18} [{bar}] {int(frac * 100):3d}%")
        self.stream.flush()
        self.shown = True

    def finish(self) -> None:
        if self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self.shown = False


def terminal_progress(stream: TextIO | None = None) -> TerminalProgress | None:
    """A bar when `stream` (stderr by default) is a terminal, None otherwise."""
    s = stream or sys.stderr
    try:
        return TerminalProgress(s) if s.isatty() else None
    except (AttributeError, ValueError):
        return None
