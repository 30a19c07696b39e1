# samen import: valid files import; one bad cell is reported with its line
# and column and leaves the database as it was: byte for byte on SQLite,
# every table's rows on PostgreSQL (lib.bash: db_args, db_fingerprint).
source "$(dirname "$0")/lib.bash"
study=$(example_study)
db=$(db_args "$study")
"$GEN" "$study" 2022 2022 > "$TMP/r2022.csv"
"$GEN" "$study" 2023 2023 > "$TMP/r2023.csv"
run import --study "$study" "$db" --wave 2022 "$TMP/r2022.csv"
expect_rc 0
expect_out "imported 74 response(s) into wave 2022 (10 refused consent)"
before=$(db_fingerprint "$study")
! on_postgres || [ ! -e "$study/samen.db" ] || fail "the PostgreSQL run wrote an SQLite file"

# One bad cell on line 57: a code the question does not have.
cp "$TMP/r2023.csv" "$TMP/bad.csv"
set_cell "$TMP/bad.csv" 57 samenwerking 7
col=$(column_of "$TMP/bad.csv" samenwerking)
run import --study "$study" "$db" --wave 2023 "$TMP/bad.csv"
expect_rc 2
expect_err "$TMP/bad.csv:57:$col: samenwerking: 7 is not an answer code (codes: 1, 2, 3)"
expect_err "nothing was imported"
[ "$(db_fingerprint "$study")" = "$before" ] || fail "the database changed"
on_postgres || [ ! -s "$study/samen.db-wal" ] || fail "a write-ahead log was left behind"

# An unknown column: line 1 and its column.
sed '1s/kenm_prioriteit/kenm_priority/' "$TMP/r2023.csv" > "$TMP/unknown.csv"
col=$(column_of "$TMP/unknown.csv" kenm_priority)
run import --study "$study" "$db" --wave 2023 "$TMP/unknown.csv"
expect_rc 2
expect_err "$TMP/unknown.csv:1:$col: unknown column 'kenm_priority'"

# A routed-out question answered: a goal ticked by a school that does not
# collaborate (samenwerking 3).
line=$(awk -F, -v c="$(column_of "$TMP/r2023.csv" samenwerking)" 'NR > 1 && $c == 3 { print NR; exit }' "$TMP/r2023.csv")
cp "$TMP/r2023.csv" "$TMP/routed.csv"
set_cell "$TMP/routed.csv" "$line" doel_maatwerk 1
col=$(column_of "$TMP/routed.csv" doel_maatwerk)
run import --study "$study" "$db" --wave 2023 "$TMP/routed.csv"
expect_rc 2
expect_err "$TMP/routed.csv:$line:$col: doel_maatwerk is answered, but question 'doelen' is not asked of this school (condition: samenwerking == 1)"

# A school twice in the file, and a school that is not in the study.
(cat "$TMP/r2023.csv"; sed -n 2p "$TMP/r2023.csv") > "$TMP/twice.csv"
run import --study "$study" "$db" --wave 2023 "$TMP/twice.csv"
expect_rc 2
expect_err "appears twice (also on line 2)"
cp "$TMP/r2023.csv" "$TMP/stranger.csv"
set_cell "$TMP/stranger.csv" 3 brin 99AA99
run import --study "$study" "$db" --wave 2023 "$TMP/stranger.csv"
expect_rc 2
expect_err "$TMP/stranger.csv:3:1: '99AA99' is not a school of this study"
[ "$(db_fingerprint "$study")" = "$before" ] || fail "the database changed"

# The same file with ';' and a BOM imports; importing it again is refused.
printf '\xEF\xBB\xBF' > "$TMP/semi.csv"
tr ',' ';' < "$TMP/r2023.csv" >> "$TMP/semi.csv"
run import --study "$study" "$db" --wave 2023 "$TMP/semi.csv"
expect_rc 0
expect_out "imported 279 response(s) into wave 2023 (40 refused consent)"
run import --study "$study" "$db" --wave 2023 "$TMP/r2023.csv"
expect_rc 2
expect_err "already has a response in wave 2023"

# Usage errors.
run import --study "$study" "$db" "$TMP/r2023.csv"
expect_rc 2
expect_err "--wave needs a year"
run import --study "$study" "$db" --wave 2030 "$TMP/r2023.csv"
expect_rc 2
expect_err "the study has no wave 2030"
run import --study "$TMP/nowhere" --wave 2023 "$TMP/r2023.csv"
expect_rc 2
expect_err "not a study directory"
echo "1 passed, 0 failed"
