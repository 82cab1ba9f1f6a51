"""Shared fixtures: building OCaml programs with ocamlc and their ocamlrun reference results."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PROGRAMS = ROOT / "tests" / "programs"
CACHE = ROOT / ".cache" / "tests"
TARGETS = ("luajit", "lua51", "lua54")
NATIVE = {"luajit": "luajit", "lua51": "lua5.1", "lua54": "lua5.4"}
RUN_TIMEOUT = 120


@dataclass
class Reference:
    stdout: bytes
    stderr: bytes
    returncode: int


def program_sources(name: str) -> list[Path]:
    """The files of a test program: NAME.ml, or a folder with an `order` file.

    A folder's `order` lists its sources in link order; .mll files go through
    ocamllex, .mly files through ocamlyacc (or menhir when the folder has a file
    `menhir`), and an optional `flags` file holds extra ocamlc arguments placed
    before the sources (for example `-I +str str.cma`)."""
    p = PROGRAMS / name
    if p.is_dir():
        order = (p / "order").read_text().split()
        extra = [p / f for f in ("flags", "menhir") if (p / f).exists()]
        return [p / f for f in order] + extra
    return [PROGRAMS / f"{name}.ml"]


def all_programs() -> list[str]:
    names = []
    for p in sorted(PROGRAMS.iterdir()):
        if p.suffix == ".ml":
            names.append(p.stem)
        elif p.is_dir() and (p / "order").is_file():
            names.append(p.name)
    return names


def _digest(files: list[Path]) -> str:
    h = hashlib.sha256()
    for f in files:
        h.update(f.name.encode())
        h.update(f.read_bytes())
    h.update(subprocess.run(["ocamlc", "-version"], capture_output=True, text=True).stdout.encode())
    return h.hexdigest()[:20]


def build_program(name: str) -> tuple[Path, Reference]:
    """Bytecode (ocamlc -g) and ocamlrun's results for a test program, cached by content."""
    srcs = program_sources(name)
    d = CACHE / f"{name}-{_digest(srcs)}-{hashlib.sha256(program_input(name)).hexdigest()[:8]}"
    exe = d / "prog.byte"
    ref_file = d / "ref.json"
    if not ref_file.exists():
        d.mkdir(parents=True, exist_ok=True)
        work = d / "src"
        work.mkdir(exist_ok=True)
        for s in srcs:
            shutil.copy(s, work / s.name)
        flags: list[str] = []
        units: list[str] = []
        use_menhir = any(s.name == "menhir" for s in srcs)
        for s in srcs:
            if s.name == "flags":
                flags = s.read_text().split()
            elif s.suffix == ".mll":
                subprocess.run(["ocamllex", "-q", s.name], cwd=work, check=True, capture_output=True)
                units.append(s.stem + ".ml")
            elif s.suffix == ".mly":
                tool = ["menhir"] if use_menhir else ["ocamlyacc"]
                subprocess.run([*tool, s.name], cwd=work, check=True, capture_output=True)
                units += [s.stem + ".mli", s.stem + ".ml"]
            elif s.suffix in (".ml", ".mli"):
                units.append(s.name)
        proc = subprocess.run(["ocamlc", "-g", *flags, *units, "-o", str(exe)],
                              cwd=work, capture_output=True, text=True)
        if proc.returncode != 0:
            raise RuntimeError(f"ocamlc failed on {name}:\n{proc.stderr}")
        run = subprocess.run(["ocamlrun", str(exe)], cwd=work, capture_output=True, timeout=RUN_TIMEOUT,
                             input=program_input(name))
        ref_file.write_text(json.dumps({"stdout": run.stdout.decode("latin-1"),
                                        "stderr": run.stderr.decode("latin-1"),
                                        "returncode": run.returncode}))
    data = json.loads(ref_file.read_text())
    return exe, Reference(data["stdout"].encode("latin-1"), data["stderr"].encode("latin-1"),
                          data["returncode"])


_TOOL_DIGEST: list[str] = []


def tool_digest() -> str:
    """Changes whenever the compiler or the runtime changes (keys cached Lua output)."""
    if not _TOOL_DIGEST:
        h = hashlib.sha256()
        for base in (ROOT / "compiler", ROOT / "runtime"):
            for f in sorted(base.rglob("*")):
                if f.suffix in (".py", ".lua"):
                    h.update(str(f.relative_to(ROOT)).encode())
                    h.update(f.read_bytes())
        _TOOL_DIGEST.append(h.hexdigest()[:16])
    return _TOOL_DIGEST[0]


def compiled_lua(name: str, target: str) -> tuple[Path, Reference]:
    exe, ref = build_program(name)
    out = exe.with_name(f"prog.{target}.{tool_digest()}.lua")
    if not out.exists():
        from lua_of_ocaml.api import compile_exe_targets, write_atomically
        from lua_of_ocaml.bytecode.exe_file import read_exe
        for t, res in compile_exe_targets(read_exe(exe), list(TARGETS)).items():
            write_atomically(exe.with_name(f"prog.{t}.{tool_digest()}.lua"), res.lua)
    return out, ref


def program_input(name: str) -> bytes:
    """Standard input of a test program: NAME.input or NAME/input, else nothing."""
    for f in (PROGRAMS / f"{name}.input", PROGRAMS / name / "input"):
        if f.is_file():
            return f.read_bytes()
    return b""


def run_lupa(lua_file: Path, target: str, name: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lua_of_ocaml.cli", "run", str(lua_file),
                           "--target", target], cwd=lua_file.parent / "src",
                          capture_output=True, timeout=RUN_TIMEOUT, input=program_input(name))


def run_native(lua_file: Path, target: str, name: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([NATIVE[target], str(lua_file)], cwd=lua_file.parent / "src",
                          capture_output=True, timeout=RUN_TIMEOUT, input=program_input(name))


@pytest.fixture(scope="session", autouse=True)
def _tools_present():
    for tool in ("ocamlc", "ocamlrun"):
        if shutil.which(tool) is None:
            pytest.exit(f"{tool} is required (run scripts/setup.sh)", returncode=2)
    os.environ.setdefault("PYTHONHASHSEED", "0")
