#!/usr/bin/env python3
"""Generates a graph shaped like the Hubei province network at a given scale, for the centrality
benchmark (Scripts/bench-centrality.sh): a region tree (province → cities → counties → towns →
villages), organizations located in villages and towns, enterprises, and figures, joined by
within / member_of / leads / serves / liaison_for / paired_with / tie edges, with popularity-biased
(heavy-tailed) choices so hubs exist. At scale 1 it has about 97k nodes and 246k edges.

Writes PREFIX.json (Tongxin's native format), PREFIX.edges (0-based integer pairs, one edge a line,
for the Python peers) and PREFIX.count (the node count). Python 3 standard library only; deterministic for a
scale and seed.

    python3 Scripts/bench-centrality/generate.py --scale 1 --out Graphs/generated/bench-1
"""

import argparse
import json
import random


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, required=True)
    parser.add_argument("--out", required=True, help="path prefix: writes PREFIX.json and PREFIX.edges")
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    s = args.scale

    ids, kinds, names, parents = [], [], [], []
    edges = []  # (source, target, kind)

    def node(kind, name, parent=None):
        ids.append(f"{kind[0]}{len(ids)}")
        kinds.append(kind)
        names.append(name)
        parents.append(parent)
        if parent is not None:
            edges.append((len(ids) - 1, parent, "within"))
        return len(ids) - 1

    province = node("region", "湖北省")
    cities = [node("region", f"市{i}", province) for i in range(max(1, round(17 * min(s, 1) if s < 1 else 17 * s)))]
    counties = [node("region", f"县{i}", rng.choice(cities)) for i in range(max(1, round(103 * s)))]
    towns = [node("region", f"镇{i}", rng.choice(counties)) for i in range(max(1, round(1250 * s)))]
    villages = [node("village", f"村{i}", rng.choice(towns)) for i in range(max(1, round(26000 * s)))]
    places = towns + villages
    organizations = [node("organization", f"会{i}", rng.choice(places)) for i in range(max(1, round(19000 * s)))]
    enterprises = [node("enterprise", f"企{i}") for i in range(max(1, round(19500 * s)))]
    figures = [node("figure", f"人{i}") for i in range(max(1, round(31500 * s)))]

    def popular(items, bias=1.6):
        """An item with a heavy-tailed index distribution (low indices popular)."""
        return items[min(len(items) - 1, int(len(items) * rng.random() ** bias))]

    for f in figures:
        for _ in range(1 + int(rng.random() ** 2 * 4)):
            edges.append((f, popular(organizations), "member_of"))
    for _ in range(round(9000 * s)):
        edges.append((rng.choice(figures), rng.choice(organizations), "leads"))
    for _ in range(round(21000 * s)):
        edges.append((popular(organizations), rng.choice(places), "serves"))
    for _ in range(round(26000 * s)):
        edges.append((rng.choice(figures), rng.choice(villages), "liaison_for"))
    for _ in range(round(30000 * s)):
        edges.append((popular(enterprises, 2.0), rng.choice(villages), "paired_with"))
    for e in enterprises:
        edges.append((e, rng.choice(places), "within"))
    actors, joined = figures + enterprises, figures + organizations
    while len(edges) < round(246000 * s):
        edges.append((popular(actors, 1.3), popular(joined, 1.3), "tie"))

    with open(args.out + ".json", "w") as f:
        f.write('{"format":"tongxin-graph","version":1,"name":"bench","nodes":[\n')
        for i in range(len(ids)):
            record = {"id": ids[i], "kind": kinds[i], "name": names[i]}
            f.write(json.dumps(record, ensure_ascii=False) + (",\n" if i + 1 < len(ids) else "\n"))
        f.write('],"edges":[\n')
        for i, (u, v, k) in enumerate(edges):
            f.write(json.dumps({"source": ids[u], "target": ids[v], "kind": k}) + (",\n" if i + 1 < len(edges) else "\n"))
        f.write("]}\n")
    with open(args.out + ".count", "w") as f:
        f.write(f"{len(ids)}\n")
    with open(args.out + ".edges", "w") as f:
        for u, v, _ in edges:
            f.write(f"{u} {v}\n")
    print(f"{args.out}: {len(ids)} nodes, {len(edges)} edges")


if __name__ == "__main__":
    main()
