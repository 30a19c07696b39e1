# samen network: the command-line contract (metrics JSON), check with
# file:line:column and exit 2, compare (ster -> netwerk), GraphML export and
# import (round trip, and a file written by igraph), REFI-QDA export valid
# against the QDA-XML schema, usage errors.
source "$(dirname "$0")/lib.bash"
N="$SRC/examples/image/networks"

# ---- metrics: the contract of MISSION.md ----------------------------------------
run network metrics "$N/figuur-10-P-huidig.yaml" --format json
expect_rc 0
/usr/bin/python3 -c '
import json, sys
d = json.loads(sys.argv[1])
for k in ("parties", "ties", "density", "degree_centralization", "betweenness_centralization", "class"):
    assert k in d, k
assert d["parties"] == 8 and d["ties"] == 9, d
assert d["class"] == "star", d["class"]
assert abs(d["density"] - 9 / 28) < 1e-12, d["density"]
assert d["classification"]["hub"] == "expertisepunt", d["classification"]
assert set(d["by_type"]) == {"contact", "decision", "initiative"}
' "$OUT" || fail "bad metrics JSON: $OUT"
run network metrics "$N/figuur-06-C-binnen-po.yaml" --format json
expect_rc 0
/usr/bin/python3 -c 'import json,sys; d=json.loads(sys.argv[1]); assert d["class"] == "network", d["class"]' "$OUT" \
  || fail "Figuur 6 is not a network: $OUT"
run network metrics "$N/figuur-04-I-po-vo.yaml"
expect_rc 0
expect_out "isolated parties: 1 (Leerling)"
expect_out "structure: chain"

