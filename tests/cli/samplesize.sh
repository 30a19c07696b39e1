# samen samplesize: the seed report's footnote 12 and the contract's JSON.
source "$(dirname "$0")/lib.bash"
run samplesize --population 4500 --margin 0.05 --confidence 0.90 --p 0.5
expect_rc 0
[ "$OUT" = "256" ] || fail "expected 256, got '$OUT'"
run samplesize --population 4500 --margin 0.05 --confidence 0.90 --format json
expect_rc 0
/usr/bin/python3 -c '
import json, sys
d = json.loads(sys.argv[1])
assert d["n"] == 256, d
assert abs(d["z"] - 1.644854) < 1e-5, d
assert abs(d["n0"] - 270.554) < 1e-2, d
' "$OUT" || fail "bad JSON: $OUT"
run samplesize --population 4500 --margin 5 --confidence 0.90
expect_rc 2
expect_err "fractions"
run samplesize --population lots --margin 0.05 --confidence 0.90
expect_rc 2
expect_err "'lots' is not a number"
run samplesize --margin 0.05 --confidence 0.90
expect_rc 2
expect_err "--population is required"
echo "1 passed, 0 failed"
