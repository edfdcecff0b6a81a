#!/usr/bin/env bash
# Benchmark the issues API with the shared yardstick (../shared/bench/load.mjs).
#
#   bench/run.sh [--silos N] [--skip-50k] [--out FILE] [--label TEXT]
#
# Starts its own system with deploy/up.sh (N silos, default 1, all serving
# HTTP on one port; its own
# PostgreSQL in a mktemp folder, its own ports), creates a company through the
# API, runs the scenarios of bench/REFERENCE.md against it, then a second
# company topped up to 50,000 issues to show the list page does not slow down
# with company size. Prints each result line and a summary table; everything
# it started is stopped on exit.
#
# Environment:
#   BENCH_SKIP_50K=1               same as --skip-50k (the 50k top-up takes minutes)
#   BENCH_LIST_REQUESTS            requests per list scenario (default: load.mjs's 200,
#                                  the reference's workload; with --vary-offset more
#                                  requests also reach deeper offsets)
#   BENCH_PORT                     HTTP port (default: a free one)
#   PAPERCLIP_SILO_BASE_PORT       silo i's port is BASE+i (default: free ones)
#   PAPERCLIP_GATEWAY_BASE_PORT    silo i's client gateway port is BASE+i (default: free ones)
#   PAPERCLIP_SKIP_BUILD=1         run the already-built Release silo
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
# shellcheck source=../deploy/lib/postgres.sh
source "$ROOT/deploy/lib/postgres.sh" # for free_port and free_port_range
LOAD=$ROOT/../shared/bench/load.mjs

log() { printf '[bench] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

SKIP_50K=${BENCH_SKIP_50K:-0}
SILOS=1
OUT=""
LABEL=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
while (($#)); do
  case $1 in
    --skip-50k) SKIP_50K=1; shift ;;
    --silos) [[ $# -ge 2 ]] || die "--silos needs a number"; SILOS=$2; shift 2 ;;
    --out) [[ $# -ge 2 ]] || die "--out needs a file"; OUT=$2; shift 2 ;;
    --label) [[ $# -ge 2 ]] || die "--label needs a value"; LABEL=$2; shift 2 ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
done
[[ -f $LOAD ]] || die "load generator not found at $LOAD"
command -v node >/dev/null || die "node is required"
LIST_ARGS=()
[[ -z ${BENCH_LIST_REQUESTS:-} ]] || LIST_ARGS=(--requests "$BENCH_LIST_REQUESTS")
OUT=${OUT:-/tmp/paperclip-bench-$(date +%Y%m%d-%H%M%S).jsonl}
: >"$OUT"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/paperclip-bench.XXXXXX")
# As root, PostgreSQL runs as the postgres OS user, who must be able to enter
# (not list) our private folder to reach its data directory.
chmod o+x "$WORK"
UP_PID=""
LOAD_PID=""
# shellcheck disable=SC2317  # reached through the traps
cleanup() {
  trap '' INT TERM HUP
  if [[ -n $LOAD_PID ]]; then
    kill -TERM "$LOAD_PID" 2>/dev/null || true
    wait "$LOAD_PID" 2>/dev/null || true
  fi
  if [[ -n $UP_PID ]] && kill -0 "$UP_PID" 2>/dev/null; then
    log "stopping the system (up.sh pid $UP_PID)"
    kill -TERM "$UP_PID" 2>/dev/null || true
    wait "$UP_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

PORT=${BENCH_PORT:-$(free_port)}
BASE=http://127.0.0.1:$PORT
log "starting the system on $BASE (data in $WORK, log $WORK/up.log)"
PAPERCLIP_PG_PORT=$(free_port) \
  PAPERCLIP_SILO_BASE_PORT=${PAPERCLIP_SILO_BASE_PORT:-$(free_port_range "$SILOS")} \
  PAPERCLIP_GATEWAY_BASE_PORT=${PAPERCLIP_GATEWAY_BASE_PORT:-$(free_port_range "$SILOS")} \
  "$ROOT/deploy/up.sh" --port "$PORT" --silos "$SILOS" --data-dir "$WORK/data" >"$WORK/up.log" 2>&1 &
UP_PID=$!
until grep -q '^Paperclip is running' "$WORK/up.log" 2>/dev/null; do
  if ! kill -0 "$UP_PID" 2>/dev/null; then
    tail -n 40 "$WORK/up.log" >&2
    die "deploy/up.sh exited before the system was up"
  fi
  sleep 1
done
# load.mjs samples one process's RSS and CPU: silo-0's (with --silos N, one of N).
SILO_PID=$(cat "$WORK/data/run/silo-0.pid" 2>/dev/null) || die "deploy/up.sh wrote no pid for silo-0"
log "silo-0 pid $SILO_PID ($SILOS silo(s))"

# A company through the API; prints its id.
new_company() {
  node -e '
    fetch(process.argv[1] + "/api/companies", { method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: process.argv[2] }) })
      .then(async r => { if (r.status !== 201) throw new Error(r.status + " " + await r.text()); console.log((await r.json()).id); })
      .catch(e => { console.error(e.message); process.exit(1); });' "$BASE" "$1"
}

# One load.mjs scenario against a company; its JSON goes to stdout and a line to $OUT.
scenario() {
  local company=$1
  shift
  log "load.mjs $*"
  # In the background and waited for, so a signal stops the bench at once, not after the scenario.
  node "$LOAD" "$@" --base "$BASE" --company "$company" --pid "$SILO_PID" --out "$OUT" --label "$LABEL" &
  LOAD_PID=$!
  local rc=0
  wait "$LOAD_PID" || rc=$?
  LOAD_PID=""
  ((rc == 0)) || die "load.mjs $1 failed with code $rc"
}

COMPANY=$(new_company "Bench $(date +%s)")
scenario "$COMPANY" create --requests 2000 --concurrency 1
scenario "$COMPANY" create --requests 2000 --concurrency 32
scenario "$COMPANY" list --target-issues 5000 --query "limit=50" --vary-offset --concurrency 8 "${LIST_ARGS[@]}"
scenario "$COMPANY" list --target-issues 5000 --query "limit=50" --vary-offset --concurrency 1 "${LIST_ARGS[@]}"
scenario "$COMPANY" list --target-issues 5000 --query "" --concurrency 1 "${LIST_ARGS[@]}"

# Checkout (issue 5): load.mjs's cycle workload with one agent key and one run id, then 32
# agents, each with its own key and run, racing for one fresh issue per round.
CHECKOUT_COMPANY=$(new_company "Bench checkout $(date +%s)")
node "$ROOT/bench/agents.mjs" "$BASE" "$CHECKOUT_COMPANY" 32 >"$WORK/actors.json"
AGENT_ID=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1]))[0].agentId)' "$WORK/actors.json")
AGENT_AUTH=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1]))[0].authorization)' "$WORK/actors.json")
for concurrency in 1 32; do
  scenario "$CHECKOUT_COMPANY" checkout --requests 500 --concurrency "$concurrency" \
    --agent-id "$AGENT_ID" --agent-auth "$AGENT_AUTH" --run-id "$(node -e 'console.log(crypto.randomUUID())')"
