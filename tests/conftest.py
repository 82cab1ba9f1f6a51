"""Shared fixtures: building OCaml programs with ocamlc and their ocamlrun reference results."""

from __future__ import annotations

import contextlib
import fcntl
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

# Which OCaml builds the test programs: "system" (ocamlc/ocamlrun on PATH) or a
# version that scripts/build-ocaml.sh builds once into ~/.cache/lua_of_ocaml/ocaml ("4.14",
# "5.3"). Chosen with `pytest --ocaml-version V` or the environment variable
# LUA_OF_OCAML_OCAML; the reference run uses the same version's ocamlrun.
OCAML_VERSIONS = ("system", "4.14", "5.3")
OCAML_ENV_VAR = "LUA_OF_OCAML_OCAML"
_selected_version: list[str] = []
_ocaml_bins: dict[str, Path | None] = {}


def selected_ocaml_version() -> str:
    """The OCaml version the fast suite builds its programs with."""
    if _selected_version:
        return _selected_version[0]
    v = os.environ.get(OCAML_ENV_VAR, "") or "system"
    if v not in OCAML_VERSIONS:
        raise pytest.UsageError(f"{OCAML_ENV_VAR}={v!r}: choose one of {', '.join(OCAML_VERSIONS)}")
    return v


def ocaml_bin(version: str | None = None) -> Path | None:
    """The bin directory of an OCaml version (None: the tools on PATH), built on first use."""
    version = version or selected_ocaml_version()
    if version == "system":
        return None
    if version not in OCAML_VERSIONS:
        raise ValueError(f"unknown OCaml version {version!r}")
    if version not in _ocaml_bins:
        proc = subprocess.run(["bash", str(ROOT / "scripts" / "build-ocaml.sh"), version],
                              capture_output=True, text=True)
        if proc.returncode != 0:
            raise RuntimeError(f"scripts/build-ocaml.sh {version} failed:\n{proc.stderr[-3000:]}")
        _ocaml_bins[version] = Path(proc.stdout.strip().splitlines()[-1])
    return _ocaml_bins[version]


def ocaml_tool(tool: str, version: str | None = None) -> str:
    """Path of ocamlc, ocamlrun, ocamllex or ocamlyacc for an OCaml version."""
    b = ocaml_bin(version)
    return tool if b is None else str(b / tool)


def ocaml_env(version: str | None = None) -> dict[str, str] | None:
    """Environment for a built compiler: no OCAMLLIB/CAMLLIB pointing at the system's library."""
    if ocaml_bin(version) is None:
        return None
    env = {k: v for k, v in os.environ.items()
           if k not in ("OCAMLLIB", "CAMLLIB", "CAML_LD_LIBRARY_PATH", "OCAMLPARAM")}
    env["PATH"] = f"{ocaml_bin(version)}{os.pathsep}{env.get('PATH', '')}"
    return env


def pytest_addoption(parser) -> None:
    parser.addoption("--ocaml-version", choices=OCAML_VERSIONS, default=None,
                     help=f"OCaml that builds the test programs (default: ${OCAML_ENV_VAR} or system)")


def pytest_configure(config) -> None:
    v = config.getoption("--ocaml-version", default=None)
    if v:
        _selected_version[:] = [v]
        os.environ[OCAML_ENV_VAR] = v  # xdist workers read it


@pytest.fixture(scope="session")
def ocaml_version() -> str:
    """The selected OCaml version ("system", "4.14" or "5.3")."""
    return selected_ocaml_version()


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


def _digest(files: list[Path], version: str | None = None) -> str:
    h = hashlib.sha256()
    for f in files:
        h.update(f.name.encode())
        h.update(f.read_bytes())
    h.update(subprocess.run([ocaml_tool("ocamlc", version), "-version"], capture_output=True,
                            text=True, env=ocaml_env(version)).stdout.encode())
    return h.hexdigest()[:20]


def build_program(name: str, version: str | None = None) -> tuple[Path, Reference]:
    """Bytecode (ocamlc -g) and ocamlrun's results for a test program, cached by content
    and by the OCaml version that built it (default: the selected one)."""
    version = version or selected_ocaml_version()
    env = ocaml_env(version)
    srcs = program_sources(name)
    label = "" if version == "system" else f"ocaml{version}-"
    d = CACHE / (f"{name}-{label}{_digest(srcs, version)}-"
                 f"{hashlib.sha256(program_input(name)).hexdigest()[:8]}")
    exe = d / "prog.byte"
    ref_file = d / "ref.json"
    d.mkdir(parents=True, exist_ok=True)
    with _locked(d / ".lock"):
        if not ref_file.exists():
            _build(name, srcs, d, exe, ref_file, version, env)
    data = json.loads(ref_file.read_text())
    return exe, Reference(data["stdout"].encode("latin-1"), data["stderr"].encode("latin-1"),
                          data["returncode"])


@contextlib.contextmanager
def _locked(path: Path):
    """Serialise work on one cache entry between test processes."""
    with open(path, "w") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def program_objects(name: str) -> tuple[list[str], list[str]]:
    """The ocamlc flags of a test program and its units' sources in link order
    (generated .ml of ocamllex/ocamlyacc/menhir included)."""
    flags: list[str] = []
    units: list[str] = []
    for s in program_sources(name):
        if s.name == "flags":
            flags = s.read_text().split()
        elif s.suffix == ".mll":
            units.append(s.stem + ".ml")
        elif s.suffix == ".mly":
            units += [s.stem + ".mli", s.stem + ".ml"]
        elif s.suffix in (".ml", ".mli"):
            units.append(s.name)
    return flags, units


