# samen report on the example study: (a) tidy finds no errors in index.html;
# (b) a region name with markup appears only escaped; (c) every table id of
# the definition is in the page, every SVG parses, has a <title>, and its
# values and value labels are its table's numbers; (d) headless Chromium
# renders the page (screenshot artifact in the build directory) and its DOM
# holds the tables; (e) no JavaScript console message or uncaught error in
# index.html or infographic.html (tests/browser/console.sh, checked first on
# a page that does log); (f) every chart and drawing has a PNG beside its
# SVG, with the PNG signature and the SVG's size in pixels; (g) the
# infographic's numbers are those of `samen tables --format json` and the
# study, tidy finds no errors, the findings file is used, escaped, optional
# and validated; the region report and the command's errors.
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
for f in index.html infographic.html tabellen.xlsx tabellen.csv charts/F1.svg charts/F13.svg \
         charts/F1.png; do
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

# (e) the JavaScript console: the check must see a page that logs, then
# both pages must be silent
printf '%s\n' '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><p>t</p>' \
  '<script>console.log("planted"); throw new Error("planted");</script></body></html>' > "$TMP/noisy.html"
set +e
bash "$SRC/tests/browser/console.sh" "$TMP/noisy.html" > "$TMP/console" 2>&1
crc=$?
set -e
[ $crc -eq 1 ] && grep -q "planted" "$TMP/console" && grep -q "Uncaught" "$TMP/console" ||
  { cat "$TMP/console"; fail "console.sh does not see console messages ($crc)"; }
for page in index.html infographic.html; do
  set +e
  bash "$SRC/tests/browser/console.sh" "$out/$page" > "$TMP/console" 2>&1
  crc=$?
  set -e
  [ $crc -eq 0 ] || { cat "$TMP/console"; fail "$page: console messages or chromium failed ($crc)"; }
done

# (f) PNG beside every SVG: signature and size in pixels (96 per inch)
"$PY" - "$out/charts" <<'PYEOF' || fail "the chart PNGs do not match their SVGs"
import math, os, re, struct, sys, xml.etree.ElementTree as ET
d = sys.argv[1]
svgs = sorted(f for f in os.listdir(d) if f.endswith(".svg"))
assert len(svgs) >= 8, svgs
UNIT = {"": 1.0, "px": 1.0, "pt": 96 / 72, "in": 96.0, "mm": 96 / 25.4, "cm": 96 / 2.54}
def px(v):
    m = re.fullmatch(r"\s*([0-9.]+)\s*([a-z]*)\s*", v)
    return float(m.group(1)) * UNIT[m.group(2)]
for f in svgs:
    png = os.path.join(d, f[:-4] + ".png")
    assert os.path.isfile(png), png
    head = open(png, "rb").read(33)
    assert head[:8] == b"\x89PNG\r\n\x1a\n", (png, head[:8])
    assert head[12:16] == b"IHDR", png
    w, h = struct.unpack(">II", head[16:24])
    root = ET.parse(os.path.join(d, f)).getroot()
    sw, sh = px(root.get("width")), px(root.get("height"))
    assert (w, h) == (math.ceil(sw - 1e-6), math.ceil(sh - 1e-6)), (f, (w, h), (sw, sh))
print("checked", len(svgs), "PNGs")
PYEOF

# (g) the infographic: numbers from the tables and the study, tidy, findings
set +e
tidy -errors -q "$out/infographic.html" > "$TMP/tidy" 2>&1
trc=$?
set -e
[ $trc -lt 2 ] || { cat "$TMP/tidy"; fail "tidy found errors in infographic.html"; }
"$PY" - "$out/infographic.html" "$TMP/t.json" "$SRC/examples/image" <<'PYEOF' || fail "the infographic's numbers are not the tables'"
import csv, glob, html as H, json, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
tj = json.load(open(sys.argv[2]))
ex = sys.argv[3]
T = {t["id"]: t for t in tj["tables"]}
def cell(tid, row, col):
    t = T[tid]
    k = t["column_ids"].index(col)
    return next(r["cells"][k] for r in t["rows"] if r["id"] == row)
got = {}
for m in re.finditer(r'data-key="([^"]*)" data-value="([^"]*)">([^<]*)<', page):
    got[H.unescape(m.group(1))] = (float(m.group(2)), m.group(3))
def half_up(x):
    return int(x + 0.5)
