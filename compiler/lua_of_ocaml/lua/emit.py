"""Assemble the generated chunk: runtime, global data, program."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..bytecode.debug_info import Location
from ..ir.ir import Program
from ..linker.link import link_runtime
from .codegen import FunctionCompiler, ProgramInfo
from .minify import minify_lua
from .primitives import PrimitiveTranslator
from ..progress import Progress
from ..sourcemap import SourceMap
from .render import render_function

# Frames of OCaml calls per coroutine before continuing on a fresh one, and
# how many such coroutines may nest before Stack_overflow (see docs/design.md).
DEPTH_LIMITS = {"luajit": (1000, 300), "lua51": (4000, 40), "lua54": (8000, 40)}

_ALWAYS = {"caml_global_data", "caml_arity", "caml_main", "caml_exn_of_lua", "caml_missing_primitive",
           "caml_register_named_value", "caml_debug_info", "caml_raise_ocaml", "caml_lua_error_handler",
           "caml_raise_exn"}

_TARGET_PRELUDE = {
    "luajit": ("local bit = require(\"bit\")\n"
               "local tobit, band, bor, bxor = bit.tobit, bit.band, bit.bor, bit.bxor\n"
               "local lshift, rshift, arshift = bit.lshift, bit.rshift, bit.arshift\n"),
    "lua54": "",
    "lua51": ("local function W(x)\n"
              "  if x >= -2147483648 and x <= 2147483647 then return x end\n"
              "  return (x + 2147483648) % 4294967296 - 2147483648\n"
              "end\n"
              "-- Lua 5.1 cannot yield across pcall: inside an effect handler's fiber, a try\n"
              "-- body runs on its own coroutine, which catches errors and passes effects up.\n"
              "local function caml_try(f)\n"
              "  if not P.caml_fiber_depth or P.caml_fiber_depth == 0 then\n"
              "    return xpcall(f, P.caml_lua_error_handler)\n"
              "  end\n"
              "  local co = coroutine.create(f)\n"
              "  local ok, r, x = coroutine.resume(co)\n"
              "  while ok and coroutine.status(co) == \"suspended\" do\n"
              "    local f2, v2 = coroutine.yield(r, x)\n"
              "    ok, r, x = coroutine.resume(co, f2, v2)\n"
              "  end\n"
              "  if ok then return true, r end\n"
              "  return false, P.caml_lua_error_handler(r)\n"
              "end\n"),
}


@dataclass
class ChunkResult:
    lua: str
    missing: dict[str, Location | None] = field(default_factory=dict)
    source_map: SourceMap | None = None


@dataclass
class CompiledCode:
    """A program, or one separately compiled unit, before the runtime and the prelude
    go around it: chunk-level statements that define `caml_data` (its constants)
    and `caml_body` (its initialisation code), with location markers."""
    text: str
    locations: list[Location]
    needed: set[str]                          # runtime primitives it calls
    prim_locations: dict[str, Location]       # where each primitive is used


def renumber_markers(text: str, base: int) -> str:
    """Shift the location markers of `text` by `base`, for texts joined into one."""
    if not base:
        return text
    return _MARKER.sub(lambda m: f"\x01{int(m.group(1)) + base}\x01", text)


_MARKER = re.compile("\x01(\\d+)\x01")


def compile_code(prog: Program, target: str, progress: Progress | None = None) -> CompiledCode:
    info = ProgramInfo(prog, target, progress)
    prims = PrimitiveTranslator(prog, target)
    main_node = FunctionCompiler(info, prog.main, prims).compile()
    main_text, locations = render_function(main_node, target, "caml_body")
    # try bodies lifted out of their functions (codegen.try_code), each rendered on
    # its own; their location markers are renumbered after those of the main text
    lifted_text = ["local LT = {}\n"] if info.lifted else []
    for i, node in enumerate(info.lifted, 1):
        text, locs = render_function(node, target, None)
        text = renumber_markers(text, len(locations))
        locations = locations + locs
        lifted_text.append(f"LT[{i}] = {text}\n")

    data_lines = prims.data_statements(prog.literals)
    data_funcs = []
    for i in range(0, max(len(data_lines), 1), 500):
        body = "".join(f"  {l}\n" for l in data_lines[i:i + 500])
        data_funcs.append(f"function(T)\n{body}end")
    data_code = ("local function caml_data()\n  local T = {}\n  local parts = {\n"
                 + "".join(f"  {f},\n" for f in data_funcs)
                 + "  }\n  for i = 1, #parts do parts[i](T) end\nend\n")
    return CompiledCode(data_code + "".join(lifted_text) + main_text + "\n", locations,
                        set(prims.needed), dict(prog.prim_locations))


def emit_program(prog: Program, target: str, extra_runtime: list[str] | None = None,
                 module: bool = False, progress: Progress | None = None,
                 minify: bool = False) -> ChunkResult:
    """The Lua chunk of `prog`. A script chunk runs the program and returns its exit
    code; a `module` chunk runs its initialisation and returns its exports table
    (what `require` gives a Lua host)."""
    code = compile_code(prog, target, progress)
    program = code.text + "local function caml_program()\n  caml_data()\n  return caml_body()\nend\n"
    return assemble_chunk(program, code.locations, code.needed, code.prim_locations, target,
                          prog.ocaml5, extra_runtime, module, minify)


def assemble_chunk(program: str, locations: list[Location], needed_prims: set[str],
                   prim_locations: dict[str, Location], target: str, ocaml5: bool,
                   extra_runtime: list[str] | None = None, module: bool = False,
                   minify: bool = False,
                   program_marks: list[tuple[int, int, Location]] | None = None) -> ChunkResult:
    """Put the runtime and the prelude around `program`, chunk-level statements that
    define `caml_program` (the whole initialisation), and build the source map.
    `program` carries location markers (indexes in `locations`), or comes without
    them and `program_marks` gives (line in `program`, column, location)."""
    needed = set(needed_prims) | _ALWAYS | ({"caml_module_main"} if module else set())
    runtime = link_runtime(needed, target, extra_runtime)
    missing = {name: prim_locations.get(name) for name in sorted(runtime.missing)}

    calls = sorted(n for n in needed_prims if n.startswith("caml_call") and n[9:].isdigit())
    limit, hops = DEPTH_LIMITS[target]
    start = "caml_module_main" if module else "caml_main"
    tail = f"local code = P.{start}(caml_program, ...)\n"
    parts = [
        "-- Generated by lua_of_ocaml. Do not edit.\n",
        runtime.code,
        "".join(f'P.{name} = P.caml_missing_primitive("{name}")\n' for name in missing),
        "P.caml_ocaml5 = true\n" if ocaml5 else "",
        "local G = P.caml_global_data\n",
        "local A = P.caml_arity\n",
        "local caml_raise = P.caml_raise_ocaml\n",
        "local caml_errh = P.caml_lua_error_handler\n",
        _TARGET_PRELUDE[target],
        "".join(f"local {c} = P.{c}\n" for c in calls),
        f"local D, DLIMIT, HOPS = 0, {limit}, 0\n",
        "local NEGZ = -tonumber(\"0.0\")\n",
        "local BRK\n",
        "P.caml_depth_get = function() return D end\n",
        "P.caml_depth_set = function(d) D = d end\n",
        "local function caml_deep(f, ...)\n"
        f"  if HOPS >= {hops} then P.caml_raise_exn(G[9]) end  -- Stack_overflow\n"
        "  local saved = D\n"
        "  D, HOPS = 0, HOPS + 1\n"
        "  local co = coroutine.create(f)\n"
        "  local ok, r, x = coroutine.resume(co, ...)\n"
        "  while ok and coroutine.status(co) == \"suspended\" do\n"
        "    -- an effect performed deep in the recursion: pass it to the handler\n"
        "    local inner = D\n"
        "    D, HOPS = saved, HOPS - 1\n"
        "    local f2, v2 = coroutine.yield(r, x)\n"
        "    saved, D, HOPS = D, inner, HOPS + 1\n"
        "    ok, r, x = coroutine.resume(co, f2, v2)\n"
        "  end\n"
        "  D, HOPS = saved, HOPS - 1\n"
        "  if ok then return r end\n"
        "  error(r, 0)\n"
        "end\n",
        program,
        tail,
        "return code\n",
    ]
    if program_marks is not None:
        # `program` comes without markers, its marks found before (linker/units.py)
        assert not minify, "minify moves lines: give the marked program"
        i = next(i for i, p in enumerate(parts) if p is program)
        base = sum(p.count("\n") for p in parts[:i])
        text = "".join(parts)
        smap = SourceMap.from_marks(((base + line, col, loc) for line, col, loc in program_marks), "")
    else:
        text = "".join(parts)
        if minify:
            text = minify_lua(text)
        text, smap = SourceMap.from_marked_text(text, locations, "")
    if smap.mappings:
        # backtraces: the line table goes after all mapped code, so no line moves
        table = smap.runtime_table()
        eq = "="
        while f"]{eq}]" in table:
            eq += "="
        assert text.endswith(tail + "return code\n")
        info = ("local caml_src = debug and debug.getinfo and debug.getinfo(1, \"S\")\n"
                "P.caml_debug_info = { source = caml_src and caml_src.source,"
                f" short_src = caml_src and caml_src.short_src, data = [{eq}[\n{table}]{eq}] }}\n")
        text = text[: -len(tail + "return code\n")] + info + tail + "return code\n"
    return ChunkResult(text, missing, smap)

