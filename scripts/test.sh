#!/usr/bin/env bash
# Set up a virtual environment with the project and its test tools, then run the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[test]"
DATELINE_DATABASE_URL="sqlite:///$(mktemp -d)/check.db" .venv/bin/alembic check
exec .venv/bin/python -m pytest "$@"
