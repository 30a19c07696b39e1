#!/usr/bin/python3
"""Changes one answer of a response CSV, for the mutation test of
tests/cli/tables.sh: the golden comparison must then fail.

    mutate.py IN.csv OUT.csv --golden GOLDEN --wave W --seed N
    mutate.py IN.csv OUT.csv --var V --from A --to B

With --seed, picks (reproducibly) a variable that a published count of the
golden file counts in that wave, and a consenting school whose answer to it
can change without breaking the routing: never toestemming or samenwerking
(they route other questions), a tick-all box only from 0 to 1, other
answers only to another code the same column already holds. With --var,
changes the first answer A of V into B. Prints what it changed.
"""
import argparse
import csv
import json
import random
import sys

ROUTING = {"toestemming", "samenwerking", "reden_anders"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("src")
    ap.add_argument("dst")
    ap.add_argument("--golden")
    ap.add_argument("--wave", type=int)
    ap.add_argument("--seed", type=int)
    ap.add_argument("--var")
    ap.add_argument("--from", dest="old")
    ap.add_argument("--to", dest="new")
    a = ap.parse_args()
    with open(a.src, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    header, body = rows[0], rows[1:]
    col = {name: i for i, name in enumerate(header)}
    if a.var:
        c = col[a.var]
        for r in body:
            if r[c] == a.old:
                r[c] = a.new
                break
        else:
            sys.exit(f"mutate: no answer {a.old} of {a.var}")
        change = f"{a.var}: {a.old} -> {a.new} (school {r[0]})"
    else:
        golden = json.load(open(a.golden, encoding="utf-8"))
        names = sorted({c["calc"]["var"] for c in golden["cells"]
                        if c["wave"] == a.wave and c["calc"]["stat"] == "count"
                        and c["source"] in ("published", "corrected", "derived", "invented")
                        and c["calc"]["var"] not in ROUTING})
        rng = random.Random(a.seed)
        consenting = [r for r in body if r[col["toestemming"]] == "1"]
        while True:
            var = rng.choice(names)
            c = col[var]
            held = sorted({r[c] for r in consenting if r[c] != ""})
            if held == ["0", "1"] or held == ["0"] or held == ["1"]:
                candidates, new = [r for r in consenting if r[c] == "0"], "1"
            else:
                candidates, new = [r for r in consenting if r[c] != ""], None
            if not candidates or (new is None and len(held) < 2):
                continue
            r = rng.choice(candidates)
            old = r[c]
            if new is None:
                new = rng.choice([h for h in held if h != old])
            r[c] = new
            change = f"{var}: {old} -> {new} (school {r[0]})"
            break
    with open(a.dst, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    print(change)


if __name__ == "__main__":
    main()
