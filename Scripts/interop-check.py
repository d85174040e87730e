#!/usr/bin/env python3
"""Cross-checks Tongxin's GEXF, yEd GraphML, Gephi GraphML and Cytoscape JSON with NetworkX, both ways.

    python3 Scripts/interop-check.py TONGXIN [WORKDIR]

1. Reading theirs: NetworkX reads each file of Tests/Fixtures/interop (saved in Gephi's, yEd's and
   Cytoscape's shapes); Tongxin converts it to its native JSON; every node's id, name (NetworkX's
   `name`, else `label`), kind and attributes (with their Python types; GEXF `viz` as viz_*
   attributes) and every edge's endpoints and kind must agree.
2. Writing ours: Tongxin writes Graphs/examples/yunxi.json as styled GEXF and as yEd GraphML
   (`--for yed`); NetworkX reads them and every node's label, kind, attributes and fill colour, and
   every edge's endpoints and kind, must be the example's.
3. Cytoscape JSON as NetworkX writes it (`nx.cytoscape_data`) reads into Tongxin with its names,
   kinds and attributes. (NetworkX's `cytoscape_graph` reads only its own dialect — every node needs
   a `value` — so it cannot check Cytoscape's files or Tongxin's; the Swift tests do, against a
   fixture in Cytoscape desktop's shape.)

NetworkX 3.6 knows neither GEXF's `date` type nor 1.3's `<viz:color hex>`: the GEXF fixture is given
to it with `date` read as `string` and its one hex colour spelled as r, g, b.
Needs networkx (`.venv-test`, made by Scripts/setup.sh). Prints each mismatch; exits 1 on any.
"""
import json
import os
import subprocess
import sys
import tempfile

import networkx as nx

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "Tests", "Fixtures", "interop")
KINDS = {"within", "member_of", "leads", "serves", "liaison_for", "paired_with", "tie"}
# KindPalette's fills (Sources/TongxinGraph/KindPalette.swift).
FILLS = {"region": "#c6dbef", "village": "#c7e9c0", "organization": "#fdd0a2", "enterprise": "#fcbba1",
         "figure": "#dadaeb"}
