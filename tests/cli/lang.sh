# Messages are Dutch by default and English on request (gettext).
source "$(dirname "$0")/lib.bash"
unset SAMEN_LANG
study=$(example_study)
"$GEN" "$study" 2023 2023 > "$TMP/r.csv"
run import --study "$study" --wave 2023 "$TMP/r.csv"
expect_rc 0
expect_out "279 respons(en) ingelezen in meting 2023 (40 zonder toestemming)"
run study --study "$study"
expect_rc 0
expect_out "21 regio's, 1380 scholen, 2 metingen"
expect_out "[SYNTHETISCHE DATA]"
expect_out "per situatie:"
run study --study "$study" --lang en
expect_out "21 regions, 1380 schools, 2 waves"
expect_out "[SYNTHETIC DATA]"
SAMEN_LANG=en run --help
expect_out "usage: samen COMMAND"
run --help
expect_out "gebruik: samen OPDRACHT"
run frobnicate
expect_rc 2
expect_err "samen: onbekende opdracht 'frobnicate'"
# Numbers keep the decimal point whatever the language.
run samplesize --population 4500 --margin 0.05 --confidence 0.90 --format json
expect_out '"z":1.644854'
echo "1 passed, 0 failed"
