#!/usr/bin/python3
"""Checks the SVG drawings of the example network drawings.

usage: /usr/bin/python3 check_svg.py SVG_DIR DRAWINGS_DIR

For every DRAWINGS_DIR/NAME.yaml there must be SVG_DIR/NAME.svg (Dutch) and
SVG_DIR/NAME.en.svg (English). Each SVG must
  1. be well-formed XML (xml.etree) without Graphviz's version comment;
  2. hold every party's label exactly once as a text of the whole document,
     inside the node of that party;
  3. have a legend (<g id="legend">) naming the three tie types, and the
     metrics panel (<g id="metrics">);
  4. colour parties that do not take part yellow (#ffe14d) and no other;
  5. draw each tie type in its colour: as many edges in red (#d62728),
     green (#2ca02c) and blue (#1f5fbf) as the drawing has ties of that type;
  6. have no two party boxes that overlap, and no tie label inside a box;
  7. keep the legend to the right of the drawing.
"""
import os
import re
import sys
import xml.etree.ElementTree as ET

import yaml

NS = "{http://www.w3.org/2000/svg}"
COLOURS = {"contact": "#d62728", "decision": "#2ca02c", "initiative": "#1f5fbf"}
LEGEND = {"nl": ["intensief contact", "beslissingen", "initiatief"],
          "en": ["intensive contact", "decisions", "initiative"]}
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL:", msg, file=sys.stderr)


def numbers(text):
    return [float(x) for x in re.findall(r"-?\d+(?:\.\d+)?", text or "")]


def shape_box(g):
    """Bounding box (x0, y0, x1, y1) of a node's shape."""
    for el in g:
        tag = el.tag.replace(NS, "")
        if tag == "ellipse":
            cx, cy = float(el.get("cx")), float(el.get("cy"))
            rx, ry = float(el.get("rx")), float(el.get("ry"))
            return (cx - rx, cy - ry, cx + rx, cy + ry)
        if tag in ("polygon", "path"):
            v = numbers(el.get("points") if tag == "polygon" else el.get("d"))
            xs, ys = v[0::2], v[1::2]
            return (min(xs), min(ys), max(xs), max(ys))
    return None


def fill_of(g):
    for el in g:
        tag = el.tag.replace(NS, "")
        if tag in ("ellipse", "polygon", "path"):
            return (el.get("fill") or "").lower()
    return ""


def overlap(a, b, tol=0.5):
    return a[0] < b[2] - tol and b[0] < a[2] - tol and a[1] < b[3] - tol and b[1] < a[3] - tol


def check(svg_path, drawing, lang):
    name = os.path.basename(svg_path)
    raw = open(svg_path, encoding="utf-8").read()
    if "graphviz version" in raw.lower() or "<!DOCTYPE" in raw:
        fail(f"{name}: Graphviz's version comment or DOCTYPE left in")
    try:
        root = ET.fromstring(raw)
    except ET.ParseError as e:
        fail(f"{name}: not well-formed: {e}")
        return
    texts = ["".join(t.itertext()) for t in root.iter(NS + "text")]
    parties = drawing["parties"]
    nodes = {}
    for g in root.iter(NS + "g"):
        if g.get("class") == "node":
            pid = g.get("id").split("--", 1)[1]
            nodes[pid] = g
    if len(nodes) != len(parties):
        fail(f"{name}: {len(nodes)} nodes for {len(parties)} parties")
    for p in parties:
        label = p["label"]
        count = texts.count(label)
        if count != 1:
            fail(f"{name}: label {label!r} appears {count} times")
        g = nodes.get(p["id"])
        if g is None:
            fail(f"{name}: no node for party {p['id']}")
            continue
        if label not in ["".join(t.itertext()) for t in g.iter(NS + "text")]:
            fail(f"{name}: label {label!r} not inside its node")
        yellow = fill_of(g) == "#ffe14d"
        if yellow != (p.get("status") == "not_taking_part"):
            fail(f"{name}: party {p['id']} yellow={yellow}, status {p.get('status', 'active')}")
    legend = root.find(f".//{NS}g[@id='legend']")
    if legend is None:
        fail(f"{name}: no legend")
    else:
        lt = ["".join(t.itertext()) for t in legend.iter(NS + "text")]
        for word in LEGEND[lang]:
            if word not in lt:
                fail(f"{name}: legend lacks {word!r}")
    if root.find(f".//{NS}g[@id='metrics']") is None:
        fail(f"{name}: no metrics beside the drawing")
    # Tie colours.
    edges = [g for g in root.iter(NS + "g") if g.get("class") == "edge"]
    for t, colour in COLOURS.items():
        want = sum(1 for tie in drawing.get("ties") or [] if tie["type"] == t)
        got = 0
        for g in edges:
            path = g.find(NS + "path")
            if path is not None and (path.get("stroke") or "").lower() == colour:
                got += 1
        if got != want:
            fail(f"{name}: {got} edges in {colour} for {want} {t} ties")
    # Overlaps.
    boxes = {pid: shape_box(g) for pid, g in nodes.items()}
    ids = sorted(boxes)
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            if boxes[a] and boxes[b] and overlap(boxes[a], boxes[b]):
                fail(f"{name}: boxes of {a} and {b} overlap")
    for g in edges:
        for t in g.iter(NS + "text"):
            x, y = float(t.get("x")), float(t.get("y"))
            for pid, box in boxes.items():
                if box and box[0] < x < box[2] and box[1] < y < box[3]:
                    fail(f"{name}: tie label at ({x}, {y}) inside the box of {pid}")
    # The legend is right of the drawing.
    drawing_g = root.find(f".//{NS}g[@id='drawing']")
    bg = drawing_g.find(f".//{NS}polygon") if drawing_g is not None else None
    if bg is not None and legend is not None:
        tx = numbers(drawing_g.get("transform"))[0]
        width = max(numbers(bg.get("points"))[0::2]) - min(numbers(bg.get("points"))[0::2])
        lx = min(float(t.get("x")) for t in legend.iter(NS + "text"))
        if lx < tx + width:
            fail(f"{name}: the legend (x={lx}) overlaps the drawing (right edge {tx + width})")


def main():
    svg_dir, drawings = sys.argv[1], sys.argv[2]
    n = 0
    for f in sorted(os.listdir(drawings)):
        if not f.endswith(".yaml"):
            continue
        with open(os.path.join(drawings, f), encoding="utf-8") as fh:
            drawing = yaml.safe_load(fh)
        base = f[:-5]
        for suffix, lang in ((".svg", "nl"), (".en.svg", "en")):
            path = os.path.join(svg_dir, base + suffix)
            if not os.path.exists(path):
                fail(f"missing {path}")
                continue
            check(path, drawing, lang)
            n += 1
    print(f"checked {n} SVG file(s)")
    return 1 if failures or n == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
