#!/usr/bin/env python3
"""Writes graphs shaped like the Hubei network at any scale, for benchmarks (Scripts/graphgen/shaped.py).

  python3 Scripts/generate-graph.py --scale 10 --out Graphs/generated/hubei-10x.json
  python3 Scripts/generate-graph.py --scale 1 --format csv --out Graphs/generated/hubei-1x
  python3 Scripts/generate-graph.py --scale 0.1 --out Graphs/generated/hubei-0.1x.json --edge-list Graphs/generated/hubei-0.1x
  python3 Scripts/generate-graph.py --national --out Graphs/generated/national

--national writes a CSV folder of exactly 10,000,000 nodes and 30,000,000 edges. --edge-list PREFIX
also writes PREFIX.edges (0-based `u v` node indices, one edge a line) and PREFIX.count for the
centrality benchmark's peers. Seeded: the same arguments write the same bytes.
"""
import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from graphgen import shaped  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog=__doc__.split("\n\n", 1)[1])
    parser.add_argument("--scale", type=float, default=1.0, help="size relative to Hubei (default 1)")
    parser.add_argument("--out", required=True, help="a .json file, or a folder for --format csv")
    parser.add_argument("--format", choices=["json", "csv"], help="default: csv for --national and for an --out "
                        "without .json, json otherwise")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--national", action="store_true", help="10M nodes / 30M edges, CSV folder")
    parser.add_argument("--edge-list", metavar="PREFIX", help="also write PREFIX.edges and PREFIX.count")
    args = parser.parse_args()
    fmt = args.format or ("json" if args.out.endswith(".json") and not args.national else "csv")
    if args.national and fmt != "csv":
        parser.error("--national writes a CSV folder")
    if args.scale <= 0:
        parser.error("--scale must be positive")
    scale = shaped.NATIONAL_SCALE if args.national else args.scale
    if round(shaped.VILLAGES * scale) < 2:
        parser.error("--scale %g is too small to hold a village" % scale)
    started = time.time()
    nodes, edges = shaped.generate(scale, args.out, fmt, args.seed, args.national, args.edge_list)
    print("generate-graph: wrote %s: %d nodes, %d edges in %.1f s" % (args.out, nodes, edges, time.time() - started),
          file=sys.stderr)


if __name__ == "__main__":
    main()
