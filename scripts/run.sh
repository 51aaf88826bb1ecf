#!/usr/bin/env bash
# Set up a virtual environment with the project, then create/migrate/seed the
# SQLite database (dateline.db here, unless DATELINE_DATABASE_URL says otherwise)
# and serve on http://127.0.0.1:8000.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e .
exec .venv/bin/dateline serve "$@"
