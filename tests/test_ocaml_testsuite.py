"""OCaml's own library tests (testsuite/tests/lib-* of OCaml 4.14.1) through lua_of_ocaml.

Each selected test (see ocaml_testsuite.py for the selection) is built with the
system's ocamlc (or the one of `--ocaml-version`), run by its ocamlrun for the
reference, compiled once to Lua for every target and run through lupa on LuaJIT,
Lua 5.1 and Lua 5.4: stdout, stderr and the exit code must be ocamlrun's. Tests that
the OCaml in use cannot compile (4.13 lacks 4.14's additions), or whose reference run
dies of a signal, are skipped with that reason. ocaml_testsuite_expected.txt lists
the few tests whose output differs because ints are 32-bit or because of Lua itself;
those must still differ, on the listed targets only. See docs/testsuite.md.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from conftest import (CACHE, TARGETS, _compile_all, _locked, ocaml_env, ocaml_tool,
                      tool_digest)
import ocaml_testsuite as ots

pytestmark = pytest.mark.slow

EXPECTED_FILE = Path(__file__).with_name("ocaml_testsuite_expected.txt")
BUILD = CACHE / "ocaml-testsuite"
REF_TIMEOUT = 60
RUN_TIMEOUT = 300


def expected_differences() -> dict[str, tuple[tuple[str, ...], frozenset[int] | None, str]]:
    """Lines `FOLDER/FILE [t1,t2] {n1,n2}: reason`: test -> (targets, failures, reason).

    No targets: all of them. `{...}`: the numbers of the checks of the testsuite's
    `testing` library that fail; the rest of the output must still be ocamlrun's.
    Without it, any difference is accepted."""
    out = {}
    for line in EXPECTED_FILE.read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        m = re.fullmatch(r"(\S+)\s*(?:\[([^\]]*)\])?\s*(?:\{([^}]*)\})?\s*:\s*(.*)", line)
        if m is None:
            raise ValueError(f"{EXPECTED_FILE.name}: cannot read {line!r}")
        name, ts, nums, reason = m.groups()
        targets = tuple(t.strip() for t in ts.split(",")) if ts else TARGETS
        failures = frozenset(int(n) for n in nums.split(",")) if nums else None
        out[name] = (targets, failures, reason.strip())
    return out


_FAILED = re.compile(rb"\n?\*{9} (?:Failure )?Test number (\d+) "
                     rb"(?:failed|incorrectly failed|failed to fail) \*{11}\n")
_FOOTER = re.compile(rb"\n*(?:All tests succeeded\.|\*{9} Test suite failed\. \*{11})\n*$")


def _testing_failures(out: bytes) -> frozenset[int]:
    return frozenset(int(n) for n in _FAILED.findall(out))


def _without_testing_verdicts(out: bytes) -> list[bytes]:
    return _FOOTER.sub(b"", _FAILED.sub(b"\n", out)).split()


@functools.lru_cache(maxsize=None)
def _collect() -> tuple[list[ots.LibTest], str]:
    try:
        return ots.all_tests(ots.testsuite_dir()), ""
    except ots.FetchError as e:
        return [], (str(e).splitlines()[0] if e.offline else str(e))
    except (OSError, subprocess.SubprocessError) as e:
        return [], f"cannot fetch OCaml's testsuite: {e}"


def pytest_generate_tests(metafunc) -> None:
    if "case" not in metafunc.fixturenames:
        return
    markexpr = metafunc.config.getoption("markexpr", "") or ""
    if "not slow" in markexpr.replace("  ", " "):
        # the slow tests are deselected: no fetching at collection time
        metafunc.parametrize("case", [pytest.param(None, id="testsuite")])
        return
    tests, error = _collect()
    if error:
        metafunc.parametrize("case", [pytest.param(error, id="fetch")])
        return
    metafunc.parametrize("case", [pytest.param(t, id=t.name) for t in tests if not t.reason])


@functools.lru_cache(maxsize=None)
def _ocamlc_version() -> str:
    return subprocess.run([ocaml_tool("ocamlc"), "-version"], capture_output=True, text=True,
                          env=ocaml_env()).stdout.strip()


def _build(tc: ots.LibTest, root: Path) -> tuple[Path, dict]:
    """Bytecode and ocamlrun's results for a test, cached by content."""
    src = root / "tests" / tc.folder
    files = [src / tc.file] + [src / f for f in tc.modules + tc.readonly]
    if tc.testing:
        files += [root / "lib" / "testing.mli", root / "lib" / "testing.ml"]
    h = hashlib.sha256()
    for f in files:
        h.update(f.name.encode() + b"\0" + f.read_bytes())
    h.update(json.dumps([tc.flags, tc.libs, tc.unset, _ocamlc_version()]).encode())
    d = BUILD / f"{tc.folder.replace('/', '_')}-{Path(tc.file).stem}-{h.hexdigest()[:16]}"
    exe, ref_file = d / "prog.byte", d / "ref.json"
    d.mkdir(parents=True, exist_ok=True)
    with _locked(d / ".lock"):
        if not ref_file.exists():
            work = d / "src"
            shutil.rmtree(work, ignore_errors=True)
            work.mkdir()
            for f in files:
                shutil.copy(f, work / f.name)
            units = (["testing.mli", "testing.ml"] if tc.testing else []) + tc.modules + [tc.file]
            proc = subprocess.run([ocaml_tool("ocamlc"), "-g", *tc.flags, "-w", "-a", *tc.libs,
                                   *units, "-o", str(exe)], cwd=work, capture_output=True,
                                  text=True, env=ocaml_env())
            if proc.returncode != 0:
                data = {"compile_error": proc.stderr}
            else:
                run = _run([ocaml_tool("ocamlrun"), str(exe)], work, tc, REF_TIMEOUT)
                data = {"stdout": run[0].decode("latin-1"), "stderr": run[1].decode("latin-1"),
                        "returncode": run[2]}
            tmp = ref_file.with_suffix(".tmp")
            tmp.write_text(json.dumps(data))
            os.replace(tmp, ref_file)
    return exe, json.loads(ref_file.read_text())


