# samen tables on the example study: the golden test against the seed
# report's published values (tests/golden/image/tables.json, placed by
# tests/oracle/tables/golden_map.json), the mutation test (one changed
# answer must fail it), the CSV for people, the .xlsx workbook, --only and
# the errors of the command and of the report definition.
source "$(dirname "$0")/lib.bash"
PY=/usr/bin/python3
ORACLE="$SRC/tests/oracle/tables"
GOLDEN="$SRC/tests/golden/image/tables.json"
data="$SRC/examples/image/data"

# import_study DIR FILE2022 FILE2023: both waves into DIR's database.
import_study() {
  run import --study "$1" "$(db_args "$1")" --wave 2022 "$2"
  expect_rc 0
  run import --study "$1" "$(db_args "$1")" --wave 2023 "$3"
  expect_rc 0
}

# golden DIR: tables of both waves as JSON, compared with the golden file;
# leaves compare.py's output in $TMP/cmp and returns its status.
golden() {
  local w
  for w in 2022 2023; do
    run tables --study "$1" "$(db_args "$1")" --wave "$w" --format json
    expect_rc 0
    cp "$TMP/out" "$TMP/t$w.json"
  done
  set +e
  "$PY" "$ORACLE/compare.py" --golden "$GOLDEN" --map "$ORACLE/golden_map.json" \
    2022="$TMP/t2022.json" 2023="$TMP/t2023.json" > "$TMP/cmp" 2>&1
  local rc=$?
  set -e
  return $rc
}

# 1. Golden: every golden cell is placed, and every one matches.
study=$(example_study)
import_study "$study" "$data/responses-2022.csv" "$data/responses-2023.csv"
golden "$study" || { cat "$TMP/cmp"; fail "the tables do not reproduce the report"; }
cat "$TMP/cmp"
grep -q "compare: 704 of 704 golden cells covered" "$TMP/cmp" || fail "expected all 704 golden cells covered"
grep -q "; 0 problem(s)" "$TMP/cmp" || fail "expected no problem"
"$PY" - "$TMP/t2023.json" <<'EOF' || fail "the JSON does not follow the contract"
import json, sys
d = json.load(open(sys.argv[1]))
ids = [t["id"] for t in d["tables"]]
want = ["T1", "T2", "T3", "T4", "T5", "T6"] + [f"B{i}" for i in range(1, 13)] + \
       ["F1"] + [f"F{i}" for i in range(11, 18)]
assert ids == want, ids
assert d["synthetic"] is True and d["wave"] == 2023
for t in d["tables"]:
    assert t["title"] and len(t["columns"]) == len(t["column_ids"]), t["id"]
    for r in t["rows"]:
        assert len(r["cells"]) == len(t["columns"]), (t["id"], r["id"])
# Wave comparisons carry caveats: Figuur 12 compares 64 with 239 schools.
f12 = next(t for t in d["tables"] if t["id"] == "F12")
assert any(c["kind"] == "size" for c in f12["caveats"]), f12["caveats"]
assert next(t for t in d["tables"] if t["id"] == "B12")["caveats"]
EOF

