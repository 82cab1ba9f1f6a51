"""Conformance: every program of tests/programs behaves as under ocamlrun.

Each program is built with `ocamlc -g`, run by `ocamlrun` for the reference,
compiled to Lua for each target and run through lupa (fast suite) and through
Debian's real interpreters (slow suite); the slow suite also links each program
from its separately compiled units. Stdout and the exit code must match;
stderr too when the program dies of an uncaught exception.
"""

from __future__ import annotations

import pytest

from conftest import TARGETS, all_programs, compiled_lua, run_lupa, run_native, separately_linked_lua

PROGRAMS = all_programs()


def _check(proc, ref) -> None:
    assert proc.stdout == ref.stdout, (
        f"stdout differs\n--- expected\n{ref.stdout.decode('latin-1')[-3000:]}\n"
        f"--- got\n{proc.stdout.decode('latin-1')[-3000:]}\n--- stderr\n"
        f"{proc.stderr.decode('latin-1')[-3000:]}")
    assert proc.returncode == ref.returncode, (
        f"exit code {proc.returncode}, expected {ref.returncode}; stderr:\n"
        f"{proc.stderr.decode('latin-1')[-3000:]}")
    if ref.stderr.startswith(b"Fatal error"):
        assert proc.stderr.endswith(ref.stderr) or ref.stderr in proc.stderr


def _grouped(names):
    # all targets of one program run in the same worker: it is compiled once
    return [pytest.param(n, marks=pytest.mark.xdist_group(n)) for n in names]


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("name", _grouped(PROGRAMS))
def test_program_lupa(name: str, target: str) -> None:
    lua, ref = compiled_lua(name, target)
    _check(run_lupa(lua, target, name), ref)


@pytest.mark.slow
@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("name", _grouped(PROGRAMS))
def test_program_native(name: str, target: str) -> None:
    lua, ref = compiled_lua(name, target)
    _check(run_native(lua, target, name), ref)


@pytest.mark.slow
@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("name", _grouped(PROGRAMS))
def test_program_separately_compiled(name: str, target: str) -> None:
    """The same program from its .cmo files, each compiled on its own and linked
    (`lua_of_ocaml link`), with the standard library's units from the cache."""
    lua, ref = separately_linked_lua(name, target)
    _check(run_native(lua, target, name), ref)
