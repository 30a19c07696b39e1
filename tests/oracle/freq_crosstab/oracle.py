#!/usr/bin/python3
"""Oracle test helper: samen stats freq/crosstab against GNU PSPP.

Usage: oracle.py SAMEN SEED NCASES WORKDIR

Generates a random dataset (fixed SEED, NCASES cases) as a plain CSV,
runs GNU PSPP (FREQUENCIES and CROSSTABS /STATISTICS=CHISQ PHI) on it with
enough decimals printed, runs `samen stats freq` and `samen stats crosstab`
--format json on the same file, and requires agreement to TOL on every
number both print. Prints one summary line; exits 1 on any disagreement.

Only the standard library is used (csv, json, random, subprocess).

Known differences between PSPP 1.6.2 and samen (not failures):
  * PSPP lists the system-missing row first among the missing rows, samen
    last; rows are compared by value, not by position, within "missing".
  * PSPP prints a Total row and, for crosstabs, marginal percentages and a
    marginal "Expected" that samen does not have (samen prints n and the
    row and column totals): only the cells and the totals are compared.
  * For a table with one row or one column PSPP prints no chi-square and no
    Cramer's V; samen prints null. Both "absent" and "null" are required
    to agree.
"""
import csv
import io
import json
import os
import random
import subprocess
import sys

TOL = 1e-6

# The variables of a generated dataset: name, PSPP format, generator.
# Codes 1..5 with some empty cells (system-missing) and some 8/9
# (user-missing); d has three codes; e is a number column (not whole
# numbers, so samen stores doubles); k has one valid value only, so every
# crosstab with it is degenerate.
def make_value(rng, kind):
    r = rng.random()
    if kind == "k":
        return "" if r < 0.1 else ("9" if r < 0.15 else "1")
    if r < 0.07:
        return ""
    if r < 0.10:
        return "8"
    if r < 0.12:
        return "9"
    if kind == "d":
        return str(rng.choice([1, 2, 2, 3]))
    if kind == "e":
        return rng.choice(["0.5", "1.25", "1.25", "2.75", "-3.5"])
    # skewed codes so that some cells are small
    return str(rng.choices([1, 2, 3, 4, 5], weights=[5, 4, 3, 2, 1])[0])

VARIABLES = [("a", "F8.0", "code"), ("b", "F8.0", "code"), ("c", "F8.0", "code"),
             ("d", "F8.0", "d"), ("e", "F8.2", "e"), ("k", "F8.0", "k")]
PAIRS = [("a", "b"), ("a", "c"), ("b", "c"), ("d", "a"), ("a", "e"), ("e", "d"), ("k", "a")]


class Mismatch(Exception):
    pass


def generate(path, seed, ncases):
    rng = random.Random(seed)
    with open(path, "w", newline="") as f:
        f.write(",".join(v[0] for v in VARIABLES) + "\n")
        for _ in range(ncases):
            f.write(",".join(make_value(rng, v[2]) for v in VARIABLES) + "\n")


def pspp_syntax(csv_path):
    names = " ".join(v[0] for v in VARIABLES)
    lines = [
        "SET FORMAT=F16.8.",
        "OUTPUT MODIFY /SELECT TABLES /TABLECELLS SELECT = [ PERCENT ] FORMAT = F16.8.",
        "OUTPUT MODIFY /SELECT TABLES /TABLECELLS SELECT = [ SIGNIFICANCE ] FORMAT = F16.12.",
        "GET DATA /TYPE=TXT /FILE='%s' /ARRANGEMENT=DELIMITED /DELIMITERS=','"
        " /FIRSTCASE=2 /VARIABLES=%s." % (csv_path, " ".join("%s %s" % (v[0], v[1])
                                                              for v in VARIABLES)),
        "MISSING VALUES %s (8,9)." % names,
        "FREQUENCIES /VARIABLES=%s /STATISTICS=NONE." % names,
    ]
    for r, c in PAIRS:
        lines.append("CROSSTABS /TABLES=%s BY %s /STATISTICS=CHISQ PHI"
                     " /CELLS=COUNT ROW COLUMN TOTAL EXPECTED." % (r, c))
    return "\n".join(lines) + "\n"