done
scenario "$CHECKOUT_COMPANY" contention --actors "$WORK/actors.json" --rounds 30

# Comments (issue 9): POST at c=1 and c=32, then with each body @-mentioning an agent (a durable
# wakeup per comment), and checkout on an issue with 10,000 comments beside one with none.
COMMENT_COMPANY=$(new_company "Bench comments $(date +%s)")
node "$ROOT/bench/agents.mjs" "$BASE" "$COMMENT_COMPANY" 1 >"$WORK/commenter.json"
MENTIONED=$(node -e 'const a = JSON.parse(require("fs").readFileSync(process.argv[1]))[0];
  fetch(process.argv[2] + "/api/agents/" + a.agentId).then(r => r.json()).then(agent => console.log(agent.name));' \
  "$WORK/commenter.json" "$BASE")
scenario "$COMMENT_COMPANY" comment --requests 1000 --concurrency 1
scenario "$COMMENT_COMPANY" comment --requests 1000 --concurrency 32
scenario "$COMMENT_COMPANY" comment --requests 1000 --concurrency 32 --mention "$MENTIONED"
# Documents and attachments (issue 10): a 300-revision PUT chain and 20 rounds of 8 writers
# racing from one base; then 1 MiB uploads and downloads.
scenario "$COMMENT_COMPANY" doc --revisions 300 --racers 8 --race-rounds 20
log "attachments: 1 MiB uploads and downloads"
node "$ROOT/bench/attachments.mjs" "$BASE" "$COMMENT_COMPANY" 1048576 50 | tee -a "$OUT"
log "checkout on an issue with 10,000 comments"
node "$ROOT/bench/checkout-heavy.mjs" "$BASE" "$COMMENT_COMPANY" "$WORK/commenter.json" 10000 300 | tee -a "$OUT"

if [[ $SKIP_50K == 1 ]]; then
  log "skipping the 50,000-issue company (--skip-50k)"
else
  BIG=$(new_company "Bench big $(date +%s)")
  # Seeding 50,000 issues at concurrency 8 needs more than load.mjs's default 180 s bound.
  scenario "$BIG" list --target-issues 50000 --query "limit=50" --vary-offset --concurrency 8 "${LIST_ARGS[@]}" --max-seconds 1200
fi

log "results: $OUT"
cat "$OUT"
node "$ROOT/bench/summary.mjs" "$OUT"
