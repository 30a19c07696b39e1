# samen export --format sav|zsav and samen import FILE.sav, checked against
# GNU PSPP: labels, value labels, missing values, measurement levels and
# every frequency equal samen's own export; the .sps syntax runs in PSPP and
# defines the multiple-response sets; a round trip through .sav (and .zsav)
# gives the same CSV export; a .sav written by PSPP imports; a bad value is
# reported with its case and variable and changes nothing.
source "$(dirname "$0")/lib.bash"
command -v pspp >/dev/null || fail "pspp is not installed (scripts/bootstrap.sh deps)"
study=$(example_study)
"$GEN" "$study" 2023 2023 > "$TMP/r2023.csv"
unused_school() {
  awk -F, -v region="$1" -v skip="${2:-}" 'FNR == NR { used[$1] = 1; next }
    FNR > 1 && $4 == region && !($1 in used) && $1 != skip && !found { print $1; found = 1 }' \
    "$TMP/r2023.csv" "$study/schools.csv"
}
# Open answers with a formula, UTF-8 and a quote, as export.sh does.
brin1=$(unused_school A)
brin2=$(unused_school B)
printf 'brin,toestemming,samenwerking,reden_anders,reden_anders_tekst\n' > "$TMP/text.csv"
printf '%s,1,2,1,"=HYPERLINK(""http://x.example"")"\n' "$brin1" >> "$TMP/text.csv"
printf '%s,1,3,1,Café en crèche '"'"'t Kabouterhuis\n' "$brin2" >> "$TMP/text.csv"
run import --study "$study" --wave 2023 "$TMP/r2023.csv"
expect_rc 0
run import --study "$study" --wave 2023 "$TMP/text.csv"
expect_rc 0

run export --study "$study" --wave 2023 --format csv --out "$TMP/export.csv"
expect_rc 0
run export --study "$study" --wave 2023 --format sav --out "$TMP/x.sav"
expect_rc 0
expect_out "wrote 241 row(s) of wave 2023 to $TMP/x.sav (pseudonymised)"
expect_out "wrote SPSS syntax (labels, missing values, MRSETS) to $TMP/x.sps"
[ -s "$TMP/x.sps" ] || fail "no .sps beside the .sav"
run codebook --study "$study" --wave 2023 --format json --out "$TMP/codebook.json"
expect_rc 0

