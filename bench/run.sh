#!/usr/bin/env bash
# Benchmark the issues API with the shared yardstick (../shared/bench/load.mjs).
#
#   bench/run.sh [--silos N] [--skip-100k] [--out FILE] [--label TEXT]
#
# Starts its own system with deploy/up.sh (N silos, default 1, all serving
# HTTP on one port; its own
# PostgreSQL in a mktemp folder, its own ports), creates a company through the
# API, runs the scenarios of bench/REFERENCE.md against it, then a second
# company topped up to 100,000 issues (copies of an API-made issue, inserted
# by bench/seed-issues.sql in seconds) to show that the first page of every
# list filter does not slow down with company size. Prints each result line
# and a summary table; everything it started is stopped on exit.
#
# Environment:
#   BENCH_SKIP_100K=1              same as --skip-100k
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

SKIP_100K=${BENCH_SKIP_100K:-0}
SILOS=1
OUT=""
LABEL=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
while (($#)); do
  case $1 in
    --skip-100k) SKIP_100K=1; shift ;;
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
# The database up.sh started (it may have taken another port than offered), for psql and pgbench.
DB_PORT=$(sed -n 's|.*database: postgres://postgres:\*\*\*@127.0.0.1:\([0-9]*\)/.*|\1|p' "$WORK/up.log")
DB_PASSWORD_FILE=$(sed -n 's|.*(password in \(.*\))$|\1|p' "$WORK/up.log")

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

if [[ $SKIP_100K == 1 ]]; then
  log "skipping the 100,000-issue company (--skip-100k)"
else
  pg_ensure_installed || die "psql is needed to seed the 100,000 issues"
  [[ -n $DB_PORT && -r $DB_PASSWORD_FILE ]] || die "could not find up.sh's database in its log"
  BIG=$(new_company "Bench big $(date +%s)")
  read -r F_AGENT F_PROJECT F_LABEL F_PARENT < <(node "$ROOT/bench/filter-targets.mjs" "$BASE" "$BIG")
  log "seeding company $BIG to 100,000 issues with bench/seed-issues.sql"
  PGPASSWORD=$(<"$DB_PASSWORD_FILE") "$PG_BIN/psql" -q -h 127.0.0.1 -p "$DB_PORT" -U postgres paperclip \
    -v company="$BIG" -v target=100000 -v every=100 -v agent="$F_AGENT" -v project="$F_PROJECT" \
    -v parent="$F_PARENT" -v label="$F_LABEL" -f "$ROOT/bench/seed-issues.sql" >&2
  # The first page of each documented filter (1 issue in 100 has the agent, project, parent and
  # label), combinations, a status nobody has, searches, and a deep offset.
  BIG_QUERIES=(
    "limit=50" "status=todo&limit=50" "status=in_progress&limit=50" "status=todo,blocked,in_progress&limit=50"
    "assigneeAgentId=$F_AGENT&limit=50" "status=todo&assigneeAgentId=$F_AGENT&limit=50" "assigneeAgentId=null&status=todo&limit=50"
    "projectId=$F_PROJECT&limit=50" "parentId=$F_PARENT&limit=50" "labelId=$F_LABEL&limit=50"
    "labelId=$F_LABEL&projectId=$F_PROJECT&status=todo,blocked&limit=50" "q=zzzz&limit=50" "q=1000100&limit=50"
  )
  QUERY_ARGS=()
  for query in "${BIG_QUERIES[@]}"; do QUERY_ARGS+=(--query "$query"); done
  scenario "$BIG" list --target-issues 100000 --concurrency 1 --requests 50 "${QUERY_ARGS[@]}"
  # What may cost more: a term every issue matches, and a page 50,000 rows deep.
  scenario "$BIG" list --target-issues 100000 --concurrency 1 --requests 10 \
    --query "q=seed&limit=50" --query "status=backlog,todo&limit=50&offset=50000"
  scenario "$BIG" list --target-issues 100000 --concurrency 8 --requests 400 --query "status=todo&limit=50" --query "assigneeAgentId=$F_AGENT&status=todo&limit=50"
fi

# PostgreSQL alone on the SQL of one create: the ceiling of our create rate on this machine.
log "PostgreSQL's own rate for the SQL of one create (pgbench: bench/pg-state-row.sql, then bench/pg-log-row.sql)"
"$ROOT/bench/pg-ceiling.sh" "$DB_PORT" "$DB_PASSWORD_FILE" "$COMPANY" | tee -a "$OUT"

log "results: $OUT"
cat "$OUT"
node "$ROOT/bench/summary.mjs" "$OUT"
