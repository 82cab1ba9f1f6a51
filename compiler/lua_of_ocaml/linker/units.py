"""Separate compilation: Lua units compiled from .cmo/.cma, and the link that joins them.

`lua_of_ocaml compile unit.cmo` (or `lib.cma`) compiles each compilation unit on
its own (bytecode/image.unit_image binds its globals to unit-local slots) and
writes its code with a header saying what each slot stands for. `lua_of_ocaml
link` orders the units, gives every unit's module block a slot of the
program's global table (after the predefined exceptions, as ocamlc does), and
runs each unit with a table of its own slots bound to those globals. Units of
the standard library are compiled once per compiler and target and cached
(pickled, with their markers already stripped: reading them is most of a link).

A unit file is text: for each unit, a line `--@unit <json header>` and the
unit's code, with the location markers of the code generator kept (so the
link builds one source map for the whole program).
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..bytecode.debug_info import Location
from ..bytecode.image import unit_image
from ..bytecode.object_file import CompUnit, parse_object
from ..cache import cache_root
from ..errors import CompileError
from ..ir.builder import build_program
from ..lua.emit import ChunkResult, assemble_chunk, compile_code, renumber_markers
from ..sourcemap import strip_markers
from ..passes.simplify import simplify_program

# The global slots of the predefined exceptions, in ocamlc's order (runtime/caml/fail.h).
PREDEFINED_EXCEPTIONS = ["Out_of_memory", "Sys_error", "Failure", "Invalid_argument",
                         "End_of_file", "Division_by_zero", "Not_found", "Match_failure",
                         "Stack_overflow", "Sys_blocked_io", "Assert_failure",
                         "Undefined_recursive_module"]

UNIT_LINE = "--@unit "
FILE_HEAD = ("-- Lua units compiled by lua_of_ocaml from OCaml bytecode objects. "
             "Not a program: `lua_of_ocaml link` joins them.\n")


@dataclass
class LuaUnit:
    name: str
    target: str
    ocaml_version: str
    slots: list[tuple[str, str]]       # ("global"|"predef"|"literal", name) per unit slot
    needed: list[str]                  # runtime primitives
    prim_locations: dict[str, Location]
    locations: list[Location]
    requires: list[str]                # units that must be initialised before this one
    force_link: bool
    code: str                          # defines caml_data and caml_body, with markers
    warnings: list[str] = field(default_factory=list)
    library: bool = False              # from a .cma: linked only when referenced

    def header(self) -> dict:
        return {"name": self.name, "target": self.target, "ocaml": self.ocaml_version,
                "slots": [list(s) for s in self.slots], "needed": self.needed,
                "prim_locations": {k: _loc_json(v) for k, v in self.prim_locations.items()},
                "locations": [_loc_json(l) for l in self.locations], "requires": self.requires,
                "force_link": self.force_link, "warnings": self.warnings,
                "library": self.library}

    def to_text(self) -> str:
        code = self.code if self.code.endswith("\n") else self.code + "\n"
        return UNIT_LINE + json.dumps(self.header(), separators=(",", ":")) + "\n" + code

    def clean(self) -> tuple[str, list[tuple[int, int, int]]]:
        """The code without location markers, and (line, column, index in
        `locations`) of each marked line; computed once per unit."""
        if self._clean is None:
            self._clean = strip_markers(self.code)
        return self._clean

    _clean: tuple[str, list[tuple[int, int, int]]] | None = field(default=None, repr=False)


def _loc_json(l: Location) -> list:
    return [l.file, l.line, l.col_start, l.col_end, l.line_end, l.module, l.defname]


def units_text(units: list[LuaUnit]) -> str:
    return FILE_HEAD + "".join(u.to_text() for u in units)


def parse_units(text: str, path: str) -> list[LuaUnit]:
    """The units of a unit file; a clear error for anything else."""
    if not text.startswith(FILE_HEAD[:40]):
        raise CompileError(f"{path}: not a file of Lua units (made by `lua_of_ocaml compile X.cmo`)")
    out: list[LuaUnit] = []
    chunks = text.split("\n" + UNIT_LINE)[1:]
    try:
        for chunk in chunks:
            head, _, code = chunk.partition("\n")
            code = code if code.endswith("\n") else code + "\n"  # the split took it
            h = json.loads(head)
            out.append(LuaUnit(
                name=h["name"], target=h["target"], ocaml_version=h["ocaml"],
                slots=[(k, n) for k, n in h["slots"]], needed=list(h["needed"]),
                prim_locations={k: Location(*v) for k, v in h["prim_locations"].items()},
                locations=[Location(*l) for l in h["locations"]], requires=list(h["requires"]),
                force_link=bool(h["force_link"]), code=code, warnings=list(h.get("warnings", [])),
                library=bool(h.get("library"))))
    except (ValueError, KeyError, TypeError) as e:
        raise CompileError(f"{path}: corrupt file of Lua units ({e})") from None
    if not out:
        raise CompileError(f"{path}: contains no Lua unit")
    return out


# --- compiling -------------------------------------------------------------------


def compile_unit(unit: CompUnit, targets: list[str]) -> dict[str, LuaUnit]:
    """Compile one compilation unit for each target (the IR is built once)."""
    from ..api import _with_deep_stack  # the passes recurse deeply, as for programs
    return _with_deep_stack(_compile_unit, unit, targets)


def _compile_unit(unit: CompUnit, targets: list[str]) -> dict[str, LuaUnit]:
    image = unit_image(unit)
    try:
        prog = build_program(image)
    except RecursionError:
        raise CompileError(f"{unit.source}: unit {unit.name} too deeply nested to compile") from None
    simplify_program(prog)
    out = {}
    for t in targets:
        code = compile_code(prog, t)
        slots = [("literal", "") if k == "literal" else (k, n) for k, n in image.slots]
        out[t] = LuaUnit(unit.name, t, unit.ocaml_version, slots, sorted(code.needed),
                         code.prim_locations, code.locations, sorted(unit.referenced_units()),
                         unit.force_link, code.text, list(prog.warnings))
    return out


def _tool_digest() -> str:
    """Changes whenever the compiler's code does (compiled units are cached by it)."""
    global _TOOL_DIGEST
    if _TOOL_DIGEST is None:
        h = hashlib.blake2b(digest_size=16)
        pkg = Path(__file__).resolve().parent.parent
        for f in sorted(pkg.rglob("*.py")):
            h.update(f.relative_to(pkg).as_posix().encode())
            h.update(f.read_bytes())
        _TOOL_DIGEST = h.hexdigest()
    return _TOOL_DIGEST


