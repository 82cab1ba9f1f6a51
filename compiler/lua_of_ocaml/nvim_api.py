"""Generate the OCaml module `Nvim` (runtime/ocaml/nvim.ml) from Neovim's API metadata.

The metadata (`nvim --api-info`, msgpack) lists every API function with its
parameter and return types; each non-deprecated `nvim_*` function becomes a typed
OCaml function that calls `vim.api.<name>` through the `Lua` library:

    nvim_buf_set_lines(Buffer, Integer, Integer, Boolean, Array) -> void
    val buf_set_lines : Buffer.t -> int -> int -> bool -> string list -> unit

Types map as: Integer -> int, Float -> float, Boolean -> bool, String -> string,
Buffer/Window/Tabpage -> the abstract Buffer.t/Window.t/Tabpage.t, Object and Dict
-> Lua.t, Array -> Lua.t list, ArrayOf(T) -> T list, LuaRef -> unit -> Lua.t,
void -> unit. Recent Neovims describe every array as plain `Array`; for the
functions people use most, ELEMENTS below gives the element type the API
documentation states (lines are strings, list_bufs gives buffers, cursors are
(row, col) pairs).

    python -m lua_of_ocaml.nvim_api [--nvim PATH | --api-info FILE] [-o runtime/ocaml/nvim.ml]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from .errors import CompileError

# Element types of `Array` parameters and results, from the API documentation:
# (function, parameter name or None for the result) -> element type (an API type
# name) or "Pair(T)" for a two-element array.
ELEMENTS: dict[tuple[str, str | None], str] = {
    ("nvim_buf_get_lines", None): "String",
    ("nvim_buf_set_lines", "replacement"): "String",
    ("nvim_buf_get_text", None): "String",
    ("nvim_buf_set_text", "replacement"): "String",
    ("nvim_put", "lines"): "String",
    ("nvim_list_bufs", None): "Buffer",
    ("nvim_list_wins", None): "Window",
    ("nvim_list_tabpages", None): "Tabpage",
    ("nvim_tabpage_list_wins", None): "Window",
    ("nvim_list_runtime_paths", None): "String",
    ("nvim_get_runtime_file", None): "String",
    ("nvim_win_get_cursor", None): "Pair(Integer)",
    ("nvim_win_set_cursor", "pos"): "Pair(Integer)",
    ("nvim_win_get_position", None): "Pair(Integer)",
    ("nvim_buf_get_mark", None): "Pair(Integer)",
}

_KEYWORDS = set("""and as assert asr begin class constraint do done downto else end exception
external false for fun function functor if in include inherit initializer land lazy let lor
lsl lsr lxor match method mod module mutable new nonrec object of open or private rec sig
struct then to true try type val virtual when while with""".split())

_HANDLES = ("Buffer", "Window", "Tabpage")


@dataclass
class OType:
    """An API type in OCaml: its type expression and the two conversions."""
    ocaml: str
    to_lua: str  # OCaml expression of type ocaml -> Lua.t ("": the identity)
    of_lua: str  # OCaml expression of type Lua.t -> ocaml ("": the identity)


_SCALARS = {
    "Integer": OType("int", "Lua.of_int", "Lua.to_int"),
    "Float": OType("float", "Lua.of_float", "Lua.to_float"),
    "Boolean": OType("bool", "Lua.of_bool", "Lua.to_bool"),
    "String": OType("string", "Lua.of_string", "Lua.to_string"),
    "Object": OType("Lua.t", "", ""),
    "LuaRef": OType("(unit -> Lua.t)", "Lua.fn0", "(fun _ -> invalid_arg \"LuaRef result\")"),
}
for _h in _HANDLES:
    _SCALARS[_h] = OType(f"{_h}.t", f"{_h}.to_lua", f"{_h}.of_lua")


def _paren(t: str) -> str:
    return t if re.fullmatch(r"[\w.]+", t) or t.startswith("(") else f"({t})"


def ocaml_type(api_type: str) -> OType:
    """The OCaml view of an API type name (as in the metadata, any Neovim version)."""
    t = api_type.strip()
    if t in _SCALARS:
        return _SCALARS[t]
    if t in ("Dict", "Dictionary") or t.startswith("Dict(") or t.startswith("DictOf("):
        return _SCALARS["Object"]
    m = re.fullmatch(r"Pair\((\w+)\)", t)
    if m:
        e = ocaml_type(m.group(1))
        return OType(f"{_paren(e.ocaml)} * {_paren(e.ocaml)}", f"(lua_of_pair {e.to_lua})",
                     f"(pair_of_lua {e.of_lua})")
    m = re.fullmatch(r"ArrayOf\(\s*(\w+)\s*(?:,\s*\d+\s*)?\)", t)
    if m or t == "Array":
        e = ocaml_type(m.group(1)) if m else _SCALARS["Object"]
        return OType(f"{_paren(e.ocaml)} list", f"(Lua.of_list {e.to_lua or '(fun v -> v)'})",
                     f"(Lua.to_list {e.of_lua or '(fun v -> v)'})")
    return _SCALARS["Object"]


def _ident(name: str) -> str:
    name = re.sub(r"\W", "_", name)
    if name in _KEYWORDS or not re.match(r"[a-z_]", name):
        return name + "_"
    return name


def _element(fn: str, param: str | None, api_type: str) -> str:
    refined = ELEMENTS.get((fn, param))
    if refined is None or api_type != "Array":
        return api_type
    return refined if refined.startswith("Pair(") else f"ArrayOf({refined})"


def public_functions(meta: dict) -> list[dict]:
    """The non-deprecated nvim_* functions, sorted by name."""
    fs = [f for f in meta["functions"]
          if f["name"].startswith("nvim_") and not f["name"].startswith("nvim__")
          and f.get("deprecated_since") is None]
    return sorted(fs, key=lambda f: f["name"])


def _version_text(meta: dict) -> str:
    v = meta.get("version", {})
    text = f"{v.get('major', '?')}.{v.get('minor', '?')}.{v.get('patch', '?')}"
    if v.get("prerelease"):
        text += "-dev"
    return f"Neovim {text} (API level {v.get('api_level', '?')})"


_PRELUDE = '''\
(** Neovim's API (vim.api), typed. Each [nvim_x] function is [Nvim.x] here.

    Buffers, windows and tabpages are abstract ([Buffer.current] is 0, the
    current one); Dict and Object values are Lua values (build options with
    [Lua.table]). A function that this Neovim's Lua API lacks (remote-only, or
    newer than the running Neovim) raises [Failure]. API errors raised by Neovim
    reach OCaml as [Failure msg]. While this module is linked, the program's
    standard output and error go to Neovim's message area, line by line.
    Prefer qualified names to [open Nvim], whose [Buffer] would hide the
    standard library's. *)

external redirect_output : unit -> unit = "caml_nvim_redirect_output"

(* In Neovim, the program's standard output and error go to the message area. *)
let () = redirect_output ()

module type HANDLE = sig
  type t

  val of_int : int -> t
  val to_int : t -> int
  val current : t
  (** Handle 0: the current one. *)

  val equal : t -> t -> bool
  val to_lua : t -> Lua.t
  val of_lua : Lua.t -> t
end

module Handle = struct
  type t = int

  let of_int n = n
  let to_int h = h
  let current = 0
  let equal (a : int) b = a = b
  let to_lua = Lua.of_int
  let of_lua = Lua.to_int
end

module Buffer : HANDLE = Handle
module Window : HANDLE = Handle
module Tabpage : HANDLE = Handle

(** The function [vim.api.name] (raises [Failure] when there is none). *)
let api_function name =
  let vim = Lua.global "vim" in
  if Lua.is_nil vim then failwith (name ^ ": not running in Neovim (no global vim)");
  let f = Lua.field (Lua.field vim "api") name in
  if Lua.is_nil f then failwith (name ^ " is not in this Neovim's Lua API (vim.api)");
  f

let lua_of_pair f (a, b) = Lua.of_list f [ a; b ]

let pair_of_lua f v =
  match Lua.to_list f v with
  | [ a; b ] -> (a, b)
  | _ -> invalid_arg "Nvim: expected a two-element array"
'''


def generate(meta: dict) -> str:
    """The text of nvim.ml for this metadata (deterministic: same input, same text)."""
    out = [f"(* Generated by `python -m lua_of_ocaml.nvim_api` from the API metadata of\n"
           f"   {_version_text(meta)}. Do not edit. *)\n\n", _PRELUDE]
    for f in public_functions(meta):
        name = f["name"]
        params = []
        used: set[str] = set()
        for api_type, pname in f["parameters"]:
            ident = _ident(pname)
            while ident in used:
                ident += "_"
            used.add(ident)
            params.append((ident, ocaml_type(_element(name, pname, api_type)), api_type))
        ret_type = f["return_type"]
        sig = ", ".join(f"{t} {p}" for t, p in f["parameters"])
        doc = f"[{name}({sig})]"
        if ret_type != "void":
            doc += f" returns {ret_type}"
        out.append(f"\n(** {doc}; since API level {f.get('since', '?')}. *)\n")
        args = " ".join(f"({p} : {t.ocaml})" for p, t, _ in params) or "()"
        call_args = "; ".join(f"{t.to_lua} {p}" if t.to_lua else p for p, t, _ in params)
        call = f'Lua.call (api_function "{name}") [| {call_args} |]' if call_args else \
            f'Lua.call (api_function "{name}") [||]'
        if ret_type == "void":
            rtype, body = "unit", f"ignore ({call})"
        else:
            r = ocaml_type(_element(name, None, ret_type))
            rtype, body = r.ocaml, f"{r.of_lua} ({call})" if r.of_lua else call
        out.append(f"let {_ident(name[len('nvim_'):])} {args} : {rtype} =\n  {body}\n")
    return "".join(out)


def read_metadata(nvim: str | None = None, api_info: str | None = None) -> dict:
    """The API metadata, from a msgpack file or by running `nvim --api-info`."""
    try:
        import msgpack
    except ImportError:
        raise CompileError("the msgpack Python package is needed to read Neovim's API metadata") from None
    if api_info:
        try:
            data = Path(api_info).read_bytes()
        except OSError as e:
            raise CompileError(f"{api_info}: cannot read: {e.strerror}") from None
    else:
        exe = nvim or "nvim"
        try:
            data = subprocess.run([exe, "--api-info"], capture_output=True, check=True,
                                  timeout=60).stdout
        except (OSError, subprocess.SubprocessError) as e:
            raise CompileError(f"{exe} --api-info failed: {e}") from None
    try:
        meta = msgpack.unpackb(data, raw=False, strict_map_key=False)
    except Exception as e:  # msgpack raises several unrelated exception types
        raise CompileError(f"not Neovim API metadata (msgpack): {e}") from None
    if not isinstance(meta, dict) or not isinstance(meta.get("functions"), list):
        raise CompileError("not Neovim API metadata: no function list")
    return meta


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m lua_of_ocaml.nvim_api",
                                description="Generate the OCaml Neovim API bindings (nvim.ml).")
    src = p.add_mutually_exclusive_group()
    src.add_argument("--nvim", help="the Neovim whose metadata is read (default: nvim on PATH)")
    src.add_argument("--api-info", help="a file written by `nvim --api-info`")
    p.add_argument("-o", "--output", help="output file (default: standard output)")
    args = p.parse_args(argv)
    try:
        text = generate(read_metadata(args.nvim, args.api_info))
        if args.output:
            from .api import write_atomically
            write_atomically(args.output, text)
        else:
            sys.stdout.write(text)
    except CompileError as e:
        print(f"nvim_api: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
