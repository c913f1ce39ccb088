#!/usr/bin/env bash
# The whole suite: first on SQLite, then the database tests again on PostgreSQL.
# PostgreSQL: IGR_TEST_DATABASE_URL if set; otherwise a throwaway cluster started here from the installed
# server binaries and removed afterwards. With IGR_REQUIRE_POSTGRES=1 (set by CI) a missing PostgreSQL fails
# the run instead of skipping it, and browser tests may not be skipped either.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
export IGR_VAR_DIR; IGR_VAR_DIR=$(mktemp -d -t igr-test-var.XXXX)
PGROOT=""
cleanup() {
  if [ -n "$PGROOT" ] && [ -d "$PGROOT/data" ]; then
    if [ "$(id -u)" -eq 0 ]; then su postgres -c "$PGBIN/pg_ctl -D $PGROOT/data -m fast stop" >/dev/null 2>&1 || true
    else "$PGBIN/pg_ctl" -D "$PGROOT/data" -m fast stop >/dev/null 2>&1 || true; fi
    rm -rf "$PGROOT"
  fi
  rm -rf "$IGR_VAR_DIR"
}
trap cleanup EXIT

# The SQLite pass runs with the clock moved years ahead (tests/conftest.py), the PostgreSQL pass on the real
# clock: a rule or a test that reads today's date fails in one of them long before the calendar gets there.
CLOCK="${IGR_TEST_CLOCK-2031-01-06}"
echo "== Test run 1: SQLite${CLOCK:+ (clock moved to $CLOCK)}"
env -u DATABASE_URL IGR_TEST_CLOCK="$CLOCK" "$BIN/pytest" "$@"

PGURL="${IGR_TEST_DATABASE_URL:-}"
if [ -z "$PGURL" ]; then
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)
  if [ -n "$PGBIN" ] && [ -x "$PGBIN/initdb" ]; then
    PGROOT=$(mktemp -d -t igr-pg.XXXX)
    PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    opts="-p $PORT -k $PGROOT -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    if [ "$(id -u)" -eq 0 ]; then
      chown postgres "$PGROOT"
      su postgres -c "$PGBIN/initdb -D $PGROOT/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 -N" >/dev/null
      su postgres -c "$PGBIN/pg_ctl -D $PGROOT/data -w -l $PGROOT/log -o '$opts' start" >/dev/null
    else
      "$PGBIN/initdb" -D "$PGROOT/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 -N >/dev/null
      "$PGBIN/pg_ctl" -D "$PGROOT/data" -w -l "$PGROOT/log" -o "$opts" start >/dev/null
    fi
    PGURL="postgres://postgres@127.0.0.1:$PORT/postgres"
  fi
fi
if [ -z "$PGURL" ]; then
  if [ "${IGR_REQUIRE_POSTGRES:-0}" = "1" ]; then
    echo "PostgreSQL is required (IGR_REQUIRE_POSTGRES=1) but no server binaries were found" >&2; exit 1
  fi
  echo "== PostgreSQL not installed: the PostgreSQL run was skipped (install 'postgresql' to run it)"
  exit 0
fi
echo "== Test run 2: PostgreSQL (database tests)"
DATABASE_URL="$PGURL" IGR_DB_TESTS_ONLY=1 "$BIN/pytest" "$@"
