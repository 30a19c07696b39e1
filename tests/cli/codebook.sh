# samen codebook: every variable of the wave with its question text,
# placeholders per situation, codes, missing codes and routing, as JSON,
# Markdown and HTML; instrument texts are escaped (HTML, Markdown).
source "$(dirname "$0")/lib.bash"
study=$(example_study)
run codebook --study "$study" --wave 2023 --format json --out "$TMP/cb.json"
expect_rc 0
expect_out "wrote the codebook of wave 2023 to $TMP/cb.json"
"$GEN" "$study" 2023 2023 > "$TMP/r.csv"
/usr/bin/python3 - "$TMP/cb.json" "$TMP/r.csv" <<'PY' || fail "the JSON codebook is incomplete"
import json, sys
cb = json.load(open(sys.argv[1], encoding="utf-8"))
header = open(sys.argv[2], encoding="utf-8").readline().strip().split(",")[1:]
vars_ = {v["name"]: (q, v) for s in cb["sections"] for q in s["questions"] for v in q["variables"]}
assert list(vars_) == header, "variables differ from the instrument's columns"
assert cb["synthetic"] is True and cb["consent_variable"] == "toestemming"
assert set(cb["placeholders"]["partner"]) == {"po_kinderopvang", "po_vo", "binnen_po", "binnen_vo", "vso_vo", "onderwijs_jeugdhulp"}
q, v = vars_["samenwerking"]
assert "{partner}" in q["text"] and q["text_by_situation"]["po_kinderopvang"].startswith("Werkt uw school samen met de kinderopvang")
assert [x["code"] for x in v["values"]] == [1, 2, 3] and v["missing"] == []
q, v = vars_["kenm_leerlingen"]
assert v["missing"] == [9] and v["missing_text"] == "9 = Ik weet het niet" and v["measure"] == "ordinal"
q, v = vars_["doel_maatwerk"]
assert q["routing"] == "samenwerking == 1" and q["after_consent"] and q["type"] == "multi"
assert [x["label"] for x in v["values"]] == ["Niet aangekruist", "Aangekruist"]
q, v = vars_["reden_anders_tekst"]
assert q["routing"] == "samenwerking in [2, 3] and reden_anders == 1" and v["max_length"] == 500
q, v = vars_["tevr_sw"]
assert v["range"] == {"min": 1, "max": 7, "integer": True}
assert len(cb["scales"]) == 5 and cb["scales"][0]["items"][0] == "comm_1"
print(len(vars_), "variables")
PY
run codebook --study "$study" --wave 2023 --format md
expect_rc 0
expect_out "| \`kenm_leerlingen\` | Onze school heeft leerlingen met kenmerken van (hoog)begaafdheid | 1 = Niet van toepassing; 2 = Een beetje van toepassing; 3 = Erg van toepassing | 9 = Ik weet het niet | ordinaal |"
expect_out "Routering: \`samenwerking == 1\` (na toestemming)"
expect_out "| Tussen po en kinderopvang (\`po_kinderopvang\`) | de kinderopvang |"
run codebook --study "$study" --wave 2023 --format md --lang en
expect_rc 0
expect_out "Routing: \`samenwerking == 1\` (after consent)"
expect_out "| \`kenm_leerlingen\` | Our school has pupils with characteristics of giftedness |"

# Escaping: an instrument whose texts hold markup.
cp -r "$SRC/tests/fixtures/duo/study" "$TMP/esc"
mkdir -p "$TMP/esc/instruments"
sed -e 's/text: {nl: "Werkt uw school samen met {partner}?"/text: {nl: "Werkt <script>alert(\\"x\\")<\/script> \& '"'"'co'"'"' | *samen* met {partner}?"/' \
  "$SRC/tests/fixtures/mini-instrument.yaml" > "$TMP/esc/instruments/mini.yaml"
grep -q '<script>' "$TMP/esc/instruments/mini.yaml" || fail "test set-up: no markup in the instrument"
run codebook --study "$TMP/esc" --wave 2023 --format html --out "$TMP/cb.html"
expect_rc 0
! grep -q '<script>' "$TMP/cb.html" || fail "unescaped markup in the HTML codebook"
grep -qF 'Werkt &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39; | *samen* met {partner}?' "$TMP/cb.html" || fail "text not escaped as expected"
/usr/bin/python3 - "$TMP/cb.html" <<'PY' || fail "the HTML codebook does not parse"
import html.parser, sys
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.text = [], []
    def handle_starttag(self, tag, attrs):
        if tag not in ("meta", "br"):
            self.stack.append(tag)
    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, (tag, self.stack[-5:])
        self.stack.pop()
    def handle_data(self, d):
        self.text.append(d)
p = P()
p.feed(open(sys.argv[1], encoding="utf-8").read())
assert p.stack == [], p.stack
assert 'Werkt <script>alert("x")</script> & \'co\' | *samen* met {partner}?' in "".join(p.text)
PY
run codebook --study "$TMP/esc" --wave 2023 --format md
expect_rc 0
expect_out 'Werkt \<script\>alert("x")\</script\> \& '"'"'co'"'"' \| \*samen\* met {partner}?'
run codebook --study "$TMP/esc" --wave 2023 --format json
expect_rc 0
echo "$OUT" | /usr/bin/python3 -c 'import json, sys; d = json.load(sys.stdin); assert d["instrument"] == "mini"' || fail "bad JSON"

# Usage errors.
run codebook --study "$study" --wave 2023 --format pdf
expect_rc 2
expect_err "unknown format 'pdf'"
run codebook --study "$study" --wave 2030 --format md
expect_rc 2
expect_err "the study has no wave 2030"
echo "1 passed, 0 failed"
