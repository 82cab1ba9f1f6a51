"""The embedded Lua engines (lupa) that runtime unit tests run chunks in."""

from __future__ import annotations

import importlib

import pytest

from lua_of_ocaml.linker.link import link_runtime  # noqa: F401  (re-exported for the tests)

ENGINES = {"luajit": "lupa.luajit21", "lua51": "lupa.lua51", "lua54": "lupa.lua54"}
TARGETS = list(ENGINES)


def engine(target: str):
    """The lupa module of a target (scripts/setup.sh installs a lupa with all of them)."""
    try:
        return importlib.import_module(ENGINES[target])
    except ImportError:  # pragma: no cover - depends on the lupa build
        pytest.fail(f"{ENGINES[target]} is not available: reinstall lupa (scripts/setup.sh)")
