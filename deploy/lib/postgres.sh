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
#                                  port actually served), PG_STARTED (1 = we started
#                                  it, 0 = it was already running), PG_DATA_DIR (DIR with
#                                  links resolved) and PG_PASSWORD (the
#                                  superuser's password, from pg_password_file DIR)
#   pg_password_file DIR           print DIR.password, the file (mode 0600, owned by
#                                  whoever runs us) holding the superuser's password
#   pg_running_port DIR            print the port of the server running in DIR, fail if none
#   pg_stop DIR                    fast shutdown of the server in DIR, ok if not running
#   pg_create_database PORT NAME   create database NAME unless it exists
#   pg_url PORT [DB]               print postgres://postgres:PG_PASSWORD@127.0.0.1:PORT/DB
#   free_port                      print a currently free TCP port on 127.0.0.1
#   free_port_range N              print the first of N consecutive free ports
#   port_in_use PORT               true when something accepts connections on 127.0.0.1:PORT
#
# Environment read:
#   PG_BIN           use these server binaries instead of searching
#   PG_THROWAWAY=1   default MODE of pg_start_local becomes "throwaway"
#   PG_CHMOD_WITHIN  when root: directories at or below this path that the
#                    postgres OS user cannot traverse get o+x; anywhere else we
#                    refuse with a message instead of loosening permissions
#   PG_START_TIMEOUT seconds to wait for the server to accept connections (30)

# Authentication: no connection is trusted. Over TCP (127.0.0.1 only) the
# superuser "postgres" logs in with a random password (SCRAM); on the Unix
# socket, which lives in the owner-only data folder, only the OS user of the
# same name (peer). A cluster without a password file, fresh or created by an
# older version of this file with trust authentication, gets a new password
# before its server starts; deleting the file resets the password that way.
#
# PG_PORT, PG_STARTED and PG_PASSWORD are assigned here only for the caller to read.
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

free_port_range() {
  local first i _
  for _ in {1..50}; do
    first=$(free_port) || return 1
    for ((i = 1; i < $1; i++)); do port_in_use $((first + i)) && continue 2; done
    echo "$first"
    return 0
  done
  pg__log "could not find $1 consecutive free TCP ports"
  return 1
}

# The password is hex, so it needs no URL escaping.
pg_url() { printf 'postgres://postgres:%s@127.0.0.1:%s/%s\n' "${PG_PASSWORD:?pg_start_local sets PG_PASSWORD}" "$1" "${2:-postgres}"; }

# Beside the data folder rather than in it: as root the data folder belongs to
# the postgres OS user, the password file to root.
pg_password_file() { printf '%s.password\n' "${1%/}"; }

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

