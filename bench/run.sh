#!/usr/bin/env bash
# One command for the scale benchmark: installs wrk if missing, then runs
# bench/scale.py (extra arguments are passed on, e.g. --events 100000).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet -e ".[postgres]"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
exec .venv/bin/python bench/scale.py "$@"
