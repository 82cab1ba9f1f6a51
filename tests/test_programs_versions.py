"""Conformance under other OCaml versions: every program of tests/programs built by
OCaml 4.14 and 5.3 (scripts/build-ocaml.sh, built once into .cache/ocaml) behaves
as under that version's ocamlrun, on the three targets through lupa.

Run with `pytest -m ocaml_versions` (the first run builds both compilers, about
4 minutes each). docs/ocaml5.md lists what is supported and what fails.
"""

from __future__ import annotations

import shutil

import pytest

from conftest import TARGETS, all_programs, compiled_lua, ocaml_bin, run_lupa
from test_programs import _check

VERSIONS = ("4.14", "5.3")
PROGRAMS = all_programs()

# (version, program) -> why the program cannot be checked under that version.
# Only for programs whose source or expected output depends on the version in a
# way the Lua side cannot follow; a failure of lua_of_ocaml is never listed here.
SKIP: dict[tuple[str, str], str] = {
    ("5.3", "printf_strings"): "OCaml 5 rejects a precision with %s (\"%10.2s\": `precision' is "
                               "incompatible with 's'), so the source does not compile",
}

pytestmark = [pytest.mark.slow, pytest.mark.ocaml_versions]


def _ensure(version: str):
    """The bin directory of `version`, built on first use (cached in .cache/ocaml)."""
    missing = [t for t in ("npm", "make", "cc") if shutil.which(t) is None]
    if missing and not _built(version):
        pytest.skip(f"building OCaml {version} needs {', '.join(missing)}")
    return ocaml_bin(version)


def _built(version: str) -> bool:
    from conftest import ROOT
    cache = ROOT / ".cache" / "ocaml"
    return any(cache.glob(f"ocaml-{version}.*/.lua_of_ocaml-complete"))


def _params():
    out = []
    for v in VERSIONS:
        for n in PROGRAMS:
            marks = [pytest.mark.xdist_group(f"{v}-{n}")]
            if (v, n) in SKIP:
                marks.append(pytest.mark.skip(reason=SKIP[v, n]))
            out.append(pytest.param(v, n, marks=marks, id=f"{v}-{n}"))
    return out


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("version,name", _params())
def test_program_version_lupa(version: str, name: str, target: str) -> None:
    _ensure(version)
    lua, ref = compiled_lua(name, target, version)
    _check(run_lupa(lua, target, name), ref)


@pytest.mark.parametrize("version", VERSIONS)
def test_compiler_version(version: str) -> None:
    """The built compiler reports the version it was built for."""
    import subprocess
    b = _ensure(version)
    out = subprocess.run([str(b / "ocamlc"), "-version"], capture_output=True, text=True).stdout
    assert out.startswith(version + "."), out
