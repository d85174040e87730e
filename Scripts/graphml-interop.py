#!/usr/bin/env python3
"""GraphML interoperability between Tongxin and NetworkX (and igraph, when it is installed).

    python3 Scripts/graphml-interop.py [--tongxin .build/debug/tongxin]

1. Tongxin writes GraphML from an example graph; NetworkX reads it (as a MultiDiGraph) and the script
   checks every node's kind, name and attributes with their Python types, and every edge's
   endpoints, kind and weight, against the native JSON file it came from.
2. NetworkX writes a MultiDiGraph with parallel edges, Chinese names and str/int/float/bool
   attributes; Tongxin converts it to its native JSON and the script checks that nothing changed.
3. If python-igraph is importable (`/opt/peers/bin/python`, or `Scripts/setup-peers.sh`'s
   `.venv-peers`), igraph reads Tongxin's GraphML too.

Needs the built `tongxin` (`swift build`) and networkx (system-wide here). Exits 1 on any mismatch.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

import networkx as nx

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def native_graph(path):
    """The nodes and edges of a Tongxin JSON graph, `parent` turned into `within` edges, in file order."""
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    nodes, edges = {}, []
    for node in doc["nodes"]:
        attrs = dict(node.get("attrs", {}))
        for key in ("level", "type", "category"):
            if key in node:
                attrs[key] = node[key]
        nodes[node["id"]] = (node.get("kind", "node"), node.get("name"), attrs)
        if "parent" in node:
            edges.append((node["id"], node["parent"], "within", 1.0, {}))
    for edge in doc.get("edges", []):
        edges.append((edge["source"], edge["target"], edge.get("kind", "tie"), float(edge.get("weight", 1)),
                      dict(edge.get("attrs", {}))))
    return doc.get("name", ""), nodes, edges


def check(condition, message, failures):
    if not condition:
        failures.append(message)


def tongxin_to_networkx(tongxin, example, workdir, failures):
    ours = os.path.join(workdir, "ours.graphml")
    subprocess.run([tongxin, "convert", example, ours], check=True, stdout=subprocess.DEVNULL)
    name, nodes, edges = native_graph(example)
    g = nx.read_graphml(ours, force_multigraph=True)
    check(g.is_directed() and g.is_multigraph(), "NetworkX did not read a directed multigraph", failures)
    check(g.graph.get("name") == name, f"graph name {g.graph.get('name')!r} != {name!r}", failures)
    check(list(g.nodes) == list(nodes), "node ids or their order differ", failures)
    for node, (kind, label, attrs) in nodes.items():
        data = dict(g.nodes[node])
        check(data.pop("kind", None) == kind, f"node {node}: kind {kind!r} lost", failures)
        check(data.pop("name", None) == label, f"node {node}: name {label!r} lost", failures)
        check(data == attrs and all(type(data[k]) is type(v) for k, v in attrs.items()),
              f"node {node}: attributes {data!r} != {attrs!r}", failures)
    got = [(u, v, d.get("kind"), float(d.get("weight", 1.0)),
            {k: x for k, x in d.items() if k not in ("kind", "weight")}) for u, v, d in g.edges(data=True)]
    check(sorted(map(repr, got)) == sorted(map(repr, edges)), "edges, kinds, weights or attributes differ", failures)
    print(f"NetworkX read Tongxin's GraphML of {os.path.relpath(example, ROOT)}: "
          f"{g.number_of_nodes()} nodes, {g.number_of_edges()} edges")
    return ours


def networkx_to_tongxin(tongxin, workdir, failures):
    g = nx.MultiDiGraph(name="互操作")
    g.add_node("hb", kind="region", name="湖北省", level="province", code=42)
    g.add_node("v1", kind="village", name="一村 & <二组>", households=120, share=0.25, active=True)
    g.add_node("plain")
    g.add_edge("v1", "hb", kind="within")
    g.add_edge("plain", "v1", kind="paired_with", weight=2.5, since=2019)
    g.add_edge("plain", "v1", kind="paired_with", weight=1.0, since=2021)
    theirs = os.path.join(workdir, "theirs.graphml")
    nx.write_graphml(g, theirs)
    back = os.path.join(workdir, "theirs.json")
    subprocess.run([tongxin, "convert", theirs, back], check=True, stdout=subprocess.DEVNULL)
    name, nodes, edges = native_graph(back)
    check(name == "互操作", f"graph name {name!r}", failures)
    check(list(nodes) == list(g.nodes), "node ids or order differ", failures)
    for node, data in g.nodes(data=True):
        data = dict(data)
        kind, label, attrs = nodes[node]
        check(kind == data.pop("kind", "node"), f"node {node}: kind {kind!r}", failures)
        check(label == data.pop("name", None), f"node {node}: name {label!r}", failures)
        check(attrs == data and all(type(attrs[k]) is type(v) for k, v in data.items()),
              f"node {node}: attributes {attrs!r} != {data!r}", failures)
    expected = [(u, v, d.get("kind", "tie"), float(d.get("weight", 1.0)),
                 {k: x for k, x in d.items() if k not in ("kind", "weight")}) for u, v, d in g.edges(data=True)]
    check(edges == expected, f"edges {edges!r} != {expected!r}", failures)
    print(f"Tongxin read NetworkX's GraphML: {len(nodes)} nodes, {len(edges)} edges (2 parallel)")


def igraph_reads(ours, example, failures):
    try:
        import igraph
    except ImportError:
        print("igraph: not installed here (run with /opt/peers/bin/python or .venv-peers/bin/python to check it)")
        return
    _, nodes, edges = native_graph(example)
    g = igraph.Graph.Read_GraphML(ours)
    check(g.is_directed() and g.vcount() == len(nodes) and g.ecount() == len(edges), "igraph: counts differ", failures)
    check(g.vs["id"] == list(nodes) and g.vs["kind"] == [n[0] for n in nodes.values()], "igraph: ids or kinds differ", failures)
    check(g.es["kind"] == [e[2] for e in edges], "igraph: edge kinds differ", failures)
    print(f"igraph read Tongxin's GraphML: {g.vcount()} nodes, {g.ecount()} edges")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tongxin", default=os.path.join(ROOT, ".build", "debug", "tongxin"))
    parser.add_argument("--example", default=os.path.join(ROOT, "Graphs", "examples", "yunxi.json"))
    args = parser.parse_args()
    if not os.access(args.tongxin, os.X_OK):
        sys.exit(f"{args.tongxin} is not built: run `swift build` first")
    failures = []
    with tempfile.TemporaryDirectory() as workdir:
        ours = tongxin_to_networkx(args.tongxin, args.example, workdir, failures)
        networkx_to_tongxin(args.tongxin, workdir, failures)
        igraph_reads(ours, args.example, failures)
    for failure in failures:
        print("MISMATCH:", failure)
    print(f"graphml interop: {len(failures)} mismatches" if failures else "graphml interop: everything intact")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
