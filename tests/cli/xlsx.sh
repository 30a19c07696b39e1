# samen export --format xlsx: the data sheet holds the same data as the CSV
# export (read back from the zip with Python's zipfile and ElementTree, and
# with LibreOffice when it is installed); texts that look like formulas are
# string cells, never formulas; the header is frozen and the columns sized;
# the codebook sheet describes every variable with its routing.
source "$(dirname "$0")/lib.bash"
study=$(example_study)
"$GEN" "$study" 2023 2023 > "$TMP/r2023.csv"
run import --study "$study" --wave 2023 "$TMP/r2023.csv"
expect_rc 0
# Open answers that a spreadsheet would run, from schools without a response.
awk -F, 'FNR == NR { used[$1] = 1; next } FNR > 1 && !($1 in used) && $4 == "A" { print $1 }' \
  "$TMP/r2023.csv" "$study/schools.csv" | head -6 > "$TMP/free"
texts=('=HYPERLINK("http://x.example","klik")' '+31 6 1234' '-2+3' '@SUM(A1)' 'Café en crèche' 'gewoon antwoord')
printf 'brin,toestemming,samenwerking,reden_anders,reden_anders_tekst\n' > "$TMP/text.csv"
i=0
while read -r brin; do
  t=${texts[$i]//\"/\"\"}
  printf '%s,1,3,1,"%s"\n' "$brin" "$t" >> "$TMP/text.csv"
  i=$((i + 1))
done < "$TMP/free"
run import --study "$study" --wave 2023 "$TMP/text.csv"
expect_rc 0
expect_out "imported 6 response(s)"

run export --study "$study" --wave 2023 --format csv --out "$TMP/export.csv"
expect_rc 0
run export --study "$study" --wave 2023 --format xlsx --out "$TMP/x.xlsx"
expect_rc 0
expect_out "wrote 245 row(s) of wave 2023 to $TMP/x.xlsx (pseudonymised)"
! ls "$TMP"/x.xlsx.tmp-* >/dev/null 2>&1 || fail "a temporary file was left behind"

/usr/bin/python3 - "$TMP/x.xlsx" "$TMP/export.csv" <<'PY' || fail "the workbook differs from the CSV export"
import csv, re, sys, zipfile
import xml.etree.ElementTree as ET
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
z = zipfile.ZipFile(sys.argv[1])
def strings():
    if "xl/sharedStrings.xml" not in z.namelist():
        return []
    root = ET.fromstring(z.read("xl/sharedStrings.xml"))
    return ["".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])) for si in root.findall("m:si", NS)]
