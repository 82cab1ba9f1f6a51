#!/usr/bin/env bash
# Run the whole test suite (fast and slow tests), installing what it needs first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python -m pytest -n 2 --dist loadgroup -q "$@"
