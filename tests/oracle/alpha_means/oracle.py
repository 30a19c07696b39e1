"""oracle.py - the work of tests/cli/oracle_alpha_means.sh: generates random
survey datasets with a fixed seed, runs `samen stats alpha` and `samen stats
means` on them, runs GNU PSPP (RELIABILITY, MEANS, EXAMINE, DESCRIPTIVES) and
R psych (peer_psych.R) on the same files, and requires every statistic a peer
prints to agree with samen's to TOL.

    /usr/bin/python3 oracle.py SAMEN_BINARY WORKDIR

Standard library only. Exits 1 with every disagreement listed.

Known differences of the peers (recorded here, not compared):
 * PSPP DESCRIPTIVES prints "Valid N (listwise)" as the number of cases in
   the file, not the number valid on every listed variable (PSPP 1.6.2; seen
   on the small case of this test: 8 instead of 6). samen's means without
   --by reports the valid n of its one variable, which equals DESCRIPTIVES'
   per-variable N, and that N is compared.
 * PSPP RELIABILITY ignores WEIGHT: with WEIGHT BY w the case processing
   summary shows weighted counts but alpha and the item statistics are the
   unweighted ones (PSPP 1.6.2). samen has no weights (rule 8 of
   src/stats/reliability.c); this test uses none.
 * PSPP RELIABILITY drops a case missing on any variable of /VARIABLES, even
   one outside /SCALE; samen is listwise over the scale's items. The syntax
   here lists only the scale's items, so both use the same cases.
 * R psych's alpha() gives alpha.drop values for a two-item scale that are
   not alphas (1.0 and the like); samen and PSPP report alpha if deleted as
   undefined when k = 2. The scales here have 4 to 6 items.
 * psych's total "mean" and "sd" are those of the mean item score (sum / k),
   not of the sum: they are compared with samen's scale_mean / k and
   sqrt(scale_variance) / k. PSPP prints no standardized alpha; psych's
   std.alpha is compared.
 * An undefined statistic is "NaN" or "." in PSPP (MEANS and EXAMINE print
   the sd of a one-case group as NaN), NA in R and null in samen; all three
   count as "undefined" and must agree on it.
 * PSPP MEANS prints its statistics in the variable's print format, so the
   items and score are read as F16.8 to get 8 decimals (SET FORMAT=F16.8
   does not reach MEANS).
"""
import csv
import io
import json
import math
import os
import random
import subprocess
import sys

TOL = 1e-6
HERE = os.path.dirname(os.path.abspath(__file__))

# (name, seed, cases, items, reverse-keyed items)
DATASETS = [
    ("small", 20240101, 30, 4, []),
    ("medium", 20240202, 300, 5, [2]),
    ("large", 20240303, 3000, 6, [1, 4]),
]


def generate(path, seed, n, k, reverse):
    """Writes a CSV of n cases: g (groups 1-4, one case in group 5, some
    empty, some 9), items i1..ik on 1..5 from a latent score plus noise
    (reverse-keyed ones as 6 - x), and a continuous score; about 3% of the
    item and score cells are empty and 3% of the item cells are 9."""
    rng = random.Random(seed)
    loadings = [rng.uniform(0.5, 0.85) for _ in range(k)]
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["g"] + ["i%d" % (j + 1) for j in range(k)] + ["score"])
        for c in range(n):
            z = rng.gauss(0, 1)
            u = rng.random()
            g = "" if u < 0.03 else "9" if u < 0.05 else str(rng.randint(1, 4))
            if c == n // 2:
                g = "5"  # a group of one case: sd undefined
            row = [g]
            for j in range(k):
                lj = loadings[j]
                x = 3 + 1.3 * (lj * z + math.sqrt(1 - lj * lj) * rng.gauss(0, 1))
                x = min(5, max(1, int(round(x))))
                if j + 1 in reverse:
                    x = 6 - x
                u = rng.random()
                row.append("" if u < 0.03 else "9" if u < 0.06 else str(x))
            score = 50 + 10 * z + rng.gauss(0, 5)
            row.append("" if rng.random() < 0.03 else "%.3f" % score)
            w.writerow(row)


