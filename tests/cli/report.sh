# samen report on the example study: (a) tidy finds no errors in index.html;
# (b) a region name with markup appears only escaped; (c) every table id of
# the definition is in the page, every SVG parses, has a <title>, and its
# values and value labels are its table's numbers; (d) headless Chromium
# renders the page (screenshot artifact in the build directory) and its DOM
# holds the tables; the region report and the command's errors.
source "$(dirname "$0")/lib.bash"
PY=/usr/bin/python3
BUILD=$(cd "$(dirname "$SAMEN")/.." && pwd)
data="$SRC/examples/image/data"
study=$(example_study)
# (b) markup in a region name
sed -i 's|name: "Samenwerkingsverband A (fictief)"|name: "<script>alert(1)</script>"|' "$study/study.yaml"
grep -q "<script>alert(1)</script>" "$study/study.yaml" || fail "could not plant the region name"
for w in 2022 2023; do
  run import --study "$study" "$(db_args "$study")" --wave $w "$data/responses-$w.csv"
  expect_rc 0
done
out="$TMP/rapport"
run report --study "$study" "$(db_args "$study")" --wave 2023 --out "$out"
expect_rc 0
expect_out "index.html"
for f in index.html tabellen.xlsx tabellen.csv charts/F1.svg charts/F13.svg; do
  [ -s "$out/$f" ] || fail "missing $f"
done

# (a) tidy: warnings (exit 1) are allowed, errors (exit 2) are not
set +e
tidy -errors -q "$out/index.html" > "$TMP/tidy" 2>&1
trc=$?
set -e
[ $trc -lt 2 ] || { cat "$TMP/tidy"; fail "tidy found errors"; }

# (b) the planted markup only escaped
! grep -q "<script>alert(1)</script>" "$out/index.html" || fail "unescaped markup in index.html"
grep -q "&lt;script&gt;alert(1)&lt;/script&gt;" "$out/index.html" || fail "the region name is missing"
! grep -qi "<script" "$out/index.html" || fail "a script element in index.html"

# (c) table ids, SVGs and their numbers
run tables --study "$study" "$(db_args "$study")" --wave 2023 --format json
expect_rc 0
cp "$TMP/out" "$TMP/t.json"
"$PY" - "$out" "$TMP/t.json" <<'PYEOF' || fail "the report does not match its tables"
import json, os, re, sys, xml.etree.ElementTree as ET
out, tj = sys.argv[1], json.load(open(sys.argv[2]))
html = open(os.path.join(out, "index.html"), encoding="utf-8").read()
NS = "{http://www.w3.org/2000/svg}"
tables = {t["id"]: t for t in tj["tables"]}
for tid in tables:
    assert f'id="t-{tid}"' in html, tid
ids = re.findall(r' id="([^"]*)"', html)
dups = {i for i in ids if ids.count(i) > 1}
assert not dups, sorted(dups)[:5]
def num(s):
    return float(s.replace(",", ".").rstrip("%*"))
charts = [f for f in os.listdir(os.path.join(out, "charts")) if f.endswith(".svg")]
assert len(charts) >= 8, charts
checked = 0
for f in charts:
    root = ET.parse(os.path.join(out, "charts", f)).getroot()
    assert root.tag == NS + "svg", f
    title = root.find(NS + "title")
    assert title is not None and (title.text or "").strip(), f
    if f.startswith("netwerk-"):
        continue
    assert root.find(NS + "desc") is not None, f
    t = tables[f[:-4]]
    cells = set()
    for r in t["rows"]:
        for v in r["cells"]:
            if isinstance(v, (int, float)):
                cells.add(round(float(v), 6))
    for g in root.iter(NS + "g"):
        if g.get("class") != "v":
            continue
        v = round(float(g.get("data-value")), 6)
        assert v in cells, (f, v)
        for tx in g.iter(NS + "text"):
            assert round(num("".join(tx.itertext())), 6) in cells, (f, "".join(tx.itertext()))
        checked += 1
assert checked > 100, checked
# the sentence of chapter 2 comes from T3
t3 = {r["id"]: r["cells"] for r in tables["T3"]["rows"]}
assert f'{t3["po_kinderopvang"][0]} van de {t3["po_kinderopvang"][3]} bevraagde scholen werken samen' in html
print("checked", checked, "chart values")
PYEOF

# (d) Chromium: a screenshot for people to look at, and the DOM
shot="$BUILD/report-screenshot.png"
set +e
bash "$SRC/tests/browser/shot.sh" "$out/index.html" "$shot" "$TMP/dom.html"
brc=$?
set -e
[ $brc -ne 77 ] || fail "chromium is missing (scripts/bootstrap.sh installs it)"
[ $brc -eq 0 ] || fail "chromium failed ($brc)"
[ -s "$shot" ] || fail "no screenshot"
n=$(grep -o '<section class="tbl" id="t-' "$TMP/dom.html" | wc -l)
[ "$n" -eq 26 ] || fail "expected 26 tables in the DOM, got $n"
echo "screenshot: $shot"

# Region report with suppression; English
run report --study "$study" "$(db_args "$study")" --wave 2023 --out "$TMP/regio" --region A --suppress 10 --lang en
expect_rc 0
grep -q "Feedback for region A" "$TMP/regio/index.html" || fail "no region heading"
grep -q 'class="sup"' "$TMP/regio/index.html" || fail "nothing suppressed in region A"
! grep -q "<script>alert" "$TMP/regio/index.html" || fail "unescaped markup in the region report"

# Errors
run report --study "$study" "$(db_args "$study")" --wave 2023
expect_rc 2
expect_err "--out"
run report --study "$study" "$(db_args "$study")" --out "$TMP/x" --region ZZ
expect_rc 2
expect_err "ZZ"
run report --study "$study" "$(db_args "$study")" --out "$TMP/x" --lang fr
expect_rc 2
echo "1 passed, 0 failed"
