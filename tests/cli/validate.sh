# samen validate: the shipped instruments validate; a broken copy is
# rejected with file:line:column.
source "$(dirname "$0")/lib.bash"
inst="$SRC/examples/image/instruments"
run validate "$inst/image-2023-scholen.yaml" "$inst/image-2022-scholen.yaml"
expect_rc 0
expect_out "image-2023-scholen.yaml: valid"
expect_out "image-2022-scholen.yaml: valid"
run validate --study "$SRC/examples/image"
expect_rc 0
expect_out "valid (2 waves, 21 regions, 1380 schools)"

# An undefined variable in a condition: samenwerking -> samenwerkng on the
# first line that routes on it.
cp "$inst/image-2023-scholen.yaml" "$TMP/broken.yaml"
line=$(grep -n 'when: "samenwerking == 1"' "$TMP/broken.yaml" | head -1 | cut -d: -f1)
sed -i "${line}s/samenwerking == 1/samenwerkng == 1/" "$TMP/broken.yaml"
col=$(sed -n "${line}p" "$TMP/broken.yaml" | awk '{ print index($0, "samenwerkng") }')
run validate "$TMP/broken.yaml"
expect_rc 2
expect_err "$TMP/broken.yaml:$line:$col: in condition: undefined variable 'samenwerkng'"

# A study whose wave points at the broken instrument is rejected as a whole.
study=$(example_study)
cp "$TMP/broken.yaml" "$study/instruments/image-2023-scholen.yaml"
run validate --study "$study"
expect_rc 2
expect_err "instruments/image-2023-scholen.yaml:$line:$col:"
run validate "$TMP/does-not-exist.yaml"
expect_rc 2
expect_err "cannot open"
echo "1 passed, 0 failed"