def _run(cmd: list[str], work: Path, tc: ots.LibTest, timeout: int) -> tuple[bytes, bytes, int]:
    """Run in a fresh copy of the test's folder (tests write files next to them)."""
    env = {k: v for k, v in (ocaml_env() or os.environ).items()
           if k not in tc.unset and k != "OCAMLRUNPARAM"}
    with tempfile.TemporaryDirectory(dir=work.parent, prefix="run-") as tmp:
        cwd = Path(tmp) / "src"
        shutil.copytree(work, cwd, ignore=shutil.ignore_patterns("*.cm*", "*.o"))
        try:
            p = subprocess.run(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                               capture_output=True, timeout=timeout)
        except subprocess.TimeoutExpired as e:
            return e.stdout or b"", (e.stderr or b"") + b"\n[timed out]", -9
        return p.stdout, p.stderr, p.returncode


def _show(b: bytes | str) -> str:
    s = b.decode("latin-1") if isinstance(b, bytes) else b
    return s if len(s) < 3000 else "...\n" + s[-3000:]


def _first_difference(a: bytes, b: bytes) -> str:
    la, lb = a.split(b"\n"), b.split(b"\n")
    for i, (x, y) in enumerate(zip(la, lb)):
        if x != y:
            return f"line {i + 1}: expected {x[:200]!r}, got {y[:200]!r}"
    return f"expected {len(la)} lines, got {len(lb)}"


def test_ocaml_testsuite(case) -> None:
    if case is None:
        pytest.skip("slow tests deselected")
    if isinstance(case, str):
        pytest.fail(case, pytrace=False)
    exe, ref = _build(case, ots.testsuite_dir())
    if "compile_error" in ref:
        lines = ref["compile_error"].strip().splitlines() or ["?"]
        err = next((x for x in lines if x.startswith("Error")), lines[-1])
        pytest.skip(f"ocamlc {_ocamlc_version()} cannot compile it: {err[:200]}")
    if ref["returncode"] < 0:
        pytest.skip(f"ocamlrun {_ocamlc_version()} dies of signal {-ref['returncode']} on it")
    with _locked(exe.with_name(".lock")):
        _compile_all(exe, exe.with_name(f"prog.{TARGETS[0]}.{tool_digest()}.lua"))
    diff_targets, failures, reason = expected_differences().get(case.name, ((), None, ""))
    want = (ref["stdout"].encode("latin-1"), ref["stderr"].encode("latin-1"), ref["returncode"])
    problems = []
    for t in TARGETS:
        lua = exe.with_name(f"prog.{t}.{tool_digest()}.lua")
        got = _run([sys.executable, "-m", "lua_of_ocaml.cli", "run", str(lua), "--target", t],
                   exe.parent / "src", case, RUN_TIMEOUT)
        same_end = got[2] == want[2] and (case.ignore_stderr or got[1] == want[1])
        if t in diff_targets:
            if same_end and got[0] == want[0]:
                problems.append(f"[{t}] now matches ocamlrun: remove it from {EXPECTED_FILE.name}")
                continue
            if failures is None:
                continue
            found = _testing_failures(got[0])
            if same_end and found == failures and (
                    _without_testing_verdicts(got[0]) == _without_testing_verdicts(want[0])):
                continue
            if found != failures:
                problems.append(f"[{t}] failing checks {sorted(found)}, "
                                f"expected {sorted(failures)} ({reason})")
        elif same_end and got[0] == want[0]:
            continue
        msg = f"[{t}]"
        if got[0] != want[0]:
            msg += (f" stdout differs ({_first_difference(want[0], got[0])})\n--- expected\n"
                    f"{_show(want[0])}\n--- got\n{_show(got[0])}")
        if got[2] != want[2]:
            msg += f" exit code {got[2]}, expected {want[2]}"
        if got[1] != want[1] or got[2] != want[2]:
            msg += f"\n--- expected stderr\n{_show(want[1])}\n--- got stderr\n{_show(got[1])}"
        problems.append(msg)
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


def test_expected_differences_listed_tests_exist() -> None:
    tests, error = _collect()
    if error:
        pytest.fail(error, pytrace=False)
    selected = {t.name for t in tests if not t.reason}
    for name, (targets, _, reason) in expected_differences().items():
        assert name in selected, f"{EXPECTED_FILE.name}: {name} is not a selected test"
        assert reason, f"{EXPECTED_FILE.name}: {name} needs a reason"
        assert set(targets) <= set(TARGETS), f"{EXPECTED_FILE.name}: {name}: unknown target"
