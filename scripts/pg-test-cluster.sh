#!/usr/bin/env bash
# pg-test-cluster.sh - a throwaway PostgreSQL cluster for samen's tests and
# benchmarks: initdb into a directory of its own, start it, print its URL;
# stop it and remove the directory.
#
#   scripts/pg-test-cluster.sh start [DIR] [--tcp] [--fast]
#       Creates DIR (default: a new temporary directory), runs initdb there
#       and starts the server. Prints the database URL on stdout and writes it
#       to DIR/url. By default the server listens only on a Unix socket in
#       DIR (mode 0700, trust for its owner):
#         postgresql:///postgres?host=DIR&port=5432&user=samen
#       --tcp also listens on a free port of 127.0.0.1, with a random
#       password (scram-sha-256):
#         postgresql://samen:PASSWORD@127.0.0.1:PORT/postgres
#       --fast turns fsync and synchronous commit off (tests only: a crash
#       may lose data; never for benchmarks of durable commits).
#       A DIR left over from an earlier run is stopped and replaced.
#   scripts/pg-test-cluster.sh stop DIR
#       Stops the server (fast shutdown) and removes DIR.
#   scripts/pg-test-cluster.sh url DIR
#       Prints the URL of the cluster in DIR.
#   scripts/pg-test-cluster.sh bindir
#       Prints where the server binaries are; fails when there are none.
#
# PostgreSQL refuses to run as root. As root, the cluster runs as the system
# user samen-test (created with useradd --system when missing; 'nobody' if
# that fails), which owns DIR; otherwise as the current user.
# The server binaries come from $PG_BINDIR, else `pg_config --bindir`, else
# the newest /usr/lib/postgresql/*/bin.
set -euo pipefail

die() { echo "pg-test-cluster: $*" >&2; exit 1; }

bindir() {
  local d=${PG_BINDIR:-}
  if [ -z "$d" ] && command -v pg_config >/dev/null 2>&1; then
    d=$(pg_config --bindir 2>/dev/null || true)
  fi
  if [ -z "$d" ] || [ ! -x "$d/initdb" ]; then
    d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  fi
  [ -n "$d" ] && [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] ||
    die "no PostgreSQL server binaries (initdb, pg_ctl); install the 'postgresql' package or set PG_BINDIR"
  echo "$d"
}

# The user the server runs as, creating samen-test when we are root.
run_user() {
  if [ "$(id -u)" -ne 0 ]; then
    id -un
    return
  fi
  if ! id samen-test >/dev/null 2>&1; then
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin \
      samen-test >/dev/null 2>&1 || true
  fi
  if id samen-test >/dev/null 2>&1; then echo samen-test; else echo nobody; fi
}

# as USER CMD...: runs CMD as USER (directly when that is us).
as() {
  local u=$1; shift
  if [ "$u" = "$(id -un)" ]; then "$@"; else runuser -u "$u" -- "$@"; fi
}

# Percent-encodes what a URL query value may not hold literally.
urlencode() {
  local s=$1 out="" c i
  for ((i = 0; i < ${#s}; i++)); do
    c=${s:i:1}
    case "$c" in
      [A-Za-z0-9/._-]) out+=$c ;;
      *) out+=$(printf '%%%02X' "'$c") ;;
    esac
  done
  echo "$out"
}

free_port() {
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
    return
  fi
  local p
  for p in $(seq 25432 25532); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  die "no free port found"
}

stop_cluster() {
  local dir=$1 bin
  [ -d "$dir" ] || return 0
  if [ -f "$dir/data/postmaster.pid" ]; then
    bin=$(bindir)
    local owner
    owner=$(stat -c %U "$dir/data")
    as "$owner" "$bin/pg_ctl" stop -D "$dir/data" -m fast -w -t 60 >/dev/null 2>&1 ||
      as "$owner" "$bin/pg_ctl" stop -D "$dir/data" -m immediate -w >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

start_cluster() {
  local dir="" tcp=0 fast=0 a
  for a in "$@"; do
    case "$a" in
      --tcp) tcp=1 ;;
      --fast) fast=1 ;;
      -*) die "unknown option $a" ;;
      *) [ -z "$dir" ] || die "one directory only"; dir=$a ;;
    esac
  done
  local bin user
  bin=$(bindir)
  user=$(run_user)
  if [ -z "$dir" ]; then
    dir=$(mktemp -d "${TMPDIR:-/tmp}/samen-pg-XXXXXX")
  else
    stop_cluster "$dir"
    mkdir -p "$dir"
  fi
  dir=$(cd "$dir" && pwd)
  [ ${#dir} -le 90 ] || die "$dir is too long for a Unix socket path; choose a shorter directory"
  chown "$user" "$dir"
  chmod 0700 "$dir"
  as "$user" test -w "$dir" ||
    die "$user cannot reach $dir: its parent directories must be searchable by $user"

  local pwopt=() password=""
  if [ $tcp -eq 1 ]; then
    password=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
    printf '%s\n' "$password" > "$dir/pw"
    chown "$user" "$dir/pw"
    pwopt=(--pwfile="$dir/pw")
  fi
  as "$user" "$bin/initdb" -D "$dir/data" -U samen --encoding=UTF8 --locale=C \
    --auth-local=trust --auth-host=scram-sha-256 "${pwopt[@]}" --no-sync >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; die "initdb failed"; }
  rm -f "$dir/pw"

  local port=5432 listen="''"
  if [ $tcp -eq 1 ]; then
    port=$(free_port)
    listen="'127.0.0.1'"
  fi
  {
    echo "# pg-test-cluster.sh"
    echo "listen_addresses = $listen"
    echo "port = $port"
    echo "unix_socket_directories = '$dir'"
    echo "unix_socket_permissions = 0700"
    echo "max_connections = 200"
    echo "shared_buffers = 64MB"
    echo "log_min_messages = warning"
    if [ $fast -eq 1 ]; then
      echo "fsync = off"
      echo "synchronous_commit = off"
      echo "full_page_writes = off"
    fi
  } >> "$dir/data/postgresql.conf"
  as "$user" "$bin/pg_ctl" start -D "$dir/data" -l "$dir/server.log" -w -t 60 >/dev/null ||
    { cat "$dir/server.log" >&2 || true; die "the server did not start"; }

  local url
  if [ $tcp -eq 1 ]; then
    url="postgresql://samen:$password@127.0.0.1:$port/postgres"
  else
    url="postgresql:///postgres?host=$(urlencode "$dir")&port=$port&user=samen"
  fi
  printf '%s\n' "$url" > "$dir/url"
  chmod 0600 "$dir/url"
  echo "$url"
  echo "pg-test-cluster: running in $dir as $user; stop with: $0 stop $dir" >&2
}

case "${1:-}" in
  start) shift; start_cluster "$@" ;;
  stop) [ $# -eq 2 ] || die "usage: $0 stop DIR"; stop_cluster "$2" ;;
  url) [ $# -eq 2 ] || die "usage: $0 url DIR"; cat "$2/url" ;;
  bindir) bindir ;;
  *) echo "usage: $0 start [DIR] [--tcp] [--fast] | stop DIR | url DIR | bindir" >&2; exit 2 ;;
esac
