"""The generator of the Neovim API bindings (lua_of_ocaml.nvim_api) and the
module it generated (runtime/ocaml/nvim.ml)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from lua_of_ocaml.nvim_api import generate, ocaml_type, public_functions, read_metadata
from lua_of_ocaml.ocaml_lib import library_dir, sources_dir
from nvim_run import require_nvim

COMMITTED = sources_dir() / "nvim.ml"


@pytest.fixture(scope="module")
def meta() -> dict:
    return read_metadata(require_nvim())


def _header_version(text: str) -> str:
    m = re.search(r"API metadata of\s+(Neovim .*?\(API level \d+\))", text)
    assert m, "nvim.ml has no generator header"
    return " ".join(m.group(1).split())


def test_regeneration_is_stable(meta: dict) -> None:
    """Regenerating from the installed Neovim gives the committed file, when it is
    the Neovim the file was generated from."""
    text = generate(meta)
    assert generate(meta) == text  # deterministic
    committed = COMMITTED.read_text(encoding="utf-8")
    if _header_version(text) != _header_version(committed):
        pytest.skip(f"installed {_header_version(text)}, nvim.ml is from {_header_version(committed)}")
    assert text == committed, "runtime/ocaml/nvim.ml is stale: python -m lua_of_ocaml.nvim_api -o it"


def test_every_function_is_bound_and_compiles(meta: dict, tmp_path: Path) -> None:
    text = generate(meta)
    names = [f["name"] for f in public_functions(meta)]
    assert len(names) > 150
    bound = set(re.findall(r"^let (\w+) ", text, re.M))
    missing = [n for n in names if re.sub(r"^nvim_", "", n) not in bound
               and re.sub(r"^nvim_", "", n) + "_" not in bound]
    assert not missing
    assert not any(f.get("deprecated_since") for f in meta["functions"]
                   if f["name"] in names)
    (tmp_path / "nvim.ml").write_text(text)
    proc = subprocess.run(["ocamlc", "-I", str(library_dir()), "-c", "nvim.ml"], cwd=tmp_path,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    sig = subprocess.run(["ocamlc", "-I", str(library_dir()), "-i", "nvim.ml"], cwd=tmp_path,
                         capture_output=True, text=True).stdout
    assert ("val buf_set_lines :\n  Buffer.t -> int -> int -> bool -> string list -> unit" in sig
            or "val buf_set_lines : Buffer.t -> int -> int -> bool -> string list -> unit" in sig)
    assert "val win_get_cursor : Window.t -> int * int" in sig
    assert "val list_bufs : unit -> Buffer.t list" in sig
    assert "val buf_call : Buffer.t -> (unit -> Lua.t) -> Lua.t" in sig


def test_type_mapping() -> None:
    assert ocaml_type("Integer").ocaml == "int"
    assert ocaml_type("ArrayOf(Integer, 2)").ocaml == "int list"
    assert ocaml_type("ArrayOf(Buffer)").ocaml == "Buffer.t list"
    assert ocaml_type("Array").ocaml == "Lua.t list"
    assert ocaml_type("Dict(keymap)").ocaml == "Lua.t"
    assert ocaml_type("Dictionary").ocaml == "Lua.t"
    assert ocaml_type("LuaRef").ocaml == "(unit -> Lua.t)"
    assert ocaml_type("SomethingNew").ocaml == "Lua.t"


def test_keywords_and_old_metadata() -> None:
    meta = {"version": {"major": 0, "minor": 9, "patch": 5, "api_level": 11},
            "functions": [
                {"name": "nvim_buf_get_lines", "since": 1, "return_type": "ArrayOf(String)",
                 "parameters": [["Buffer", "buffer"], ["Integer", "start"], ["Integer", "end"],
                                ["Boolean", "strict_indexing"]]},
                {"name": "nvim_f", "since": 2, "return_type": "void",
                 "parameters": [["Object", "type"], ["Object", "type"]]},
                {"name": "nvim_old", "since": 1, "deprecated_since": 2, "return_type": "void",
                 "parameters": []},
                {"name": "buffer_get_line", "since": 1, "return_type": "String", "parameters": []},
            ]}
    text = generate(meta)
    assert "Neovim 0.9.5 (API level 11)" in text
    assert "let buf_get_lines (buffer : Buffer.t) (start : int) (end_ : int)" in text
    assert ": string list =" in text
    assert "let f (type_ : Lua.t) (type__ : Lua.t) : unit" in text
    assert "nvim_old" not in text and "buffer_get_line" not in text


def test_bad_metadata_is_one_line_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.msgpack"
    bad.write_bytes(b"\xc1 not msgpack")
    proc = subprocess.run([sys.executable, "-m", "lua_of_ocaml.nvim_api", "--api-info", str(bad)],
                          capture_output=True, text=True)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    missing = subprocess.run([sys.executable, "-m", "lua_of_ocaml.nvim_api", "--api-info",
                              str(tmp_path / "none")], capture_output=True, text=True)
    assert missing.returncode == 1 and "cannot read" in missing.stderr
