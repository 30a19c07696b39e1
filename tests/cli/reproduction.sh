# The reproduction dataset of examples/image: samen-gen-image regenerates the
# committed response files byte for byte; both waves import (so every answer
# respects the routing); and every cell of tests/golden/image/tables.json (the
# report's published tables, corrections and our invented values) is
# recomputed from the CSV files and matches. A second seed must reproduce the
# same tables from a different arrangement of the answers.
source "$(dirname "$0")/lib.bash"
GEN_IMAGE="$(dirname "$SAMEN")/../tools/samen-gen-image"
[ -x "$GEN_IMAGE" ] || fail "no generator at $GEN_IMAGE"
PY=/usr/bin/python3
CHECK="$SRC/tests/oracle/reproduction/check_tables.py"
GOLDEN="$SRC/tests/golden/image/tables.json"
data="$SRC/examples/image/data"

# 1. The committed files are exactly what the generator writes.
study=$(example_study)
for wave in 2022 2023; do
  "$GEN_IMAGE" "$study" "$wave" > "$TMP/r$wave.csv" || fail "samen-gen-image failed for $wave"
  cmp -s "$TMP/r$wave.csv" "$data/responses-$wave.csv" ||
    fail "examples/image/data/responses-$wave.csv differs from what samen-gen-image writes (regenerate it)"
done

# 2. Both waves import: every value is valid and routed to.
run import --study "$study" --wave 2022 "$data/responses-2022.csv"
expect_rc 0
expect_out "imported 67 response(s) into wave 2022 (3 refused consent)"
run import --study "$study" --wave 2023 "$data/responses-2023.csv"
expect_rc 0
expect_out "imported 283 response(s) into wave 2023 (44 refused consent)"

# 3. Every golden cell, recomputed from the committed files.
set +e
"$PY" "$CHECK" --study "$SRC/examples/image" --golden "$GOLDEN" \
  2022="$data/responses-2022.csv" 2023="$data/responses-2023.csv" > "$TMP/check" 2>&1
rc=$?
set -e
cat "$TMP/check"
[ "$rc" -eq 0 ] || fail "the data does not reproduce the golden tables"
grep -q "check_tables: 704 of 704 cells match" "$TMP/check" || fail "expected 704 cells checked"

# 4. Another seed: other answers, the same tables.
for wave in 2022 2023; do
  "$GEN_IMAGE" "$study" "$wave" 12345 > "$TMP/s$wave.csv" || fail "samen-gen-image failed for seed 12345"
done
cmp -s "$TMP/s2023.csv" "$data/responses-2023.csv" && fail "the seed has no effect"
"$PY" "$CHECK" --study "$SRC/examples/image" --golden "$GOLDEN" \
  2022="$TMP/s2022.csv" 2023="$TMP/s2023.csv" > "$TMP/check2" 2>&1 ||
  { cat "$TMP/check2"; fail "seed 12345 does not reproduce the golden tables"; }
fresh=$(mktemp -d "$TMP/seed-XXXX")
cp -r "$SRC/examples/image/." "$fresh"
rm -f "$fresh"/samen.db*
run import --study "$fresh" --wave 2023 "$TMP/s2023.csv"
expect_rc 0

# 5. The checker is not vacuous: one changed answer is caught.
awk -F, -v OFS=, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "tevr_sw") c = i }
  NR > 1 && !done && $c == 7 { $c = 6; done = 1 } { print }' \
  "$data/responses-2023.csv" > "$TMP/bad.csv"
set +e
"$PY" "$CHECK" --study "$SRC/examples/image" --golden "$GOLDEN" 2023="$TMP/bad.csv" > "$TMP/check3" 2>&1
rc=$?
set -e
[ "$rc" -eq 1 ] || fail "a changed answer went unnoticed"
grep -q "MISMATCH B12 2023 \[helemaal wel tevreden\] \[N\]" "$TMP/check3" || fail "expected a B12 mismatch: $(cat "$TMP/check3")"

# 6. Usage.
set +e
"$GEN_IMAGE" "$study" 2024 > /dev/null 2> "$TMP/err"
rc=$?
set -e
[ "$rc" -eq 2 ] || fail "wave 2024 should be a usage error"
grep -q "WAVE is 2022 or 2023" "$TMP/err" || fail "expected the wave message"
echo "1 passed, 0 failed"
