# Every subcommand has --help; the exit codes follow the contract.
source "$(dirname "$0")/lib.bash"
for cmd in init validate study import export samplesize; do
  run "$cmd" --help
  expect_rc 0
  expect_out "usage: samen $cmd"
done
run --help
expect_rc 0
run frobnicate
expect_rc 2
expect_err "unknown command 'frobnicate'"
run study --study "$SRC/examples/image" --colour
expect_rc 2
expect_err "unknown option '--colour'"

run init "$TMP/nieuw"
expect_rc 0
[ -f "$TMP/nieuw/study.yaml" ] && [ -d "$TMP/nieuw/instruments" ] || fail "no layout"
run init "$TMP/nieuw"
expect_rc 2
expect_err "already holds a study"

study=$(example_study)
db=$(db_args "$study")
"$GEN" "$study" 2023 2023 > "$TMP/r.csv"
run import --study "$study" "$db" --wave 2023 "$TMP/r.csv"
expect_rc 0
run study --study "$study" "$db"
expect_rc 0
expect_out "[SYNTHETIC DATA]"
expect_out "total"
run study --study "$study" "$db" --format json
expect_rc 0
/usr/bin/python3 -c '
import json, sys
d = json.loads(sys.argv[1])
assert d["synthetic"] is True
assert d["schools"] == 1380 and len(d["regions"]) == 21
w = {x["wave"]: x for x in d["waves"]}
assert w[2023]["responses"] == 239 and w[2023]["refused"] == 40, w[2023]
assert w[2022]["responses"] == 0
k = {r["code"]: r for r in w[2023]["regions"]}
assert k["K"]["responses"] == 42 and k["I-PO"]["responses"] == 39, k
' "$OUT" || fail "bad study JSON"
echo "1 passed, 0 failed"