def pspp_tables(text):
    """PSPP's CSV output as a list of (title, rows)."""
    tables = []
    for block in text.split("\n\n"):
        block = block.strip("\n")
        if not block.startswith("Table: "):
            continue
        title, _, body = block.partition("\n")
        rows = list(csv.reader(io.StringIO(body)))
        tables.append((title[len("Table: "):], rows))
    return tables


def num(text):
    text = text.strip()
    if text in ("", "."):
        return None
    return float(text)


class Checker:
    def __init__(self, where):
        self.where = where
        self.compared = 0

    def near(self, what, pspp, samen):
        if pspp is None or samen is None or abs(pspp - samen) > TOL:
            raise Mismatch("%s: %s: PSPP %r, samen %r" % (self.where, what, pspp, samen))
        self.compared += 1

    def equal(self, what, pspp, samen):
        if pspp != samen:
            raise Mismatch("%s: %s: PSPP %r, samen %r" % (self.where, what, pspp, samen))
        self.compared += 1


def samen_json(samen, args):
    p = subprocess.run([samen, "stats"] + args + ["--format", "json"], capture_output=True,
                       text=True)
    if p.returncode != 0:
        raise Mismatch("samen %s failed (%d): %s" % (" ".join(args), p.returncode, p.stderr))
    return json.loads(p.stdout)


def check_freq(chk, rows, out):
    """rows: PSPP's frequency table; out: samen's JSON."""
    section = None
    valid, missing, total = [], {}, None
    for row in rows[1:]:
        if row[0]:
            section = row[0]
        if section == "Total":
            total = num(row[2])
            continue
        value = num(row[1])
        freq = num(row[2])
        if section == "Valid":
            valid.append((value, freq, num(row[3]), num(row[4]), num(row[5])))
        else:
            missing[value] = (freq, num(row[3]))
    chk.near("n", total, out["n"])
    chk.near("valid_n", sum(v[1] for v in valid), out["valid_n"])
    s_valid = [c for c in out["categories"] if not c["missing"]]
    s_missing = {c["value"]: c for c in out["categories"] if c["missing"]}
    chk.equal("valid values", [v[0] for v in valid], [c["value"] for c in s_valid])
    for v, c in zip(valid, s_valid):
        chk.near("count of %s" % v[0], v[1], c["count"])
        chk.near("percent of %s" % v[0], v[2], c["percent"])
        chk.near("valid percent of %s" % v[0], v[3], c["valid_percent"])
        chk.near("cumulative percent of %s" % v[0], v[4], c["cumulative_percent"])
    chk.equal("missing values", sorted(missing, key=lambda x: (x is not None, x)),
              sorted(s_missing, key=lambda x: (x is not None, x)))
    for value, (freq, pct) in missing.items():
        c = s_missing[value]
        chk.equal("system_missing of %s" % value, value is None, c.get("system_missing", False))
        chk.near("count of missing %s" % value, freq, c["count"])
        chk.near("percent of missing %s" % value, pct, c["percent"])


