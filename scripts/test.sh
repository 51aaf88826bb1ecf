#!/usr/bin/env bash
# Set up everything the tests need, then run the whole suite: once on SQLite and,
# where a PostgreSQL server can be had, once more on PostgreSQL.
#
# As root on Debian it installs what is missing with apt-get (chromium for the
# browser tests, postgresql for the second run). Without them those tests skip
# with a reason, except under CI=true, where they must run.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}

log() { printf '\n== %s\n' "$*"; }

apt_install() {
    [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null || return 1
    [ -n "${_APT_UPDATED:-}" ] || { apt-get update -qq && _APT_UPDATED=1; }
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

setup_python() {
    log "Python environment (.venv)"
    [ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet -e ".[test]"
}

setup_chromium() {
    command -v chromium >/dev/null || { log "Installing chromium"; apt_install chromium fonts-dejavu-core || true; }
    # The accessibility tests fetch axe-core from the npm registry (cached outside the repo).
    command -v npm >/dev/null || { log "Installing npm"; apt_install npm || true; }
}

setup_postgres() {
    command -v pg_ctlcluster >/dev/null || { log "Installing postgresql"; apt_install postgresql || return 1; }
    [ "$(id -u)" = 0 ] || { [ -n "${DATELINE_TEST_POSTGRES_URL:-}" ] && return 0 || return 1; }
    local version
    version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
    pg_lsclusters -h | grep -q "^$version main" || pg_createcluster "$version" main >/dev/null
    pg_ctlcluster "$version" main start 2>/dev/null || true
    su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='dateline_test'\"" | grep -q 1 ||
        su postgres -c "psql -qc \"CREATE ROLE dateline_test LOGIN PASSWORD 'dateline_test' CREATEDB\""
    su postgres -c "psql -qc 'GRANT pg_signal_backend TO dateline_test'" >/dev/null
    export DATELINE_TEST_POSTGRES_URL="postgresql+psycopg://dateline_test:dateline_test@127.0.0.1:5432/postgres"
}

setup_python
setup_chromium
log "Migrations match the models (alembic check)"
check_db="sqlite:///$(mktemp -d)/check.db"
DATELINE_DATABASE_URL="$check_db" .venv/bin/dateline migrate
DATELINE_DATABASE_URL="$check_db" .venv/bin/alembic check

log "Test suite on SQLite"
DATELINE_TEST_POSTGRES_URL= .venv/bin/python -m pytest "$@"

if setup_postgres; then
    log "Test suite on PostgreSQL"
    .venv/bin/python -m pytest "$@"
elif [ "${CI:-}" = true ]; then
    echo "PostgreSQL could not be set up, and CI must run the suite on it" >&2
    exit 1
else
    log "PostgreSQL not available: the second run (on PostgreSQL) was skipped"
fi
