# shellcheck shell=bash
# Local PostgreSQL helpers for deploy/up.sh and deploy/test.sh.
#
# Source this file; it defines functions only and changes no shell options.
# The functions check errors explicitly ("|| return 1") instead of relying on
# `set -e`, because bash turns errexit off inside any function that is called
# from an `if`, `||` or `&&` context.
#
# Public functions:
#   pg_ensure_installed            find (or apt-install) the server binaries, export PG_BIN
#   pg_start_local DIR PORT [MODE] initdb DIR if needed and start (or reuse) its server;
#                                  MODE is "throwaway" or "durable" (default: durable,
#                                  or throwaway when PG_THROWAWAY=1); sets PG_PORT (the
#                                  port actually served) and PG_STARTED (1 = we started
#                                  it, 0 = it was already running)
#   pg_running_port DIR            print the port of the server running in DIR, fail if none
#   pg_stop DIR                    fast shutdown of the server in DIR, ok if not running
#   pg_create_database URL|PORT NAME   create database NAME unless it exists
#   pg_url PORT [DB]               print postgres://postgres@127.0.0.1:PORT/DB
#   free_port                      print a currently free TCP port on 127.0.0.1
#   port_in_use PORT               true when something accepts connections on 127.0.0.1:PORT
#
# Environment read:
#   PG_BIN           use these server binaries instead of searching
#   PG_THROWAWAY=1   default MODE of pg_start_local becomes "throwaway"
#   PG_CHMOD_WITHIN  when root: directories at or below this path that the
#                    postgres OS user cannot traverse get o+x; anywhere else we
#                    refuse with a message instead of loosening permissions
#   PG_START_TIMEOUT seconds to wait for the server to accept connections (30)

# PG_PORT and PG_STARTED are assigned here only for the caller to read.
# shellcheck disable=SC2034

pg__log() { printf '[postgres] %s\n' "$*" >&2; }

pg__is_root() { [[ ${EUID:-$(id -u)} -eq 0 ]]; }