def run(cmd, **kw):
    p = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if p.returncode != 0:
        raise SystemExit("FAIL: %s exited %d\n%s%s" % (" ".join(cmd), p.returncode,
                                                     p.stdout, p.stderr))
    return p.stdout


def num(text):
    """A peer's printed number; None when undefined."""
    t = text.strip()
    if t in ("", ".", "NaN", "NA", "nan"):
        return None
    return float(t)


def pspp_tables(syntax, cwd):
    """Runs PSPP and returns its tables as a list of (title, rows)."""
    path = os.path.join(cwd, "run.sps")
    with open(path, "w") as f:
        f.write(syntax)
    out = run(["pspp", "-O", "format=csv", path], cwd=cwd)
    if "error:" in out:
        raise SystemExit("FAIL: PSPP reported an error:\n" + out)
    tables = []
    for block in out.split("\n\n"):
        lines = block.strip("\n").split("\n")
        if lines and lines[0].startswith("Table: "):
            rows = list(csv.reader(io.StringIO("\n".join(lines[1:]))))
            tables.append((lines[0][len("Table: "):], rows))
    return tables


def table(tables, title, index=0):
    found = [rows for t, rows in tables if t == title]
    if len(found) <= index:
        raise SystemExit("FAIL: PSPP printed no table '%s'" % title)
    return found[index]


def r_peer(*args):
    out = os.path.join(WORK, "r.out")
    run(["Rscript", os.path.join(HERE, "peer_psych.R")] + list(args) + [out])
    d = {}
    with open(out) as f:
        for line in f:
            key, value = line.split()
            d[key] = num(value)
    return d


def samen(*args):
    return json.loads(run([SAMEN, "stats"] + list(args) + ["--missing", "9", "--format", "json"]))


class Checker:
    def __init__(self):
        self.failures = []
        self.count = 0

    def same(self, where, mine, theirs):
        """mine from samen (None when null), theirs from a peer."""
        self.count += 1
        if mine is None or theirs is None:
            if mine is not None or theirs is not None:
                self.failures.append("%s: samen %r, peer %r" % (where, mine, theirs))
            return
        if not abs(mine - theirs) <= TOL:
            self.failures.append("%s: samen %.10g, peer %.10g (diff %.3g)"
                                 % (where, mine, theirs, abs(mine - theirs)))


def get_header(name, k):
    variables = ["g F8.0"] + ["i%d F16.8" % (j + 1) for j in range(k)] + ["score F16.8"]
    return ("SET FORMAT=F16.8.\n"
            "GET DATA /TYPE=TXT /FILE='%s' /ARRANGEMENT=DELIMITED /DELIMITERS=','\n"
            "  /FIRSTCASE=2 /VARIABLES=%s.\n"
            "MISSING VALUES ALL (9).\n" % (name, " ".join(variables)))


