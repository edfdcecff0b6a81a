#!/usr/bin/env bash
# PostgreSQL's own rate for the SQL of one issue create with pgbench, c=1 and c=32 for 8 s each,
# on a database bench/run.sh set up (one API-made issue is the template): a whole create (the state
# row of bench/pg-state-row.sql, then the log row of bench/pg-log-row.sql, each committed alone),
# and the state row alone.
#   bench/pg-ceiling.sh PORT PASSWORD_FILE COMPANY_ID
# Prints one JSON line per concurrency.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
# shellcheck source=../deploy/lib/postgres.sh
source "$ROOT/deploy/lib/postgres.sh" # for PG_BIN
port=$1 password_file=$2 company=$3
pg_ensure_installed
export PGPASSWORD
PGPASSWORD=$(<"$password_file")
sql() { "$PG_BIN/psql" -q -X -h 127.0.0.1 -p "$port" -U postgres -d paperclip -v ON_ERROR_STOP=1 "$@"; }
sql -c "SET client_min_messages = warning; DROP TABLE IF EXISTS pgbench_issue_template;
        CREATE TABLE pgbench_issue_template AS
        SELECT service_id, payload FROM grain_state WHERE state_name = 'issue' AND issue_list_company = '$company'::uuid LIMIT 1;"
# One pgbench script per scenario: several -f files would be picked at random, not run in turn.
scripts=$(mktemp -d)
trap 'rm -rf "$scripts"' EXIT
cat "$ROOT/bench/pg-state-row.sql" "$ROOT/bench/pg-log-row.sql" >"$scripts/pg-create.sql"
cp "$ROOT/bench/pg-state-row.sql" "$scripts/pg-state-row.sql"
for script in pg-create pg-state-row; do
  for clients in 1 32; do
    tps=$("$PG_BIN/pgbench" -n -h 127.0.0.1 -p "$port" -U postgres -c "$clients" -j 2 -T 8 -M prepared \
      -D company="$company" -f "$scripts/$script.sql" paperclip 2>/dev/null |
      sed -n 's/^tps = \([0-9.]*\).*/\1/p')
    printf '{"scenario":"%s (pgbench)","concurrency":%s,"throughputPerSec":%s}\n' "$script" "$clients" "${tps:-0}"
  done
done
sql -c "DROP TABLE pgbench_issue_template;"
