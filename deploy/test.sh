#!/usr/bin/env bash
# Build the solution and run every test against a throwaway PostgreSQL.
#
#   deploy/test.sh [extra dotnet test args, e.g. --filter Category=Fast]
#
# The database server lives in a mktemp folder on a free port, so this runs
# beside a running deploy/up.sh, and is removed on exit. The last line printed
# is always "N passed, M failed"; the exit code is non-zero when the build
# failed, a test failed, dotnet test failed, or no test ran.
#
# Environment:
#   PAPERCLIP_TEST_RESULTS_DIR  where .trx files go (default <repo>/TestResults,
#                               emptied first so old runs are not counted)
# Exported to the tests:
#   PAPERCLIP_TEST_DATABASE_URL postgres://postgres:PASSWORD@127.0.0.1:PORT/postgres,
#                               a superuser; tests create their own databases
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
# shellcheck source=lib/postgres.sh source-path=SCRIPTDIR
source "$ROOT/deploy/lib/postgres.sh"

log() { printf '[test] %s\n' "$*" >&2; }
# Anything that stops us before tests run still ends with the summary line.
fail_early() {
  log "error: $*"
  echo "0 passed, 1 failed"
  exit 1
}

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
RESULTS_DIR=${PAPERCLIP_TEST_RESULTS_DIR:-$ROOT/TestResults}
SOLUTION=$ROOT/Paperclip.sln
[[ -f $SOLUTION || ! -f $ROOT/Paperclip.slnx ]] || SOLUTION=$ROOT/Paperclip.slnx

# --- throwaway PostgreSQL ---------------------------------------------------
pg_ensure_installed || fail_early "PostgreSQL is not available"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/paperclip-test.XXXXXX")
PG_DIR=$WORK/pgdata
# shellcheck disable=SC2317  # only reached through the EXIT trap
cleanup() {
  pg_stop "$PG_DIR" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP # exit runs the EXIT trap
# As root the server runs as the postgres OS user, who must be able to enter
# our private mktemp folder (and nothing else gets loosened).
PG_CHMOD_WITHIN=$WORK

# free_port can race with other programs grabbing the port: retry a few times.
started=0
for _ in 1 2 3; do
  port=$(free_port) || break
  if pg_start_local "$PG_DIR" "$port" throwaway; then
    started=1
    break
  fi
done
((started)) || fail_early "could not start a throwaway PostgreSQL"
PAPERCLIP_TEST_DATABASE_URL=$(pg_url "$PG_PORT" postgres)
export PAPERCLIP_TEST_DATABASE_URL
log "PAPERCLIP_TEST_DATABASE_URL=postgres://postgres:***@127.0.0.1:$PG_PORT/postgres"

# --- build and test -----------------------------------------------------------
# No build servers: they would outlive this script and keep its output pipe
# open, which hangs callers such as CI that read until end of output.
dotnet build "$SOLUTION" -c Release -nologo --disable-build-servers </dev/null ||
  fail_early "build failed"

rm -rf "$RESULTS_DIR"
mkdir -p "$RESULTS_DIR"
# The trx logger keeps its default, unique file name per test project: with a
# fixed LogFileName every project of a solution overwrites the same file.
test_rc=0
dotnet test "$SOLUTION" -c Release --no-build --logger trx \
  --results-directory "$RESULTS_DIR" "$@" </dev/null || test_rc=$?

# --- summary ------------------------------------------------------------------
# Sum the <Counters .../> of every trx file; errors, timeouts and aborted
# tests count as failures.
read -r passed failed < <(
  find "$RESULTS_DIR" -name '*.trx' -type f -exec grep -ho '<Counters [^>]*>' {} + 2>/dev/null |
    awk '
      function attr(s, name) {
        if (match(s, " " name "=\"[0-9]+\"")) return substr(s, RSTART + length(name) + 3, RLENGTH - length(name) - 4) + 0
        return 0
      }
      { p += attr($0, "passed"); f += attr($0, "failed") + attr($0, "error") + attr($0, "timeout") + attr($0, "aborted") }
      END { print p + 0, f + 0 }'
)

status=0
if ((test_rc != 0)); then
  log "dotnet test exited with code $test_rc"
  status=1
  # A crashed test host can leave no failed test in any trx; keep the summary
  # line honest about the run having failed.
  ((failed > 0)) || failed=1
fi
if ((failed > 0)); then status=1; fi
if ((passed + failed == 0)); then
  log "no test ran"
  status=1
fi
echo "$passed passed, $failed failed"
exit "$status"