def check_alpha(ck, name, path, k, reverse):
    items = ["i%d" % (j + 1) for j in range(k)]
    rev = ["i%d" % j for j in reverse]
    args = ["alpha", "--data", path, "--items", ",".join(items)]
    if rev:
        args += ["--reverse", ",".join(rev), "--min", "1", "--max", "5"]
    a = samen(*args)
    mine = {it["item"]: it for it in a["items"]}
    tag = "%s alpha" % name

    # PSPP: reverse-keyed items recomputed as 6 - x (a user-missing 9 becomes
    # system-missing), then RELIABILITY on the scale's items only.
    pitems = [("r" + v if v in rev else v) for v in items]
    syntax = get_header(os.path.basename(path), k)
    for v in rev:
        syntax += "COMPUTE r%s = 6 - %s.\n" % (v, v)
    syntax += "RELIABILITY /VARIABLES=%s /SCALE('S') ALL /MODEL=ALPHA /SUMMARY=TOTAL.\n" \
        % " ".join(pitems)
    t = pspp_tables(syntax, WORK)
    cps = table(t, "Case Processing Summary")
    valid = [r for r in cps if r and r[0] == "Valid"][0]
    ck.same(tag + " n (PSPP)", a["n"], num(valid[1]))
    rs = table(t, "Reliability Statistics")
    ck.same(tag + " alpha (PSPP)", a["alpha"], num(rs[1][0]))
    ck.same(tag + " k (PSPP)", a["k"], num(rs[1][1]))
    its = table(t, "Item-Total Statistics")
    for row in its[1:]:
        v = row[0][1:] if row[0].startswith("r") and row[0][1:] in rev else row[0]
        w = "%s %s" % (tag, v)
        ck.same(w + " scale mean if deleted (PSPP)", mine[v]["scale_mean_if_deleted"], num(row[1]))
        ck.same(w + " scale variance if deleted (PSPP)", mine[v]["scale_variance_if_deleted"],
                num(row[2]))
        ck.same(w + " corrected item-total r (PSPP)", mine[v]["corrected_item_total_r"],
                num(row[3]))
        ck.same(w + " alpha if deleted (PSPP)", mine[v]["alpha_if_deleted"], num(row[4]))
    if len(its) - 1 != k:
        ck.failures.append("%s: PSPP printed %d items" % (tag, len(its) - 1))

    # R psych on the complete cases.
    r = r_peer("alpha", path, ",".join(items), ",".join(rev) if rev else "-")
    ck.same(tag + " n (R)", a["n"], r["n"])
    ck.same(tag + " alpha (R raw_alpha)", a["alpha"], r["raw_alpha"])
    ck.same(tag + " standardized alpha (R std.alpha)", a["standardized_alpha"], r["std.alpha"])
    ck.same(tag + " mean inter-item r (R average_r)", a["mean_inter_item_r"], r["average_r"])
    ck.same(tag + " scale mean / k (R mean)", a["scale_mean"] / k, r["mean"])
    ck.same(tag + " scale sd / k (R sd)", math.sqrt(a["scale_variance"]) / k, r["sd"])
    for v in items:
        w = "%s %s" % (tag, v)
        ck.same(w + " alpha if deleted (R raw_alpha)", mine[v]["alpha_if_deleted"],
                r[v + ".raw_alpha"])
        ck.same(w + " standardized alpha if deleted (R std.alpha)",
                mine[v]["standardized_alpha_if_deleted"], r[v + ".std.alpha"])
        ck.same(w + " corrected item-total r (R r.drop)", mine[v]["corrected_item_total_r"],
                r[v + ".r.drop"])
        ck.same(w + " item-total r (R raw.r)", mine[v]["item_total_r"], r[v + ".raw.r"])
        ck.same(w + " mean (R)", mine[v]["mean"], r[v + ".mean"])
        ck.same(w + " sd (R)", mine[v]["sd"], r[v + ".sd"])
        ck.same(w + " n (R)", a["n"], r[v + ".n"])
    return a


def value_key(v):
    return str(int(v)) if float(v).is_integer() else repr(v)