def check_crosstab(chk, tables, out):
    """tables: PSPP's tables of one CROSSTABS command, by title."""
    summary = tables["Summary"][3]
    chk.near("n", num(summary[1]), out["n"])
    chk.near("missing", num(summary[3]), out["missing"])
    chk.near("total cases", num(summary[5]), out["total_cases"])
    table = tables.get("table")
    if out["n"] == 0:
        chk.equal("no table", table, None)
        return
    cols = [num(x) for x in table[1][3:-1]]
    chk.equal("cols", cols, out["cols"])
    rows, cells, row_totals, col_totals = [], {}, [], None
    current = None
    for row in table[2:]:
        if row[0] == "Total":
            current = "Total"
        elif row[1]:
            current = num(row[1])
            rows.append(current)
        stat = row[2]
        values = [num(x) for x in row[3:]]
        if current == "Total":
            if stat == "Count":
                col_totals = values[:-1]
                chk.near("n (Total)", values[-1], out["n"])
            continue
        cells[(current, stat)] = values[:-1]
        if stat == "Count":
            row_totals.append(values[-1])
    chk.equal("rows", rows, out["rows"])
    for j, t in enumerate(col_totals):
        chk.near("column total %d" % j, t, out["col_totals"][j])
    for i, t in enumerate(row_totals):
        chk.near("row total %d" % i, t, out["row_totals"][i])
    keys = {"Count": "counts", "Expected": "expected", "Row %": "row_percent",
            "Column %": "col_percent", "Total %": "total_percent"}
    for i, r in enumerate(rows):
        for stat, key in keys.items():
            for j, v in enumerate(cells[(r, stat)]):
                chk.near("%s[%s][%s]" % (key, r, cols[j]), v, out[key][i][j])
    pearson = [row for row in tables.get("Chi-Square Tests", [])
               if row and row[0] == "Pearson Chi-Square"]
    cramer = [row for row in tables.get("Symmetric Measures", [])
              if len(row) > 2 and row[1] == "Cramer's V" and row[2].strip()]
    if not pearson:
        # degenerate table: PSPP prints no chi-square, samen null
        for key in ("chi_square", "df", "p", "cramers_v"):
            chk.equal("%s of a degenerate table" % key, None, out[key])
        chk.equal("Cramer's V of a degenerate table", [], cramer)
        return
    chk.near("chi_square", num(pearson[0][1]), out["chi_square"])
    chk.near("df", num(pearson[0][2]), out["df"])
    chk.near("p", num(pearson[0][3]), out["p"])
    chk.near("cramers_v", num(cramer[0][2]), out["cramers_v"])


def main():
    samen, seed, ncases, work = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    data = os.path.join(work, "data-%d-%d.csv" % (seed, ncases))
    syntax = os.path.join(work, "oracle-%d-%d.sps" % (seed, ncases))
    generate(data, seed, ncases)
    with open(syntax, "w") as f:
        f.write(pspp_syntax(data))
    p = subprocess.run(["pspp", "-O", "format=csv", syntax], capture_output=True,
                       text=True, cwd=work)
    if p.returncode != 0:
        print("pspp failed: %s %s" % (p.stdout, p.stderr), file=sys.stderr)
        return 1
    tables = pspp_tables(p.stdout)
    compared = 0
    try:
        # FREQUENCIES: one table per variable, titled by its name.
        by_title = {}
        for title, rows in tables:
            by_title.setdefault(title, rows)
        for name, _, _ in VARIABLES:
            chk = Checker("seed %d n %d freq %s" % (seed, ncases, name))
            out = samen_json(samen, ["freq", "--data", data, "--var", name, "--missing", "8,9"])
            check_freq(chk, by_title[name], out)
            compared += chk.compared
        # CROSSTABS: each command prints Summary, the table, Chi-Square
        # Tests and Symmetric Measures (no table when no case is valid).
        groups, current = [], None
        for title, rows in tables:
            if title == "Summary":
                current = {"Summary": rows}
                groups.append(current)
            elif current is not None:
                current["table" if " × " in title else title] = rows
        if len(groups) != len(PAIRS):
            raise Mismatch("PSPP printed %d crosstabs, expected %d" % (len(groups), len(PAIRS)))
        for (r, c), group in zip(PAIRS, groups):
            chk = Checker("seed %d n %d crosstab %s by %s" % (seed, ncases, r, c))
            out = samen_json(samen, ["crosstab", "--data", data, "--row", r, "--col", c,
                                     "--missing", "8,9"])
            check_crosstab(chk, group, out)
            compared += chk.compared
    except (Mismatch, KeyError, IndexError, ValueError) as e:
        print("FAIL: %s: %s" % (type(e).__name__, e), file=sys.stderr)
        return 1
    print("seed %d, %d cases: %d numbers agree with PSPP within %g" % (seed, ncases, compared,
                                                                       TOL))
    return 0


if __name__ == "__main__":
    sys.exit(main())
