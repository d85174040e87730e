#!/usr/bin/env python3
"""Writes Graphs/hubei-2023.json, the Hubei network one year earlier, and Graphs/hubei-2023.expected.json,
the differences counted independently of Tongxin (Scripts/graphgen/earlier.py); the same bytes on
every run.

Usage: python3 Scripts/make-hubei-2023.py  (after Scripts/make-hubei.py; standard library only)
"""
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from graphgen import earlier  # noqa: E402


def main():
    with open(earlier.CURRENT, encoding="utf-8") as source:
        current = json.load(source)
    old = earlier.earlier_year(current, random.Random(earlier.SEED))
    earlier.write(earlier.EARLIER, old)
    counts = earlier.expected(old, current)
    earlier.write(earlier.EXPECTED, counts)
    print("make-hubei-2023: wrote %s: %d nodes, %d edges; %d nodes added, %d removed, %d changed since"
          % (os.path.relpath(earlier.EARLIER, earlier.ROOT), len(old["nodes"]), len(old["edges"]),
             counts["nodes"]["added"], counts["nodes"]["removed"], counts["nodes"]["changed"]))


if __name__ == "__main__":
    main()
