#!/usr/bin/env bash
# The main job on the bundled example study (make run): copy examples/image
# to a scratch directory, import its synthetic responses for both waves
# (examples/image/data, made by samen-gen-image) into SQLite, write the
# analysis file, and show the study with its response per region.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
samen="$build/app/samen"
work="$build/run/image"

rm -rf "$work"
mkdir -p "$(dirname "$work")"
cp -r examples/image "$work"
rm -f "$work"/samen.db*

echo "== samen: voorbeeldstudie (SYNTHETISCHE data, fictieve scholen) in $work"
"$samen" validate --study "$work"
for wave in 2022 2023; do
  "$samen" import --study "$work" --wave "$wave" "$work/data/responses-$wave.csv"
done
"$samen" export --study "$work" --wave 2023 --format csv --out "$work/data/analysebestand-2023.csv"
"$samen" export --study "$work" --wave 2023 --format sav --out "$work/data/analysebestand-2023.sav"
"$samen" tables --study "$work" --wave 2023 --format xlsx --out "$work/tabellen-2023.xlsx"
"$samen" tables --study "$work" --wave 2023 --format csv --out "$work/tabellen-2023.csv"
echo
"$samen" study --study "$work"
echo
echo "Tabel 3 (uit $work/tabellen-2023.csv):"
"$samen" tables --study "$work" --wave 2023 --format csv --only T3
echo
"$samen" report --study "$work" --out "$work/rapport"
echo
echo "Minimale steekproef volgens het rapport (N=4500, e=5%, 90%, p=.5):" \
  "$("$samen" samplesize --population 4500 --margin 0.05 --confidence 0.90 --p 0.5)"