_TOOL_DIGEST: str | None = None


def object_units(data: bytes, path: str, target: str, cache: bool = True) -> list[LuaUnit]:
    """The Lua units of a .cmo/.cma (its bytes), taken from the cache when this same
    compiler compiled the same file before (LUA_OF_OCAML_NO_CACHE=1 turns it off).
    The standard library is linked into every program: its units come from here."""
    use_cache = cache and not os.environ.get("LUA_OF_OCAML_NO_CACHE")
    h = hashlib.blake2b(digest_size=20)
    for part in (_tool_digest().encode(), target.encode(), data):
        h.update(part)
        h.update(b"\0")
    key = h.hexdigest()
    if use_cache and key in _MEMORY:
        return _MEMORY[key]
    cached = cache_root() / "units" / target / f"{key}.pickle"
    if use_cache and cached.is_file():
        try:
            with open(cached, "rb") as f:
                units = pickle.load(f)
            if isinstance(units, list) and all(isinstance(u, LuaUnit) for u in units):
                _remember(key, units)
                return units
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError):
            pass
    obj = parse_object(data, path)
    units = []
    for unit in obj.units:
        lu = compile_unit(unit, [target])[target]
        lu.library = obj.kind == "cma"
        units.append(lu)
    if use_cache:
        for u in units:
            u.clean()  # stored with the unit: linking needs it every time
        _store(cached, pickle.dumps(units, protocol=pickle.HIGHEST_PROTOCOL))
        _remember(key, units)
    return units


# Units read in this process (the language server links after every save), by key.
_MEMORY: dict[str, list[LuaUnit]] = {}


def _remember(key: str, units: list[LuaUnit]) -> None:
    if len(_MEMORY) >= 64:
        _MEMORY.pop(next(iter(_MEMORY)))
    _MEMORY[key] = units