def _build(name: str, srcs: list[Path], d: Path, exe: Path, ref_file: Path, version: str,
           env) -> None:
    if True:
        d.mkdir(parents=True, exist_ok=True)
        work = d / "src"
        work.mkdir(exist_ok=True)
        for s in srcs:
            shutil.copy(s, work / s.name)
        use_menhir = any(s.name == "menhir" for s in srcs)
        for s in srcs:
            if s.suffix == ".mll":
                subprocess.run([ocaml_tool("ocamllex", version), "-q", s.name], cwd=work, check=True,
                               capture_output=True, env=env)
            elif s.suffix == ".mly":
                tool = ["menhir"] if use_menhir else [ocaml_tool("ocamlyacc", version)]
                subprocess.run([*tool, s.name], cwd=work, check=True, capture_output=True, env=env)
        flags, units = program_objects(name)
        proc = subprocess.run([ocaml_tool("ocamlc", version), "-g", *flags, *units, "-o", str(exe)],
                              cwd=work, capture_output=True, text=True, env=env)
        if proc.returncode != 0:
            raise RuntimeError(f"ocamlc ({version}) failed on {name}:\n{proc.stderr}")
        run = subprocess.run([ocaml_tool("ocamlrun", version), str(exe)], cwd=work,
                             capture_output=True, timeout=RUN_TIMEOUT, input=program_input(name),
                             env=env)
        tmp = ref_file.with_suffix(".tmp")
        tmp.write_text(json.dumps({"stdout": run.stdout.decode("latin-1"),
                                   "stderr": run.stderr.decode("latin-1"),
                                   "returncode": run.returncode}))
        os.replace(tmp, ref_file)


_TOOL_DIGEST: list[str] = []


def tool_digest() -> str:
    """Changes whenever the compiler, the Lua runtime or the OCaml library changes
    (keys cached Lua output)."""
    if not _TOOL_DIGEST:
        h = hashlib.sha256()
        for base in (ROOT / "compiler", ROOT / "runtime"):
            for f in sorted(base.rglob("*")):
                if f.suffix in (".py", ".lua", ".ml", ".mli"):
                    h.update(str(f.relative_to(ROOT)).encode())
                    h.update(f.read_bytes())
        _TOOL_DIGEST.append(h.hexdigest()[:16])
    return _TOOL_DIGEST[0]


def compiled_lua(name: str, target: str, version: str | None = None) -> tuple[Path, Reference]:
    exe, ref = build_program(name, version)
    out = exe.with_name(f"prog.{target}.{tool_digest()}.lua")
    with _locked(exe.with_name(".lock")):
        _compile_all(exe, out)
    return out, ref


def _compile_all(exe: Path, out: Path) -> None:
    if not out.exists():
        from lua_of_ocaml.api import compile_exe_targets, write_atomically
        from lua_of_ocaml.bytecode.exe_file import read_exe
        for t, res in compile_exe_targets(read_exe(exe), list(TARGETS)).items():
            write_atomically(exe.with_name(f"prog.{t}.{tool_digest()}.lua"), res.lua)


def separately_linked_lua(name: str, target: str, version: str | None = None) -> tuple[Path, Reference]:
    """The program's .cmo files (left by its build) and the libraries it names, each
    compiled on its own and joined by `lua_of_ocaml link` (separate compilation)."""
    exe, ref = build_program(name, version)
    out = exe.with_name(f"linked.{target}.{tool_digest()}.lua")
    with _locked(exe.with_name(".lock")):
        if not out.exists():
            from lua_of_ocaml.api import link_files, write_atomically
            flags, units = program_objects(name)
            objects = [f for f in flags if f.endswith((".cma", ".cmo"))]
            objects += [str(exe.parent / "src" / (Path(u).stem + ".cmo"))
                        for u in units if u.endswith(".ml")]
            res = link_files(objects, target, ocamlc=ocaml_tool("ocamlc", version))
            write_atomically(out, res.lua)
    return out, ref


def nvim_path() -> str | None:
    """The Neovim of the virtual environment (recent), else the one on PATH."""
    venv = Path(sys.executable).parent / "nvim"
    if venv.is_file():
        return str(venv)
    return shutil.which("nvim")


def program_input(name: str) -> bytes:
    """Standard input of a test program: NAME.input or NAME/input, else nothing."""
    for f in (PROGRAMS / f"{name}.input", PROGRAMS / name / "input"):
        if f.is_file():
            return f.read_bytes()
    return b""


@contextlib.contextmanager
def _private_cwd(lua_file: Path):
    """A fresh copy of the program's source folder to run in: programs create and
    remove files, and the runs of one program (each target, lupa and the real
    interpreters) happen at the same time in different test processes."""
    import tempfile
    with tempfile.TemporaryDirectory(prefix="run.") as tmp:
        work = Path(tmp) / "src"
        shutil.copytree(lua_file.parent / "src", work)
        yield work


def run_lupa(lua_file: Path, target: str, name: str = "") -> subprocess.CompletedProcess:
    with _private_cwd(lua_file) as cwd:
        return subprocess.run([sys.executable, "-m", "lua_of_ocaml.cli", "run", str(lua_file),
                               "--target", target], cwd=cwd,
                              capture_output=True, timeout=RUN_TIMEOUT, input=program_input(name))


def run_native(lua_file: Path, target: str, name: str = "") -> subprocess.CompletedProcess:
    with _private_cwd(lua_file) as cwd:
        return subprocess.run([NATIVE[target], str(lua_file)], cwd=cwd,
                              capture_output=True, timeout=RUN_TIMEOUT, input=program_input(name))


@pytest.fixture(scope="session", autouse=True)
def _tools_present():
    for tool in ("ocamlc", "ocamlrun"):
        if shutil.which(tool) is None:
            pytest.exit(f"{tool} is required (run scripts/setup.sh)", returncode=2)
    os.environ.setdefault("PYTHONHASHSEED", "0")
