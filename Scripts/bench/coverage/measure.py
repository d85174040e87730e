#!/usr/bin/env python3
"""The measuring half of Scripts/bench/coverage.sh (which builds the release binaries first).

1. End to end: `tongxin coverage` and `tongxin pairing` on Graphs/hubei.json, loading included, the
   best wall time of --runs runs, next to `tongxin validate` (loading alone).
2. The analysis alone at each --scales multiple of the Hubei size, on graphs made by
   Scripts/generate-graph.py (kept in Graphs/generated/): the nested package Scripts/bench/coverage
   (executable bench-coverage) loads the graph once and reports the best thread CPU time of each library call (CPU time, because the machine is shared).
3. Maximum matching on the largest graph's enterprise–village pair graph: Tongxin's Hopcroft–Karp
   against NetworkX's `bipartite.hopcroft_karp_matching` on the very same pair graph, in the same
   run (thread CPU time of the matching call only, graph construction excluded on both sides).

Prints Markdown tables. NetworkX comes from --peers-python (default: .venv-peers/bin/python, made
by Scripts/setup-peers.sh, else /opt/peers/bin/python, else python3 with networkx).
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
TONGXIN = os.path.join(ROOT, ".build", "release", "tongxin")
BENCH = os.path.join(ROOT, "Scripts", "bench", "coverage", ".build", "release", "bench-coverage")
HUBEI = os.path.join(ROOT, "Graphs", "hubei.json")

END_TO_END = [
    ("validate (loading only)", ["validate", HUBEI]),
    ("coverage: villages by 商会 or figure, whole province",
     ["coverage", HUBEI, "--unit", "village", "--by", "organization[type=商会]", "--by", "figure", "--format", "json"]),
    ("coverage: towns by 商会 in 十堰市, --min-rate 0.9",
     ["coverage", HUBEI, "--unit", "town", "--by", "organization[type=商会]", "--region", "十堰市", "--min-rate", "0.9"]),
    ("pairing: enterprises–villages by county, whole province",
     ["pairing", HUBEI, "--left", "enterprise", "--right", "village", "--by", "county", "--format", "json"]),
    ("pairing: 宜昌市 by town with --suggest",
     ["pairing", HUBEI, "--left", "enterprise", "--right", "village", "--region", "宜昌市", "--by", "town", "--suggest"]),
]

# bench-coverage result keys, in table order.
ANALYSES = [
    ("coverage_villages", "coverage villages"),
    ("coverage_towns", "coverage towns"),
    ("pairing_whole", "pairing"),
    ("pairing_by_county", "pairing by county"),
    ("suggest", "suggest"),
    ("matching", "Hopcroft–Karp"),
]

NX_MATCH = r"""
import sys, time
import networkx as nx
from networkx.algorithms import bipartite
with open(sys.argv[1]) as f:
    nu, nv = map(int, f.readline().split())
    g = nx.Graph()
    g.add_nodes_from(range(nu + nv))
    g.add_edges_from((int(a), nu + int(b)) for a, b in (line.split() for line in f))
start = time.thread_time()
matching = bipartite.hopcroft_karp_matching(g, top_nodes=range(nu))
print(time.thread_time() - start, len(matching) // 2)
"""


def peers_python(given):
    for candidate in [given, os.path.join(ROOT, ".venv-peers", "bin", "python"), "/opt/peers/bin/python"]:
        if candidate and os.path.exists(candidate):
            return candidate
    return sys.executable


def end_to_end(runs):
    print("## End to end on Graphs/hubei.json (release build; best of %d runs: wall time, and CPU time = user + "
          "system, which a loaded machine inflates less)\n" % runs)
    print("| command | wall s | CPU s | exit |")
    print("| --- | ---: | ---: | ---: |")
    for label, arguments in END_TO_END:
        best_wall, best_cpu, status = None, None, None
        for _ in range(runs):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            done = subprocess.run([TONGXIN] + arguments, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            wall = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            best_wall = wall if best_wall is None else min(best_wall, wall)
            best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
            status = done.returncode
        print("| `%s` | %.3f | %.3f | %d |" % (label, best_wall, best_cpu, status))
    print()


def generated(scale):
    path = os.path.join(ROOT, "Graphs", "generated", "hubei-%gx.json" % scale)
    if not os.path.exists(path):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        subprocess.run([sys.executable, os.path.join(ROOT, "Scripts", "generate-graph.py"), "--scale", str(scale),
                        "--out", path], check=True, stdout=sys.stderr)
    return path


def scaling(scales, runs, pairs_path):
    rows = []
    for index, scale in enumerate(scales):
        arguments = [BENCH, generated(scale), "--repeat", str(runs)]
        if index == len(scales) - 1:
            arguments += ["--pairs-out", pairs_path]
        output = subprocess.run(arguments, check=True, capture_output=True, text=True).stdout
        rows.append((scale, json.loads(output)))
    print("## Analysis alone (best thread CPU seconds of %d runs; ×: time relative to the smallest graph)\n" % runs)
    print("| scale | nodes | edges | load | " + " | ".join(label for _, label in ANALYSES) + " |")
    print("| ---: | ---: | ---: | ---: | " + " | ".join("---:" for _ in ANALYSES) + " |")
    base = rows[0][1]
    for scale, row in rows:
        cells = ["%g×" % scale, "{:,}".format(row["nodes"]), "{:,}".format(row["edges"]), "%.2f" % row["load"]]
        for key, _ in ANALYSES:
            cells.append("%.4f (%.0f×)" % (row[key], row[key] / base[key]) if row is not base else "%.4f" % row[key])
        print("| " + " | ".join(cells) + " |")
    print()
    return rows[-1]


def matching(largest, pairs_path, python):
    scale, row = largest
    output = subprocess.run([python, "-c", NX_MATCH, pairs_path], check=True, capture_output=True, text=True).stdout
    nx_seconds, nx_size = output.split()
    nx_seconds = float(nx_seconds)
    print("## Maximum matching on the %g× graph's enterprise–village pairs (%s pair edges)\n"
          % (scale, "{:,}".format(row["pair_edges"])))
    print("| implementation | matching size | CPU seconds | ratio |")
    print("| --- | ---: | ---: | ---: |")
    print("| Tongxin `BipartiteMatching` | %s | %.4f | 1 |" % ("{:,}".format(row["matching_size"]), row["matching"]))
    print("| NetworkX `hopcroft_karp_matching` | %s | %.4f | %.0f× slower |"
          % ("{:,}".format(int(nx_size)), nx_seconds, nx_seconds / row["matching"]))
    if int(nx_size) != row["matching_size"]:
        print("\nMISMATCH: the matching sizes differ")
        sys.exit(1)
    print()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", default="1,10,100", help="multiples of the Hubei size (default 1,10,100)")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement; the best counts (default 3)")
    parser.add_argument("--peers-python", help="a python with networkx")
    args = parser.parse_args()
    scales = [float(s) for s in args.scales.split(",")]
    pairs_path = os.path.join(ROOT, "Graphs", "generated", "pairs-%gx.txt" % scales[-1])
    end_to_end(args.runs)
    largest = scaling(scales, args.runs, pairs_path)
    matching(largest, pairs_path, peers_python(args.peers_python))


if __name__ == "__main__":
    main()