schools = sum(1 for _ in csv.DictReader(open(ex + "/schools.csv", encoding="utf-8")))
valid = cell("T2", "vragenlijst", "n")
meetings = sum(1 for f in glob.glob(ex + "/networks/*.yaml")
               if re.search(r"^wave: *%d *$" % tj["wave"], open(f, encoding="utf-8").read(), re.M))
want = {"wave": tj["wave"], "schools": schools, "reactions": cell("T2", "reacties", "n"),
        "valid": valid, "rate": half_up(100 * valid / schools),
        "partnerships": cell("T1", "total", "n"),
        "situations": sum(1 for r in T["T1"]["rows"] if r["id"] != "total"),
        "meetings": meetings, "satisfaction-mean": cell("T6", "total", "mean")}
for r in T["T3"]["rows"]:
    want["share-" + r["id"]] = half_up(100 * cell("T3", r["id"], "1") / cell("T3", r["id"], "total"))
codes = [r["id"] for r in T["B12"]["rows"] if r["id"].isdigit()]
lo, hi = min(map(int, codes)), max(map(int, codes))
for w in T["B12"]["waves"]:
    n = [cell("B12", c, "%d.count" % w) for c in codes]
    up = [cell("B12", c, "%d.count" % w) for c in codes if 2 * int(c) > lo + hi]
    want["satisfied-%d" % w] = half_up(100 * sum(up) / sum(n))
top = sorted((r for r in T["T5"]["rows"] if not r["id"].endswith(("geen", "weetniet"))),
             key=lambda r: -cell("T5", r["id"], "pct"))[:3]
for r in top:
    want["result-" + r["id"]] = cell("T5", r["id"], "pct")
# the numbers the brief names, as a check on the check
assert (want["valid"], want["reactions"], want["rate"]) == (239, 283, 17), want
assert set(got) == set(want), (sorted(set(got) ^ set(want)))
for k, v in want.items():
    assert abs(got[k][0] - v) < 1e-9, (k, got[k], v)
    shown = float(got[k][1].rstrip("%").replace(",", "."))
    assert abs(shown - v) < 1e-9, (k, got[k], v)
for s in ["Wat werkt bevorderend?", "Wat werkt belemmerend?", "Wat is nodig voor een goede samenwerking?",
          "Aanbevelingen voor een goede samenwerking", "Wederzijds vertrouwen, gelijkheid en bereidheid",
          "Nasleep van corona", "Blijf het gesprek voeren over borging en leg zaken vast in beleid.",
          "Bevindingen van de onderzoekers, meting 2023"]:
    assert s in page, s
assert "<script" not in page.lower()
print("checked", len(want), "infographic numbers")
PYEOF

# (g) findings: escaped; another wave or no file leaves the sections out;
# a broken file is an error with its position
cp "$SRC/examples/image/reports/findings.yaml" "$study/reports/findings.yaml"
sed -i 's|  - "Nasleep van corona"|  - "<b>Nasleep</b> \& corona"|' "$study/reports/findings.yaml"
run report --study "$study" "$(db_args "$study")" --wave 2023 --out "$TMP/f1"
expect_rc 0
grep -q "&lt;b&gt;Nasleep&lt;/b&gt; &amp; corona" "$TMP/f1/infographic.html" || fail "findings not escaped"
! grep -q "<b>Nasleep" "$TMP/f1/infographic.html" || fail "unescaped markup from findings.yaml"
sed -i 's|^wave: 2023|wave: 2022|' "$study/reports/findings.yaml"
run report --study "$study" "$(db_args "$study")" --wave 2023 --out "$TMP/f2"
expect_rc 0
! grep -q "Wat werkt bevorderend" "$TMP/f2/infographic.html" || fail "findings of 2022 shown for 2023"
grep -q 'data-key="valid" data-value="239"' "$TMP/f2/infographic.html" || fail "numbers missing without findings"
rm "$study/reports/findings.yaml"
run report --study "$study" "$(db_args "$study")" --wave 2023 --out "$TMP/f3"
expect_rc 0
! grep -q "Aanbevelingen" "$TMP/f3/infographic.html" || fail "findings without a findings file"
grep -q 'data-key="rate" data-value="17"' "$TMP/f3/infographic.html" || fail "numbers missing without a findings file"
printf 'format: 1\nwave: 2023\npromoting: "not a list"\n' > "$study/reports/findings.yaml"
run report --study "$study" "$(db_args "$study")" --wave 2023 --out "$TMP/f4"
expect_rc 2
expect_err "findings.yaml:3"
rm "$study/reports/findings.yaml"

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
