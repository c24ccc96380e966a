#!/usr/bin/env bash
# Stops the server started by scripts/pg-start.sh and deletes its folder.
# Usage: scripts/pg-stop.sh [folder]     (default: $SAPHAN_PG_ROOT)
# Safe to call twice or when nothing was started.
set -euo pipefail

PGROOT=${1:-${SAPHAN_PG_ROOT:-}}
if [ -z "$PGROOT" ] || [ ! -d "$PGROOT" ]; then exit 0; fi
# Only ever delete a folder pg-start.sh created.
if [ ! -f "$PGROOT/.saphan-pg" ]; then
  echo "pg-stop: $PGROOT was not made by pg-start.sh; leaving it alone" >&2
  exit 1
fi

PGBIN=${SAPHAN_PG_BIN:-}
if [ -z "$PGBIN" ] && [ -f "$PGROOT/data/PG_VERSION" ]; then
  PGBIN=/usr/lib/postgresql/$(cat "$PGROOT/data/PG_VERSION")/bin
fi
[ -x "$PGBIN/pg_ctl" ] || PGBIN=$(dirname "$(command -v pg_ctl 2>/dev/null || echo /nonexistent/pg_ctl)")

RUN_AS=()
[ "$(id -u)" = 0 ] && RUN_AS=(runuser -u postgres --)

if [ -f "$PGROOT/data/postmaster.pid" ] && [ -x "$PGBIN/pg_ctl" ]; then
  # Immediate: the data is being deleted anyway, and a test may still hold connections.
  "${RUN_AS[@]}" "$PGBIN/pg_ctl" -D "$PGROOT/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || {
    # Last resort: the postmaster's own PID (first line of postmaster.pid), never a name match.
    pid=$(head -n 1 "$PGROOT/data/postmaster.pid" 2>/dev/null || true)
    [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
  }
fi
rm -rf "$PGROOT"
echo "pg-stop: stopped and removed $PGROOT" >&2
