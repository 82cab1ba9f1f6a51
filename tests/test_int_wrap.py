"""32-bit int arithmetic when expressions chain: the generated code wraps a chain of
additions, subtractions, negations (and multiplications on Lua 5.4) once, at its
end (PrimitiveTranslator.chain_ops). Intermediate results leave the 32-bit range
here on purpose; the expected values are computed with 32-bit two's complement
semantics (ocamlrun's ints are 63-bit, so it cannot be the reference)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import NATIVE, TARGETS

PROGRAM = r"""
let a = int_of_string Sys.argv.(1)
let b = int_of_string Sys.argv.(2)
let c = int_of_string Sys.argv.(3)
let () =
  List.iter (fun v -> Printf.printf "%d\n" v)
    [ a + b + c; a + b - c; (a + a) + (b + b); - (a + b) + c; a - b - c - a;
      a * b + c; (a * b) * c; a * b * c * a; (a + b) * (c - a); a * 3 + b * 5 - c * 7;
      (a + b) land 0xFFFF; ((a + b) lsl 3) + c; (a + b) / 7; (a * b) mod 1000;
      (if a + b > c then 1 else 0); (if (a * b) + c = a * b + c then 2 else 3) ]
"""


def _wrap(v: int) -> int:
    return ((v + 2**31) % 2**32) - 2**31


def _expected(a: int, b: int, c: int) -> list[int]:
    w = _wrap

    def div(x: int, y: int) -> int:
        q = abs(x) // abs(y)
        return q if (x >= 0) == (y > 0) else -q

    def mod(x: int, y: int) -> int:
        return x - y * div(x, y)

    ab = w(a + b)
    return [w(ab + c), w(ab - c), w(w(a + a) + w(b + b)), w(-ab + c), w(w(w(a - b) - c) - a),
            w(w(a * b) + c), w(w(a * b) * c), w(w(w(a * b) * c) * a), w(ab * w(c - a)),
            w(w(w(a * 3) + w(b * 5)) - w(c * 7)), ab & 0xFFFF, w(w(ab << 3) + c), div(ab, 7),
            mod(w(a * b), 1000), 1 if ab > c else 0, 2]


ARGS = [(2**31 - 1, 2**31 - 1, -(2**31)), (123456789, 987654321, 1999999999),
        (-(2**31), -1, 2**30 + 7), (46341, 46341, -46341)]


@pytest.fixture(scope="module")
def compiled(tmp_path_factory):
    from lua_of_ocaml.api import compile_exe_targets
    from lua_of_ocaml.bytecode.exe_file import read_exe
    d = tmp_path_factory.mktemp("wrap")
    (d / "wrap.ml").write_text(PROGRAM)
    subprocess.run(["ocamlc", "wrap.ml", "-o", "wrap.byte"], cwd=d, check=True)
    out = {}
    for t, res in compile_exe_targets(read_exe(d / "wrap.byte"), list(TARGETS)).items():
        out[t] = d / f"wrap.{t}.lua"
        out[t].write_text(res.lua)
    return out


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("args", ARGS, ids=lambda a: ",".join(map(str, a)))
def test_chained_arithmetic_wraps_like_int32(compiled, target: str, args) -> None:
    run = subprocess.run([NATIVE[target], str(compiled[target]), *map(str, args)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert [int(x) for x in run.stdout.split()] == _expected(*args)
