#!/usr/bin/env bash
# Start Paperclip in the foreground: local PostgreSQL (unless
# PAPERCLIP_DATABASE_URL points elsewhere), then N Orleans silos that all serve
# the HTTP API on one shared port (SO_REUSEPORT), each watched by a supervisor
# that restarts it when it dies. Ctrl-C or SIGTERM stops everything; data
# persists in the data folder across restarts.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
# shellcheck source=lib/postgres.sh source-path=SCRIPTDIR
source "$ROOT/deploy/lib/postgres.sh"

usage() {
  cat <<EOF
Usage: deploy/up.sh [--port N] [--silos N] [--data-dir DIR]

  --port N        HTTP port of the API (default 3100, env PAPERCLIP_PORT)
  --silos N       number of silo processes, each serving HTTP on the port (default 1)
  --data-dir DIR  where local state lives (default <repo>/.paperclip,
                  env PAPERCLIP_DATA_DIR; exported to the silos)
  -h, --help      show this help

Environment:
  PAPERCLIP_DATABASE_URL       use this database instead of starting a local PostgreSQL
  PAPERCLIP_PG_PORT            port of the local PostgreSQL (default 54329)
  PAPERCLIP_SILO_BASE_PORT     silo i listens on BASE+i (default 11111)
  PAPERCLIP_GATEWAY_BASE_PORT  silo i's client gateway is BASE+i (default 30000)
  PAPERCLIP_HEALTH_TIMEOUT     seconds to wait for /api/health (default 120)
  PAPERCLIP_DB_WARM_CONNECTIONS database connections each silo opens per pool at start
                               and keeps (default 40, a pool's maximum; with more than
                               3 silos 120/N; 0: only on demand)
  PAPERCLIP_FAST_CRASHES       a silo that dies this many times in a row, each within
                               30 s of starting, is not restarted again (default 5)
  PAPERCLIP_SKIP_BUILD=1       developer option: run the already-built Silo dll as is
  Any other PAPERCLIP_* variable is passed through to the silos.
EOF
}