# 2. Mutations: one changed answer in a copy of the data, re-imported,
# makes the golden comparison fail (targeted ones, then seeded random ones).
mutant=0
mutate_and_expect_failure() { # WAVE ARGS...
  local wave=$1; shift
  mutant=$((mutant + 1))
  local dir="$TMP/mutant$mutant" src="$data/responses-$wave.csv"
  mkdir -p "$dir"
  cp -r "$SRC/examples/image/." "$dir"
  rm -f "$dir"/samen.db*
  "$PY" "$ORACLE/mutate.py" "$src" "$TMP/m.csv" "$@" > "$TMP/change"
  if [ "$wave" = 2022 ]; then
    import_study "$dir" "$TMP/m.csv" "$data/responses-2023.csv"
  else
    import_study "$dir" "$data/responses-2022.csv" "$TMP/m.csv"
  fi
  if golden "$dir"; then
    fail "changing $(cat "$TMP/change") in $wave went unnoticed"
  fi
  grep -q "^MISMATCH" "$TMP/cmp" || fail "expected a mismatch for $(cat "$TMP/change"): $(cat "$TMP/cmp")"
  echo "mutation $wave $(cat "$TMP/change"): $(grep -c '^MISMATCH' "$TMP/cmp") mismatch(es)"
}
mutate_and_expect_failure 2023 --var tevr_sw --from 7 --to 6
grep -q "MISMATCH B12 2023 \[helemaal wel tevreden\] \[N\]" "$TMP/cmp" || fail "expected the B12 count: $(cat "$TMP/cmp")"
mutate_and_expect_failure 2023 --var kenm_prioriteit --from 3 --to 2
grep -q "MISMATCH B3 2023 \[Onze school geeft prioriteit" "$TMP/cmp" || fail "expected a B3 count"
mutate_and_expect_failure 2022 --var stim_bestuur --from 1 --to 2
grep -q "MISMATCH B9 2022 \[Schoolbestuur\] \[Niet\]" "$TMP/cmp" || fail "expected a B9 count"
for seed in 11 12 13; do
  mutate_and_expect_failure 2023 --golden "$GOLDEN" --wave 2023 --seed "$seed"
done
mutate_and_expect_failure 2022 --golden "$GOLDEN" --wave 2022 --seed 21

# 3. CSV for people: a block per table, numbers with a decimal point.
run tables --study "$study" "$(db_args "$study")" --wave 2023 --format csv
expect_rc 0
expect_out "SYNTHETIC DATA"
expect_out "T3,\"School response to the questionnaire by collaboration situation and extent of collaboration, second measurement\""
expect_out ",Collaborates,Plans to collaborate,No collaboration,Total"
expect_out "Primary and secondary education,22,8,62,92"
expect_out "Total,59,37,143,239"
expect_out "Tailored education for gifted pupils,37,62.7"
expect_out "Better light support for gifted pupils,230,30,13.0"
expect_out "Special and regular education (vso-vo),3.00,3"
expect_out "Total,35,100.0,59,100.0"
expect_out "Communication,2.86,0.862,35,3.12,0.931,59"
expect_out "Caveat: 2022-2023: The waves differ strongly in size (n = 64 and n = 239"
expect_out "Primary schools,A,PO,8,8"
expect_out ",Subtotal,,17,26"
# Every block starts with an id line and ends with an empty line.
[ "$(grep -cE '^(T[1-6]|B[0-9]+|F[0-9]+),' "$TMP/out")" -eq 26 ] || fail "expected 26 table blocks"
run tables --study "$study" "$(db_args "$study")" --wave 2023 --format csv --lang nl --only B12
expect_rc 0
expect_out "B12,Aantal en percentage van door scholen gegeven antwoorden"
expect_out "Helemaal niet tevreden,1,2.9,2,3.4"
expect_out "Totaal,35,100.0,59,100.0"
expect_out "Let op: 2022-2023:"

# 4. The workbook: a sheet per table plus the contents sheet.
run tables --study "$study" "$(db_args "$study")" --wave 2023 --format xlsx --out "$TMP/tables.xlsx"
expect_rc 0
expect_out "wrote 26 table(s) of wave 2023 to $TMP/tables.xlsx"
"$PY" - "$TMP/tables.xlsx" <<'EOF' || fail "the workbook lacks its sheets"
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
book = z.read("xl/workbook.xml").decode()
names = re.findall(r'<sheet name="([^"]+)"', book)
assert names[0] == "Contents" and "B4" in names and "F17" in names and len(names) == 27, names
strings = z.read("xl/sharedStrings.xml").decode()
assert "Tabel" in strings or "Collaboration" in strings
assert "SYNTHETIC DATA" in strings
EOF
ls "$TMP" | grep -q 'tables.xlsx.tmp' && fail "a temporary workbook was left behind"
# LibreOffice (headless) opens the workbook and finds the same numbers, row by
# row, in every table's sheet as the JSON output.
command -v soffice >/dev/null || fail "LibreOffice is missing (scripts/bootstrap.sh installs it)"
mkdir -p "$TMP/lo" "$TMP/lohome"
HOME="$TMP/lohome" timeout 180 soffice --headless --norestore \
  --convert-to "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1" \
  --outdir "$TMP/lo" "$TMP/tables.xlsx" >/dev/null 2>&1 || fail "LibreOffice could not open the workbook"