def check_means(ck, name, path, k, var):
    tag = "%s means %s" % (name, var)
    m = samen("means", "--data", path, "--var", var, "--by", "g")
    groups = {value_key(g["value"]): g for g in m["groups"]}
    total = m["total"]
    alone = samen("means", "--data", path, "--var", var)["total"]
    head = get_header(os.path.basename(path), k)

    # PSPP MEANS: n, mean, sd, min, max per group and the total.
    t = pspp_tables(head + "MEANS TABLES=%s BY g /CELLS=COUNT MEAN STDDEV MIN MAX.\n" % var, WORK)
    rep = table(t, "Report")
    seen = set()
    for row in rep[1:]:
        mine = total if row[0] == "Total" else groups.get(row[0])
        if mine is None:
            ck.failures.append("%s: PSPP has group %s, samen not" % (tag, row[0]))
            continue
        seen.add(row[0])
        w = "%s group %s" % (tag, row[0])
        for col, key in ((1, "n"), (2, "mean"), (3, "sd"), (4, "min"), (5, "max")):
            ck.same("%s %s (PSPP MEANS)" % (w, key), mine[key], num(row[col]))
    if seen != set(groups) | {"Total"}:
        ck.failures.append("%s: groups differ: PSPP %s, samen %s" % (tag, sorted(seen),
                                                                      sorted(groups)))

    # PSPP EXAMINE: the median (and the rest again) per group, then of all
    # valid values.
    t = pspp_tables(head + "EXAMINE %s BY g /STATISTICS=DESCRIPTIVES /NOTOTAL.\n"
                    "EXAMINE %s /STATISTICS=DESCRIPTIVES.\n" % (var, var), WORK)
    names = {"Mean": "mean", "Median": "median", "Std. Deviation": "sd",
             "Minimum": "min", "Maximum": "max"}
    for index, by in ((0, True), (1, False)):
        rows = table(t, "Descriptives", index)
        s = rows[0].index("Statistic")
        group = None
        for row in rows[1:]:
            if by and row[s - 3]:
                group = row[s - 3]
            stat = names.get(row[s - 2])
            if stat is None:
                continue
            mine = groups.get(group) if by else alone
            where = "%s %s %s (PSPP EXAMINE)" % (tag, "group " + group if by else "all", stat)
            if mine is None:
                ck.failures.append("%s: samen has no such group" % where)
                continue
            ck.same(where, mine[stat], num(row[s]))
        cps = table(t, "Case Processing Summary", index)
        for row in cps[3:]:
            if by:
                ck.same("%s group %s n (PSPP EXAMINE)" % (tag, row[1]), groups[row[1]]["n"],
                        num(row[2]))
            else:
                ck.same("%s all n (PSPP EXAMINE)" % tag, alone["n"], num(row[1]))

    # PSPP DESCRIPTIVES of all valid values ("Valid N (listwise)" not compared).
    t = pspp_tables(head + "DESCRIPTIVES %s /STATISTICS=MEAN STDDEV MIN MAX.\n" % var, WORK)
    row = [r for r in table(t, "Descriptive Statistics") if r and r[0] == var][0]
    for col, key in ((1, "n"), (2, "mean"), (3, "sd"), (4, "min"), (5, "max")):
        ck.same("%s all %s (PSPP DESCRIPTIVES)" % (tag, key), alone[key], num(row[col]))

    # R: every statistic per group, the total, and all valid values.
    r = r_peer("means", path, var, "g")
    rgroups = sorted(k2[len("group."):-len(".n")] for k2 in r
                     if k2.startswith("group.") and k2.endswith(".n"))
    if sorted(groups) != rgroups:
        ck.failures.append("%s: groups differ: R %s, samen %s" % (tag, rgroups, sorted(groups)))
    for key in ("n", "mean", "sd", "median", "min", "max"):
        for gv in groups:
            if "group.%s.%s" % (gv, key) in r:
                ck.same("%s group %s %s (R)" % (tag, gv, key), groups[gv][key],
                        r["group.%s.%s" % (gv, key)])
        ck.same("%s total %s (R)" % (tag, key), total[key], r["total." + key])
        ck.same("%s all %s (R)" % (tag, key), alone[key], r["all." + key])


def main():
    global SAMEN, WORK
    SAMEN, WORK = sys.argv[1], sys.argv[2]
    ck = Checker()
    for name, seed, n, k, reverse in DATASETS:
        path = os.path.join(WORK, name + ".csv")
        generate(path, seed, n, k, reverse)
        a = check_alpha(ck, name, path, k, reverse)
        print("%-6s n=%-4d k=%d reverse=%-6s alpha=%.4f standardized=%.4f (%d complete cases)"
              % (name, n, k, ",".join("i%d" % j for j in reverse) or "-", a["alpha"],
                 a["standardized_alpha"], a["n"]))
        check_means(ck, name, path, k, "score")
        check_means(ck, name, path, k, "i1")
    if ck.failures:
        print("\n".join(ck.failures))
        print("FAIL: %d of %d comparisons disagree beyond %g" % (len(ck.failures), ck.count, TOL))
        sys.exit(1)
    print("%d comparisons with GNU PSPP and R psych agree within %g" % (ck.count, TOL))


if __name__ == "__main__":
    main()
