#!/usr/bin/env python3
"""Prints the centrality benchmark's ratio table from the JSON files Scripts/bench/centrality.sh collected:
for each scale, RESULTS/SCALE.tongxin.json and RESULTS/SCALE.peers.json.

    python3 report.py RESULTS 0.1 1 10
"""

import json
import os
import sys

KERNELS = ["load", "components", "bfs", "pagerank", "pagerank_1e-10", "coreness", "betweenness_exact",
           "betweenness_sampled_256", "closeness", "louvain", "leiden"]


def fmt(x):
    return "—" if x is None else (f"{x:.3f}" if x < 100 else f"{x:.0f}")


def main():
    folder, scales = sys.argv[1], sys.argv[2:]
    print("Wall times in seconds (best of 3 for kernels under a second, else one run); ratio = peer time ÷ "
          "Tongxin time (above 1: Tongxin faster). Goal: ≥ 2 against the faster of igraph and "
          "NetworKit, ≥ 50 against NetworkX. CPU: the process CPU time of the same runs (both cores "
          "counted, so a parallel kernel's CPU exceeds its wall); the CPU ratio takes the peer with less CPU.\n")
    header = ["scale", "kernel", "tongxin", "igraph", "networkit", "networkx", "best peer ÷ tongxin",
              "tongxin cpu", "peer cpu ÷ tongxin cpu", "networkx ÷ tongxin"]
    rows = []
    notes = []
    for scale in scales:
        t = json.load(open(os.path.join(folder, f"{scale}.tongxin.json")))
        p = json.load(open(os.path.join(folder, f"{scale}.peers.json")))
        ig, nk, nx = p.get("igraph", {}), p.get("networkit", {}), p.get("networkx", {})
        for k in KERNELS:
            mine = t.get(k)
            if mine is None:
                continue
            mine_cpu = t.get(k + "_cpu")
            if k == "load":
                mine = t["load"] + t["view"]
                mine_cpu = t.get("load_cpu", 0) + t.get("view_cpu", 0) if "load_cpu" in t else None
            peer_cpus = [x for x in (ig.get(k + "_cpu"), nk.get(k + "_cpu")) if x is not None]
            cpu_ratio = min(peer_cpus) / mine_cpu if peer_cpus and mine_cpu else None
            peers = [x for x in (ig.get(k), nk.get(k)) if x is not None]
            bestpeer = min(peers) if peers else None
            ratio = bestpeer / mine if bestpeer else None
            xratio = nx[k] / mine if k in nx else None
            name = k + (" (nx extrapolated)" if k in nx.get("extrapolated", []) else "")
            rows.append([scale + "×", name, fmt(mine), fmt(ig.get(k)), fmt(nk.get(k)), fmt(nx.get(k)),
                         "—" if ratio is None else f"{ratio:.2f}" + (" ✓" if ratio >= 2 else " ✗"),
                         fmt(mine_cpu), "—" if cpu_ratio is None else f"{cpu_ratio:.2f}",
                         "—" if xratio is None else f"{xratio:.0f}" + (" ✓" if xratio >= 50 else " ✗")])
        bound = t["pagerank_iteration_bytes"] / t["bandwidth_bytes_per_second"]
        notes.append(f"{scale}×: PageRank one iteration {t['pagerank_iteration'] * 1e3:.2f} ms measured, "
                     f"bandwidth bound {bound * 1e3:.2f} ms ({t['pagerank_iteration_bytes'] / 1e6:.1f} MB at "
                     f"{t['bandwidth_bytes_per_second'] / 1e9:.1f} GB/s measured streaming read)"
                     + (f"; a bare two-thread pull product over the same arcs {t['pagerank_gather'] * 1e3:.2f} ms"
                        if "pagerank_gather" in t else ""))
        q = [f"{name} {p[name].get('louvain_modularity', float('nan')):.6f}" for name in p
             if "louvain_modularity" in p[name]]
        notes.append(f"{scale}×: Louvain modularity tongxin {t['louvain_modularity']:.6f}, " + ", ".join(q))
        if "leiden_modularity" in t:
            q = [f"{name} {p[name]['leiden_modularity']:.6f}" for name in p if "leiden_modularity" in p[name]]
            notes.append(f"{scale}×: Leiden modularity tongxin {t['leiden_modularity']:.6f}, " + ", ".join(q)
                         + f"; disconnected communities: tongxin {t.get('leiden_disconnected', 0):.0f}, igraph "
                         + f"{p.get('igraph', {}).get('leiden_disconnected', float('nan')):.0f}")
    widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(len(header))]
    for r in [header] + rows:
        print("  ".join(str(c).ljust(widths[i]) for i, c in enumerate(r)).rstrip())
    print()
    for note in notes:
        print(note)
    print("\nload: Tongxin reads and validates the native JSON (ids, kinds, names) and builds its view; "
          "the peers read a bare integer edge list.")
    print("pagerank: Tongxin and NetworKit to an L1 change below 1e-13 (Tongxin's default), igraph's PRPACK to 1e-10 "
          "(fixed in igraph); pagerank_1e-10: all three to 1e-10.")


if __name__ == "__main__":
    main()
