#!/usr/bin/env python3
"""Writes a synthetic liaison roster of N rows (default 100,000) as .xlsx, and its mapping, for
Scripts/bench/import.sh: every Hubei town (Graphs/sources/hubei-divisions.csv) in turn, villages
numbered within each town, one liaison per row with a unique phone. openpyxl's write-only mode.

Usage: python3 Scripts/bench/import/roster.py OUT_FOLDER [ROWS]
"""
import csv
import os
import sys

from openpyxl import Workbook

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))


def main():
    out, rows = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(ROOT, "Graphs", "sources", "hubei-divisions.csv"), encoding="utf-8") as f:
        divisions = {row["code"]: row for row in csv.DictReader(f)}
    towns = [row for row in divisions.values() if row["level"] == "town"]
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("名册")
    sheet.append(["联络员名册（基准）"])
    sheet.append(["序号", "市州", "县（市、区）", "乡镇（街道）", "村（社区）", "姓名", "联系电话"])
    for i in range(rows):
        town = towns[i % len(towns)]
        county = divisions[town["parent_code"]]
        city = divisions[county["parent_code"]] if county["parent_code"] in divisions else county
        sheet.append([i + 1, city["name"], county["name"], town["name"], f"第{i // len(towns) % 40 + 1}村",
                      f"联络员{i}", 13000000000 + i])
    workbook.save(os.path.join(out, "roster.xlsx"))
    with open(os.path.join(out, "mapping.yaml"), "w", encoding="utf-8") as f:
        f.write("""divisions: %s
sheets:
  - file: roster.xlsx
    nodes:
      f: {kind: figure, key: [姓名, 联系电话], name: 姓名, attrs: {phone: 联系电话}}
      v: {place: [市州, 县（市、区）, 乡镇（街道）, 村（社区）]}
    edges:
      - {source: f, target: v, kind: liaison_for}
""" % os.path.join(ROOT, "Graphs", "sources", "hubei-divisions.csv"))


if __name__ == "__main__":
    main()
