#!/usr/bin/env bash
# The one test command: installs missing test dependencies (Debian packages), builds the solution in
# Release, starts a throwaway PostgreSQL, runs every test project, stops PostgreSQL, and prints
# `N passed, N failed` as its very last line (the CI harness reads it).
#
# Usage: ./test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Linkage]
# Tests find the server in SAPHAN_TEST_POSTGRES (Npgsql connection string to the `postgres` database;
# each test creates its own database) and Chromium in SAPHAN_TEST_CHROMIUM.
set -euo pipefail
cd "$(dirname "$0")"

export DEBIAN_FRONTEND=noninteractive DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 \
  DOTNET_GENERATE_ASPNET_CERTIFICATE=false DOTNET_CLI_USE_MSBUILD_SERVER=0

results=artifacts/test-results
# A server someone started by hand in this shell is theirs; finish() must only stop ours.
unset SAPHAN_PG_ROOT
test_rc=""
test_pid=""

# dotnet test runs in its own session (setsid), so that on Ctrl-C or TERM the whole tree (vstest,
# test hosts, browsers) can be stopped by process group; bash alone would wait for it to end first.
stop_tests() {
  [ -n "$test_pid" ] || return 0
  kill -TERM -- "-$test_pid" 2>/dev/null || return 0
  for _ in $(seq 20); do
    kill -0 -- "-$test_pid" 2>/dev/null || return 0
    sleep 0.5
  done
  kill -KILL -- "-$test_pid" 2>/dev/null || true
}

finish() {
  local rc=$?
  trap - EXIT INT TERM
  stop_tests
  # Stop the server whatever happened; its folder goes with it.
  if [ -n "${SAPHAN_PG_ROOT:-}" ]; then scripts/pg-stop.sh "$SAPHAN_PG_ROOT" || true; fi
  if [ -n "$test_rc" ] && [ "$test_rc" != 0 ]; then
    echo "test.sh: dotnet test exited with $test_rc" >&2
  elif [ -z "$test_rc" ]; then
    echo "test.sh: stopped before the tests finished (exit $rc)" >&2
  fi
  local summary_rc=0
  python3 scripts/test-summary.py "$results" || summary_rc=$?
  if [ "$rc" = 0 ] && { [ "$summary_rc" != 0 ] || [ "${test_rc:-1}" != 0 ]; }; then rc=1; fi
  exit "$rc"
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Old TRX files must not be counted.
rm -rf "$results"
mkdir -p "$results"

# (a) Debian packages: chromium, fonts-thai-tlwg, postgresql(-contrib), poppler-utils — only if missing.
scripts/install-test-deps.sh

# (b) Build. No build-node reuse, so no MSBuild process outlives the run.
dotnet tool restore
dotnet restore Saphan.slnx
dotnet build Saphan.slnx -c Release --no-restore -nodeReuse:false

# (c) PostgreSQL on a free loopback port, in a temp folder; finish() stops it.
# (An assignment, not eval "$(…)" directly, so that a failed start stops the run.)
pg_env=$(scripts/pg-start.sh)
eval "$pg_env"
if [ -x /usr/bin/chromium ]; then export SAPHAN_TEST_CHROMIUM=/usr/bin/chromium; fi

# (d) Tests. A hung test host is killed after 10 minutes (SAPHAN_TEST_HANG_TIMEOUT) rather than stalling CI.
setsid=()
if command -v setsid >/dev/null 2>&1; then setsid=(setsid); fi
"${setsid[@]}" dotnet test Saphan.slnx --no-build -c Release \
  --logger "trx;LogFilePrefix=saphan" --results-directory "$results" \
  --blame-hang-timeout "${SAPHAN_TEST_HANG_TIMEOUT:-10m}" --blame-hang-dump-type mini "$@" &
test_pid=$!
set +e
wait "$test_pid"
test_rc=$?
set -e
test_pid=""
# (e), (f): finish() on EXIT.
exit "$test_rc"
