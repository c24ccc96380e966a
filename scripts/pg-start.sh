#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for tests: loopback only, a free port, a fresh data directory in
# a `mktemp -d` folder, durability switched off (fsync, synchronous_commit, full_page_writes) because
# the data is thrown away. Works as root: initdb refuses root, so the server runs as user `postgres`.
#
# Usage:   eval "$(scripts/pg-start.sh)"      # exports the variables below into the calling shell
#          scripts/pg-stop.sh                  # stops the server and deletes the folder
#
# Prints (stdout, shell syntax):
#   export SAPHAN_PG_ROOT=/tmp/saphan-pg.XXXXXX      folder with data/, the socket and server.log
#   export SAPHAN_PG_PORT=NNNNN
#   export SAPHAN_PG_BIN=/usr/lib/postgresql/15/bin
#   export SAPHAN_TEST_POSTGRES='Host=127.0.0.1;Port=NNNNN;Username=postgres;Database=postgres'
# Everything else goes to stderr, so that `eval` sees only the exports.
#
# Optional input: SAPHAN_PG_BIN (PostgreSQL bin folder; default: version 15 if present, else the newest),
#                 SAPHAN_PG_PORT (fixed port; default: a free one chosen by the kernel).
set -euo pipefail

log() { echo "pg-start: $*" >&2; }

pick_bin() {
  if [ -n "${SAPHAN_PG_BIN:-}" ]; then echo "$SAPHAN_PG_BIN"; return; fi
  if [ -x /usr/lib/postgresql/15/bin/initdb ]; then echo /usr/lib/postgresql/15/bin; return; fi
  local newest
  newest=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -n "$newest" ]; then echo "$newest"; return; fi
  # Non-Debian layouts: initdb on the PATH.
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return; fi
  log "no PostgreSQL found (install the Debian package 'postgresql')"; exit 1
}

free_port() {
  # Ask the kernel for a free ephemeral port. There is a small race until the server binds it,
  # which the retry loop below covers.
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
    || echo $(( 20000 + RANDOM % 30000 ))
}

PGBIN=$(pick_bin)
PGROOT=$(mktemp -d "${TMPDIR:-/tmp}/saphan-pg.XXXXXX")
# Marker so that pg-stop.sh only ever deletes folders this script made.
touch "$PGROOT/.saphan-pg"

RUN_AS=()
if [ "$(id -u)" = 0 ]; then
  if ! id postgres >/dev/null 2>&1; then
    log "running as root but there is no 'postgres' user to run the server as"; rm -rf "$PGROOT"; exit 1
  fi
  chown postgres: "$PGROOT"
  chmod 700 "$PGROOT"
  RUN_AS=(runuser -u postgres --)
fi

fail() {
  log "$*"
  for f in "$PGROOT/initdb.log" "$PGROOT/server.log"; do
    [ -f "$f" ] && { echo "--- $f" >&2; tail -n 30 "$f" >&2; }
  done
  rm -rf "$PGROOT"
  exit 1
}

# C.UTF-8 keeps the server independent of the machine's locales; Thai ordering comes from the ICU
# collations (e.g. "th-TH-x-icu") that initdb imports into pg_collation.
"${RUN_AS[@]}" "$PGBIN/initdb" -D "$PGROOT/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
  >"$PGROOT/initdb.log" 2>&1 || fail "initdb failed"

started=""
for attempt in 1 2 3 4 5; do
  PORT=${SAPHAN_PG_PORT:-$(free_port)}
  if "${RUN_AS[@]}" "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/server.log" -w -t 60 \
       -o "-p $PORT -k $PGROOT -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
       start >/dev/null 2>&1; then
    started=1; break
  fi
  [ -n "${SAPHAN_PG_PORT:-}" ] && break   # a fixed port will not become free by retrying
  log "start on port $PORT failed (attempt $attempt), trying another port"
done
[ -n "$started" ] || fail "could not start PostgreSQL"

# The server is up; make sure the Thai ICU collation exists, as the data layer relies on it.
if ! "${RUN_AS[@]}" "$PGBIN/psql" -h "$PGROOT" -p "$PORT" -U postgres -d postgres -XAtq \
      -c "SELECT 1 FROM pg_collation WHERE collname = 'th-TH-x-icu'" 2>/dev/null | grep -q 1; then
  log "warning: collation \"th-TH-x-icu\" is missing (PostgreSQL built without ICU?)"
fi

log "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT, data in $PGROOT"
cat <<OUT
export SAPHAN_PG_ROOT='$PGROOT'
export SAPHAN_PG_PORT='$PORT'
export SAPHAN_PG_BIN='$PGBIN'
export SAPHAN_TEST_POSTGRES='Host=127.0.0.1;Port=$PORT;Username=postgres;Database=postgres'
OUT