# The first folder on the way to DIR (an existing one) that the postgres OS
# user cannot enter and that we may not loosen (outside PG_CHMOD_WITHIN), or
# nothing when the way is open or can be opened.
pg__blocking_folder() {
  local dir=$1 path="" part parts
  IFS=/ read -ra parts <<<"${dir#/}"
  for part in "${parts[@]}"; do
    path+="/$part"
    [[ -d $path ]] || return 0
    pg__run test -x "$path" && continue
    [[ -n ${PG_CHMOD_WITHIN:-} && $path/ == "${PG_CHMOD_WITHIN%/}"/* ]] && continue
    printf '%s\n' "$path"
    return 0
  done
}

# As root with a project in a private folder (e.g. a clone under /root, mode
# 700), the postgres OS user cannot reach DIR, and loosening the home folder
# is not ours to do. Then the cluster lives in /var/lib/paperclip/ under a
# name derived from DIR, and DIR becomes a link to it, so every later start
# (and pg_stop) finds the same cluster through the project's data folder.
pg__relocate_if_unreachable() {
  local dir=$1 blocker home
  [[ -L $dir ]] && return 0
  blocker=$(pg__blocking_folder "$dir")
  [[ -n $blocker ]] || return 0
  if [[ -d $dir ]]; then
    # Only an empty folder (left by an earlier attempt) may be replaced.
    [[ -z $(ls -A "$dir") ]] || {
      pg__log "the 'postgres' OS user cannot enter $blocker (needed to reach $dir), which already holds data"
      return 1
    }
    rmdir "$dir" || return 1
  fi
  home=/var/lib/paperclip/postgres-$(printf '%s' "$dir" | sha256sum | cut -c1-16)
  mkdir -p /var/lib/paperclip "$home" "$(dirname "$dir")" || return 1
  chmod 755 /var/lib/paperclip || return 1
  ln -s "$home" "$dir" || return 1
  pg__log "the 'postgres' OS user cannot enter $blocker: the database lives in $home (linked from $dir)"
}

# Prints the port of the server running in DIR, or fails if none is running.
pg_running_port() {
  local dir=$1
  [[ -f $dir/PG_VERSION ]] || return 1
  # The postgres OS user may reach DIR only through its resolved path (see pg__relocate_if_unreachable).
  dir=$(cd "$dir" && pwd -P) || return 1
  [[ -n ${PG_BIN:-} ]] || pg__find_bin || return 1
  pg__run "$PG_BIN/pg_ctl" -D "$dir" status >/dev/null 2>&1 || return 1
  # Line 4 of postmaster.pid is the port the server listens on.
  pg__run sed -n 4p "$dir/postmaster.pid"
}

pg__initdb() {
  local dir=$1 mode=$2 locale=C out
  # No TCP login works until pg__set_password has given the superuser a
  # password; pg__write_hba then asks for it.
  local args=(-D "$dir" -U postgres -E UTF8 --auth-local=peer --auth-host=reject)
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

# Gives the superuser a new random password and stores it in
# pg_password_file DIR. PostgreSQL's single-user mode on the stopped cluster
# needs no login, so this works alike on fresh clusters and on ones that
# trusted every connection. The password reaches the postgres OS user through
# a pipe, never through a command line, which every local user can read.
pg__set_password() {
  local dir=$1 file password out
  file=$(pg_password_file "$dir")
  password=$(od -An -tx1 -N24 /dev/urandom | tr -d ' \n')
  [[ $password =~ ^[0-9a-f]{48}$ ]] || { pg__log "could not read 24 random bytes from /dev/urandom"; return 1; }
  # Single-user mode exits 0 even when a statement fails, so look for the error;
  # log_min_error_statement keeps a failed statement, password and all, out of it.
  if ! out=$(printf "ALTER ROLE postgres PASSWORD '%s';\n" "$password" |
    pg__run "$PG_BIN/postgres" --single -D "$dir" -c log_min_error_statement=panic \
      -c password_encryption=scram-sha-256 postgres 2>&1) || [[ $out == *ERROR:* || $out == *FATAL:* ]]; then
    printf '%s\n' "$out" >&2
    pg__log "could not set the superuser's password in $dir"
    return 1
  fi
  rm -f "$file.tmp" || return 1
  (umask 077 && printf '%s\n' "$password" >"$file.tmp") && mv -f "$file.tmp" "$file"
}

# Sets PG_PASSWORD from pg_password_file DIR.
pg__read_password() {
  local file
  file=$(pg_password_file "$1")
  # Tighten a file someone loosened: it is the key to the whole database.
  chmod 600 "$file" || return 1
  PG_PASSWORD=$(<"$file") || return 1
  [[ $PG_PASSWORD =~ ^[0-9a-f]+$ ]] || {
    pg__log "$file does not hold a password written by this script; delete it to set a new one"
    return 1
  }
}

# Written on every start, replacing initdb's file, so clusters of older
# versions (trust for everyone) get the same rules as new ones.
pg__write_hba() {
  {
    echo "# Written by deploy/lib/postgres.sh on every start; edits are overwritten."
    echo "local all all peer"
    echo "host all all 127.0.0.1/32 scram-sha-256"
  } | pg__run tee "$1/pg_hba.conf" >/dev/null
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

  if pg__is_root; then
    pg__relocate_if_unreachable "$dir" || return 1
  fi
  mkdir -p "$dir" || return 1
  dir=$(cd "$dir" && pwd -P) || return 1
  PG_DATA_DIR=$dir

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

  local running password_file
  password_file=$(pg_password_file "$dir")
  if running=$(pg_running_port "$dir"); then
    if [[ -f $password_file ]]; then
      # postmaster.pid is alive: reuse the server rather than fail on the lock.
      pg__log "reusing the server already running in $dir on port $running"
      pg__read_password "$dir" || return 1
      PG_PORT=$running
      PG_STARTED=0
      return 0
    fi
    # An older version of this file started it, trusting every connection.
    pg__log "the server running in $dir has no password file; restarting it with password authentication"
    pg_stop "$dir" || return 1
  fi

  if [[ ! -f $dir/PG_VERSION ]]; then
    pg__log "initialising $mode cluster in $dir"
    pg__initdb "$dir" "$mode" || return 1
  fi
  pg__write_conf "$dir" "$port" "$mode" || return 1
  pg__write_hba "$dir" || return 1
  if [[ ! -f $password_file ]]; then
    pg__log "setting a new password for the superuser 'postgres' (kept in $password_file)"
    pg__set_password "$dir" || return 1
  fi
  pg__read_password "$dir" || return 1

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
  dir=$(cd "$dir" && pwd -P) || return 0
  [[ -n ${PG_BIN:-} ]] || pg__find_bin || return 0
  pg__run "$PG_BIN/pg_ctl" -D "$dir" status >/dev/null 2>&1 || return 0
  pg__run "$PG_BIN/pg_ctl" -D "$dir" -m fast -w -t 60 stop >/dev/null || {
    pg__log "could not stop the server in $dir"
    return 1
  }
}

pg_create_database() {
  local port=${1:?pg_create_database PORT NAME} name=${2:?database name required}
  local psql
  if [[ -n ${PG_BIN:-} && -x $PG_BIN/psql ]]; then
    psql=$PG_BIN/psql
  else
    psql=$(command -v psql) || { pg__log "psql not found"; return 1; }
  fi
  # \gexec runs the generated CREATE only when the database is missing;
  # format's %I quotes any name safely. -X ignores the caller's ~/.psqlrc. The
  # password goes in psql's environment, which only we can read, not in its
  # arguments, which every local user can.
  PGPASSWORD=${PG_PASSWORD:?pg_start_local sets PG_PASSWORD} PGCONNECT_TIMEOUT=10 \
    "$psql" -X -q -v ON_ERROR_STOP=1 -v db="$name" -h 127.0.0.1 -p "$port" -U postgres -d postgres >/dev/null <<'SQL'
SELECT format('CREATE DATABASE %I', :'db')
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SQL
}
