#!/usr/bin/env bash
# Builds the libFuzzer targets in fuzz/ with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer, and runs each for a bounded time, all at once.
#   scripts/fuzz.sh [SECONDS [DIR]]
# SECONDS: how long each target runs (default 60). DIR: objects, binaries,
# corpora, logs and crash files (default build-fuzz/ in the source tree).
# Exits 1 when a target crashed (its input is DIR/crash-<target>-*; rerun
# with DIR/fuzz_<target> FILE), 2 on a build problem, 0 otherwise.
set -euo pipefail
secs=${1:-60}
top=$(cd "$(dirname "$0")/.." && pwd)
out=${2:-$top/build-fuzz}
CC=${CC:-clang}
command -v "$CC" >/dev/null || { echo "fuzz.sh: $CC not found (apt-get install clang libclang-rt-14-dev)" >&2; exit 2; }
case "$secs" in ''|*[!0-9]*) echo "usage: $0 [SECONDS [DIR]]" >&2; exit 2 ;; esac
mkdir -p "$out/obj"

san="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
cflags="-std=c11 -g -O1 -Wall -Wextra -Wno-bitwise-instead-of-logical -D_POSIX_C_SOURCE=200809L $san
        -I$top/include -I$top/src $(pkg-config --cflags yaml-0.1)"
libs="-lreadstat -lcsv $(pkg-config --libs yaml-0.1) -lm"

# The library code the targets reach: util, model and the readers.
sources=("$top"/src/util/*.c "$top"/src/model/*.c "$top/src/io/sav/sav_read.c"
         "$top/src/io/duo/duo_read.c")
newest_header=$(find "$top/include" "$top/src" -name '*.h' -printf '%T@ %p\n' | sort -n | tail -1 | cut -d' ' -f2)
objects=()
stale=()
for src in "${sources[@]}"; do
  rel=${src#"$top"/src/}
  obj="$out/obj/${rel//\//_}.o"
  objects+=("$obj")
  if [ ! -f "$obj" ] || [ "$src" -nt "$obj" ] || [ "$newest_header" -nt "$obj" ]; then
    stale+=("$src")
  fi
done
if [ ${#stale[@]} -gt 0 ]; then
  echo "fuzz.sh: compiling ${#stale[@]} file(s)"
  export CC cflags out top
  printf '%s\n' "${stale[@]}" | xargs -P "$(nproc 2>/dev/null || echo 2)" -I{} sh -c '
    src={}; rel=${src#"$top"/src/}; obj="$out/obj/$(echo "$rel" | tr / _).o"
    $CC $cflags -fsanitize=fuzzer-no-link -c "$src" -o "$obj"' || exit 2
fi
rm -f "$out/libsamen-fuzz.a"
ar rcs "$out/libsamen-fuzz.a" "${objects[@]}"

targets=(sav csvr duo instrument)
seeds_sav=("$top/tests/fixtures/sav")
seeds_csvr=("$top/tests/fixtures/duo" "$top/tests/fixtures/mini-instrument.yaml")
seeds_duo=("$top/tests/fixtures/duo")
seeds_instrument=("$top/examples/image/instruments" "$top/tests/fixtures/mini-instrument.yaml")
for t in "${targets[@]}"; do
  bin="$out/fuzz_$t"
  if [ ! -x "$bin" ] || [ "$top/fuzz/fuzz_$t.c" -nt "$bin" ] || [ "$out/libsamen-fuzz.a" -nt "$bin" ]; then
    # shellcheck disable=SC2086
    $CC $cflags -fsanitize=fuzzer "$top/fuzz/fuzz_$t.c" "$out/libsamen-fuzz.a" $libs -o "$bin" || exit 2
  fi
done

# Run every target at once for $secs seconds.
pids=()
for t in "${targets[@]}"; do
  corpus="$out/corpus-$t"
  mkdir -p "$corpus"
  seeds="seeds_$t[@]"
  seed_dir="$out/seeds-$t"
  rm -rf "$seed_dir"
  mkdir -p "$seed_dir"
  for s in "${!seeds}"; do
    if [ -d "$s" ]; then find "$s" -type f -exec cp {} "$seed_dir/" \; ; else cp "$s" "$seed_dir/"; fi
  done
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
    "$out/fuzz_$t" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="$out/crash-$t-" "$corpus" "$seed_dir" \
    >"$out/log-$t.txt" 2>&1 &
  pids+=($!)
done
failed=0
for i in "${!targets[@]}"; do
  t=${targets[$i]}
  if wait "${pids[$i]}"; then
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$out/log-$t.txt" | grep -o '[0-9]*$' || echo "?")
    size=$(find "$out/corpus-$t" -type f | wc -l)
    echo "fuzz_$t: $runs runs in ${secs}s, corpus $size, no crash"
  else
    failed=1
    echo "fuzz_$t: FAILED (log: $out/log-$t.txt)" >&2
    grep -m1 -E 'ERROR: |runtime error|deadly signal' "$out/log-$t.txt" >&2 || true
    ls "$out"/crash-"$t"-* 2>/dev/null >&2 || true
  fi
done
exit $failed