# ---- check ----------------------------------------------------------------------------
run network check --study "$SRC/examples/image" "$N"/*.yaml
expect_rc 0
expect_out "figuur-10-P-huidig.yaml: valid (8 parties, 1 groups, 9 ties)"

head='format: 1
id: bad
region: P
wave: 2023
meeting: m
variant: current
parties:
  - {id: a, label: A, kind: school}
  - {id: b, label: B, kind: school}'
printf '%s\nties:\n  - {type: contact, between: [a, zz]}\n' "$head" > "$TMP/unknown-party.yaml"
run network check "$TMP/unknown-party.yaml"
expect_rc 2
expect_err "unknown-party.yaml:11:34: unknown party 'zz' (not in parties)"
printf '%s\nties:\n  - {type: gossip, from: a, to: b}\n' "$head" > "$TMP/unknown-type.yaml"
run network metrics "$TMP/unknown-type.yaml" --format json
expect_rc 2
expect_err "unknown-type.yaml:11:12: unknown tie type 'gossip' (one of: contact, decision, initiative)"
printf '%s\n  - {id: a, label: Again, kind: gemeente}\n' "$head" > "$TMP/duplicate.yaml"
run network draw "$TMP/duplicate.yaml" --out "$TMP/x.svg"
expect_rc 2
expect_err "duplicate.yaml:10:10: duplicate party id 'a' (first at line 8)"
[ ! -e "$TMP/x.svg" ] || fail "a drawing was written for a bad file"
run network check "$TMP/nope.yaml"
expect_rc 2
expect_err "cannot open the file"
sed 's/region: P/region: Z/' "$N/figuur-10-P-huidig.yaml" > "$TMP/other-region.yaml"
run network check --study "$SRC/examples/image" "$TMP/other-region.yaml"
expect_rc 2
expect_err "other-region.yaml:9:9: region 'Z' is neither a region code nor a po-vo pair"

# ---- compare ----------------------------------------------------------------------------
run network compare "$N/figuur-10-P-huidig.yaml" "$N/figuur-10-P-gewenst.yaml" --format json --lang nl
expect_rc 0
/usr/bin/python3 -c '
import json, sys
d = json.loads(sys.argv[1])
assert d["class_from"] == "star" and d["class_to"] == "network", d
assert d["class_change"] == "ster \u2192 netwerk", d["class_change"]
t = d["ties"]
assert t["all"]["kept"] + t["all"]["removed"] == d["a"]["ties"]
assert t["all"]["kept"] + t["all"]["added"] == d["b"]["ties"]
assert len(d["changes"]) == t["all"]["added"] + t["all"]["removed"]
assert 0 < d["distance"] < 1
assert d["delta"]["degree_centralization"] < 0
' "$OUT" || fail "bad compare JSON: $OUT"
run network compare "$N/figuur-10-P-huidig.yaml" "$N/figuur-10-P-gewenst.yaml" --lang nl
expect_rc 0
expect_out "ster → netwerk"

# ---- GraphML round trip -------------------------------------------------------------------
for f in "$N"/*.yaml; do
  base=$(basename "$f" .yaml)
  run network export "$f" --format graphml --out "$TMP/$base.graphml"
  expect_rc 0
  run network import "$TMP/$base.graphml" --out "$TMP/$base.back.yaml"
  expect_rc 0
  run network metrics "$f" --format json
  a=$OUT
  run network metrics "$TMP/$base.back.yaml" --format json
  [ "$a" = "$OUT" ] || fail "$base: metrics changed after export and import"
  run network export "$TMP/$base.back.yaml" --format graphml --out "$TMP/$base.again.graphml"
  cmp -s "$TMP/$base.graphml" "$TMP/$base.again.graphml" || fail "$base: GraphML changed after a round trip"
done

# A GraphML file written by igraph (no samen keys): the header comes from options.
/usr/bin/python3 -c '
import igraph as ig, sys
g = ig.Graph([(0, 1), (1, 2), (2, 0), (2, 3)], directed=False)
g.vs["name"] = ["School A", "Gemeente", "Jeugdhulp", "Ouders"]
g.write_graphml(sys.argv[1])
' "$TMP/igraph.graphml" || fail "igraph could not write GraphML"
run network import "$TMP/igraph.graphml" --out "$TMP/igraph.yaml"
expect_rc 2
expect_err "the drawing needs a region"
expect_err "--region"
run network import "$TMP/igraph.graphml" --out "$TMP/igraph.yaml" --id from-igraph --region P \
  --wave 2023 --meeting "reflectiebijeenkomst 2023 P" --variant desired
expect_rc 0
run network metrics "$TMP/igraph.yaml" --format json
expect_rc 0
/usr/bin/python3 -c '
import json, sys
d = json.loads(sys.argv[1])
assert d["parties"] == 4 and d["ties"] == 4 and d["variant"] == "desired", d
assert d["by_type"]["contact"]["ties"] == 4, d
' "$OUT" || fail "igraph import: $OUT"
printf '<graphml><graph>\n  <node id="a"/>\n  <edge source="a" target="b"/>\n</graph></graphml>\n' > "$TMP/bad.graphml"
run network import "$TMP/bad.graphml" --out "$TMP/bad.yaml" --region P --wave 2023 --meeting m --id x
expect_rc 2
expect_err "bad.graphml:3:3: edge from 'a' to 'b': unknown node 'b'"

# ---- REFI-QDA --------------------------------------------------------------------------------
run network export "$N/figuur-10-P-huidig.yaml" --format refi --out "$TMP/project.qde"
expect_rc 0
xsd=""
for c in "$SRC/../shared/refi-qda/Project-mrt2019.xsd" /work/shared/refi-qda/Project-mrt2019.xsd; do
  [ -f "$c" ] && xsd=$c && break
done
if [ -n "$xsd" ] && command -v xmllint >/dev/null; then
  xmllint --noout --schema "$xsd" "$TMP/project.qde" 2>"$TMP/xmllint.err" \
    || fail "REFI-QDA export does not validate: $(cat "$TMP/xmllint.err")"
else
  echo "note: Project-mrt2019.xsd or xmllint not found; schema validation skipped"
fi
/usr/bin/python3 -c '
import sys, xml.etree.ElementTree as ET
ns = {"q": "urn:QDA-XML:project:1.0"}
g = ET.parse(sys.argv[1]).getroot().find("q:Graphs/q:Graph", ns)
v = g.findall("q:Vertex", ns); e = g.findall("q:Edge", ns)
assert len(v) == 9 and len(e) == 9, (len(v), len(e))
guids = {x.get("guid") for x in v}
assert all(x.get("sourceVertex") in guids and x.get("targetVertex") in guids for x in e)
assert {x.get("color") for x in e} == {"#D62728", "#2CA02C", "#1F5FBF"}
' "$TMP/project.qde" || fail "REFI-QDA graph content"

# ---- usage ----------------------------------------------------------------------------------
run network
expect_rc 2
run network frobnicate x
expect_rc 2
expect_err "unknown action 'frobnicate'"
run network metrics
expect_rc 2
run network metrics "$N/figuur-10-P-huidig.yaml" --format xml
expect_rc 2
run network export "$N/figuur-10-P-huidig.yaml" --format pdf --out "$TMP/x"
expect_rc 2
expect_err "--format is graphml or refi"
run network compare "$N/figuur-10-P-huidig.yaml"
expect_rc 2
run network --help
expect_rc 0
expect_out "samen network ACTION"
echo "1 passed, 0 failed"
