#!/usr/bin/env bash
# Compile the example OCaml program to Lua and run it in the embedded Lua.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/lua_of_ocaml run examples/hello.ml "$@"
