"""The language server with a compiler whose output does not load (for the tests).

The compiler should never produce Lua a target refuses, so to see the load
check map such an error back to OCaml, this launcher damages the compiled
chunk: the first Lua line generated for line 2 of `main.ml` becomes a syntax
error (line count unchanged, so the source map still fits).
"""

from __future__ import annotations

import sys
from dataclasses import replace

import lua_of_ocaml_lsp.pipeline as pipeline
from lua_of_ocaml_lsp.__main__ import main

_compile = pipeline.Builder._compile


def _damaged(built, settings, runtime):
    results = _compile(built, settings, runtime)
    out = {}
    for target, res in results.items():
        lines = res.lua.split("\n")
        for m in res.source_map.mappings:
            if m.source.endswith("main.ml") and m.line == 2:
                lines[m.lua_line - 1] = "local = = 1"
                break
        out[target] = replace(res, lua="\n".join(lines))
    return out


pipeline.Builder._compile = staticmethod(_damaged)

if __name__ == "__main__":
    sys.exit(main())
