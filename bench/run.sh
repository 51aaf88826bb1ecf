#!/usr/bin/env bash
# One command for the scale benchmark: installs wrk if missing, then runs
# bench/scale.py (extra arguments are passed on, e.g. --events 100000).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || bash scripts/test.sh --collect-only -q >/dev/null
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
exec .venv/bin/python bench/scale.py "$@"