# Run a command as the OS user that owns the cluster. PostgreSQL refuses to run
# as root, so as root we switch to "postgres"; `cd /` first because initdb and
# pg_ctl fail when the caller's working directory (often /root) is unreadable.
pg__run() {
  if pg__is_root; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

# Sets PG_BIN to a directory holding all server binaries we need. Prefers the
# newest Debian /usr/lib/postgresql/*/bin because Debian keeps initdb, pg_ctl
# and postgres off PATH.
pg__find_bin() {
  local tools=(initdb pg_ctl postgres pg_isready) dir t candidates=()
  [[ -n ${PG_BIN:-} ]] && candidates+=("$PG_BIN")
  while IFS= read -r dir; do
    candidates+=("$dir")
  done < <(compgen -G '/usr/lib/postgresql/*/bin' | sort -rV)
  if dir=$(command -v pg_ctl 2>/dev/null); then
    candidates+=("$(dirname "$dir")")
  fi
  for dir in "${candidates[@]}"; do
    for t in "${tools[@]}"; do
      [[ -x $dir/$t ]] || continue 2
    done
    PG_BIN=$dir
    export PG_BIN
    return 0
  done
  return 1
}

pg_ensure_installed() {
  pg__find_bin && return 0
  if ! pg__is_root; then
    pg__log "PostgreSQL server binaries (initdb, pg_ctl, postgres, pg_isready) not found."
    pg__log "Install Debian's 'postgresql' package (apt-get install postgresql) or set PG_BIN."
    return 1
  fi
  pg__log "server binaries missing; installing Debian's postgresql package"
  # The package may create and start its own 'main' cluster on port 5432; we
  # never use it, our servers live in their own data folders.
  apt-get update -qq >&2 || return 1
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2 || return 1
  pg__find_bin || { pg__log "postgresql installed but its binaries were not found"; return 1; }
}

port_in_use() {
  # A connect that succeeds means a listener; bash's /dev/tcp needs no tools.
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

free_port() {
  # Binding port 0 lets the kernel choose a free port; python3 may be missing
  # on minimal machines, so fall back to probing random high ports.
  if command -v python3 >/dev/null 2>&1 &&
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null; then
    return 0
  fi
  local port _
  for _ in {1..200}; do
    port=$((20000 + RANDOM % 20000))
    if ! port_in_use "$port"; then
      echo "$port"
      return 0
    fi
  done
  pg__log "could not find a free TCP port"
  return 1
}

pg_url() { printf 'postgres://postgres@127.0.0.1:%s/%s\n' "$1" "${2:-postgres}"; }

# As root the postgres user must be able to reach DIR. Walk from / downwards
# and fix (only inside PG_CHMOD_WITHIN) or explain the first blocking folder.
pg__ensure_reachable() {
  local dir=$1 path="" part parts
  pg__run test -x "$dir" && return 0
  IFS=/ read -ra parts <<<"${dir#/}"
  for part in "${parts[@]}"; do
    path+="/$part"
    pg__run test -x "$path" && continue
    if [[ -n ${PG_CHMOD_WITHIN:-} && $path/ == "${PG_CHMOD_WITHIN%/}"/* ]]; then
      chmod o+x "$path" || return 1
    else
      pg__log "the 'postgres' OS user cannot enter $path (needed to reach $dir)."
      pg__log "Use a data folder outside it (e.g. under /tmp or /var/lib), run as a normal user, or run: chmod o+x $path"
      return 1
    fi
  done
}

# Prints the port of the server running in DIR, or fails if none is running.
pg_running_port() {
  local dir=$1
  [[ -f $dir/PG_VERSION ]] || return 1
  [[ -n ${PG_BIN:-} ]] || pg__find_bin || return 1
  pg__run "$PG_BIN/pg_ctl" -D "$dir" status >/dev/null 2>&1 || return 1
  # Line 4 of postmaster.pid is the port the server listens on.
  pg__run sed -n 4p "$dir/postmaster.pid"
}

pg__initdb() {
  local dir=$1 mode=$2 locale=C out
  local args=(-D "$dir" -U postgres -E UTF8 --auth-local=trust --auth-host=trust)
  # C.UTF-8 gives Unicode-aware upper()/lower() with byte-order sorting.
  if locale -a 2>/dev/null | grep -qix 'c\.utf-\?8'; then locale=C.UTF-8; fi
  args+=(--locale="$locale")
  # Skipping fsync during initdb is only safe when losing the data is fine.
  [[ $mode == throwaway ]] && args+=(--no-sync)
  out=$(pg__run "$PG_BIN/initdb" "${args[@]}" 2>&1) || {
    printf '%s\n' "$out" >&2
    pg__log "initdb failed for $dir"
    return 1
  }
  # Our per-start settings live in paperclip.conf, included last so they win.
  echo "include_if_exists = 'paperclip.conf'" | pg__run tee -a "$dir/postgresql.conf" >/dev/null
}

pg__write_conf() {
  local dir=$1 port=$2 mode=$3 sockdir=$1
  # Unix socket paths are limited to 107 bytes; deep folders go TCP-only,
  # which is all our clients use anyway.
  (( ${#dir} + 20 > 107 )) && sockdir=""
  {
    echo "# Written by deploy/lib/postgres.sh on every start; edits are overwritten."
    echo "listen_addresses = '127.0.0.1'"
    echo "port = $port"
    echo "unix_socket_directories = '${sockdir//\'/\'\'}'"
    echo "max_connections = 300"
    # The working set lives in RAM (or on SSD): a random page costs about what a
    # sequential one does. With the default 4.0 the planner prefers sorting a whole
    # company's issues over walking the list index whenever the visibility map is
    # behind, which turns a 1 ms page into a 20 ms one.
    echo "random_page_cost = 1.1"
    # Fresh statistics and visibility map within seconds of a bulk of writes, so
    # list pages stay index-only scans (see also the table's own autovacuum settings).
    echo "autovacuum_naptime = 10s"
    if [[ $mode == throwaway ]]; then
      # Test databases are disposable: trade crash safety for speed.
      echo "fsync = off"
      echo "synchronous_commit = off"
      echo "full_page_writes = off"
    fi
  } | pg__run tee "$dir/paperclip.conf" >/dev/null
}

pg_start_local() {
  local dir=${1:?pg_start_local DATA_DIR PORT [throwaway|durable]} port=${2:?port required}
  local mode=${3:-durable}
  if [[ -z ${3:-} && ${PG_THROWAWAY:-0} == 1 ]]; then mode=throwaway; fi
  [[ $mode == throwaway || $mode == durable ]] || { pg__log "unknown mode '$mode'"; return 1; }
  [[ -n ${PG_BIN:-} ]] || pg__find_bin || { pg__log "call pg_ensure_installed first"; return 1; }

  mkdir -p "$dir" || return 1
  dir=$(cd "$dir" && pwd -P) || return 1

  if pg__is_root; then
    command -v runuser >/dev/null || { pg__log "runuser (util-linux) is needed to run PostgreSQL as root"; return 1; }
    id -u postgres >/dev/null 2>&1 ||
      useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres || return 1
    if [[ ! -f $dir/PG_VERSION ]]; then
      chown postgres:postgres "$dir" || return 1
    elif [[ $(stat -c %U "$dir") != postgres ]]; then
      pg__log "$dir belongs to $(stat -c %U "$dir"), not to the 'postgres' OS user; run as that user or chown -R postgres: $dir"
      return 1
    fi
    chmod 700 "$dir" || return 1
    pg__ensure_reachable "$dir" || return 1
  fi

  local running
  if running=$(pg_running_port "$dir"); then
    # postmaster.pid is alive: reuse the server rather than fail on the lock.
    pg__log "reusing the server already running in $dir on port $running"
    PG_PORT=$running
    PG_STARTED=0
    return 0
  fi

  if [[ ! -f $dir/PG_VERSION ]]; then
    pg__log "initialising $mode cluster in $dir"
    pg__initdb "$dir" "$mode" || return 1
  fi
  pg__write_conf "$dir" "$port" "$mode" || return 1

  local log=$dir/server.log timeout=${PG_START_TIMEOUT:-30}
  # -w makes pg_ctl notice a postmaster that dies at once (port taken, bad
  # config) instead of us waiting out the whole timeout.
  if ! pg__run "$PG_BIN/pg_ctl" -D "$dir" -l "$log" -w -t "$timeout" start >/dev/null 2>&1; then
    pg__log "server in $dir failed to start; last lines of $log:"
    pg__run tail -n 20 "$log" >&2 || true
    return 1
  fi
  local i
  for ((i = 0; i < timeout * 2; i++)); do
    if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port"; then
      PG_PORT=$port
      PG_STARTED=1
      pg__log "$mode server ready on 127.0.0.1:$port (data: $dir)"
      return 0
    fi
    sleep 0.5
  done
  pg__log "server in $dir does not answer on 127.0.0.1:$port; last lines of $log:"
  pg__run tail -n 20 "$log" >&2 || true
  return 1
}

pg_stop() {
  local dir=${1:?pg_stop DATA_DIR}
  [[ -f $dir/PG_VERSION ]] || return 0
  [[ -n ${PG_BIN:-} ]] || pg__find_bin || return 0
  pg__run "$PG_BIN/pg_ctl" -D "$dir" status >/dev/null 2>&1 || return 0
  pg__run "$PG_BIN/pg_ctl" -D "$dir" -m fast -w -t 60 stop >/dev/null || {
    pg__log "could not stop the server in $dir"
    return 1
  }
}

pg_create_database() {
  local target=${1:?pg_create_database URL_OR_PORT NAME} name=${2:?database name required}
  local admin psql
  if [[ $target =~ ^[0-9]+$ ]]; then
    admin=$(pg_url "$target" postgres)
  else
    # Connect to the maintenance database of the same server: keep scheme,
    # user and host:port, drop the database path and any query string.
    local scheme=${target%%://*} rest=${target#*://}
    rest=${rest%%/*}
    admin="$scheme://${rest%%\?*}/postgres"
  fi
  if [[ -n ${PG_BIN:-} && -x $PG_BIN/psql ]]; then
    psql=$PG_BIN/psql
  else
    psql=$(command -v psql) || { pg__log "psql not found"; return 1; }
  fi
  # \gexec runs the generated CREATE only when the database is missing;
  # format's %I quotes any name safely. -X ignores the caller's ~/.psqlrc.
  PGCONNECT_TIMEOUT=10 "$psql" -X -q -v ON_ERROR_STOP=1 -v db="$name" -d "$admin" >/dev/null <<'SQL'
SELECT format('CREATE DATABASE %I', :'db')
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SQL
}
