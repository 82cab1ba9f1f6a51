#!/usr/bin/env bash
# Install what benchmarks/run.py needs beyond scripts/setup.sh: js_of_ocaml and
# node (Debian packages; optional, their column is skipped without them) and
# matplotlib for the chart (the `bench` extra).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

need_apt=()
command -v js_of_ocaml >/dev/null 2>&1 || need_apt+=(js-of-ocaml)
command -v node >/dev/null 2>&1 || need_apt+=(nodejs)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "bench setup: installing ${need_apt[*]} with apt-get" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "bench setup: missing ${need_apt[*]} (Debian: sudo apt-get install ${need_apt[*]}); their column will be skipped" >&2
  fi
fi
if ! .venv/bin/python -c "import matplotlib" >/dev/null 2>&1; then
  .venv/bin/python -m pip install -q -e ".[bench]"
fi
