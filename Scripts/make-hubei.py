#!/usr/bin/env python3
"""Writes Graphs/hubei.json, the Hubei province network (Scripts/graphgen/hubei.py), in about two
seconds; the same bytes on every run and every Python 3.

Usage: python3 Scripts/make-hubei.py [--out Graphs/hubei.json] [--edge-list PREFIX]
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from graphgen import hubei  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=os.path.join(hubei.ROOT, "Graphs", "hubei.json"))
    parser.add_argument("--edge-list", metavar="PREFIX",
                        help="also write PREFIX.edges (0-based `u v` lines) and PREFIX.count for the peers")
    args = parser.parse_args()
    nodes, edges, within = hubei.write(hubei.build(), args.out, args.edge_list)
    print("make-hubei: wrote %s: %d nodes, %d edges (+%d within from parent)" % (
        os.path.relpath(args.out), nodes, edges, within), file=sys.stderr)


if __name__ == "__main__":
    main()