log() { printf '[up] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

PORT=${PAPERCLIP_PORT:-3100}
SILOS=1
DATA_DIR=${PAPERCLIP_DATA_DIR:-$ROOT/.paperclip}
while (($#)); do
  case $1 in
    --port) [[ $# -ge 2 ]] || die "--port needs a value"; PORT=$2; shift 2 ;;
    --port=*) PORT=${1#*=}; shift ;;
    --silos) [[ $# -ge 2 ]] || die "--silos needs a value"; SILOS=$2; shift 2 ;;
    --silos=*) SILOS=${1#*=}; shift ;;
    --data-dir) [[ $# -ge 2 ]] || die "--data-dir needs a value"; DATA_DIR=$2; shift 2 ;;
    --data-dir=*) DATA_DIR=${1#*=}; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
done
# 10# keeps a leading zero from being read as octal.
if ! [[ $PORT =~ ^[0-9]{1,5}$ ]] || ((10#$PORT < 1 || 10#$PORT > 65535)); then
  die "--port must be a TCP port, got '$PORT'"
fi
if ! [[ $SILOS =~ ^[0-9]{1,3}$ ]] || ((10#$SILOS < 1)); then
  die "--silos must be a positive number, got '$SILOS'"
fi
FAST_CRASHES=${PAPERCLIP_FAST_CRASHES:-5}
if ! [[ $FAST_CRASHES =~ ^[0-9]{1,3}$ ]] || ((10#$FAST_CRASHES < 1)); then
  die "PAPERCLIP_FAST_CRASHES must be a positive number, got '$FAST_CRASHES'"
fi
PORT=$((10#$PORT)) SILOS=$((10#$SILOS)) FAST_CRASHES=$((10#$FAST_CRASHES))
SILO_BASE=${PAPERCLIP_SILO_BASE_PORT:-11111}
GATEWAY_BASE=${PAPERCLIP_GATEWAY_BASE_PORT:-30000}
HEALTH_TIMEOUT=${PAPERCLIP_HEALTH_TIMEOUT:-120}
SILO_DLL=$ROOT/src/Silo/bin/Release/net10.0/Paperclip.Silo.dll
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export PAPERCLIP_PORT=$PORT
# Each silo opens this many connections per pool at start instead of under the first burst:
# a connection opened under load (a new PostgreSQL backend that loads its caches) stalled the
# first requests of a c=32 burst ~0.5 s. By default every connection a pool may hold (40), within
# 240 for all silos' two pools (the local PostgreSQL allows 300).
export PAPERCLIP_DB_WARM_CONNECTIONS=${PAPERCLIP_DB_WARM_CONNECTIONS:-$((SILOS > 3 ? 120 / SILOS : 40))}

mkdir -p "$DATA_DIR"
DATA_DIR=$(cd "$DATA_DIR" && pwd -P)
export PAPERCLIP_DATA_DIR=$DATA_DIR

# One up.sh per data folder: a second one would fight over ports and, worse,
# stop the first one's PostgreSQL when it gave up. The lock lets us treat a
# server still running in our folder as a leftover of a crashed run.
exec {LOCK_FD}>"$DATA_DIR/up.lock"
flock -n "$LOCK_FD" || die "another deploy/up.sh is already using $DATA_DIR"

SUPERVISOR_PIDS=()
PG_DIR=""
CLEANED=0
# The pid of each silo's current process (silo-<i>.pid) and the marker saying
# the system came up (serving): operators and tests find the processes here.
RUN_DIR=$DATA_DIR/run
mkdir -p "$RUN_DIR"
rm -f "$RUN_DIR"/silo-*.pid "$RUN_DIR/serving"

# shellcheck disable=SC2317  # only reached through the traps below
stop_silos() {
  local pid i alive pid_file
  for pid in "${SUPERVISOR_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  # Each supervisor passes the signal to its silo and waits for it to leave the
  # cluster cleanly (the silo gives itself 15 s); then we stop waiting.
  for ((i = 0; i < 40; i++)); do
    alive=0
    for pid in "${SUPERVISOR_PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    ((alive)) || break
    sleep 0.5
  done
  for pid_file in "$RUN_DIR"/silo-*.pid; do
    [[ -f $pid_file ]] || continue
    pid=$(<"$pid_file")
    if kill -0 "$pid" 2>/dev/null; then
      log "$(basename "$pid_file" .pid) (pid $pid) did not stop in time; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
  for pid in "${SUPERVISOR_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -f "$RUN_DIR"/silo-*.pid "$RUN_DIR/serving"
}

# shellcheck disable=SC2317
cleanup() {
  ((CLEANED)) && return 0
  CLEANED=1
  # A second Ctrl-C must not cut the shutdown short and leave PostgreSQL up.
  trap '' INT TERM HUP
  ((${#SUPERVISOR_PIDS[@]})) && stop_silos
  if [[ -n $PG_DIR ]] && pg_running_port "$PG_DIR" >/dev/null; then
    log "stopping PostgreSQL"
    pg_stop "$PG_DIR" || true
  fi
}
trap cleanup EXIT
# A signal is the normal way to stop us: clean up and report success.
trap 'log "stopping"; cleanup; exit 0' INT TERM HUP

# Fail fast, before starting anything, if our ports are taken.
if port_in_use "$PORT"; then die "HTTP port $PORT is already in use"; fi
for ((i = 0; i < SILOS; i++)); do
  for p in $((SILO_BASE + i)) $((GATEWAY_BASE + i)); do
    if port_in_use "$p"; then die "port $p (silo-$i) is already in use"; fi
  done
done

# --- database ---------------------------------------------------------------
if [[ -z ${PAPERCLIP_DATABASE_URL:-} ]]; then
  pg_ensure_installed || die "PostgreSQL is not available"
  pg_port=${PAPERCLIP_PG_PORT:-54329}
  PG_DIR=$DATA_DIR/postgres
  # As root, only loosen permissions (o+x for the postgres OS user) inside the
  # project, or inside the data folder when it lives elsewhere.
  PG_CHMOD_WITHIN=$DATA_DIR
  [[ $DATA_DIR/ == "$ROOT"/* ]] && PG_CHMOD_WITHIN=$ROOT
  if ! pg_running_port "$PG_DIR" >/dev/null && port_in_use "$pg_port"; then
    new_port=$(free_port)
    log "port $pg_port is taken by another server; using $new_port for our PostgreSQL"
    pg_port=$new_port
  fi
  # The lock fd must not leak into the long-lived postmaster, or a later run
  # would see the folder as locked.
  pg_start_local "$PG_DIR" "$pg_port" durable {LOCK_FD}>&- || die "could not start PostgreSQL"
  pg_create_database "$PG_PORT" paperclip || die "could not create database 'paperclip'"
  PAPERCLIP_DATABASE_URL=$(pg_url "$PG_PORT" paperclip)
  export PAPERCLIP_DATABASE_URL
  log "database: postgres://postgres:***@127.0.0.1:$PG_PORT/paperclip (password in $(pg_password_file "$PG_DATA_DIR"))"
else
  log "using external database from PAPERCLIP_DATABASE_URL"
fi

# --- build ------------------------------------------------------------------
if [[ ${PAPERCLIP_SKIP_BUILD:-0} == 1 ]]; then
  log "PAPERCLIP_SKIP_BUILD=1: not building"
else
  log "building src/Silo (Release)"
  # No build servers: they would outlive us holding our stdout open.
  dotnet build "$ROOT/src/Silo/Silo.csproj" -c Release -nologo -v q --disable-build-servers ||
    die "build of src/Silo/Silo.csproj failed (see the errors above)"
fi
[[ -f $SILO_DLL ]] || die "$SILO_DLL not found; build src/Silo first"

# --- silos ------------------------------------------------------------------
# shellcheck disable=SC2317  # runs in the background subshells started below
supervise_silo() {
  local i=$1 name=silo-$1 child="" stopping=0 rc started fast=0 delay out_fd
  # up.sh stops us with TERM: pass it on and wait for the silo's clean exit.
  trap 'stopping=1; [[ -z $child ]] || kill -TERM "$child" 2>/dev/null' TERM
  trap 'stopping=1' INT HUP
  # The prefixing sed ignores signals, so it relays the silo's shutdown
  # messages until the silo closes the pipe; it serves every restart.
  exec {out_fd}> >(trap '' INT TERM HUP; exec sed -u "s/^/[$name] /" {LOCK_FD}>&-)
  while :; do
    started=$SECONDS
    PAPERCLIP_SILO_NAME=$name \
      PAPERCLIP_SILO_PORT=$((SILO_BASE + i)) \
      PAPERCLIP_GATEWAY_PORT=$((GATEWAY_BASE + i)) \
      PAPERCLIP_HTTP_PORT=$PORT \
      PAPERCLIP_HTTP_SHARED_PORT=true \
      dotnet "$SILO_DLL" >&"$out_fd" 2>&1 {out_fd}>&- {LOCK_FD}>&- </dev/null &
    child=$!
    echo "$child" >"$RUN_DIR/$name.pid"
    while :; do
      rc=0
      wait "$child" || rc=$?
      # A trapped signal ends the wait early while the silo is still stopping.
      kill -0 "$child" 2>/dev/null || break
    done
    rm -f "$RUN_DIR/$name.pid"
    ((stopping)) && exit 0
    # Before the system is up, a dying silo is a start-up failure: up.sh reports it.
    [[ -e $RUN_DIR/serving ]] || exit "$rc"
    if ((SECONDS - started < 30)); then fast=$((fast + 1)); else fast=0; fi
    if ((fast >= FAST_CRASHES)); then
      log "error: $name crashed $fast times in a row, each within 30 s of starting; not restarting it again (its output is above). The other silos keep serving."
      exit 1
    fi
    delay=$((1 << fast)) # 1 s after a long run, then 2, 4, 8, 16 s
    log "$name (pid $child) exited with code $rc; restarting it in ${delay}s"
    child=""
    sleep "$delay" &
    wait $! || kill $! 2>/dev/null || true
    ((stopping)) && exit 0
  done
}

for ((i = 0; i < SILOS; i++)); do
  supervise_silo "$i" &
  SUPERVISOR_PIDS+=("$!")
done

# Which silo a supervisor pid watches, for messages.
silo_name() {
  local i
  for i in "${!SUPERVISOR_PIDS[@]}"; do [[ ${SUPERVISOR_PIDS[i]} == "$1" ]] && echo "silo-$i"; done
}

health_ok() {
  local url=http://127.0.0.1:$PORT/api/health
  if command -v curl >/dev/null 2>&1; then
    curl -fs -m 5 -o /dev/null "$url"
  else
    # Minimal HTTP/1.0 GET for machines without curl; the subshell owns fd 3.
    local status_line
    status_line=$(
      exec 2>/dev/null # a refused connect is the normal "not yet" answer
      exec 3<>"/dev/tcp/127.0.0.1/$PORT" &&
        printf 'GET /api/health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3 &&
        IFS= read -r -t 5 line <&3 && printf '%s' "$line"
    ) || return 1
    [[ $status_line =~ ^HTTP/[0-9.]+\ 2[0-9][0-9] ]]
  fi
}

# --- wait until healthy ------------------------------------------------------
# Every silo must be up (its Orleans gateway port opens before its HTTP), not
# just the one that happens to answer on the shared port.
all_silos_listening() {
  local i
  for ((i = 0; i < SILOS; i++)); do port_in_use $((GATEWAY_BASE + i)) || return 1; done
}
deadline=$((SECONDS + HEALTH_TIMEOUT))
while :; do
  for pid in "${SUPERVISOR_PIDS[@]}"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      rc=0
      wait "$pid" || rc=$?
      die "$(silo_name "$pid") exited with code $rc before the API became healthy (its output is above)"
    fi
  done
  all_silos_listening && health_ok && break
  ((SECONDS < deadline)) || die "no answer from http://127.0.0.1:$PORT/api/health after ${HEALTH_TIMEOUT}s"
  sleep 1
done
touch "$RUN_DIR/serving"

suffix=s
((SILOS == 1)) && suffix=""
echo "Paperclip is running at http://127.0.0.1:$PORT ($SILOS silo$suffix)"

# --- run until a signal -----------------------------------------------------------
# Supervisors restart their silos; one returns only when it gave up on its
# silo. wait -n returns early when a trapped signal arrives; the trap exits 0.
live=("${SUPERVISOR_PIDS[@]}")
while ((${#live[@]})); do
  exited=""
  wait -n -p exited "${live[@]}" || true
  [[ -n $exited ]] || continue
  remaining=()
  for pid in "${live[@]}"; do [[ $pid == "$exited" ]] || remaining+=("$pid"); done
  live=("${remaining[@]}")
  ((${#live[@]})) && log "$(silo_name "$exited") stays down; ${#live[@]} silo(s) keep serving"
done
die "every silo has crashed repeatedly; stopping"
