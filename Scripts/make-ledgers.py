#!/usr/bin/env python3
"""Writes Graphs/ledgers/: the Hubei graph (Graphs/hubei.json) as the Excel ledgers (台账) a province
office receives, plus the mapping that imports them (`tongxin import Graphs/ledgers/mapping.yaml`).

- 联络员名册-<city>.xlsx, one per city: every village and community of the city, one row per liaison
  (figures linked by liaison_for), a row with an empty name where a village has none;
- 商会名单.xlsx: every chamber of commerce (organization of type 商会) and where it is;
- 结对台账-宜昌.xlsx and 结对台账-恩施.xlsx: the 万企兴万村 pairs, one row per enterprise and village.

As people write them: a merged title row above the header, the town cell merged down over its
villages, short names (恩施州, 长阳县, 小溪塔), the usual column names with full-width brackets and a line
break in one header, phone numbers stored as numbers, credit codes as text (valid GB 32100-2015 check
characters). Importing them gives the same coverage and pairing figures as Graphs/hubei.json
(Tests/TongxinImportTests/HubeiLedgersTests.swift). Deterministic: everything in id order.

Usage: python3 Scripts/make-ledgers.py [--graph Graphs/hubei.json] [--out Graphs/ledgers]
Needs openpyxl (Scripts/setup.sh installs it).
"""
import argparse
import collections
import hashlib
import json
import os

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
NATIONALITIES = ("土家族苗族", "土家族")


def short(name, level):
    """The short form a ledger writes: 恩施州, 长阳县, 小溪塔 (for 小溪塔街道), 宜昌 (for 宜昌市)."""
    for suffix, keep in (("自治州", "州"), ("自治县", "县")):
        if name.endswith(suffix):
            base = name[: -len(suffix)]
            for nationality in NATIONALITIES:
                if base.endswith(nationality):
                    return base[: -len(nationality)] + keep
    if level == "town" and name.endswith("街道") and len(name) > 4:
        return name[:-2]
    if level == "city" and name.endswith("市") and len(name) >= 3:
        return name[:-1]
    return name


def digest(text):
    return int(hashlib.sha256(text.encode()).hexdigest(), 16)


def phone(node_id):
    return 13000000000 + digest("phone" + node_id) % 1000000000


def credit_code(node_id):
    """A unified social credit code with a valid check character (GB 32100-2015)."""
    n = digest("credit" + node_id)
    body = "91" + "42" + "%04d" % (n % 10000)
    n //= 10000
    for _ in range(9):
        body += CREDIT_ALPHABET[n % 31]
        n //= 31
    total = sum(CREDIT_ALPHABET.index(c) * w for c, w in zip(body, CREDIT_WEIGHTS))
    return body + CREDIT_ALPHABET[(31 - total % 31) % 31]


class Hubei:
    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            graph = json.load(f)
        self.nodes = {n["id"]: n for n in graph["nodes"]}
        self.edges = graph["edges"]
        self.children = collections.defaultdict(list)
        for n in graph["nodes"]:
            if n.get("parent") and n["kind"] in ("region", "village"):
                self.children[n["parent"]].append(n["id"])

    def level(self, node_id):
        n = self.nodes[node_id]
        return "village" if n["kind"] == "village" else n.get("level")

    def chain(self, node_id):
        """{level: node id} from the province down to node_id."""
        result = {}
        while node_id:
            result[self.level(node_id)] = node_id
            node_id = self.nodes[node_id].get("parent")
        return result

    def written(self, chain, level):
        node_id = chain.get(level)
        return short(self.nodes[node_id]["name"], level) if node_id else None

    def villages(self, unit):
        out = []
        for child in sorted(self.children[unit]):
            if self.nodes[child]["kind"] == "village":
                out.append(child)
            else:
                out.extend(self.villages(child))
        return out


