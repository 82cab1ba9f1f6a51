"""`--module` output, building .ml files with the OCaml library from the command
line (`compile foo.ml`, `run foo.ml`), and `lua_of_ocaml lib`."""

from __future__ import annotations

import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from nvim_run import ROOT, tool_env

NATIVE = {"luajit": "luajit", "lua51": "lua5.1", "lua54": "lua5.4"}


def cli(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lua_of_ocaml.cli", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=300, env=env or tool_env())


def _one_line_error(proc: subprocess.CompletedProcess, *words: str) -> None:
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    lines = [l for l in proc.stderr.splitlines() if l.strip()]
    assert lines and lines[-1].startswith("lua_of_ocaml: "), proc.stderr
    for w in words:
        assert w in lines[-1]


def _lua(target: str) -> str:
    exe = shutil.which(NATIVE[target])
    if exe is None:
        pytest.skip(f"{NATIVE[target]} is not installed")
    return exe


_STRICT = ("setmetatable(_G, { __newindex = function(_, k) error('global defined: ' .. tostring(k), 2) end,"
           " __index = function(_, k) error('global read: ' .. tostring(k), 2) end })\n")

MODULE = """
let greeting = ref "hello"
let () =
  greeting := !greeting ^ " from OCaml";
  Lua.export "greet" (Lua.fn1 (fun who -> Lua.of_string (!greeting ^ ", " ^ Lua.to_string who)));
  Lua.export "args" (Lua.of_int (Array.length Sys.argv))
"""


@pytest.mark.parametrize("target", ["luajit", "lua51", "lua54"])
def test_module_required_by_lua_defines_no_globals(tmp_path: Path, target: str) -> None:
    (tmp_path / "greeter.ml").write_text(MODULE)
    proc = cli("compile", "greeter.ml", "--module", "--target", target, "-o", "greeter.lua",
               cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    text = (tmp_path / "greeter.lua").read_text()
    assert text.rstrip().endswith("return code") and "P.caml_module_main(caml_program, ...)" in text
    (tmp_path / "main.lua").write_text(
        "package.path = './?.lua;' .. package.path\n"
        "local require, print, type = require, print, type\n" + _STRICT +
        "local m = require('greeter')\nprint(m.greet('Lua'), m.args, type(m))\n")
    run = subprocess.run([_lua(target), "main.lua"], cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout == "hello from OCaml, Lua\t1\ttable\n"


@pytest.mark.parametrize("target", ["luajit", "lua51", "lua54"])
def test_script_mode_still_takes_arguments(tmp_path: Path, target: str) -> None:
    (tmp_path / "args.ml").write_text(
        'let () = print_string (String.concat "," (List.tl (Array.to_list Sys.argv)));\n'
        '  print_endline (" " ^ Lua.typeof (Lua.global "string"))\n')
    proc = cli("compile", "args.ml", "--target", target, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    run = subprocess.run([_lua(target), "args.lua", "a", "b c"], cwd=tmp_path, capture_output=True,
                         text=True)
    assert run.stdout == "a,b c table\n", run.stderr


def test_module_initialisation_outcomes(tmp_path: Path) -> None:
    cases = {
        "ok_exit": ('let () = Lua.export "v" (Lua.of_int 1); exit 0', "table\t1"),
        "bad_exit": ('let () = exit 4', "OCaml module initialisation called exit 4"),
        "raises": ('let () = failwith "no init"', 'Fatal error: exception Failure("no init")'),
    }
    for name, (src, expected) in cases.items():
        (tmp_path / f"{name}.ml").write_text(src + "\n")
        proc = cli("compile", f"{name}.ml", "--module", cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
        run = subprocess.run(
            [_lua("luajit"), "-e", f"package.path = './?.lua;' .. package.path\n"
             f"local ok, m = pcall(require, '{name}')\n"
             "if ok then print(type(m), m.v) else print(m) end"],
            cwd=tmp_path, capture_output=True, text=True)
        assert run.stdout.strip() == expected, (name, run.stdout, run.stderr)


def test_run_ml_with_the_library_and_several_files(tmp_path: Path) -> None:
    (tmp_path / "util.ml").write_text('let double s = Lua.to_string (Lua.call (Lua.path (Lua.global "string") ["rep"]) [| Lua.of_string s; Lua.of_int 2 |])\n')
    (tmp_path / "main.ml").write_text('let () = print_endline (Util.double Sys.argv.(1))\n')
    proc = cli("run", "main.ml", "util.ml", "--", "ab", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "abab\n"


def test_compile_errors(tmp_path: Path) -> None:
    _one_line_error(cli("compile", str(tmp_path / "none.ml")), "none.ml", "no such file")
    (tmp_path / "a.ml").write_text("let () = ()\n")
    (tmp_path / "p.byte").write_bytes(b"x")
    _one_line_error(cli("compile", "a.ml", "p.byte", cwd=tmp_path), "not both")
    _one_line_error(cli("compile", "p.byte", "q.byte", cwd=tmp_path), "only one")
    (tmp_path / "bad.ml").write_text("let x : int = \"s\"\n")
    proc = cli("compile", "bad.ml", cwd=tmp_path)
    _one_line_error(proc, "bad.ml", "ocamlc failed")
    assert 'File "bad.ml", line 1' in proc.stderr  # ocamlc's own message comes first
    assert not (tmp_path / "bad.lua").exists()


def test_lib_command(tmp_path: Path) -> None:
    proc = cli("lib")
    assert proc.returncode == 0, proc.stderr
    lib = Path(proc.stdout.strip())
    for f in ("lua_of_ocaml.cma", "lua.cmi", "nvim.cmi", "vim.cmi"):
        assert (lib / f).is_file(), f
    flags = cli("lib", "--flags").stdout.split()
    (tmp_path / "p.ml").write_text('let () = Lua.export "n" (Lua.of_int 3)\n')
    build = subprocess.run(["ocamlc", "-g", *flags, "p.ml", "-o", "p.byte"], cwd=tmp_path,
                           capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    assert cli("compile", "p.byte", "--module", cwd=tmp_path).returncode == 0
    src = Path(cli("lib", "--sources").stdout.strip())
    assert (src / "lua.mli").is_file()
    dune = cli("lib", "--dune").stdout
    assert "(targets lua.mli lua.ml nvim.ml vim.mli vim.ml)" in dune and "(wrapped false)" in dune
    assert dune == (ROOT / "examples" / "dune-plugin" / "vendor" / "lua_of_ocaml" / "dune").read_text()
    assert cli("lib", "--write", str(tmp_path / "lua.ml")).returncode == 0
    assert (tmp_path / "lua.ml").read_text() == (src / "lua.ml").read_text()
    _one_line_error(cli("lib", "--write", str(tmp_path / "other.ml")), "other.ml", "not a file")


def test_library_cache_builds_once_under_concurrency(tmp_path: Path) -> None:
    env = tool_env()
    env["LUA_OF_OCAML_CACHE"] = str(tmp_path / "cache")
    with ThreadPoolExecutor(3) as pool:
        results = list(pool.map(lambda _: cli("lib", env=env), range(3)))
    assert all(r.returncode == 0 for r in results), [r.stderr for r in results]
    dirs = {r.stdout.strip() for r in results}
    assert len(dirs) == 1
    built = [p for p in (tmp_path / "cache" / "lib").iterdir() if p.is_dir()]
    assert [p.name for p in built] == [Path(dirs.pop()).name]  # no half-built folder left


FFI_LUA = """\
-- primitives of a user's own Lua file (docs/ffi.md)

--Provides: my_apply_twice
--Requires: caml_call1
function P.my_apply_twice(f, x)
  return P.caml_call1(f, P.caml_call1(f, x))
end

--Provides: my_settings
function P.my_settings(_)
  return { greeting = "hi", sizes = { 3, 4 } }
end
"""

FFI_ML = """\
external apply_twice : (int -> int) -> int -> int = "my_apply_twice"
external settings : unit -> Lua.t = "my_settings"

let () =
  let s = settings () in
  Printf.printf "%d %s %d\\n" (apply_twice (fun x -> x * 3) 2)
    (Lua.to_string (Lua.field s "greeting"))
    (List.fold_left ( + ) 0 (Lua.to_list Lua.to_int (Lua.field s "sizes")))
"""


def test_user_lua_primitives_call_ocaml(tmp_path: Path) -> None:
    (tmp_path / "ffi.lua").write_text(FFI_LUA)
    (tmp_path / "ffi.ml").write_text(FFI_ML)
    run = cli("run", "ffi.ml", "--runtime", "ffi.lua", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.stdout == "18 hi 7\n"
    proc = cli("compile", "ffi.ml", "ffi.lua", "-o", "out.lua", cwd=tmp_path)
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    native = subprocess.run([_lua("luajit"), "out.lua"], cwd=tmp_path, capture_output=True, text=True)
    assert native.stdout == "18 hi 7\n", native.stderr
