#!/usr/bin/env bash
# Benchmarks of samen (not tests: nothing here passes or fails on time).
#   bench/run.sh [stats] [N]     analysis at scale against GNU PSPP (default N = 1000000)
# Prints samen's figures, PSPP's figures from the same run, and the ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-stats}
n=${2:-1000000}
build=${BUILD:-build}
work=${BENCH_DIR:-$build/bench/work}
mkdir -p "$work"
work=$(realpath "$work")
cmake --build "$build" --target bench-gen-data bench-stats-pass >/dev/null

case "$what" in
stats)
  data="$work/data-$n.csv"
  sav="$work/data-$n.sav"
  if [ ! -f "$data" ]; then
    echo "generating $n x 100 cases into $data ..." >&2
    "$build/bench/bench-gen-data" "$n" 1 > "$data"
  fi
  vars=$(head -1 "$data" | tr ',' ' ')
  if [ ! -f "$sav" ]; then
    echo "converting to .sav with PSPP (not timed) ..." >&2
    { echo "GET DATA /TYPE=TXT /FILE='$data' /ARRANGEMENT=DELIMITED /DELIMITERS=\",\" /FIRSTCASE=2 /VARIABLES="
      for v in $vars; do echo "  $v F1.0"; done
      echo "."
      echo "MISSING VALUES s1_1 TO q72 (9)."
      echo "SAVE OUTFILE='$sav'."; } > "$work/tosav.sps"
    pspp "$work/tosav.sps" >/dev/null
  fi
  # The same job in PSPP: reading the .sav, then the analysis.
  { echo "GET FILE='$sav'."
    echo "FREQUENCIES /VARIABLES=ALL."
    echo "CROSSTABS /TABLES=situation BY samenwerking /STATISTICS=CHISQ PHI."
    for s in 1 2 3 4 5; do echo "RELIABILITY /VARIABLES=s${s}_1 s${s}_2 s${s}_3 s${s}_4 s${s}_5 /SUMMARY=TOTAL."; done
    echo "MEANS TABLES=q1 BY situation."; } > "$work/job.sps"
  printf "GET FILE='%s'.\nEXECUTE.\n" "$sav" > "$work/read.sps"
  # seconds taken by a command (bash's EPOCHREALTIME; no bc needed)
  t() { local s=$EPOCHREALTIME; "$@" >/dev/null; /usr/bin/python3 -c "print($EPOCHREALTIME - $s)"; }
  echo "running samen ..." >&2
  samen_json=$("$build/bench/bench-stats-pass" "$data" 3)
  echo "running PSPP (read only, then the job) ..." >&2
  pspp "$work/read.sps" > "$work/read.out" 2>&1 || { cat "$work/read.out" >&2; exit 1; }
  grep -q "^error" "$work/read.out" && { cat "$work/read.out" >&2; exit 1; }
  pspp_read=$(t pspp "$work/read.sps")
  pspp_job=$(t pspp -O format=csv -o "$work/job.csv" "$work/job.sps")
  grep -qi "error" "$work/job.csv" && { grep -i error "$work/job.csv" >&2; exit 1; }
  /usr/bin/python3 - "$samen_json" "$pspp_read" "$pspp_job" <<'PY'
import json, sys
s = json.loads(sys.argv[1]); read, job = float(sys.argv[2]), float(sys.argv[3])
analysis = max(job - read, 1e-9)
print(f"dataset: {s['cases']} cases x {s['variables']} variables")
print(f"samen  load CSV          {s['load_s']:9.3f} s")
print(f"samen  memory scan       {s['scan_s']:9.3f} s")
print(f"samen  analysis pass     {s['pass_s']:9.3f} s   (goal <= 1 s)")
print(f"PSPP   read .sav         {read:9.3f} s")
print(f"PSPP   job (read + pass) {job:9.3f} s   -> analysis {analysis:.3f} s")
print(f"ratio  PSPP analysis / samen pass   {analysis / s['pass_s']:8.1f}x   (goal >= 20x)")
print(f"ratio  PSPP job / samen load + pass {job / (s['load_s'] + s['pass_s']):8.1f}x")
print(f"ratio  samen pass / memory scan     {s['pass_s'] / s['scan_s']:8.1f}x   (goal <= 10x)")
print(f"alphas {s['alphas']}")
PY
  ;;
*) echo "usage: $0 [stats] [N]" >&2; exit 2 ;;
esac
