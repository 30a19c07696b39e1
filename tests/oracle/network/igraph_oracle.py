#!/usr/bin/python3
"""Checks samen's network metrics against python-igraph (Debian python3-igraph).

usage: /usr/bin/python3 igraph_oracle.py SAMEN_BINARY WORKDIR [--random N SEED] [DRAWING.yaml ...]

For every drawing (the given files, and N random drawings made with SEED):
  1. samen network export DRAWING --format graphml  -> the graph igraph reads
  2. samen network metrics DRAWING --format json    -> samen's numbers
  3. igraph computes the same numbers from the GraphML file; they must agree
     to 1e-9 (undefined values: JSON null = NaN here).

igraph settings (docs/NETWORKS.md, "Checked against igraph"):
  - the overall graph is Graph.as_undirected(mode="collapse") of the GraphML
    graph (every tie of any type, repeats collapsed);
  - density: Graph.density(loops=False);
  - degree: Graph.degree(mode="all", loops=False); betweenness:
    Graph.betweenness(directed=False);
  - centralization: python-igraph 0.10 has no binding of the C functions
    igraph_centralization_degree / _betweenness, so the test applies the C
    library's own normalization (igraph src/centrality/centralization.c,
    igraph_centralization_degree_tmax and _betweenness_tmax) to igraph's
    degrees and betweenness: sum(max - x_i) / tmax with
      degree, undirected, loops=False:      tmax = (n-1)(n-2)
      degree, directed, mode in/out, loops=False: tmax = (n-1)^2
      betweenness, undirected:              tmax = (n-1)^2 (n-2) / 2
  - components: len(Graph.connected_components(mode="weak"));
    isolates: vertices of degree 0; brokers: Graph.articulation_points();
  - a directed type's graph is the GraphML graph restricted to that type's
    edges (Graph.subgraph_edges(..., delete_vertices=False)); reciprocity:
    Graph.reciprocity(ignore_loops=True, mode="default").
"""
import json
import math
import os
import random
import subprocess
import sys

import igraph as ig

EPS = 1e-9
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL:", msg, file=sys.stderr)


def close(name, ours, theirs):
    if ours is None:
        ours = math.nan
    if isinstance(theirs, float) and math.isnan(theirs):
        if not math.isnan(ours):
            fail(f"{name}: samen {ours!r}, igraph NaN")
        return
    if math.isnan(ours) or abs(ours - theirs) > EPS:
        fail(f"{name}: samen {ours!r}, igraph {theirs!r}")


def centralization(scores, tmax):
    if not scores or not tmax > 0:
        return math.nan
    m = max(scores)
    return sum(m - x for x in scores) / tmax


def summary(g, directed_graph=None):
    """The overall numbers of undirected simple graph g."""
    n = g.vcount()
    deg = g.degree(mode="all", loops=False)
    bc = g.betweenness(directed=False) if n > 0 else []
    out = {
        "parties": n,
        "pairs": g.ecount(),
        "density": g.density(loops=False) if n >= 2 else math.nan,
        "degree_centralization": centralization(deg, (n - 1) * (n - 2)) if n >= 3 else math.nan,
        "betweenness_centralization":
            centralization(bc, (n - 1) ** 2 * (n - 2) / 2.0) if n >= 3 else math.nan,
        "components": len(g.connected_components(mode="weak")),
        "isolates": sum(1 for d in deg if d == 0),
        "pendants": sum(1 for v in range(n)
                        if deg[v] == 1 and deg[g.neighbors(v)[0]] >= 2),
        "brokers": len(g.articulation_points()),
        "_deg": deg,
        "_bc": bc,
    }
    if directed_graph is not None:
        d = directed_graph
        out["density"] = d.density(loops=False) if n >= 2 else math.nan
        tmax = (n - 1) ** 2
        out["out_degree_centralization"] = (
            centralization(d.degree(mode="out", loops=False), tmax) if n >= 2 else math.nan)
        out["in_degree_centralization"] = (
            centralization(d.degree(mode="in", loops=False), tmax) if n >= 2 else math.nan)
        out["reciprocity"] = (d.reciprocity(ignore_loops=True, mode="default")
                              if d.ecount() > 0 else math.nan)
    return out


def run(samen, *args):
    p = subprocess.run([samen, *args], capture_output=True, text=True,
                       env=dict(os.environ, SAMEN_LANG="en"))
    if p.returncode != 0:
        raise RuntimeError(f"samen {' '.join(args)}: exit {p.returncode}: {p.stderr}")
    return p.stdout


