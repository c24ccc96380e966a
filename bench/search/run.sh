#!/usr/bin/env bash
# The "Registry search" figure (docs/benchmarks.md): search by name at PEOPLE synthetic people in PostgreSQL,
# CONNECTIONS concurrent requests on loopback, through the real web app and a data steward's cookie.
#
#   bench/search/run.sh                       # 5,000,000 people, 50 connections, 60 s
#   PEOPLE=200000 DURATION=15s bench/search/run.sh
#   QUIET=1.5 bench/search/run.sh            # on a shared machine: measure only once the load average is below 1.5
#   ONE_WORD=1 CONNECTIONS=8 bench/search/run.sh   # the same queries cut to one word (given or family name)
#
# Steps: throwaway PostgreSQL (scripts/pg-start.sh; shared_buffers 2 GB) → Release builds → binary COPY of the
# synthetic population and a file of misspelt queries (Saphan.SearchBench) → a data steward by `saphan admin create`
# → the web app in Production against that database → sign-in through the form with curl → check.py (does each query
# find its person?) → wrk warm-up, then the measured wrk run (search.lua prints p50/p90/p95/p99). Everything it
# started is stopped and deleted at the end, also on failure or Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/../.."
PEOPLE=${PEOPLE:-5000000}
CONNECTIONS=${CONNECTIONS:-50}
THREADS=${THREADS:-2}
DURATION=${DURATION:-60s}
WARMUP=${WARMUP:-15s}
SEED=${SEED:-42}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
work=$(mktemp -d /tmp/saphan-search-bench.XXXXXX)
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  [ -n "${SAPHAN_PG_ROOT:-}" ] && scripts/pg-stop.sh || true
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr), $(date -u +%Y-%m-%dT%H:%MZ)"
eval "$(scripts/pg-start.sh)"
RUN_AS=(); [ "$(id -u)" = 0 ] && RUN_AS=(runuser -u postgres --)
"${RUN_AS[@]}" "$SAPHAN_PG_BIN/psql" -h 127.0.0.1 -p "$SAPHAN_PG_PORT" -U postgres -XAtqc "ALTER SYSTEM SET shared_buffers = '2GB'" >/dev/null
"${RUN_AS[@]}" "$SAPHAN_PG_BIN/pg_ctl" -D "$SAPHAN_PG_ROOT/data" -w -m fast restart >/dev/null
CS="Host=127.0.0.1;Port=$SAPHAN_PG_PORT;Username=postgres;Database=saphan_bench;Maximum Pool Size=100"

echo "== build (Release)"
dotnet build -c Release -nodeReuse:false src/Saphan.Web/Saphan.Web.csproj -v q -nologo >/dev/null
dotnet build -c Release -nodeReuse:false bench/search/Saphan.SearchBench/Saphan.SearchBench.csproj -v q -nologo >/dev/null
dotnet build -c Release -nodeReuse:false src/Saphan.Cli/Saphan.Cli.csproj -v q -nologo >/dev/null

echo "== load $PEOPLE people"
/usr/bin/time -f "load: %e s wall, %M KB max RSS" \
  dotnet bench/search/Saphan.SearchBench/bin/Release/net10.0/Saphan.SearchBench.dll load --connection "$CS" --people "$PEOPLE" --seed "$SEED" --queries "$work/queries.tsv"
"${RUN_AS[@]}" "$SAPHAN_PG_BIN/psql" -h 127.0.0.1 -p "$SAPHAN_PG_PORT" -U postgres -d saphan_bench -XAtc \
  "SELECT 'people ' || count(*) || ', table ' || pg_size_pretty(pg_table_size('people')) || ', indexes ' || pg_size_pretty(pg_indexes_size('people')) FROM people"