# PSPP reads the file: dictionary and every frequency, values shown as codes.
numeric=$(/usr/bin/python3 -c '
import json, sys
cb = json.load(open(sys.argv[1], encoding="utf-8"))
names = ["respondent", "region", "situation", "sector"]
names += [v["name"] for s in cb["sections"] for q in s["questions"] if q["type"] != "text"
          for v in q["variables"]]
print(" ".join(names))' "$TMP/codebook.json")
cat > "$TMP/read.sps" <<EOF
SET TNUMBERS=BOTH TVARS=NAMES.
GET FILE='$TMP/x.sav'.
SYSFILE INFO FILE='$TMP/x.sav'.
DISPLAY DICTIONARY.
FREQUENCIES VARIABLES=$numeric /STATISTICS=NONE.
EOF
(cd "$TMP" && pspp read.sps -o read.csv -O format=csv) || fail "pspp could not read the .sav"
! grep -qi '^error\|: error' "$TMP/read.csv" || fail "pspp reported errors: $(grep -i error "$TMP/read.csv" | head -3)"

/usr/bin/python3 - "$TMP/read.csv" "$TMP/export.csv" "$TMP/codebook.json" <<'PY' || fail "PSPP's view of the .sav differs from samen's export"
import csv, io, json, sys
from collections import Counter, defaultdict
pspp, export, codebook = sys.argv[1:4]

def tables(path):
    """PSPP's CSV output: {title: [rows]}, titles made unique in order."""
    out, title, rows = [], None, []
    for line in open(path, encoding="utf-8").read().split("\n\n"):
        lines = line.strip("\n")
        if not lines.startswith("Table: "):
            continue
        head, _, body = lines.partition("\n")
        out.append((head[len("Table: "):], list(csv.reader(io.StringIO(body)))))
    return out

def cut(s, n):
    return s.encode("utf-8")[:n].decode("utf-8", "ignore")

def num(s):
    return float(s.split(" ")[0].replace("[a]", ""))

t = tables(pspp)
info = dict((r[0], r[1]) for title, rows in t if title == "File Information" for r in rows if len(r) > 1)
assert "synthetisch" in info["Label"], info["Label"]
assert info["Encoding"] == "UTF-8", info["Encoding"]
assert int(info["Cases"]) == 241, info["Cases"]

variables = {}
for title, rows in t:
    if title == "Variables":
        for r in rows[1:]:
            if len(r) < 10:
                continue
            variables[r[0]] = {"label": r[2], "level": r[3], "missing": r[9]}
labels, missing_flag = defaultdict(dict), defaultdict(set)
for title, rows in t:
    if title == "Value Labels":
        var = None
        for r in rows[1:]:
            if len(r) < 3:
                continue  # the footnote
            if r[0]:
                var = r[0]
            labels[var][num(r[1])] = r[2]
            if "[a]" in r[1]:
                missing_flag[var].add(num(r[1]))

cb = json.load(open(codebook, encoding="utf-8"))
levels = {"nominal": "Nominal", "ordinal": "Ordinal", "scale": "Scale"}
checked = 0
for sec in cb["sections"]:
    for q in sec["questions"]:
        for v in q["variables"]:
            name = v["name"]
            got = variables[name]
            assert got["label"] == cut(v["label"], 256), (name, got["label"])
            assert got["level"] == levels[v["measure"]], (name, got["level"])
            if q["type"] == "text":
                continue
            want_missing = set(float(m) for m in v["missing"])
            have_missing = set(float(x) for x in got["missing"].replace(";", ",").split(",") if x.strip())
            assert have_missing == want_missing, (name, got["missing"], want_missing)
            assert missing_flag[name] == want_missing, (name, missing_flag[name])
            want_labels = {float(x["code"]): cut(x["label"], 120) for x in v["values"]}
            assert labels[name] == want_labels, (name, labels[name], want_labels)
            checked += 1
assert checked > 100, checked
assert labels["region"][1.0] == "A" and labels["situation"][3.0] == "Samenwerking binnen po"

# Every frequency against the CSV export (codes; '.' is system-missing).
rows = list(csv.DictReader(open(export, encoding="utf-8")))
situations = ["po_kinderopvang", "po_vo", "binnen_po", "binnen_vo", "vso_vo", "onderwijs_jeugdhulp"]
sectors = ["po", "vo", "so", "vso"]
regions = {lab: code for code, lab in labels["region"].items()}
def code_of(var, cell):
    if cell == "":
        return "sysmis"
    if var == "region":
        return regions[cell]
    if var == "situation":
        return float(situations.index(cell) + 1)
    if var == "sector":
        return float(sectors.index(cell) + 1)
    return float(cell)
freqs = 0
for title, trows in t:
    if title not in variables:
        continue
    have = Counter()
    for r in trows[1:]:
        if len(r) < 3 or r[0] == "Total":
            continue
        have["sysmis" if r[1] == "." else num(r[1])] += int(r[2])
    want = Counter(code_of(title, row[title]) for row in rows)
    assert have == want, (title, have, want)
    freqs += 1
assert freqs >= 120, freqs
print("checked", checked, "dictionaries and", freqs, "frequency tables")
PY

# The .sps runs in PSPP and defines the multiple-response sets.
cat > "$TMP/mr.sps" <<EOF
GET FILE='$TMP/x.sav'.
INCLUDE FILE='$TMP/x.sps'.
MRSETS /DISPLAY NAME=ALL.
EOF
(cd "$TMP" && pspp mr.sps -o mr.csv -O format=csv) || fail "pspp could not run the .sps"
! grep -qi 'error\|warning' "$TMP/mr.csv" || fail "the .sps gave errors: $(grep -i 'error\|warning' "$TMP/mr.csv" | head -3)"
/usr/bin/python3 - "$TMP/mr.csv" "$TMP/codebook.json" <<'PY' || fail "MRSETS differ from the tick-all questions"
import csv, io, json, sys
text = open(sys.argv[1], encoding="utf-8").read()
body = text.split("Table: Multiple Response Sets\n", 1)[1]
sets = {}
for r in list(csv.reader(io.StringIO(body)))[1:]:
    if len(r) >= 5 and r[0].startswith("$"):
        sets[r[0]] = (r[2], r[3], r[4].split("\n"))
cb = json.load(open(sys.argv[2], encoding="utf-8"))
want = {"$" + q["id"]: [v["name"] for v in q["variables"]]
        for s in cb["sections"] for q in s["questions"] if q["type"] == "multi"}
assert set(sets) == set(want), (sorted(sets), sorted(want))
for name, members in want.items():
    enc, value, got = sets[name]
    assert enc == "Dichotomies" and value == "1" and got == members, (name, sets[name])
print(len(sets), "multiple-response sets")
PY

# Round trip with school ids, through .sav and .zsav: the same CSV export.
run export --study "$study" --wave 2023 --format csv --out "$TMP/ids.csv" --with-school-ids
expect_rc 0
for fmt in sav zsav; do
  run export --study "$study" --wave 2023 --format $fmt --out "$TMP/ids.$fmt" --with-school-ids
  expect_rc 0
  fresh=$TMP/fresh-$fmt
  cp -r "$SRC/examples/image" "$fresh"
  rm -f "$fresh"/samen.db*
  run import --study "$fresh" --wave 2023 "$TMP/ids.$fmt"
  expect_rc 0
  expect_out "imported 241 response(s) into wave 2023 (0 refused consent)"
  run export --study "$fresh" --wave 2023 --format csv --out "$TMP/ids-$fmt.csv" --with-school-ids
  expect_rc 0
  diff "$TMP/ids.csv" "$TMP/ids-$fmt.csv" || fail "round trip through .$fmt differs"
done
head -c 4 "$TMP/ids.zsav" | grep -q '\$FL3' || fail ".zsav is not a compressed system file"
# Regions are read by their value labels, so a study whose regions were
# reordered since the export still gets each school's region right.
reordered=$TMP/reordered
cp -r "$SRC/examples/image" "$reordered"
rm -f "$reordered"/samen.db*
/usr/bin/python3 - "$reordered/study.yaml" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
head, rest = text.split("regions:\n", 1)
body, tail = rest.split("schools:", 1)
blocks = re.split(r"(?m)^(?=  - code:)", body)
blocks = [b for b in blocks if b.strip()]
open(sys.argv[1], "w", encoding="utf-8").write(head + "regions:\n" + "".join(reversed(blocks)) + "schools:" + tail)
PY
run import --study "$reordered" --wave 2023 "$TMP/ids.sav"
expect_rc 0
run export --study "$reordered" --wave 2023 --format csv --out "$TMP/ids-reordered.csv" --with-school-ids
expect_rc 0
diff "$TMP/ids.csv" "$TMP/ids-reordered.csv" || fail "regions were not matched by their labels"
grep -qF "\"'=HYPERLINK(\"\"http://x.example\"\")\"" "$TMP/ids-sav.csv" || fail "text answer lost"
grep -qF "Café en crèche 't Kabouterhuis" "$TMP/ids-sav.csv" || fail "UTF-8 text answer lost"

# A .sav written by PSPP (DATA LIST, VALUE LABELS, MISSING VALUES) imports.
p1=$(unused_school C)
p2=$(unused_school D)
p3=$(unused_school C "$p1")
cat > "$TMP/make.sps" <<EOF
DATA LIST LIST /brin (A6) toestemming samenwerking kenm_leerlingen functie_sl.
BEGIN DATA
$p1 1 1 9 1
$p2 1 3 2 0
$p3 0 . . .
END DATA.
VARIABLE LABELS samenwerking 'Samenwerking'.
VALUE LABELS samenwerking 1 'Werkt samen' 2 'Plannen' 3 'Geen' /kenm_leerlingen 9 'Weet niet'.
MISSING VALUES kenm_leerlingen (9).
SAVE OUTFILE='$TMP/pspp.sav'.
EOF
(cd "$TMP" && pspp make.sps -o make.txt) || fail "pspp could not write a .sav"
run import --study "$study" --wave 2023 "$TMP/pspp.sav"
expect_rc 0
expect_out "imported 3 response(s) into wave 2023 (1 refused consent)"
run export --study "$study" --wave 2023 --format csv --out "$TMP/after.csv" --with-school-ids
expect_rc 0
row=$(grep "^$p1," "$TMP/after.csv")
k=$(column_of "$TMP/after.csv" kenm_leerlingen)
[ "$(echo "$row" | cut -d, -f"$k")" = 9 ] || fail "user-missing code 9 not imported as an answer: $row"

# A value outside the instrument's codes: case and variable named, nothing written.
cat > "$TMP/bad.sps" <<EOF
GET FILE='$TMP/ids.sav'.
IF (\$CASENUM = 12) samenwerking = 7.
SAVE OUTFILE='$TMP/bad.sav'.
EOF
(cd "$TMP" && pspp bad.sps -o bad.txt) || fail "pspp could not write bad.sav"
other=$TMP/other
cp -r "$SRC/examples/image" "$other"
rm -f "$other"/samen.db*
"$GEN" "$other" 2022 2022 > "$TMP/r2022.csv"
run import --study "$other" --wave 2022 "$TMP/r2022.csv"
expect_rc 0
before=$(sha256sum "$other/samen.db" | cut -d' ' -f1)
run import --study "$other" --wave 2023 "$TMP/bad.sav"
expect_rc 2
expect_err "$TMP/bad.sav: case 12, variable samenwerking: 7 is not an answer code (codes: 1, 2, 3)"
expect_err "nothing was imported"
[ "$(sha256sum "$other/samen.db" | cut -d' ' -f1)" = "$before" ] || fail "the database changed"

# Not an SPSS file; an unknown variable.
printf 'hello' > "$TMP/junk.sav"
run import --study "$other" --wave 2023 "$TMP/junk.sav"
expect_rc 2
expect_err "not an SPSS file"
cat > "$TMP/unknown.sps" <<EOF
DATA LIST LIST /brin (A6) onbekend.
BEGIN DATA
$p1 1
END DATA.
SAVE OUTFILE='$TMP/unknown.sav'.
EOF
(cd "$TMP" && pspp unknown.sps -o unknown.txt) || fail "pspp could not write unknown.sav"
run import --study "$other" --wave 2023 "$TMP/unknown.sav"
expect_rc 2
expect_err "$TMP/unknown.sav: unknown variable 'onbekend': not a variable of instrument image-2023-scholen"
[ "$(sha256sum "$other/samen.db" | cut -d' ' -f1)" = "$before" ] || fail "the database changed"
echo "1 passed, 0 failed"
