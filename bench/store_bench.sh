#!/usr/bin/env bash
# Durable submissions per second on SQLite and on PostgreSQL, in the same
# run (not a test: nothing here passes or fails on time).
#   bench/store_bench.sh [N] [SESSIONS]   (default 1000 and 8; BUILD=dir, default build)
# Starts a throwaway PostgreSQL cluster with durable settings (fsync and
# synchronous_commit on; scripts/pg-test-cluster.sh), puts the SQLite file
# (WAL, synchronous=FULL) in the same directory, so on the same disk, and
# runs bench/submit_bench.c on both: N responses of 120 answers, each in a
# transaction of its own, from one session; then N more from SESSIONS
# concurrent sessions (threads, a store each). Prints the rates and ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
sessions=${2:-8}
build=${BUILD:-build}
[ -f "$build/CMakeCache.txt" ] || { echo "no build in $build (set BUILD=dir)" >&2; exit 1; }
build=$(realpath "$build")
src=$(pwd)

# The benchmark program: the bench-submit target when CMakeLists.txt has
# one, else compiled here with the link line CMake made for samen.
bin="$build/bench/bench-submit"
if ! cmake --build "$build" --target bench-submit >/dev/null 2>&1; then
  cmake --build "$build" --target samen >/dev/null
  link="$build/CMakeFiles/samen.dir/link.txt"
  [ -f "$link" ] || { echo "no $link (Makefile generator needed, or add a bench-submit target)" >&2; exit 1; }
  libs=$(sed 's/.* -o app\/samen //' "$link")
  mkdir -p "$build/bench"
  # shellcheck disable=SC2086
  (cd "$build" && cc -std=c11 -O2 -g -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror \
     -I"$src/include" "$src/bench/submit_bench.c" -o "$bin" $libs)
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/samen-store-bench-XXXXXX")
chmod 0755 "$work" # the cluster's user must reach pg/ inside
pgdir="$work/pg"
cleanup() {
  bash scripts/pg-test-cluster.sh stop "$pgdir" || true
  rm -rf "$work"
}
trap cleanup EXIT
url=$(bash scripts/pg-test-cluster.sh start "$pgdir")
psql -XAtq "$url" -c "CREATE DATABASE samen_bench" >/dev/null
pg_url=${url/\/\/\/postgres\?/\/\/\/samen_bench?}
echo "disk: $(df -h --output=source,fstype "$work" | tail -1)"
echo "postgresql: fsync=$(psql -XAtq "$pg_url" -c 'SHOW fsync'), synchronous_commit=$(psql -XAtq "$pg_url" -c 'SHOW synchronous_commit'); sqlite: WAL, synchronous=FULL"
"$bin" -j "$sessions" examples/image "$n" "sqlite:$work/bench.db" "$pg_url"
