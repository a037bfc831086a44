#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the API tests and the server benchmark.
#
#   scripts/pg-test-cluster.sh start [--no-fsync]
#       Installs Debian's postgresql with apt-get when it is missing, runs initdb on a new
#       temporary directory (as the `postgres` user when run as root: PostgreSQL refuses root),
#       starts it on a free port listening on 127.0.0.1 only, with its socket in that directory,
#       creates the database atlas_test and prints one line on stdout:
#         postgres://postgres@127.0.0.1:PORT/atlas_test
#       Trust authentication: the cluster accepts local connections without a password. It is a
#       throw-away cluster for tests, never a place for real data. --no-fsync trades durability
#       for speed (tests only; the benchmark keeps fsync on).
#   scripts/pg-test-cluster.sh stop URL|DIR
#       Stops that cluster with its own pg_ctl and removes its directory. Other clusters and the
#       system's own PostgreSQL are never touched.
set -euo pipefail

# /tmp: the postgres user must be able to reach it (a root-only TMPDIR would not do).
PREFIX="/tmp/atlas-pg."
log() { echo "pg-test-cluster: $*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"; else return 1; fi
}

# The bin directory of the newest installed PostgreSQL (15 on Debian 12).
pg_bindir() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$d" ] && [ -x "$d/initdb" ]; then echo "$d"; return 0; fi
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
    pg_config --bindir; return 0
  fi
  return 1
}

ensure_installed() {
  pg_bindir >/dev/null && return 0
  command -v apt-get >/dev/null 2>&1 || { log "PostgreSQL is not installed and there is no apt-get"; return 1; }
  log "installing postgresql with apt-get"
  if ! DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql >/dev/null 2>&1; then
    as_root apt-get update -qq >/dev/null &&
      DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql >/dev/null ||
      { log "apt-get install postgresql failed"; return 1; }
  fi
  pg_bindir >/dev/null || { log "postgresql installed but no initdb found"; return 1; }
}

# Runs a PostgreSQL program as the cluster's owner: `postgres` when we are root, else ourselves.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start() {
  local fsync=on
  [ "${1:-}" = "--no-fsync" ] && fsync=off
  ensure_installed
  local bin dir port tries
  bin=$(pg_bindir)
  dir=$(mktemp -d "${PREFIX}XXXXXX")
  chmod 700 "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
  if ! as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
    >"$dir/initdb.log" 2>&1; then
    log "initdb failed:"; cat "$dir/initdb.log" >&2; rm -rf "$dir"; return 1
  fi
  for tries in 1 2 3 4 5 6 7 8; do
    port=$((20000 + RANDOM % 40000))
    port_in_use "$port" && continue
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=$fsync -c max_connections=200" \
      start >/dev/null; then
      echo "$port" >"$dir/port"
      if ! as_owner "$bin/createdb" -h "$dir" -p "$port" -U postgres atlas_test; then
        log "createdb failed"; stop_dir "$dir"; return 1
      fi
      log "cluster in $dir on port $port (PostgreSQL $("$bin/postgres" --version | awk '{print $3}'))"
      echo "postgres://postgres@127.0.0.1:$port/atlas_test"
      return 0
    fi
    log "pg_ctl start on port $port failed (attempt $tries)"
  done
  log "could not start PostgreSQL:"; tail -n 20 "$dir/server.log" >&2 || true
  rm -rf "$dir"
  return 1
}

stop_dir() {
  local dir=$1 bin
  case "$dir" in "${PREFIX}"*) ;; *) log "not a cluster of this script: $dir"; return 1 ;; esac
  [ -d "$dir" ] || { log "no cluster at $dir"; return 0; }
  bin=$(pg_bindir)
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null ||
      as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null || true
  fi
  rm -rf "$dir"
}

stop() {
  local arg=${1:-} port d
  [ -n "$arg" ] || { log "usage: $0 stop URL|DIR"; return 2; }
  if [ -d "$arg" ]; then stop_dir "$arg"; return; fi
  # A URL: find the cluster of this script listening on its port.
  port=$(echo "$arg" | sed -nE 's#^postgres(ql)?://[^/]*:([0-9]+)/.*#\2#p')
  [ -n "$port" ] || { log "not a URL or directory: $arg"; return 2; }
  for d in "${PREFIX}"*; do
    if [ -f "$d/port" ] && [ "$(cat "$d/port")" = "$port" ]; then stop_dir "$d"; return; fi
  done
  log "no cluster of this script on port $port"
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  *) echo "usage: $0 start [--no-fsync] | stop URL|DIR" >&2; exit 2 ;;
esac
