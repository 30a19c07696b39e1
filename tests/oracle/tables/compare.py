#!/usr/bin/python3
"""Compares the output of `samen tables --format json` for examples/image
with the report's published values in tests/golden/image/tables.json.

    compare.py --golden GOLDEN --map golden_map.json 2022=tables-2022.json 2023=...

golden_map.json (make_map.py) says where each golden cell is in the output:
[run wave, table id, row id, column id], one or more targets. Every target
must hold the golden value: counts exactly, percentages, means and alphas
rounded half up to the golden cell's precision (the output's own precision
is never coarser). Prints every mismatch and the coverage per source and
table; exits 1 on a mismatch, a target missing from the output, or when
a required cell (source published, corrected or derived, of tables B1-B12,
Tabel 3-6 and voetnoot 16) is not covered. Standard library only.
"""
import argparse
import json
import sys
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal

REQUIRED_TABLES = {f"B{i}" for i in range(1, 13)} | {"Tabel 3", "Tabel 4", "Tabel 5", "Tabel 6",
                                                     "Voetnoot 16"}
REQUIRED_SOURCES = {"published", "corrected", "derived"}


def index(doc):
    """(table, row, col) -> (value, precision)."""
    out = {}
    for t in doc["tables"]:
        ids = t["column_ids"]
        for r in t["rows"]:
            for j, col in enumerate(ids):
                out[(t["id"], r["id"], col)] = (r["cells"][j], r["precision"][j])
    return out


def rounded(value, places):
    return Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--golden", required=True)
    ap.add_argument("--map", required=True)
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("runs", nargs="+", help="WAVE=tables.json")
    a = ap.parse_args()
    golden = json.load(open(a.golden, encoding="utf-8"))
    mapping = {tuple(m["key"]): m["targets"] for m in json.load(open(a.map, encoding="utf-8"))["cells"]}
    runs = {}
    for spec in a.runs:
        wave, _, path = spec.partition("=")
        runs[int(wave)] = index(json.load(open(path, encoding="utf-8")))
    problems, covered, uncovered = [], Counter(), []
    checked_targets = 0
    for cell in golden["cells"]:
        key = (cell["table"], cell["wave"], cell["row"], cell["column"])
        label = f'{cell["table"]} {cell["wave"]} [{cell["row"]}] [{cell["column"]}]'
        targets = [t for t in mapping.get(key, []) if t[0] in runs]
        if not targets:
            uncovered.append((cell, label))
            continue
        covered[cell["source"]] += 1
        want = Decimal(str(cell["value"]))
        p = cell["precision"]
        for run, table, row, col in targets:
            checked_targets += 1
            got = runs[run].get((table, row, col))
            where = f"run {run} {table}/{row}/{col}"
            if got is None:
                problems.append(f"MISSING {label}: no cell {where} in the output")
                continue
            value, precision = got
            if not isinstance(value, (int, float)):
                problems.append(f"MISMATCH {label}: {where} is {value!r}, golden {want}")
                continue
            if precision is not None and precision < p:
                problems.append(f"MISMATCH {label}: {where} has {precision} decimals, golden needs {p}")
                continue
            if rounded(value, p) != want.quantize(Decimal(1).scaleb(-p)):
                problems.append(f"MISMATCH {label}: {where} = {value} (rounded {rounded(value, p)}), "
                                f"golden says {want}")
            elif a.verbose:
                print(f"ok {label}: {where} = {value}")
    for line in problems:
        print(line)
    required_missing = [lab for c, lab in uncovered
                        if c["table"] in REQUIRED_TABLES and c["source"] in REQUIRED_SOURCES]
    for lab in required_missing:
        print(f"NOT COVERED (required) {lab}")
    total = len(golden["cells"])
    n = sum(covered.values())
    sources = ", ".join(f"{k} {v}" for k, v in sorted(covered.items()))
    print(f"compare: {n} of {total} golden cells covered ({sources}); "
          f"{checked_targets} output cells checked; {len(problems)} problem(s)")
    if uncovered:
        print("compare: not covered: " + "; ".join(lab for _, lab in uncovered[:20]) +
              (" ..." if len(uncovered) > 20 else ""))
    return 1 if problems or required_missing else 0


if __name__ == "__main__":
    sys.exit(main())