def _store(path: Path, data: bytes) -> None:
    """Write atomically; a cache that cannot be written is only slower."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except OSError:
        pass


# --- linking ---------------------------------------------------------------------


def select_units(units: list[LuaUnit]) -> list[LuaUnit]:
    """The units to link, in order, as ocamlc chooses them: every unit of an object
    file, and the units of a library that a later unit references or that must
    always be linked."""
    needed: set[str] = set()
    chosen: list[LuaUnit] = []
    for u in reversed(units):
        if u.library and not u.force_link and u.name not in needed:
            continue
        chosen.append(u)
        needed.update(g for k, g in u.slots if k == "global")
        needed.update(u.requires)
    chosen.reverse()
    return chosen


def link_units(units: list[LuaUnit], target: str, extra_runtime: list[str] | None = None,
               module: bool = False, minify: bool = False) -> ChunkResult:
    """One Lua chunk running `units` in order, with the runtime they need."""
    if not units:
        raise CompileError("nothing to link")
    versions = {u.ocaml_version[:1] for u in units}
    if len(versions) > 1:
        raise CompileError("cannot link units compiled by OCaml 4 with units of OCaml 5")
    for u in units:
        if u.target != target:
            raise CompileError(f"unit {u.name} was compiled for {u.target}, not {target}")
    # global slots by (kind, name): a unit may be named like a predefined exception
    slot_of = {("predef", name): i for i, name in enumerate(PREDEFINED_EXCEPTIONS)}
    defined: set[str] = set()
    for u in units:
        if u.name in defined:
            raise CompileError(f"unit {u.name} is linked twice (when the standard library is "
                               f"among the inputs, give --no-stdlib)")
        defined.add(u.name)
        slot_of[("global", u.name)] = len(slot_of)
    lines = ["-- the predefined exceptions\n"]
    for i, name in enumerate(PREDEFINED_EXCEPTIONS):
        lines.append(f'G[{i + 1}] = {{248, "{name}", ({-i - 1})}}\n')
    lines.append("local U = {}\n")
    run = ["local function caml_program()\n  local V\n"]
    locations: list[Location] = []
    marks: list[tuple[int, int, Location]] = []   # without minify: no markers in the text
    line = sum(t.count("\n") for t in lines)
    needed: set[str] = set()
    prim_locations: dict[str, Location] = {}
    seen: set[str] = set()
    for k, u in enumerate(units, 1):
        for kind, name in u.slots:
            if kind == "global" and name not in seen and name != u.name:
                raise CompileError(f"unit {u.name} needs unit {name}, which is not linked before it "
                                   f"(give its .cmo or library first)")
        seen.add(u.name)
        lines.append(f"U[{k}] = function(G)  -- {u.name}\n")
        if minify:
            lines.append(renumber_markers(u.code, len(locations)))
        else:
            code, unit_marks = u.clean()
            marks += [(line + 1 + l, c, u.locations[j]) for l, c, j in unit_marks]
            lines.append(code)
            line += 1 + code.count("\n") + 3
        lines.append("caml_data()\nreturn caml_body()\nend\n")
        locations += u.locations
        needed.update(u.needed)
        for p, l in u.prim_locations.items():
            prim_locations.setdefault(p, l)
        binds = []
        own = None
        for j, (kind, name) in enumerate(u.slots, 1):
            if kind == "literal":
                continue
            if kind == "global" and name == u.name:
                own = j
                continue
            if (kind, name) not in slot_of:
                raise CompileError(f"unit {u.name} refers to {name}, which is not a predefined exception")
            binds.append(f"V[{j}] = G[{slot_of[kind, name] + 1}]")
        run.append(f"  V = {{}}\n")
        for i in range(0, len(binds), 8):
            run.append("  " + "; ".join(binds[i:i + 8]) + "\n")
        run.append(f"  U[{k}](V)\n")
        if own is not None:
            run.append(f"  G[{slot_of['global', u.name] + 1}] = V[{own}]\n")
    run.append("end\n")
    program = "".join(lines) + "".join(run)
    return assemble_chunk(program, locations, needed, prim_locations, target,
                          units[0].ocaml_version.startswith("5."), extra_runtime, module, minify,
                          None if minify else marks)