shared = strings()
def col_index(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1
def sheet(path):
    raw = z.read(path)
    assert b"<f>" not in raw and b"<f " not in raw, "a formula in " + path
    root = ET.fromstring(raw)
    grid = []
    for row in root.find("m:sheetData", NS).findall("m:row", NS):
        cells = {}
        for c in row.findall("m:c", NS):
            t = c.get("t")
            if t == "s":
                cells[col_index(c.get("r"))] = ("s", shared[int(c.find("m:v", NS).text)])
            elif t == "inlineStr":
                cells[col_index(c.get("r"))] = ("s", "".join(x.text or "" for x in c.iter("{%s}t" % NS["m"])))
            else:
                v = c.find("m:v", NS)
                cells[col_index(c.get("r"))] = ("n", v.text if v is not None else "")
        width = max(cells) + 1 if cells else 0
        grid.append([cells.get(i, ("", "")) for i in range(width)])
    return root, grid

wb = ET.fromstring(z.read("xl/workbook.xml"))
names = [s.get("name") for s in wb.find("m:sheets", NS)]
assert names == ["data", "codeboek"], names
root, grid = sheet("xl/worksheets/sheet1.xml")
pane = root.find("m:sheetViews/m:sheetView/m:pane", NS)
assert pane is not None and pane.get("state") == "frozen" and pane.get("ySplit") == "1", "header not frozen"
cols = root.find("m:cols", NS)
assert cols is not None and len(cols) > 100, "no column widths"
assert all(4 <= float(c.get("width")) <= 51 for c in cols), "odd column widths"

def defuse(t):
    return "'" + t if t[:1] in ("=", "+", "-", "@", "\t", "\r") else t
rows = list(csv.reader(open(sys.argv[2], encoding="utf-8")))
assert len(grid) == len(rows), (len(grid), len(rows))
formulas = 0
for r, (want, have) in enumerate(zip(rows, grid)):
    have = have + [("", "")] * (len(want) - len(have))
    assert len(have) == len(want), (r, len(have), len(want))
    for c, (w, (kind, v)) in enumerate(zip(want, have)):
        if kind == "n":
            assert w != "" and float(w) == float(v), (r, c, w, v)
        elif kind == "s":
            assert defuse(v) == w, (r, c, w, v)
            formulas += v[:1] in ("=", "+", "-", "@")
        else:
            assert w == "", (r, c, w)
assert formulas == 4, formulas
# The HYPERLINK answer is a string cell.
raw = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
idx = shared.index('=HYPERLINK("http://x.example","klik")')
assert re.search(r'<c r="[A-Z]+\d+" t="s"><v>%d</v></c>' % idx, raw), "HYPERLINK is not a string cell"

# The codebook sheet: one row per column of the data sheet, with routing.
_, book = sheet("xl/worksheets/sheet2.xml")
head = [v for _, v in book[0]]
assert head == ["variabele", "label", "vraag", "type", "waarden", "ontbrekend", "routering", "meetniveau"], head
assert [row[0][1] for row in book[1:]] == rows[0], "codebook rows differ from the data columns"
by = {row[0][1]: [v for _, v in row] + [""] * (8 - len(row)) for row in book[1:]}
assert by["doel_maatwerk"][6] == "samenwerking == 1", by["doel_maatwerk"]
assert by["kenm_leerlingen"][5] == "9 = Ik weet het niet", by["kenm_leerlingen"]
assert by["samenwerking"][4].startswith("1 = Mijn school werkt samen"), by["samenwerking"]
assert by["reden_anders_tekst"][6] == "samenwerking in [2, 3] and reden_anders == 1", by["reden_anders_tekst"]
print("checked", len(rows), "rows and", len(book) - 1, "codebook entries")
PY

# LibreOffice reads the same data (first sheet to CSV).
command -v soffice >/dev/null 2>&1 || fail "LibreOffice is missing (scripts/bootstrap.sh installs it)"
if true; then
  mkdir -p "$TMP/lo" "$TMP/lohome"
  HOME="$TMP/lohome" timeout 120 soffice --headless --norestore --convert-to csv:"Text - txt - csv (StarCalc)":44,34,76 \
    --outdir "$TMP/lo" "$TMP/x.xlsx" >/dev/null 2>&1 || fail "LibreOffice could not convert the workbook"
  /usr/bin/python3 - "$TMP/lo/x.csv" "$TMP/export.csv" <<'PY' || fail "LibreOffice reads other data than the CSV export"
import csv, sys
lo = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
ex = list(csv.reader(open(sys.argv[2], encoding="utf-8")))
assert len(lo) == len(ex), (len(lo), len(ex))
def defuse(t):
    return "'" + t if t[:1] in ("=", "+", "-", "@", "\t", "\r") else t
for r, (a, b) in enumerate(zip(lo, ex)):
    a = a + [""] * (len(b) - len(a))
    for c, (x, y) in enumerate(zip(a, b)):
        try:
            same = float(x) == float(y)
        except ValueError:
            same = defuse(x) == y
        assert same or (x == "" and y == ""), (r, c, x, y)
print("LibreOffice: same", len(lo), "rows")
PY
fi

# Failure leaves nothing behind.
run export --study "$study" --wave 2023 --format xlsx --out "$TMP/no/such/dir/x.xlsx"
expect_rc 1
run export --study "$study" --wave 2023 --format ods --out "$TMP/x.ods"
expect_rc 2
expect_err "unknown format 'ods'"
echo "1 passed, 0 failed"
