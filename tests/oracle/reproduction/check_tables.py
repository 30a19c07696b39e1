#!/usr/bin/python3
"""Recomputes the published tables of the seed report from the reproduction
dataset of examples/image and compares every cell with the golden file.

    check_tables.py --study DIR --golden tests/golden/image/tables.json \
                    2022=responses-2022.csv 2023=responses-2023.csv

Standard library only. The golden file lists cells; each names its table,
wave, row and column, the value the data must give, its precision (decimals)
and how to compute it ("calc"):

  filter   rows taken into account: {"toestemming": 1, "situation": "po_vo",
           "region": "A" or ["A", "B"], "region_sector": "po", VAR: code or
           [codes]}; situation, region and region_sector come from the
           study (study.yaml, schools.csv), everything else from the CSV.
  stat     rows          number of rows
           n             rows with var answered (non-empty)
           count         rows with var in codes
           pct           100 * count / n
           mean          mean of var over the answered rows
           alpha         Cronbach's alpha over vars, listwise
           scale_mean    mean of the rows' item means over vars, listwise
           listwise_n    rows with every one of vars answered
           answered_any  rows with at least one of vars answered
           none_answered_any  rows with none of vars answered

Percentages, means and alphas are computed exactly (fractions) and rounded
half up to the cell's precision, then compared with the value: no
floating-point tolerance is involved. Exit status 0 when every cell matches.
"""
import argparse
import csv
import json
import re
import sys
from decimal import Decimal
from fractions import Fraction


def read_regions(study_dir):
    """Region code -> {situation, sector} from study.yaml (a simple block list;
    no YAML library needed)."""
    regions, cur = {}, None
    with open(f"{study_dir}/study.yaml", encoding="utf-8") as fh:
        in_regions = False
        for line in fh:
            if re.match(r"^regions:\s*$", line):
                in_regions = True
                continue
            if in_regions and re.match(r"^\S", line):
                in_regions = False
            if not in_regions:
                continue
            m = re.match(r"^\s*-\s*code:\s*(\S+)", line)
            if m:
                cur = regions.setdefault(m.group(1).strip("\"'"), {})
                continue
            m = re.match(r"^\s+(situation|sector):\s*(\S+)", line)
            if m and cur is not None:
                cur[m.group(1)] = m.group(2).strip("\"'")
    if not regions or any(set(r) != {"situation", "sector"} for r in regions.values()):
        sys.exit(f"check_tables: cannot read the regions of {study_dir}/study.yaml")
    return regions


def read_schools(study_dir):
    with open(f"{study_dir}/schools.csv", encoding="utf-8", newline="") as fh:
        return {r["brin"]: r["region"] for r in csv.DictReader(fh)}


def read_responses(path, regions, schools):
    rows = []
    with open(path, encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            region = schools[r["brin"]]
            r["region"] = region
            r["situation"] = regions[region]["situation"]
            r["region_sector"] = regions[region]["sector"]
            rows.append(r)
    return rows


STUDY_KEYS = {"region", "situation", "region_sector"}


def matches(row, flt):
    for key, want in flt.items():
        wants = want if isinstance(want, list) else [want]
        have = row[key]
        if key in STUDY_KEYS:
            if have not in wants:
                return False
        elif have == "" or int(have) not in wants:
            return False
    return True


def answered(row, var):
    if var not in row:
        raise KeyError(f"no column {var}")
    return row[var] != ""


def variance(xs):
    n = len(xs)
    mean = Fraction(sum(xs), n)
    return sum((x - mean) ** 2 for x in xs) / (n - 1)


def compute(calc, rows):
    rows = [r for r in rows if matches(r, calc.get("filter", {}))]
    stat = calc["stat"]
    if stat == "rows":
        return len(rows)
    if stat in ("n", "count", "pct", "mean"):
        var = calc["var"]
        got = [int(r[var]) for r in rows if answered(r, var)]
        if stat == "n":
            return len(got)
        if stat == "mean":
            return Fraction(sum(got), len(got))
        count = sum(1 for x in got if x in calc["codes"])
        return count if stat == "count" else Fraction(100 * count, len(got))
    vars_ = calc["vars"]
    if stat == "answered_any":
        return sum(1 for r in rows if any(answered(r, v) for v in vars_))
    if stat == "none_answered_any":
        return sum(1 for r in rows if not any(answered(r, v) for v in vars_))
    complete = [[int(r[v]) for v in vars_] for r in rows if all(answered(r, v) for v in vars_)]
    if stat == "listwise_n":
        return len(complete)
    if stat == "scale_mean":
        return Fraction(sum(sum(c) for c in complete), len(complete) * len(vars_))
    if stat == "alpha":
        k = len(vars_)
        item_var = sum(variance([c[j] for c in complete]) for j in range(k))
        total_var = variance([sum(c) for c in complete])
        return Fraction(k, k - 1) * (1 - item_var / total_var)
    raise ValueError(f"unknown stat {stat}")


def round_half_up(x, places):
    """x (int or Fraction) rounded half up (away from zero for x >= 0) to
    places decimals, as a Fraction."""
    scale = 10 ** places
    y = Fraction(x) * scale
    return Fraction(int(y + Fraction(1, 2)) if y >= 0 else -int(-y + Fraction(1, 2)), scale)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--study", required=True)
    ap.add_argument("--golden", required=True)
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("data", nargs="+", help="WAVE=FILE.csv")
    args = ap.parse_args()
    regions = read_regions(args.study)
    schools = read_schools(args.study)
    data = {}
    for spec in args.data:
        wave, _, path = spec.partition("=")
        data[int(wave)] = read_responses(path, regions, schools)
    with open(args.golden, encoding="utf-8") as fh:
        golden = json.load(fh)
    failures, by_source, checked = [], {}, 0
    for cell in golden["cells"]:
        if cell["wave"] not in data:
            continue
        checked += 1
        by_source[cell["source"]] = by_source.get(cell["source"], 0) + 1
        label = f'{cell["table"]} {cell["wave"]} [{cell["row"]}] [{cell["column"]}]'
        try:
            got = compute(cell["calc"], data[cell["wave"]])
        except (KeyError, ValueError, ZeroDivisionError) as e:
            failures.append(f"{label}: cannot compute ({e})")
            continue
        got_r = round_half_up(got, cell["precision"])
        want = Fraction(Decimal(str(cell["value"])))
        if args.verbose:
            print(f"{label}: {float(got):.6f} -> {float(got_r)} (want {cell['value']})")
        if got_r != want:
            failures.append(f"{label}: data gives {float(got):.6f} (rounded {float(got_r)}), "
                            f"golden says {cell['value']}")
    for f in failures:
        print("MISMATCH", f)
    sources = ", ".join(f"{n} {s}" for s, n in sorted(by_source.items()))
    if checked == 0:
        print("check_tables: no cell checked")
        return 1
    print(f"check_tables: {checked - len(failures)} of {checked} cells match ({sources})")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