run tables --study "$study" "$(db_args "$study")" --wave 2023 --format json
expect_rc 0
printf '%s\n' "$OUT" > "$TMP/tables.json"
"$PY" - "$TMP/tables.json" "$TMP/lo" <<'EOF' || fail "LibreOffice reads other numbers than samen tables --format json"
import csv, json, os, sys
tables = json.load(open(sys.argv[1]))["tables"]
checked = 0
for t in tables:
    path = os.path.join(sys.argv[2], "tables-%s.csv" % t["id"])
    rows = list(csv.reader(open(path, encoding="utf-8")))
    for r in t["rows"]:
        want = [c for c in r["cells"] if isinstance(c, (int, float)) and not isinstance(c, bool)]
        if not want:
            continue
        match = [row for row in rows if r["label"] in row[:2]]
        assert match, (t["id"], r["label"])
        got = []
        for row in match:
            vals = []
            for x in row[1:]:
                try:
                    vals.append(float(x))
                except ValueError:
                    pass
            got.append(vals)
        assert any(all(any(abs(w - g) < 1e-9 for g in vals) for w in want) for vals in got), \
            (t["id"], r["label"], want, got)
        checked += len(want)
assert checked > 500, checked
print("LibreOffice: %d numbers in %d sheets agree" % (checked, len(tables)))
EOF

# 5. --only and --out.
run tables --study "$study" "$(db_args "$study")" --wave 2023 --only B4,T3 --out "$TMP/two.json"
expect_rc 0
"$PY" -c "import json,sys; d=json.load(open(sys.argv[1])); assert [t['id'] for t in d['tables']] == ['T3','B4']" "$TMP/two.json" ||
  fail "--only B4,T3 should give T3 and B4 in definition order"

# 6. Errors of the command.
run tables --study "$study" "$(db_args "$study")" --wave 2023 --only B4,X99
expect_rc 2
expect_err "has no table 'X99'"
run tables --study "$study" "$(db_args "$study")" --wave 2030
expect_rc 2
expect_err "the study has no wave 2030"
run tables --study "$study" "$(db_args "$study")" --wave 2023 --format pdf
expect_rc 2
expect_err "--format is json, csv or xlsx"
run tables --study "$study" "$(db_args "$study")" --wave 2023 --format xlsx
expect_rc 2
expect_err "give --out FILE"
run tables --study "$study" "$(db_args "$study")"
expect_rc 2
expect_err "--wave is required"
run tables --study "$study" "$(db_args "$study")" --wave 2023 --only ","
expect_rc 2

# 7. Errors of the definition name file:line:column, the table and the name.
def="$study/reports/image.yaml"
cp "$def" "$TMP/good.yaml"
line=$(grep -n '    var: samenwerking' "$def" | head -1 | cut -d: -f1)
sed -i "${line}s/var: samenwerking/var: samenwerkng/" "$def"
run tables --study "$study" "$(db_args "$study")" --wave 2023
expect_rc 2
expect_err "image.yaml:$line:10: table T3: unknown variable 'samenwerkng'"
cp "$TMP/good.yaml" "$def"
sed -i 's/    stat: mr_count/    stat: mr_cnt/' "$def"
run tables --study "$study" "$(db_args "$study")" --wave 2023
expect_rc 2
expect_err "table B2: unknown statistic 'mr_cnt'"
cp "$TMP/good.yaml" "$def"
sed -i 's/filter: "samenwerking in \[1, 2\]"/filter: "samenwerking in [1, 2"/' "$def"
run tables --study "$study" "$(db_args "$study")" --wave 2023
expect_rc 2
expect_err "table B11: in filter: expected ',' or ']'"
cp "$TMP/good.yaml" "$def"
run tables --study "$study" "$(db_args "$study")" --wave 2023 --definition "$TMP/missing.yaml"
expect_rc 2
expect_err "cannot open the report definition"
echo "1 passed, 0 failed"
