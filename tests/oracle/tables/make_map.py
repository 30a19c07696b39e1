#!/usr/bin/python3
"""Writes golden_map.json: where each cell of tests/golden/image/tables.json
is found in the output of `samen tables` for examples/image (report
definition examples/image/reports/image.yaml).

    make_map.py GOLDEN > golden_map.json

Each entry names a golden cell by [table, wave, row, column] and lists its
targets [run wave, table id, row id, column id]: the run of
`samen tables --wave RUN` whose JSON holds the cell, by the row and column
ids of the report definition. A cell of an earlier wave in a table that
compares waves (B1, B12, Figuur 12, 16, 17, voetnoot 16) has two targets:
its own run, and the later run's column for that wave. Cells this file
cannot place are left out and counted by compare.py as not covered.
Standard library only; the rules follow the `calc` of each golden cell.
"""
import json
import sys

SITUATION_TABLE3 = {
    "Tussen po en kinderopvang": "po_kinderopvang", "Tussen po en vo": "po_vo",
    "Samenwerking binnen po": "binnen_po", "Samenwerking binnen vo": "binnen_vo",
    "Tussen voortgezet speciaal en regulier onderwijs": "vso_vo",
    "Tussen onderwijs en jeugdhulp": "onderwijs_jeugdhulp", "Totaal": "total",
}
REGION_GROUP = {  # region -> situation, for B1's subtotals
    "A": "binnen_po", "D": "binnen_vo", "G-PO": "po_vo", "K": "po_kinderopvang",
    "J": "onderwijs_jeugdhulp", "N": "vso_vo",
}
SCALES = {"comm_1": "communicatie", "visie_1": "gezamenlijke_visie", "vertr_1": "vertrouwen",
          "gelijk_1": "gelijkwaardigheid", "org_1": "organisatie_sturing"}
FIG12 = {(1, 2): "niet", (3, 4, 5): "wel", (9,): "weetniet"}
LATER = {2022: [2022, 2023], 2023: [2023]}  # runs that show a wave's column


def place(cell):
    t, w, calc = cell["table"], cell["wave"], cell["calc"]
    stat, flt = calc["stat"], calc.get("filter", {})
    var, codes = calc.get("var"), tuple(calc.get("codes", []))
    sit = flt.get("situation")
    code = str(codes[0]) if len(codes) == 1 else None
    one = lambda table, row, col: [[w, table, row, col]]
    both = lambda table, row, col: [[r, table, row, col] for r in LATER[w]]
    if t in ("1.4", "Tabel 2"):
        if flt.get("toestemming") == 0:
            return one("T2", "geen_toestemming", "n")
        return one("T2", "vragenlijst" if flt.get("toestemming") == 1 else "reacties", "n")
    if t in ("Tabel 3",) or t.startswith("2."):
        row = sit or "total"
        col = code if stat == "count" else "total"
        return one("T3", row, col)
    if t == "B1":
        region = flt.get("region")
        if isinstance(region, list):
            row = REGION_GROUP[region[0]] + ".subtotal"
        elif region is not None:
            row = region
        elif "region_sector" in flt:
            row = "noot." + flt["region_sector"]
        else:
            row = "total"
        return both("B1", row, str(w))
    if t == "B2":
        return one("B2", "n" if stat == "n" else var, "aantal")
    if t in ("B3", "B9"):
        return one(t, var, code)
    if t == "B4":
        return one("B4", "n" if stat == "n" else code, sit or "total")
    if t == "B5":
        if stat == "n":
            return one("B5", "n", "n")
        return one("B5", var, "n" if stat == "count" else "pct")
    if t == "B6":
        return one("B6", "n" if stat == "n" else var, sit or "total")
    if t in ("B7", "B8", "B10"):
        if stat == "none_answered_any":
            return one(t, "geen", "n")
        if stat == "answered_any":
            return one(t, "ingevuld", "n")
        return one(t, var, "n" if stat == "n" else code)
    if t == "B11":
        return one("B11", "n" if stat == "n" else code, var)
    if t == "B12":
        if stat == "n":
            return both("B12", "total", f"{w}.count")
        return both("B12", code, f"{w}.{stat}")
    if t == "Figuur 12":
        if stat == "n":
            return both("F12", var, f"{w}.n")
        return both("F12", var, f"{w}.{FIG12[codes]}")
    if t == "Figuur 16":
        return both("F16", SCALES[calc["vars"][0]], f"{w}.scale_mean")
    if t == "Voetnoot 16":
        return both("F16", SCALES[calc["vars"][0]], f"{w}.{stat}")
    if t == "Figuur 17":
        if stat == "alpha":
            return both("F17", "alpha", f"{w}.mean")
        return both("F17", var, f"{w}.mean")
    if t == "Tabel 4":
        if stat == "n":
            return one("T4", var, "n")
        return one("T4", var, ("pct." if stat == "pct" else "aantal.") + code)
    if t == "Tabel 5":
        return one("T5", var, {"n": "n", "count": "aantal", "pct": "pct"}[stat])
    if t in ("Tabel 6", "5.2"):
        return one("T6", sit or "total", stat)
    if t == "4.2":
        return one("F11", var, code)
    if t == "4.3":
        return one("F13", var, "toepassing")
    if t == "4.5":
        return one("F14", var, "tevreden" if codes == (4, 5) else code)
    return None


def main():
    golden = json.load(open(sys.argv[1], encoding="utf-8"))
    out = []
    for cell in golden["cells"]:
        targets = place(cell)
        if targets:
            out.append({"key": [cell["table"], cell["wave"], cell["row"], cell["column"]],
                        "targets": targets})
    json.dump({"about": "generated by make_map.py from tests/golden/image/tables.json",
               "cells": out}, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