def check(samen, work, path):
    name = os.path.basename(path)
    gml = os.path.join(work, name + ".graphml")
    run(samen, "network", "export", path, "--format", "graphml", "--out", gml)
    ours = json.loads(run(samen, "network", "metrics", path, "--format", "json"))
    g = ig.Graph.Read_GraphML(gml)
    if not g.is_directed():
        fail(f"{name}: GraphML read as undirected")
    n = g.vcount()
    und = g.as_undirected(mode="collapse")
    ref = summary(und)
    for key in ("parties", "pairs", "density", "degree_centralization",
                "betweenness_centralization", "components", "isolates", "pendants", "brokers"):
        close(f"{name} {key}", ours[key], ref[key])
    if ours["ties"] != g.ecount():
        fail(f"{name} ties: samen {ours['ties']}, igraph {g.ecount()}")
    # Per-party degree and betweenness, and the most central party (rule 9).
    ids = g.vs["id"]
    for i, pc in enumerate(ours["centrality"]):
        if pc["id"] != ids[i]:
            fail(f"{name}: party {i} is {pc['id']} in samen, {ids[i]} in igraph")
        close(f"{name} degree of {ids[i]}", pc["degree"], ref["_deg"][i])
        close(f"{name} betweenness of {ids[i]}", pc["betweenness"], ref["_bc"][i])
    best = None
    for v in range(n):
        if ref["_deg"][v] == 0:
            continue
        if best is None or (ref["_deg"][v], ref["_bc"][v]) > (ref["_deg"][best], ref["_bc"][best]):
            best = v
    expect = ids[best] if best is not None else None
    if ours["most_central"] != expect:
        fail(f"{name} most_central: samen {ours['most_central']}, igraph {expect}")
    # Per tie type.
    types = g.es["type"] if g.ecount() > 0 else []
    for t in ("contact", "decision", "initiative"):
        sub = g.subgraph_edges([e.index for e in g.es if types[e.index] == t],
                               delete_vertices=False)
        directed = t != "contact"
        ref_t = summary(sub.as_undirected(mode="collapse"), sub if directed else None)
        got = ours["by_type"][t]
        if got["ties"] != sub.ecount():
            fail(f"{name} {t} ties: samen {got['ties']}, igraph {sub.ecount()}")
        keys = ["density", "degree_centralization", "betweenness_centralization", "components",
                "isolates", "pendants", "brokers", "pairs"]
        if directed:
            keys += ["out_degree_centralization", "in_degree_centralization", "reciprocity"]
        for key in keys:
            close(f"{name} {t} {key}", got[key], ref_t[key])
    close(f"{name} reciprocity_initiative", ours["reciprocity_initiative"],
          summary(g.subgraph_edges([e.index for e in g.es if types[e.index] == "initiative"],
                                   delete_vertices=False).as_undirected(mode="collapse"),
                  g.subgraph_edges([e.index for e in g.es if types[e.index] == "initiative"],
                                   delete_vertices=False))["reciprocity"])


def random_drawing(rng, k, path):
    """A random drawing: n parties, Erdos-Renyi-like ties of random types."""
    n = rng.choice([1, 2, 3, 4, 5, 8, 12, 20, 30, 45])
    p = rng.choice([0.0, 0.05, 0.1, 0.2, 0.35, 0.6, 0.9])
    lines = ["format: 1", f"id: random-{k}", "region: X", "wave: 2023",
             "meeting: random", "variant: current", "parties:"]
    for i in range(n):
        lines.append(f"  - {{id: v{i}, label: 'Party {i}', kind: other}}")
    ties = []
    seen = set()
    for a in range(n):
        for b in range(n):
            if a == b:
                continue
            for t in ("contact", "decision", "initiative"):
                if rng.random() >= p / 3:
                    continue
                key = (t, min(a, b), max(a, b)) if t == "contact" else (t, a, b)
                if key in seen:
                    continue
                seen.add(key)
                if t == "contact":
                    ties.append(f"  - {{type: contact, between: [v{a}, v{b}]}}")
                else:
                    ties.append(f"  - {{type: {t}, from: v{a}, to: v{b}}}")
    lines.append("ties:" if ties else "ties: []")
    lines += ties
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


def main():
    args = sys.argv[1:]
    if len(args) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    samen, work = args[0], args[1]
    files = []
    rest = args[2:]
    if rest[:1] == ["--random"]:
        count, seed = int(rest[1]), int(rest[2])
        rest = rest[3:]
        rng = random.Random(seed)
        for k in range(count):
            path = os.path.join(work, f"random-{seed}-{k}.yaml")
            random_drawing(rng, k, path)
            files.append(path)
    files = rest + files
    for path in files:
        try:
            check(samen, work, path)
        except Exception as e:  # noqa: BLE001 - report and go on
            fail(f"{path}: {e}")
    print(f"checked {len(files)} drawing(s) against igraph {ig.__version__}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
