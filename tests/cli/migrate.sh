# samen migrate: a study's data copied SQLite -> middle -> SQLite gives the
# same export and the same study overview; the copy refuses a non-empty
# target. The middle database is PostgreSQL when SAMEN_TEST_PG_URL is set
# (CTest's pg_cli_migrate), else another SQLite file.
source "$(dirname "$0")/lib.bash"
# Until `migrate` is in main.c's command table there is nothing to test:
# CTest counts exit 77 as skipped.
run migrate --help
[ "$RC" -eq 0 ] || { echo "samen migrate is not registered yet: skipped"; exit 77; }
expect_out "usage: samen migrate"

study=$(example_study)
a="sqlite:$TMP/a.db"
"$GEN" "$study" 2022 2022 > "$TMP/r2022.csv"
"$GEN" "$study" 2023 2023 > "$TMP/r2023.csv"
# Open text with what needs escaping on the way: quotes, commas, braces,
# a backslash, non-ASCII.
brin=$(awk -F, 'FNR == NR { used[$1] = 1; next }
  FNR > 1 && $4 == "C" && !($1 in used) { print $1; exit }' "$TMP/r2023.csv" "$study/schools.csv")
printf 'brin,toestemming,samenwerking,reden_anders,reden_anders_tekst\n' > "$TMP/text.csv"
printf '%s,1,3,1,"Zie {a,b}: ""NULL"" \\ café"\n' "$brin" >> "$TMP/text.csv"
for w in 2022 2023; do
  run import --study "$study" --db "$a" --wave $w "$TMP/r$w.csv"
  expect_rc 0
done
run import --study "$study" --db "$a" --wave 2023 "$TMP/text.csv"
expect_rc 0

# snapshot NAME URL: what users see of the data: both waves exported with
# school ids, and the study overview as JSON.
snapshot() {
  local w
  for w in 2022 2023; do
    run export --study "$study" --db "$2" --wave $w --format csv --with-school-ids --out "$TMP/$1-$w.csv"
    expect_rc 0
  done
  run study --study "$study" --db "$2" --format json
  expect_rc 0
  printf '%s\n' "$OUT" > "$TMP/$1-study.json"
}
snapshot a "$a"
grep -qF 'café' "$TMP/a-2023.csv" || fail "the text row is not in the export"

mkdir -p "$TMP/middle"
b=$(db_url "$TMP/middle")
c="sqlite:$TMP/c.db"

# There and back again.
run migrate --study "$study" --from "$a" --to "$b"
expect_rc 0
expect_out "copied 2 wave(s), 21 region(s), 1380 school(s), 354 response(s) and"
expect_out "verified: both databases hold the same rows in every table"
snapshot b "$b"
run migrate --study "$study" --from "$b" --to "$c"
expect_rc 0
expect_out "354 response(s)"
snapshot c "$c"
for f in 2022.csv 2023.csv study.json; do
  diff "$TMP/a-$f" "$TMP/b-$f" >/dev/null || fail "$f differs after the copy into $b"
  diff "$TMP/a-$f" "$TMP/c-$f" >/dev/null || fail "$f differs after the copy back"
done
# Ids and timestamps came along: the SQLite files hold the same rows (the
# copy inserts in key order, so rowids of text-keyed tables may differ).
if command -v sqlite3 >/dev/null; then
  [ "$(sqlite3 "$TMP/a.db" .dump | sort)" = "$(sqlite3 "$TMP/c.db" .dump | sort)" ] ||
    fail "a.db and c.db differ"
fi

# A target that holds data is refused and left as it was.
run migrate --study "$study" --from "$a" --to "$b"
expect_rc 2
expect_err "the target database is not empty (table study_wave holds 2 row(s))"
snapshot b2 "$b"
diff "$TMP/b-2023.csv" "$TMP/b2-2023.csv" >/dev/null || fail "the refused target changed"

# The study's own database is the default source.
cp "$TMP/a.db" "$study/samen.db"
run migrate --study "$study" --to "sqlite:$TMP/d.db"
expect_rc 0
expect_out "354 response(s)"

# Usage errors.
run migrate --study "$study" --from "$a"
expect_rc 2
expect_err "--to needs the URL of the database to copy into"
run migrate --study "$study" --from "$a" --to "$a"
expect_rc 2
expect_err "--from and --to name the same database"
run migrate --study "$study" --from "sqlite:$TMP/none.db" --to "sqlite:$TMP/e.db"
expect_rc 2
expect_err "there is no database at '$TMP/none.db'"
run migrate --study "$study" --from "$a" --to "mysql://localhost/x"
expect_rc 2
expect_err "unknown database URL"
run migrate --study "$TMP/nowhere" --to "sqlite:$TMP/e.db"
expect_rc 2
expect_err "not a study directory"
echo "1 passed, 0 failed"
