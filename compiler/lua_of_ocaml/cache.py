"""The per-user cache folder of the tool (compiled OCaml library, decoded debug info).

`LUA_OF_OCAML_CACHE` overrides it; otherwise it follows XDG_CACHE_HOME. Everything
in it can be deleted at any time: it is rebuilt on demand.
"""

from __future__ import annotations

import os
from pathlib import Path


def cache_root() -> Path:
    env = os.environ.get("LUA_OF_OCAML_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "lua_of_ocaml"
