#!/usr/bin/env python3
"""The peer half of Scripts/bench/import.sh: the same import written the way a programmer would script
it with openpyxl (read-only mode, values only) — every row's city/county/town resolved by full name
within its parent through dictionaries, villages the divisions lack made once per town and name,
one figure per (name, phone), `within` and `liaison_for` edges, the graph written as JSON.
It does less than `tongxin import` (no short names, no header search, no checks, no positioned
errors), so it is a lower bound for a scripted import.

Usage: python3 Scripts/bench/import/peer.py FOLDER DIVISIONS_CSV   # FOLDER holds roster.xlsx
"""
import csv
import json
import os
import sys

from openpyxl import load_workbook


def main():
    folder, divisions_path = sys.argv[1], sys.argv[2]
    nodes, edges = [], []
    children = {}  # (parent code or None, name) -> code
    with open(divisions_path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            nodes.append({"id": row["code"], "kind": "region", "name": row["name"], "level": row["level"]})
            parent = row["parent_code"] or None
            children[(parent, row["name"])] = row["code"]
            if parent:
                edges.append({"source": row["code"], "target": parent, "kind": "within"})
    by_name = {}
    for (parent, name), code in children.items():
        by_name.setdefault(name, code)
    sheet = load_workbook(os.path.join(folder, "roster.xlsx"), read_only=True).worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    next(rows), next(rows)  # title, header
    figures, villages = set(), {}
    for _, city, county, town, village, name, phone in rows:
        city_code = by_name[city]
        county_code = children.get((city_code, county)) or by_name[county]
        town_code = children[(county_code, town)]
        place = children.get((town_code, village)) or villages.get((town_code, village))
        if place is None:
            place = "%s-%d" % (town_code, len(villages))
            villages[(town_code, village)] = place
            nodes.append({"id": place, "kind": "village", "name": village})
            edges.append({"source": place, "target": town_code, "kind": "within"})
        figure = "figure-%s-%s" % (name, phone)
        if figure not in figures:
            figures.add(figure)
            nodes.append({"id": figure, "kind": "figure", "name": name, "attrs": {"phone": phone}})
        edges.append({"source": figure, "target": place, "kind": "liaison_for"})
    with open(os.path.join(folder, "peer.json"), "w", encoding="utf-8") as f:
        json.dump({"nodes": nodes, "edges": edges}, f, ensure_ascii=False)
    print("peer: %d nodes, %d edges" % (len(nodes), len(edges)))


if __name__ == "__main__":
    main()
