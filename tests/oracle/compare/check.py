#!/usr/bin/python3
"""Oracle for `samen stats compare`: random two-group datasets, compared with
GNU PSPP (NPAR TESTS /M-W, T-TEST) and R (wilcox.test, t.test).

PSPP prints U, W, Z, t, df, means and SDs with 8 decimals (SET FORMAT=F16.8)
but significances with 3 only, so p-values are checked against R, which
prints them in full: wilcox.test(exact=FALSE, correct=FALSE) is the same
normal approximation with ties correction and no continuity correction, and
t.test(var.equal=FALSE) is Welch's test. Cohen's d (no peer installed) is
checked against the textbook formula on PSPP's means and SDs.
Known differences: none found; PSPP's "Asymp. Sig." is rounded to 3 decimals.
usage: check.py SAMEN WORKDIR"""
import csv, json, random, subprocess, sys, math

samen, work = sys.argv[1], sys.argv[2]
TOL = 1e-6

def run(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw).stdout

def pspp_tables(syntax):
    path = f"{work}/job.sps"
    with open(path, "w") as f:
        f.write(syntax)
    out = run(["pspp", "-O", "format=csv", path])
    tables, name = {}, None
    for block in out.split("\n\n"):
        lines = block.strip().split("\n")
        if lines and lines[0].startswith("Table: "):
            tables[lines[0][7:]] = list(csv.reader(lines[1:]))
    return tables

def num(s):
    return float(s) if s.strip() not in ("", ".") else math.nan

def close(a, b, what):
    if not (abs(a - b) <= TOL * max(1.0, abs(b))):
        raise SystemExit(f"FAIL {what}: samen {a!r} vs peer {b!r}")

def case(seed, n1, n2, continuous):
    rnd = random.Random(seed)
    path = f"{work}/d{seed}.csv"
    rows = []
    for g, n, shift in ((1, n1, 0.0), (2, n2, 0.6)):
        for _ in range(n):
            r = rnd.random()
            if r < 0.05:
                x = ""            # system-missing
            elif r < 0.10:
                x = "9"           # non-substantive, user-missing
            elif continuous:
                x = "%.4f" % (rnd.gauss(3 + shift, 1.2))
            else:
                x = str(min(7, max(1, round(rnd.gauss(4 + shift, 1.5)))))
            rows.append((g, x))
    with open(path, "w") as f:
        f.write("wave,x\n")
        for g, x in rows:
            f.write(f"{g},{x}\n")
    got = json.loads(run([samen, "stats", "compare", "--data", path, "--var", "x",
                          "--by", "wave", "--missing", "9", "--format", "json"]))
    t = pspp_tables(f"""SET FORMAT=F16.8.
GET DATA /TYPE=TXT /FILE='{path}' /ARRANGEMENT=DELIMITED /DELIMITERS="," /FIRSTCASE=2
  /VARIABLES=wave F8.0 x F12.4.
MISSING VALUES x (9).
NPAR TESTS /M-W = x BY wave (1, 2).
T-TEST GROUPS=wave(1 2) /VARIABLES=x.
""")
    mw, we = got["mann_whitney"], got["welch"]
    ranks = t["Ranks"]
    close(mw["n1"], num(ranks[1][2]), "n1"); close(mw["n2"], num(ranks[2][2]), "n2")
    close(mw["mean_rank1"], num(ranks[1][3]), "mean rank 1")
    close(mw["mean_rank2"], num(ranks[2][3]), "mean rank 2")
    ts = t["Test Statistics"][1]
    close(mw["u"], num(ts[1]), "U"); close(mw["w"], num(ts[2]), "W"); close(mw["z"], num(ts[3]), "Z")
    gs = t["Group Statistics"]
    close(we["mean1"], num(gs[1][3]), "mean 1"); close(we["sd1"], num(gs[1][4]), "sd 1")
    close(we["mean2"], num(gs[2][3]), "mean 2"); close(we["sd2"], num(gs[2][4]), "sd 2")
    unequal = t["Independent Samples Test"][4]
    close(we["t"], num(unequal[4]), "Welch t"); close(we["df"], num(unequal[5]), "Welch df")
    r = run(["Rscript", "-e", f"""d <- read.csv('{path}'); d$x[d$x == 9] <- NA
a <- na.omit(d$x[d$wave == 1]); b <- na.omit(d$x[d$wave == 2])
cat(sprintf('%.15g %.15g', wilcox.test(a, b, exact=FALSE, correct=FALSE)$p.value,
            t.test(a, b, var.equal=FALSE)$p.value))"""]).split()
    close(mw["p"], float(r[0]), "Mann-Whitney p (R)")
    close(we["p"], float(r[1]), "Welch p (R)")
    n1v, n2v = mw["n1"], mw["n2"]
    s1, s2 = num(gs[1][4]), num(gs[2][4])
    pooled = math.sqrt(((n1v - 1) * s1 ** 2 + (n2v - 1) * s2 ** 2) / (n1v + n2v - 2))
    close(we["cohens_d"], (num(gs[1][3]) - num(gs[2][3])) / pooled, "Cohen's d")
    close(mw["r"], abs(mw["z"]) / math.sqrt(n1v + n2v), "r")
    return got

cases = [(1, 12, 9, False), (2, 60, 35, False), (3, 400, 900, False), (4, 25, 30, True),
         (5, 2000, 1500, True)]
for seed, n1, n2, cont in cases:
    got = case(seed, n1, n2, cont)
    # the caveat on size must appear exactly when the groups differ > 2x
    big = max(n1, n2) / min(n1, n2) > 2
    has = any("differ strongly in size" in c for c in got["caveats"])
    if big != has and min(n1, n2) >= 10:
        raise SystemExit(f"FAIL caveat on size for {n1} vs {n2}: {got['caveats']}")
print(f"{len(cases)} datasets agree with PSPP and R to {TOL}")
