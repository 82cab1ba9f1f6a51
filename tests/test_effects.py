"""OCaml 5 effect handlers, compared with ocamlrun 5.3 on every target.

The programs of tests/programs_ocaml5 are built with OCaml 5.3, which
scripts/build-ocaml.sh builds from source once and caches.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, TARGETS

PROGRAMS = sorted(p.stem for p in (ROOT / "tests" / "programs_ocaml5").glob("*.ml"))


@pytest.fixture(scope="session")
def ocaml53() -> Path:
    proc = subprocess.run(["bash", str(ROOT / "scripts" / "build-ocaml.sh"), "5.3.0"],
                          capture_output=True, text=True, timeout=3000)
    if proc.returncode != 0:
        pytest.fail(f"building OCaml 5.3 failed:\n{proc.stderr[-3000:]}")
    return Path(proc.stdout.strip().splitlines()[-1])


@pytest.mark.slow
@pytest.mark.parametrize("name", PROGRAMS)
def test_effects_program(name: str, ocaml53: Path, tmp_path: Path) -> None:
    src = ROOT / "tests" / "programs_ocaml5" / f"{name}.ml"
    (tmp_path / src.name).write_text(src.read_text())
    subprocess.run([str(ocaml53 / "ocamlc"), "-g", src.name, "-o", "prog.byte"], cwd=tmp_path, check=True)
    ref = subprocess.run([str(ocaml53 / "ocamlrun"), "prog.byte"], cwd=tmp_path, capture_output=True)
    for target in TARGETS:
        got = subprocess.run([sys.executable, "-m", "lua_of_ocaml.cli", "run", "prog.byte", "--target", target],
                             cwd=tmp_path, capture_output=True, timeout=300)
        assert got.stdout == ref.stdout, (target, got.stderr.decode(errors="replace")[-2000:])
        assert got.returncode == ref.returncode, target
