# samen schools import: DUO's address files in both header layouts (older:
# CP1252, quoted headers with stray spaces, BRIN NUMMER + full
# VESTIGINGSNUMMER; newer: UTF-8 with BOM, INSTELLINGSCODE + 2-digit
# VESTIGINGSCODE) give the same schools; samenwerkingsverbanden decide who
# belongs to the study; contact addresses come from their own file; a
# repeated vestiging code is rejected with its line and changes nothing.
source "$(dirname "$0")/lib.bash"
F=$SRC/tests/fixtures/duo
fixture_study() {
  cp -r "$F/study" "$TMP/$1"
  mkdir -p "$TMP/$1/instruments"
  cp "$SRC/tests/fixtures/mini-instrument.yaml" "$TMP/$1/instruments/mini.yaml"
  echo "$TMP/$1"
}
old=$(fixture_study old)
new=$(fixture_study new)
run schools import --study "$old" --duo "$F/adressen-po-oud.csv" --swv "$F/swv-po.csv" --contacts "$F/contacten.csv"
expect_rc 0
expect_out "schools: 5 added, 1 updated, 1 unchanged; 7 in total"
expect_out "1 DUO school(s) of no region of the study left out"
expect_out "3 e-mail address(es) set; 1 for schools outside the study ignored"
run schools import --study "$new" --duo "$F/adressen-po-nieuw.csv" --swv "$F/swv-po.csv" --contacts "$F/contacten.csv"
expect_rc 0
expect_out "schools: 5 added, 1 updated, 1 unchanged; 7 in total"
diff "$old/schools.csv" "$new/schools.csv" || fail "the two DUO layouts give different schools"
cat > "$TMP/want.csv" <<'CSV'
brin,name,sector,region,email
90ZY00,Fictieve basisschool De Zeester,po,PO9901,directie@90zy00.example
90ZY01,"Fictieve basisschool De Zeester, locatie Duinzicht",po,PO9901,
91ZY00,Fictieve sbo De Kameleon,po,PO9901,info@91zy00.example
92ZY00,Fictieve basisschool Sint-Geërtruida,po,PO9902,
93ZY00,Fictieve school voor so De Vuurtoren,so,PO9901,
95ZY00,Fictieve basisschool 't Nieuwe Anker,po,PO9902,ib@95zy00.example
97ZY00,Fictieve basisschool Niet In DUO,po,PO9902,info@97zy00.example
CSV
diff "$TMP/want.csv" "$old/schools.csv" || fail "unexpected schools.csv"
# The study loads with its new schools.
run study --study "$old"
expect_rc 0
expect_out "3 regions, 7 schools, 1 waves"
# Importing the same files again changes nothing.
run schools import --study "$old" --duo "$F/adressen-po-nieuw.csv" --swv "$F/swv-po.csv" --contacts "$F/contacten.csv"
expect_rc 0
expect_out "schools: 0 added, 0 updated, 7 unchanged; 7 in total"
# A vo file: ONDERWIJSSTRUCTUUR makes its schools vo; membership by BRIN.
run schools import --study "$old" --duo "$F/adressen-vo.csv" --swv "$F/swv-vo.csv"
expect_rc 0
expect_out "schools: 2 added, 0 updated, 7 unchanged; 9 in total"
grep -q '^96ZY01,"Fictief Lyceum Het Baken, vmbo",vo,VO9901,$' "$old/schools.csv" || fail "vo school missing"

# A repeated vestiging code: its line, and the schools file unchanged.
before=$(sha256sum "$old/schools.csv" | cut -d' ' -f1)
run schools import --study "$old" --duo "$F/adressen-dubbel.csv" --swv "$F/swv-po.csv"
expect_rc 2
expect_err "$F/adressen-dubbel.csv:5:2: vestiging code 91ZY00 appears twice (also on line 4)"
expect_err "the schools file was not changed"
[ "$(sha256sum "$old/schools.csv" | cut -d' ' -f1)" = "$before" ] || fail "schools.csv changed"
# A bad e-mail address in the contact list: line and column, nothing changed.
printf 'VESTIGINGSCODE;EMAIL\n90ZY00;geen-adres\n' > "$TMP/badmail.csv"
run schools import --study "$old" --duo "$F/adressen-po-oud.csv" --swv "$F/swv-po.csv" --contacts "$TMP/badmail.csv"
expect_rc 2
expect_err "$TMP/badmail.csv:2:2: 'geen-adres' is not an e-mail address"
[ "$(sha256sum "$old/schools.csv" | cut -d' ' -f1)" = "$before" ] || fail "schools.csv changed"
# A file without the columns DUO uses.
printf 'naam;plaats\nX;Y\n' > "$TMP/nocols.csv"
run schools import --study "$old" --duo "$TMP/nocols.csv"
expect_rc 2
expect_err "no column for the BRIN code"
# Usage.
run schools import --study "$old"
expect_rc 2
expect_err "--duo FILE is required"
run schools --help
expect_rc 0
expect_out "usage: samen schools import"
echo "1 passed, 0 failed"
