"""The library tests of OCaml's own testsuite (testsuite/tests/lib-*), fetched from the
npm package `ocaml` and read for the tests our conformance harness can run.

    python tests/ocaml_testsuite.py fetch      # extract, print the folder
    python tests/ocaml_testsuite.py list       # selected tests, then excluded ones with why

The sources are extracted once into ~/.cache/lua_of_ocaml/testsuite-VERSION
($XDG_CACHE_HOME respected); nothing of the distribution is kept in
the repository. Each test starts with an ocamltest header, `(* TEST ... *)`: a tree
of actions (`* bytecode`, `** native` ...) and variables (`flags += "..."`,
`include str`). A test is selected when its header asks for nothing but a plain
bytecode build of a single file (or of a few .ml modules) with the str, unix or
testsuite `testing` libraries.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

OCAML_VERSION = "4.14.1"
NPM_VERSION = "4.14.1000"  # the npm package publishes OCaml 4.14.1 as 4.14.1000
CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "lua_of_ocaml"
STAMP = ".lua_of_ocaml-complete"

# Messages of npm (and of the resolver under it) when the machine has no network.
_OFFLINE = ("ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "ECONNREFUSED", "ETIMEDOUT",
            "ECONNRESET", "EHOSTUNREACH", "network", "offline")


class FetchError(Exception):
    """The testsuite could not be obtained; `offline` says whether the network is missing."""

    def __init__(self, msg: str, offline: bool = False):
        super().__init__(msg)
        self.offline = offline


def testsuite_dir() -> Path:
    """testsuite/ of OCaml's sources (tests/lib-* and lib/), extracted on first use."""
    dest = CACHE / f"testsuite-{OCAML_VERSION}"
    if (dest / STAMP).exists():
        return dest
    CACHE.mkdir(parents=True, exist_ok=True)
    with open(CACHE / f"testsuite-{OCAML_VERSION}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (dest / STAMP).exists():
            _fetch(dest)
    return dest


def _fetch(dest: Path) -> None:
    if shutil.which("npm") is None:
        raise FetchError("npm is required to fetch OCaml's testsuite (the npm package ocaml)")
    with tempfile.TemporaryDirectory(dir=CACHE, prefix=".testsuite-") as tmp:
        try:
            proc = subprocess.run(["npm", "pack", "--loglevel=error", "--prefer-offline",
                                   "--fetch-retries=1", f"ocaml@{NPM_VERSION}"], cwd=tmp,
                                  capture_output=True, text=True, timeout=600)
        except subprocess.TimeoutExpired:
            raise FetchError(f"no network: fetching the npm package ocaml@{NPM_VERSION} "
                             "timed out", offline=True) from None
        tgz = Path(tmp) / (proc.stdout.strip().splitlines() or [""])[-1]
        if proc.returncode != 0 or not tgz.is_file():
            err = proc.stderr.strip()
            offline = any(k in err for k in _OFFLINE)
            code = next((ln for ln in err.splitlines() if " code " in ln),
                        err.splitlines()[-1] if err else f"exit code {proc.returncode}")
            if offline:
                raise FetchError(f"no network: cannot fetch the npm package ocaml@{NPM_VERSION} "
                                 f"({code.strip()})", offline=True)
            raise FetchError(f"npm pack ocaml@{NPM_VERSION} failed:\n{err[-2000:]}")
        out = Path(tmp) / "out"
        with tarfile.open(tgz) as tar:
            members = [m for m in tar.getmembers()
                       if (m.name.startswith("package/testsuite/tests/lib-")
                           or m.name.startswith("package/testsuite/lib/")
                           or m.name == "package/VERSION")
                       and (m.isfile() or m.isdir())]
            if not any(m.name.startswith("package/testsuite/tests/lib-") for m in members):
                raise FetchError(f"ocaml@{NPM_VERSION} holds no testsuite/tests/lib-* folders")
            for m in members:  # only plain files and folders, inside out/
                if m.name.startswith("/") or ".." in Path(m.name).parts:
                    raise FetchError(f"ocaml@{NPM_VERSION}: unexpected member {m.name}")
            safe = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
            tar.extractall(out, members=members, **safe)
        version = (out / "package" / "VERSION").read_text().splitlines()[0]
        if not version.startswith(OCAML_VERSION):
            raise FetchError(f"ocaml@{NPM_VERSION} holds OCaml {version}, expected {OCAML_VERSION}")
        src = out / "package" / "testsuite"
        (src / STAMP).write_text(version + "\n")
        if dest.exists():
            shutil.rmtree(dest)
        os.replace(src, dest)


# ---- ocamltest headers -------------------------------------------------------------

# Actions of a header tree that still give a plain bytecode run.
_PLAIN_ACTIONS = {"bytecode", "native", "hasunix", "hasstr", "libunix", "not-windows"}
_LIBRARIES = {"str": ["str.cma"], "unix": ["unix.cma"], "testing": []}
# Variables of headers that need more than one plain build and run.
_VARIABLES = {"program": "builds several programs", "all_modules": "builds several programs",
              "script": "runs a shell script", "reference": "a reference output of its own",
              "last_flags": "links C or Fortran code"}
_TOKEN = re.compile(r'\s*(?:(\*+)|("(?:[^"\\]|\\.)*")|(\+=|=)|([^\s="*]+))', re.S)


@dataclass
class LibTest:
    """One file of testsuite/tests/lib-*: whether it is selected, and how to build it."""
    folder: str
    file: str
    reason: str = ""                     # why the test is excluded ("" when selected)
    flags: list[str] = field(default_factory=list)
    libs: list[str] = field(default_factory=list)
    testing: bool = False                # links testsuite/lib/testing.ml
    modules: list[str] = field(default_factory=list)
    readonly: list[str] = field(default_factory=list)
    unset: list[str] = field(default_factory=list)
    ignore_stderr: bool = False

    @property
    def name(self) -> str:
        return f"{self.folder}/{self.file}"


def header(text: str) -> str | None:
    """Body of the leading `(* TEST ... *)` comment (nested comments kept), or None."""
    m = re.search(r"\(\*\s*TEST\b", text)
    if m is None or text[:m.start()].strip():
        return None
    depth, i = 1, m.end()
    start = i
    while i < len(text):
        if text.startswith("(*", i):
            depth, i = depth + 1, i + 2
        elif text.startswith("*)", i):
            depth -= 1
            if depth == 0:
                return text[start:i]
            i += 2
        elif text[i] == '"':
            j = text.find('"', i + 1)
            while j > 0 and text[j - 1] == "\\":
                j = text.find('"', j + 1)
            i = len(text) if j < 0 else j + 1
        else:
            i += 1
    return None


def _strip_comments(h: str) -> str:
    out, depth, i = [], 0, 0
    while i < len(h):
        if h.startswith("(*", i):
            depth, i = depth + 1, i + 2
        elif depth and h.startswith("*)", i):
            depth, i = depth - 1, i + 2
        else:
            if not depth:
                out.append(h[i])
            i += 1
    return "".join(out)


def classify(folder: str, path: Path) -> LibTest:
    tc = LibTest(folder, path.name)
    h = header(path.read_text(encoding="latin-1"))
    if h is None:
        tc.reason = "no ocamltest header (a module of another test)"
        return tc
    tokens = []
    pos, h = 0, _strip_comments(h)
    while pos < len(h):
        m = _TOKEN.match(h, pos)
        if m is None or m.end() == pos:
            break
        pos = m.end()
        stars, string, op, word = m.groups()
        if stars:
            tokens.append(("*", stars))
        elif string:
            tokens.append(("s", bytes(string[1:-1], "latin-1").decode("unicode_escape")))
        elif op:
            tokens.append(("=", op))
        elif word:
            tokens.append(("w", word))
    actions: list[str] = []
    i = 0

    def exclude(why: str) -> LibTest:
        tc.reason = why
        return tc

    while i < len(tokens):
        kind, v = tokens[i]
        if kind == "*":
            if i + 1 >= len(tokens) or tokens[i + 1][0] != "w":
                return exclude("unreadable ocamltest header")
            actions.append(tokens[i + 1][1])
            i += 2
            continue
        if kind != "w":
            return exclude("unreadable ocamltest header")
        if v in ("include", "unset"):
            if i + 1 >= len(tokens):
                return exclude("unreadable ocamltest header")
            arg = tokens[i + 1][1]
            if v == "unset":
                tc.unset.append(arg)
            elif arg not in _LIBRARIES:
                return exclude("threads" if arg == "systhreads" else f"needs the {arg} library")
            else:
                tc.libs += _LIBRARIES[arg]
                tc.testing |= arg == "testing"
            i += 2
            continue
        if i + 2 >= len(tokens) or tokens[i + 1][0] != "=":
            return exclude("unreadable ocamltest header")
        op, value = tokens[i + 1][1], tokens[i + 2][1]
        i += 3
        if v == "flags":
            tc.flags = (tc.flags if op == "+=" else []) + value.split()
        elif v == "readonly_files":
            tc.readonly += value.split()
        elif v == "modules":
            if any(not m.endswith(".ml") for m in value.split()):
                return exclude("C stubs")  # modules = "x.c"
            tc.modules += value.split()
        elif v in ("stdin", "stderr") and value == "/dev/null":
            tc.ignore_stderr |= v == "stderr"
        else:
            return exclude(_VARIABLES.get(v, f"ocamltest variable {v}"))
    for a in actions:
        if a not in _PLAIN_ACTIONS:
            return exclude({"expect": "expect test (toplevel)",
                            "toplevel": "toplevel test",
                            "naked_pointers": "naked pointers only",
                            "hassysthreads": "threads",
                            "libwin32unix": "Windows only",
                            "script": "runs a shell script"}.get(a, f"ocamltest action {a}"))
    if actions and "bytecode" not in actions:
        return exclude("native code only")
    if any(not (path.parent / f).is_file() for f in tc.readonly + tc.modules):
        return exclude("missing auxiliary file")
    return tc


def all_tests(root: Path) -> list[LibTest]:
    """Every .ml file of tests/lib-* (dynlink and thread folders are excluded whole)."""
    out = []
    for d in sorted((root / "tests").iterdir()):
        if not d.name.startswith("lib-") or not d.is_dir():
            continue
        for f in sorted(d.rglob("*.ml")):
            folder = str(f.parent.relative_to(root / "tests"))
            if "dynlink" in d.name:
                out.append(LibTest(folder, f.name, reason="dynlink"))
            elif "threads" in d.name:
                out.append(LibTest(folder, f.name, reason="threads"))
            else:
                out.append(classify(folder, f))
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 1 or argv[0] not in ("fetch", "list"):
        print("usage: ocaml_testsuite.py fetch|list", file=sys.stderr)
        return 2
    try:
        root = testsuite_dir()
    except FetchError as e:
        print(f"ocaml_testsuite: {e}", file=sys.stderr)
        return 1
    if argv[0] == "fetch":
        print(root)
        return 0
    tests = all_tests(root)
    for t in tests:
        if not t.reason:
            print(t.name)
    for t in tests:
        if t.reason:
            print(f"{t.name}: excluded ({t.reason})")
    return 0


if __name__ == "__main__":
    with contextlib.suppress(BrokenPipeError):
        sys.exit(main(sys.argv[1:]))