echo "== data steward"
PASSWORD="Bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
echo "$PASSWORD" | src/Saphan.Cli/bin/Release/net10.0/Saphan.Cli admin create --user bench.steward --name "ผู้ดูแลข้อมูล ทดสอบ" \
  --role DataSteward --password-stdin --connection "$CS"

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
BASE="http://127.0.0.1:$PORT"
echo "== web app on $BASE (Production)"
env ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Saphan="$CS" DemoData__Enabled=false Logging__LogLevel__Default=Warning \
  "Logging__LogLevel__Saphan.Rights.RightsRefreshService=Information" \
  dotnet src/Saphan.Web/bin/Release/net10.0/Saphan.Web.dll --urls "$BASE" >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 120); do curl -sf "$BASE/health" >/dev/null && break; sleep 0.5; done
curl -sf "$BASE/health" >/dev/null || { echo "the app did not start:" >&2; tail -30 "$work/app.log" >&2; exit 1; }
# A new database has no rights verdicts: the app evaluates everyone once at start (the daily refresh). Searching is
# measured after it, as it would be in the working day, not while 5 million people are being evaluated.
echo "== waiting for the start-up rights refresh"
start=$(date +%s)
for _ in $(seq 1 900); do grep -q "Rights re-evaluated\|Rights refresh stopped" "$work/app.log" && break; sleep 1; done
echo "rights refresh: $(( $(date +%s) - start )) s: $(grep -o 'Rights re-evaluated.*\|Rights refresh stopped' "$work/app.log" | head -1)"

jar="$work/cookies.txt"
token=$(curl -s -c "$jar" -b "$jar" "$BASE/Account/Login" | grep -o 'name="__RequestVerificationToken" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
status=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" --data-urlencode "_handler=login" \
  --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "Input.UserName=bench.steward" \
  --data-urlencode "Input.Password=$PASSWORD" "$BASE/Account/Login")
[ "$status" = 302 ] || { echo "sign-in failed: HTTP $status" >&2; exit 1; }
COOKIE=$(awk -F'\t' 'NF==7 && ($1 !~ /^#/ || $1 ~ /^#HttpOnly_/) {printf "%s%s=%s", sep, $6, $7; sep="; "}' "$jar")
export COOKIE QUERIES="$work/queries.tsv"
if [ "${ONE_WORD:-0}" = 1 ]; then
  # The same queries cut to one word: the given name of even lines, the family name of odd ones (URL-encoded, tab, person).
  python3 - "$QUERIES" <<'PY'
import sys, urllib.parse
path = sys.argv[1]
lines = open(path, encoding="utf-8").read().splitlines()
out = []
for i, line in enumerate(lines):
    query, person = line.split("\t")
    words = urllib.parse.unquote(query).split()
    out.append(urllib.parse.quote(words[0] if i % 2 == 0 else words[-1]) + "\t" + person)
open(path, "w", encoding="utf-8").write("\n".join(out) + "\n")
PY
fi
echo "queries: $(wc -l <"$QUERIES"), e.g. $(python3 -c 'import sys,urllib.parse; print(" | ".join(urllib.parse.unquote(l.split("\t")[0]) for l in open(sys.argv[1]).read().splitlines()[:6]))' "$QUERIES")"

echo "== does each query find its person? (first 500, one at a time)"
python3 bench/search/check.py "$BASE" "$COOKIE" "$QUERIES" 500

if [ -n "${QUIET:-}" ]; then
  # Other work on a shared machine skews the figure: wait (at most 30 min) until the 1-minute load average is below QUIET.
  for _ in $(seq 1 180); do awk -v q="$QUIET" '{exit !($1 < q)}' /proc/loadavg && break; sleep 10; done
fi
echo "== warm-up $WARMUP (load average $(cut -d' ' -f1-3 /proc/loadavg))"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s bench/search/search.lua "$BASE" >/dev/null
echo "== measured: wrk -t$THREADS -c$CONNECTIONS -d$DURATION -s bench/search/search.lua $BASE"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s bench/search/search.lua "$BASE" | tail -6
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "audit rows written: $("${RUN_AS[@]}" "$SAPHAN_PG_BIN/psql" -h 127.0.0.1 -p "$SAPHAN_PG_PORT" -U postgres -d saphan_bench -XAtc "SELECT count(*) FROM audit_log" 2>/dev/null || echo '?')"
grep -i '"LogLevel":"\(Error\|Critical\)"' "$work/app.log" | head -3 || true