def sheet_with_title(workbook, title, name, headers, widths):
    sheet = workbook.active
    sheet.title = name
    sheet.append([title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.append(headers)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for column, width in zip("ABCDEFGHIJKL", widths):
        sheet.column_dimensions[column].width = width
    return sheet


def merge_runs(sheet, column, first_row, values):
    """Merges each run of equal values in `column` (1-based) starting at first_row, keeping the value
    in the top cell only, as a ledger's town cell spans its villages."""
    start = 0
    for i in range(1, len(values) + 1):
        if i == len(values) or values[i] != values[start]:
            if i - start > 1 and values[start]:
                sheet.merge_cells(start_row=first_row + start, start_column=column,
                                  end_row=first_row + i - 1, end_column=column)
            start = i


def rosters(hubei, out):
    liaisons = collections.defaultdict(list)
    for e in hubei.edges:
        if e["kind"] == "liaison_for" and hubei.nodes[e["target"]]["kind"] == "village":
            liaisons[e["target"]].append(e["source"])
    files = []
    for city in sorted(c for c in hubei.children["42"]):
        city_name = hubei.nodes[city]["name"]
        workbook = Workbook()
        headers = ["序号", "市州", "县（市、区）", "乡镇\n（街道）", "村（社区）", "姓名", "联系电话", "类别"]
        sheet = sheet_with_title(workbook, f"{city_name}村（社区）统战联络员名册", "名册", headers,
                                 [6, 10, 16, 14, 16, 10, 14, 14])
        towns = []
        number = 0
        for village in hubei.villages(city):
            chain = hubei.chain(village)
            people = sorted(liaisons.get(village, [])) or [None]
            for person in people:
                number += 1
                figure = hubei.nodes[person] if person else None
                sheet.append([number, hubei.written(chain, "city"), hubei.written(chain, "county"),
                              hubei.written(chain, "town"), hubei.nodes[village]["name"],
                              figure["name"] if figure else None, phone(person) if figure else None,
                              figure.get("category") if figure else None])
                towns.append(chain.get("town"))
        merge_runs(sheet, 4, 3, towns)
        name = f"联络员名册-{short(city_name, 'city')}.xlsx"
        workbook.save(os.path.join(out, name))
        files.append(name)
    return files


def chambers(hubei, out):
    workbook = Workbook()
    headers = ["序号", "商会名称", "省", "市州", "县（市、区）", "乡镇（街道）"]
    sheet = sheet_with_title(workbook, "湖北省商会组织名单", "商会", headers, [6, 36, 8, 10, 16, 14])
    rows = []
    for node in hubei.nodes.values():
        if node["kind"] == "organization" and node.get("type") == "商会":
            chain = hubei.chain(node["parent"])
            rows.append([node["name"]] + [hubei.written(chain, level) for level in ("province", "city", "county", "town")])
    rows.sort(key=lambda r: [x or "" for x in r[1:]] + [r[0]])
    for number, row in enumerate(rows, 1):
        sheet.append([number] + row)
    workbook.save(os.path.join(out, "商会名单.xlsx"))


def pairings(hubei, out, city, label):
    workbook = Workbook()
    headers = ["序号", "企业名称", "统一社会信用代码", "市州", "企业所在县（市、区）", "企业所在乡镇", "企业类型",
               "结对县（市、区）", "结对乡镇", "结对村", "帮扶项目数"]
    sheet = sheet_with_title(workbook, f"{hubei.nodes[city]['name']}“万企兴万村”行动结对台账", "结对", headers,
                             [6, 30, 22, 10, 16, 14, 10, 16, 14, 14, 10])
    rows = []
    for e in hubei.edges:
        if e["kind"] != "paired_with":
            continue
        enterprise, village = hubei.nodes[e["source"]], e["target"]
        where, there = hubei.chain(enterprise["parent"]), hubei.chain(village)
        if where.get("city") != city:
            continue
        projects = e.get("attrs", {}).get("projects")
        rows.append([enterprise["name"], credit_code(enterprise["id"]), hubei.written(where, "city"),
                     hubei.written(where, "county"), hubei.written(where, "town"), enterprise.get("type"),
                     hubei.written(there, "county"), hubei.written(there, "town"), hubei.nodes[village]["name"],
                     projects, (e["source"], village)])
    rows.sort(key=lambda r: r[-1])
    for number, row in enumerate(rows, 1):
        sheet.append([number] + row[:-1])
    workbook.save(os.path.join(out, f"结对台账-{label}.xlsx"))


MAPPING_HEAD = """# The Hubei ledgers (Scripts/make-ledgers.py) as a graph: tongxin import Graphs/ledgers/mapping.yaml --out G.json
# Contract: Docs/DESIGN.md, "Importing ledgers"; guide: Docs/guides/spreadsheets.md.
divisions: ../sources/hubei-divisions.csv
sheets:
"""

ROSTER = """  - file: {file}
    sheet: 名册
    nodes:
      f: {{kind: figure, key: [姓名, 联系电话], name: 姓名, attrs: {{category: 类别, phone: 联系电话}}}}
      v: {{place: [市州, 县（市、区）, 乡镇（街道）, 村（社区）]}}
    edges:
      - {{source: f, target: v, kind: liaison_for}}
"""

REST = """  - file: 商会名单.xlsx
    nodes:
      c: {kind: organization, key: [商会名称, 县（市、区）, 乡镇（街道）], name: 商会名称, attrs: {type: =商会},
          place: [省, 市州, 县（市、区）, 乡镇（街道）]}
"""

PAIRING = """  - file: 结对台账-{label}.xlsx
    nodes:
      e: {{kind: enterprise, key: 统一社会信用代码, name: 企业名称, place: [市州, 企业所在县（市、区）, 企业所在乡镇],
          attrs: {{type: 企业类型, credit_code: 统一社会信用代码}}}}
      v: {{place: [市州, 结对县（市、区）, 结对乡镇, 结对村]}}
    edges:
      - {{source: e, target: v, kind: paired_with, attrs: {{programme: =万企兴万村, projects: 帮扶项目数}}}}
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--graph", default=os.path.join(ROOT, "Graphs", "hubei.json"))
    parser.add_argument("--out", default=os.path.join(ROOT, "Graphs", "ledgers"))
    args = parser.parse_args()
    hubei = Hubei(args.graph)
    os.makedirs(args.out, exist_ok=True)
    files = rosters(hubei, args.out)
    chambers(hubei, args.out)
    pairings(hubei, args.out, "4205", "宜昌")
    pairings(hubei, args.out, "4228", "恩施")
    with open(os.path.join(args.out, "mapping.yaml"), "w", encoding="utf-8") as f:
        f.write(MAPPING_HEAD + "".join(ROSTER.format(file=file) for file in files) + REST
                + PAIRING.format(label="宜昌") + PAIRING.format(label="恩施"))
    print(f"make-ledgers: wrote {len(files)} rosters, the chambers list and 2 pairing sheets to {args.out}")


if __name__ == "__main__":
    main()
