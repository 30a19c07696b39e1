# The libFuzzer targets of fuzz/ (SPSS reader, CSV reader, DUO readers,
# instrument parser)
# build with clang + ASan/UBSan and run clean for 10 seconds each, at once
# (scripts/fuzz.sh; objects and corpora are kept beside the build).
source "$(dirname "$0")/lib.bash"
command -v clang >/dev/null || fail "clang is not installed (scripts/bootstrap.sh deps)"
dir="$(cd "$(dirname "$SAMEN")/.." && pwd)/fuzz"
bash "$SRC/scripts/fuzz.sh" 10 "$dir" > "$TMP/fuzz.log" 2>&1 || fail "fuzzing failed: $(cat "$TMP/fuzz.log")"
for t in sav csvr duo instrument; do
  grep -q "^fuzz_$t: [0-9]* runs in 10s, corpus [0-9]*, no crash$" "$TMP/fuzz.log" || fail "no result for fuzz_$t: $(cat "$TMP/fuzz.log")"
done
cat "$TMP/fuzz.log"
echo "1 passed, 0 failed"