# What NetworkX makes of yEd's graphics, which Tongxin does not keep.
YED_GRAPHICS = {"x", "y", "width", "height", "shape_type", "label"}
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def tongxin_json(tongxin, path, workdir):
    out = os.path.join(workdir, os.path.basename(path) + ".json")
    subprocess.run([tongxin, "convert", path, out], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(out, encoding="utf-8") as f:
        doc = json.load(f)
    nodes = {}
    edges = []
    for node in doc["nodes"]:
        attrs = dict(node.get("attrs", {}))
        for key in ("level", "type", "category"):
            if key in node:
                attrs[key] = node[key]
        nodes[node["id"]] = {"kind": node.get("kind", "node"), "name": node.get("name"), "attrs": attrs}
        if "parent" in node:
            edges.append((node["id"], node["parent"], "within"))
    for edge in doc.get("edges", []):
        edges.append((edge["source"], edge["target"], edge.get("kind", "tie")))
    return nodes, edges


def same(a, b):
    return type(a) is type(b) and a == b or (isinstance(a, float) and isinstance(b, float) and abs(a - b) < 1e-9)


def viz_attributes(viz):
    attrs = {}
    if "color" in viz:
        color = viz["color"]
        attrs["viz_color"] = "#%02x%02x%02x" % (color["r"], color["g"], color["b"])
        if float(color.get("a", 1)) != 1:  # NetworkX gives every colour an alpha, 1 when the file has none
            attrs["viz_alpha"] = float(color["a"])
    if "size" in viz:
        attrs["viz_size"] = float(viz["size"])
    for axis, value in viz.get("position", {}).items():
        attrs["viz_" + axis] = float(value)
    return attrs


def reading_theirs(tongxin, workdir):
    for name, read in [("gephi.gexf", "gexf"), ("gephi.graphml", "graphml"), ("yed.graphml", "graphml")]:
        path = os.path.join(FIXTURES, name)
        if read == "gexf":
            with open(path, encoding="utf-8") as f:
                text = f.read().replace('type="date"', 'type="string"').replace('hex="#dadaeb"', 'r="218" g="218" b="235"')
            theirs = nx.read_gexf(_write(workdir, "nx-" + name, text), node_type=str, relabel=False)
        else:
            theirs = nx.read_graphml(path, force_multigraph=True)
        nodes, edges = tongxin_json(tongxin, path, workdir)
        check(set(theirs.nodes) == set(nodes), f"{name}: node ids {sorted(theirs.nodes)} != {sorted(nodes)}")
        for node, data in theirs.nodes(data=True):
            if node not in nodes:
                continue
            ours = nodes[node]
            data = dict(data)
            expected_name = data.get("name") if isinstance(data.get("name"), str) else data.get("label")
            if name == "yed.graphml" and node == "n0":
                expected_name = "城关镇"  # NetworkX reads no label for a yEd group node; Tongxin reads its GroupNode's
            check(ours["name"] == expected_name, f"{name}: node {node} name {ours['name']!r} != {expected_name!r}")
            kind = data.pop("kind", None)
            if isinstance(kind, str):
                check(ours["kind"] == kind, f"{name}: node {node} kind {ours['kind']!r} != {kind!r}")
            else:
                check(ours["kind"] == "node", f"{name}: node {node} kind {ours['kind']!r} != 'node'")
                if kind is not None:
                    check(same(ours["attrs"].get("kind_original"), kind), f"{name}: node {node} kind_original")
            expected = viz_attributes(data.pop("viz", {}))
            for key, value in data.items():
                if key in ("label", "name") or (name == "yed.graphml" and key in YED_GRAPHICS):
                    continue
                expected[key] = value
            if read == "gexf":
                expected.pop("pid", None)
            for key, value in expected.items():
                check(same(ours["attrs"].get(key), value),
                      f"{name}: node {node} attribute {key} {ours['attrs'].get(key)!r} != {value!r}")
        their_edges = []
        for source, target, data in theirs.edges(data=True):
            kind = data.get("kind")
            if kind is None:
                label = data.get("label", data.get("Edge Label"))
                kind = label if label in KINDS else "tie"
            their_edges.append((source, target, kind))
        if name == "yed.graphml":
            # NetworkX flattens yEd's groups; Tongxin adds a `within` edge from each member to its group.
            their_edges += [(member, "n0", "within") for member in ("n0::n0", "n0::n1")]
        if name == "gephi.gexf":
            # NetworkX ignores GEXF 1.3's edge attribute `kind` (edge 2 of the fixture is `kind="leads"`).
            their_edges = [("p1", "org", "leads") if e == ("p1", "org", "tie") else e for e in their_edges]
        check(sorted(their_edges) == sorted(edges), f"{name}: edges {sorted(their_edges)} != {sorted(edges)}")


def _write(workdir, name, text):
    path = os.path.join(workdir, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def writing_ours(tongxin, workdir):
    example = os.path.join(ROOT, "Graphs", "examples", "yunxi.json")
    nodes, edges = tongxin_json(tongxin, example, workdir)
    gexf, yed = os.path.join(workdir, "ours.gexf"), os.path.join(workdir, "ours-yed.graphml")
    subprocess.run([tongxin, "convert", example, gexf], check=True, stdout=subprocess.DEVNULL)
    subprocess.run([tongxin, "convert", example, yed, "--for", "yed"], check=True, stdout=subprocess.DEVNULL)
    for label, graph in [("gexf", nx.read_gexf(gexf, node_type=str, relabel=False)),
                         ("yed", nx.read_graphml(yed, force_multigraph=True))]:
        check(list(graph.nodes) == list(nodes), f"{label}: node ids or order differ")
        for node, data in graph.nodes(data=True):
            ours = nodes[node]
            check(data.get("label") == (ours["name"] if ours["name"] is not None else (node if label == "yed" else None)),
                  f"{label}: node {node} label {data.get('label')!r} != name {ours['name']!r}")
            check(data.get("kind") == ours["kind"], f"{label}: node {node} kind {data.get('kind')!r}")
            for key, value in ours["attrs"].items():
                check(same(data.get(key), value), f"{label}: node {node} attribute {key} {data.get(key)!r} != {value!r}")
            if label == "gexf":
                color = data.get("viz", {}).get("color", {})
                fill = "#%02x%02x%02x" % (color.get("r", 0), color.get("g", 0), color.get("b", 0))
                check(fill == FILLS.get(ours["kind"], "#f0f0f0"), f"gexf: node {node} colour {fill}")
        their_edges = sorted((s, t, d.get("kind")) for s, t, d in graph.edges(data=True))
        check(their_edges == sorted(edges), f"{label}: edges differ")
    # And NetworkX's own Cytoscape JSON, read by Tongxin.
    g = nx.MultiDiGraph()
    g.add_node("a", name="甲", kind="village", households=12)
    g.add_node("b", name="乙", kind="region")
    g.add_edge("a", "b", kind="within")
    g.add_edge("a", "b", kind="tie", weight=2.5)
    path = _write(workdir, "nx.cyjs", json.dumps(nx.cytoscape_data(g), ensure_ascii=False))
    back, back_edges = tongxin_json(tongxin, path, workdir)
    check(back["a"] == {"kind": "village", "name": "甲", "attrs": {"households": 12, "value": "a"}}, f"nx.cyjs: node a {back['a']}")
    check(sorted(back_edges) == [("a", "b", "tie"), ("a", "b", "within")], f"nx.cyjs: edges {back_edges}")


def main():
    tongxin = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as scratch:
        workdir = sys.argv[2] if len(sys.argv) > 2 else scratch
        os.makedirs(workdir, exist_ok=True)
        reading_theirs(tongxin, workdir)
        writing_ours(tongxin, workdir)
    for failure in failures:
        print(failure)
    print(f"interop-check: {len(failures)} mismatches")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
