"""Parse what ocamlc (or dune, which prints ocamlc's messages) writes into messages.

A message starts with a header at the start of a line:

    File "a.ml", line 3, characters 8-9:
    File "a.ml", lines 2-4, characters 8-10:     (start in line 2, end in line 4)
    File "a.ml", line 1:                         (no columns)

then an optional excerpt of the source (`3 | code` and a line of carets), then
the text, which starts with `Error`, `Warning N [name]:` or `Alert name:` and
runs, continuation lines included, up to the next header. Output before any
header (a link error, for instance) is a message without a location.
Indented `File "...", line L, characters A-B: text` lines inside a message
(the two sides of a signature mismatch) become related locations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_HEADER = re.compile(
    r'^File "(?P<file>[^"]+)", (?:line (?P<line>\d+)|lines (?P<l1>\d+)-(?P<l2>\d+))'
    r'(?:, characters (?P<c1>-?\d+)-(?P<c2>-?\d+))?:\s*(?P<rest>.*)$')
_RELATED = re.compile(
    r'^\s+File "(?P<file>[^"]+)", line (?P<line>\d+), characters (?P<c1>\d+)-(?P<c2>\d+):\s*(?P<text>.*)$')
_EXCERPT = re.compile(r"^(\d+ \| |\s*\^+\s*$|\.\.\.)|^\s*\d+ \| ")
_KIND = re.compile(r"^(?P<kind>Error|Warning|Alert)\b(?P<rest>.*)")
_WARNING_NUM = re.compile(r"^(?:Error \(warning|Warning) (?P<num>\d+)(?: \[(?P<name>[\w-]+)\])?")
_ALERT_NAME = re.compile(r"^(?:Error \(alert|Alert) (?P<name>[\w-]+)")
# dune's own lines: the command that failed, and the summary of a failed build
_DUNE_NOISE = re.compile(r"^\s*(\(cd .*\)|\S+ .*\(exit \d+\)|\(exit \d+\))\s*$")


@dataclass
class Related:
    file: str
    line: int
    col_start: int
    col_end: int
    text: str


@dataclass
class OcamlMessage:
    severity: str                 # "error", "warning", "alert", "info"
    text: str                     # the message, multi-line text kept whole
    file: str | None = None       # as printed (relative to the compiler's directory)
    line: int = 1                 # 1-based
    line_end: int = 1
    col_start: int | None = None  # bytes in `line`; None: no columns given
    col_end: int | None = None    # bytes in `line_end`
    code: str | None = None       # warning number and name, or alert name
    related: list[Related] = field(default_factory=list)


def _classify(text: str) -> tuple[str, str | None]:
    first = text.lstrip()
    m = _WARNING_NUM.match(first)
    code = None
    if m:
        code = m.group("num") + (f" [{m.group('name')}]" if m.group("name") else "")
    else:
        a = _ALERT_NAME.match(first)
        if a:
            code = f"alert {a.group('name')}"
    if first.startswith("Error"):
        return "error", code
    if first.startswith("Warning"):
        return "warning", code
    if first.startswith("Alert"):
        return "alert", code
    return "error", code


def parse_messages(output: str) -> list[OcamlMessage]:
    """All messages of an ocamlc (or dune) run, in order."""
    messages: list[OcamlMessage] = []
    lines = output.replace("\r\n", "\n").split("\n")
    loose: list[str] = []          # text outside any header
    current: OcamlMessage | None = None
    body: list[str] = []
    in_excerpt = False

    def finish() -> None:
        nonlocal current, body
        if current is not None:
            text = "\n".join(body).strip("\n").rstrip()
            current.text = text or "(no message)"
            current.severity, current.code = _classify(text)
            current.related = []
            for i, b in enumerate(body):
                m = _RELATED.match(b)
                if m:
                    # with a long file name, ocamlc's formatter puts the text on the next line
                    note = m.group("text") or (body[i + 1].strip() if i + 1 < len(body) else "")
                    current.related.append(Related(m.group("file"), int(m.group("line")),
                                                   int(m.group("c1")), int(m.group("c2")), note))
            messages.append(current)
        current, body = None, []

    for raw in lines:
        h = _HEADER.match(raw)
        if h:
            finish()
            line = int(h.group("line") or h.group("l1"))
            line_end = int(h.group("line") or h.group("l2"))
            c1 = h.group("c1")
            current = OcamlMessage("error", "", h.group("file"), line, line_end,
                                   int(c1) if c1 is not None else None,
                                   int(h.group("c2")) if c1 is not None else None)
            body = [h.group("rest")] if h.group("rest") else []
            in_excerpt = not body
            continue
        if current is None:
            if raw.strip() and not _DUNE_NOISE.match(raw):
                loose.append(raw)
            continue
        if in_excerpt:
            if _KIND.match(raw):
                in_excerpt = False
            elif _EXCERPT.match(raw) or not raw.strip():
                continue
            else:
                in_excerpt = False
        if _DUNE_NOISE.match(raw):
            continue
        if _KIND.match(raw) and any(_KIND.match(b) for b in body):
            # a second Error/Warning line at the margin: a new message without a place
            finish()
            loose.append(raw)
            continue
        body.append(raw)
    finish()
    # headerless output (link errors and the like) becomes messages without a place
    for text in _split_loose(loose):
        sev, code = _classify(text)
        messages.append(OcamlMessage(sev, text, None, 1, 1, None, None, code))
    # ocamlc reports link errors at File "_none_"
    for m in messages:
        if m.file in ("_none_", "command line", "//toplevel//"):
            m.file = None
    return messages


def _split_loose(lines: list[str]) -> list[str]:
    """Group location-less lines: each `Error`/`Warning` line starts a message."""
    groups: list[list[str]] = []
    for line in lines:
        if _KIND.match(line) or not groups:
            groups.append([line])
        else:
            groups[-1].append(line)
    return ["\n".join(g).rstrip() for g in groups if "\n".join(g).strip()]
