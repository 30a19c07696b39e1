# samen export: one pseudonymised row per consenting school; safe against
# formula injection; a round trip through import gives the same file.
source "$(dirname "$0")/lib.bash"
study=$(example_study)
db=$(db_args "$study")
"$GEN" "$study" 2023 2023 > "$TMP/r2023.csv"
# Two hand-made rows with open text: CP1252 text and a formula.
# unused_school REGION: a school of REGION without a response in r2023.csv.
unused_school() {
  awk -F, -v region="$1" 'FNR == NR { used[$1] = 1; next }
    FNR > 1 && $4 == region && !($1 in used) && !found { print $1; found = 1 }' \
    "$TMP/r2023.csv" "$study/schools.csv"
}
brin1=$(unused_school A)
brin2=$(unused_school B)
printf 'brin,toestemming,samenwerking,reden_anders,reden_anders_tekst\n' > "$TMP/text.csv"
printf '%s,1,2,1,"=HYPERLINK(""http://x.example"")"\n' "$brin1" >> "$TMP/text.csv"
printf '%s,1,3,1,Caf\xe9 en cr\xe8che\n' "$brin2" >> "$TMP/text.csv"
run import --study "$study" "$db" --wave 2023 "$TMP/r2023.csv"
expect_rc 0
run import --study "$study" "$db" --wave 2023 "$TMP/text.csv"
expect_rc 0
expect_out "imported 2 response(s) into wave 2023 (0 refused consent); converted from CP1252"

run export --study "$study" "$db" --wave 2023 --format csv --out "$TMP/export.csv"
expect_rc 0
expect_out "wrote 241 row(s)"
[ "$(wc -l < "$TMP/export.csv")" -eq 242 ] || fail "expected a header and 241 rows"
head -1 "$TMP/export.csv" | grep -q '^respondent,region,situation,sector,toestemming,' || fail "bad header"
! grep -q "$brin1" "$TMP/export.csv" || fail "a BRIN code leaked into the pseudonymised export"
! grep -qi "fictieve\|@school-" "$TMP/export.csv" || fail "a school name or e-mail leaked"
grep -qF "\"'=HYPERLINK(\"\"http://x.example\"\")\"" "$TMP/export.csv" || fail "formula not defused"
grep -qF '"Café en crèche"' "$TMP/export.csv" || fail "CP1252 text not kept as UTF-8"

# With school ids the file imports into a fresh study and exports the same.
run export --study "$study" "$db" --wave 2023 --format csv --out "$TMP/ids.csv" --with-school-ids
expect_rc 0
head -1 "$TMP/ids.csv" | grep -q '^brin,respondent,' || fail "no brin column"
fresh=$TMP/fresh
cp -r "$SRC/examples/image" "$fresh"
rm -f "$fresh"/samen.db*
run import --study "$fresh" "$(db_args "$fresh")" --wave 2023 "$TMP/ids.csv"
expect_rc 0
expect_out "imported 241 response(s)"
run export --study "$fresh" "$(db_args "$fresh")" --wave 2023 --format csv --out "$TMP/ids2.csv" --with-school-ids
expect_rc 0
diff "$TMP/ids.csv" "$TMP/ids2.csv" || fail "round trip differs"

run export --study "$study" "$db" --wave 2023 --format odt --out "$TMP/x.odt"
expect_rc 2
expect_err "unknown format 'odt'"
run export --study "$study" "$db" --wave 2023 --format csv --out "$TMP/no/such/dir/x.csv"
expect_rc 1
echo "1 passed, 0 failed"
