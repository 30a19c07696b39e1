# samen network draw: every example drawing as SVG (Dutch and English),
# kept in BUILD/network-svg/ to look at; well-formed, every label once, a
# legend, the study's colours, no overlapping boxes, the same bytes twice
# (tests/oracle/network/check_svg.py).
source "$(dirname "$0")/lib.bash"
OUTDIR="$(cd "$(dirname "$SAMEN")/.." && pwd)/network-svg"
rm -rf "$OUTDIR"
mkdir -p "$OUTDIR"
for f in "$SRC"/examples/image/networks/*.yaml; do
  base=$(basename "$f" .yaml)
  run network draw "$f" --lang nl --out "$OUTDIR/$base.svg"
  expect_rc 0
  run network draw "$f" --lang en --out "$OUTDIR/$base.en.svg"
  expect_rc 0
  run network draw "$f" --lang nl --out "$TMP/again.svg"
  expect_rc 0
  cmp -s "$OUTDIR/$base.svg" "$TMP/again.svg" || fail "$base: drawing twice gave different bytes"
done
/usr/bin/python3 "$SRC/tests/oracle/network/check_svg.py" "$OUTDIR" "$SRC/examples/image/networks" \
  || fail "SVG checks failed"

# Without legend and metrics; a file that cannot be written.
run network draw "$SRC/examples/image/networks/figuur-10-P-huidig.yaml" --no-legend --no-metrics --out "$TMP/bare.svg"
expect_rc 0
grep -q 'id="legend"' "$TMP/bare.svg" && fail "--no-legend kept the legend"
run network draw "$SRC/examples/image/networks/figuur-10-P-huidig.yaml" --out "$TMP/no/such/dir/x.svg"
expect_rc 1
expect_err "cannot write"
run network draw "$SRC/examples/image/networks/figuur-10-P-huidig.yaml"
expect_rc 2
expect_err "--out FILE is required"
echo "1 passed, 0 failed"
