#!/usr/bin/env python3
"""Generates graphs shaped like the Hubei network (Graphs/hubei.json) at any scale, for benchmarks.

Same node and edge kinds, the same hierarchy depth (province → city → county → town → village), and
the same mix per village as make-hubei.py's graph: about 0.46 organizations, 0.33 enterprises and
1.85 figures per village, organizations at village, town, county and city level with the upper ones
as membership hubs, members mostly joining 1–4 organizations of their city, leaders, ties between
members, enterprises paired with villages of their county, liaisons for villages. Scale 1 gives
about 97k nodes and 250k edges; node and edge counts grow linearly with the scale. Every name is
synthetic. Seeded: the same arguments write the same bytes.

  python3 Scripts/generate-graph.py --scale 10 --out Graphs/generated/hubei-10x.json
  python3 Scripts/generate-graph.py --scale 1 --format csv --out Graphs/generated/hubei-1x
  python3 Scripts/generate-graph.py --national --out Graphs/generated/national

--national writes a CSV folder of exactly 10,000,000 nodes and 30,000,000 edges: 31 provinces of the
same shape, with extra ties between members of a city making up the edge count.
Python 3 standard library only.
"""
import argparse
import bisect
import os
import random
import sys
import time

# Per village, as in Graphs/hubei.json (26,220 villages; make-hubei.py prints the totals).
ORGS_PER_VILLAGE = 11986 / 26220
ENTERPRISES_PER_VILLAGE = 8772 / 26220
FIGURES_PER_VILLAGE = 48467 / 26220
LIAISONS_PER_VILLAGE = 7049 / 26220
PAIRS_PER_ENTERPRISE = 7547 / 8772
TIE_PERCENT = 65
# Hubei at scale 1: cities, counties, towns, villages per province.
CITIES, COUNTIES, TOWNS, VILLAGES = 17, 101, 1475, 26220
PROVINCE_SCALE = 3.2          # one more province for every 3.2× of Hubei's size
NATIONAL_NODES, NATIONAL_EDGES, NATIONAL_SCALE = 10_000_000, 30_000_000, 103.0

# Organizations: (level, share in per mille, membership weight, types).
ORG_LEVELS = [
    ("village", 700, 1, ["联络点", "联络点", "服务站", "联络站", "顾问团"]),
    ("town", 160, 4, ["商会", "商会", "联络站", "服务站"]),
    ("county", 90, 14, ["知联会", "新联会", "光彩会", "商会", "民主党派"]),
    ("city", 50, 40, ["知联会", "新联会", "光彩会", "商会", "民主党派", "网络人士组织"]),
]
ORG_NAMES = {"联络点": "统战工作联络点", "服务站": "统战工作服务站", "联络站": "统战工作联络站",
             "顾问团": "村级发展顾问团", "商会": "商会", "知联会": "党外知识分子联谊会",
             "新联会": "新的社会阶层人士联合会", "光彩会": "光彩事业促进会", "民主党派": "民盟支部",
             "网络人士组织": "网络人士联谊会"}
SYLLABLES = ("安宝北长城川春大丹德东丰凤福阜高古官广桂汉和河红宏湖华黄建江金锦京荆景九康兰乐"
             "利莲林临龙隆鲁罗麻茂梅南宁平蒲七祁千青清庆秋瑞三沙山上石寿双水顺松太桃天通万"
             "望文乌五武西仙咸襄孝新兴秀宣阳杨宜永玉云枣张漳昭镇中钟竹资紫")
PROVINCES = ["湖北", "湖南", "河南", "河北", "山东", "山西", "江苏", "浙江", "安徽", "福建", "江西", "广东",
             "广西", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "辽宁", "吉林", "黑龙江",
             "内蒙古", "宁夏", "新疆", "西藏", "北京", "天津", "上海", "重庆"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余"
GIVEN = "伟芳敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国红文斌辉玲鹏飞宇浩凯健俊帆波峰亮成"


def place(index, suffix):
    """A two-syllable place name from an index: spread by a multiplicative hash, never random."""
    h = (index * 2654435761) & 0xFFFFFFFF
    n = len(SYLLABLES)
    return SYLLABLES[h % n] + SYLLABLES[(h // n) % n] + suffix


def person(index):
    h = (index * 2246822519) & 0xFFFFFFFF
    return SURNAMES[h % len(SURNAMES)] + GIVEN[(h >> 8) % len(GIVEN)] + GIVEN[(h >> 16) % len(GIVEN)]


def split(rng, children, parents):
    """Offsets cutting `children` consecutive items into `parents` non-empty runs of random length:
    run i is offsets[i] ..< offsets[i + 1]."""
    cuts = sorted(rng.sample(range(1, children), parents - 1)) if parents > 1 else []
    return [0] + cuts + [children]


def apportion(total, weights):
    """Integers proportional to `weights` summing exactly to `total` (largest remainders)."""
    whole = sum(weights)
    shares = [total * w / whole for w in weights]
    result = [int(s) for s in shares]
    order = sorted(range(len(weights)), key=lambda i: result[i] - shares[i])
    for i in order[: total - sum(result)]:
        result[i] += 1
    return result


class Writer:
    """Buffered output of nodes and edges, as a native JSON file or a CSV folder."""

    def __init__(self, path, fmt, name):
        self.fmt = fmt
        self.path = path
        self.edge_count = self.node_count = self.parent_count = 0
        if fmt == "json":
            self.nodes = open(path + ".tmp", "w", encoding="utf-8")
            self.edges = open(path + ".edges.tmp", "w", encoding="utf-8")
            self.nodes.write('{"format": "tongxin-graph", "version": 1, "name": "%s",\n"metadata": {\n'
                             '  "generator": "Scripts/generate-graph.py",\n  "synthetic": "every node and edge"\n'
                             '},\n"nodes": [\n' % name)
        else:
            os.makedirs(path, exist_ok=True)
            self.nodes = open(os.path.join(path, "nodes.csv.tmp"), "w", encoding="utf-8")
            self.edges = open(os.path.join(path, "edges.csv.tmp"), "w", encoding="utf-8")
            self.nodes.write("id,kind,name,level,type,category\n")
            self.edges.write("source,target,kind\n")
        self.node_lines, self.edge_lines = [], []
        self.first_node = self.first_edge = True

    def node(self, id_, kind, name, parent, key, value):
        """`key` is level, type or category; `parent` the within target or None."""
        self.node_count += 1
        self.parent_count += parent is not None
        if self.fmt == "json":
            p = ',"parent":"%s"' % parent if parent else ""
            self.node_lines.append('{"id":"%s","kind":"%s","name":"%s"%s,"%s":"%s"}' % (id_, kind, name, p, key, value))
        else:
            cells = {"level": (value, "", ""), "type": ("", value, ""), "category": ("", "", value)}[key]
            self.node_lines.append("%s,%s,%s,%s,%s,%s" % ((id_, kind, name) + cells))
            if parent:
                self.edge(id_, parent, "within")
        if len(self.node_lines) >= 65536:
            self.flush_nodes()

    def edge(self, source, target, kind):
        self.edge_count += 1
        if self.fmt == "json":
            self.edge_lines.append('{"source":"%s","target":"%s","kind":"%s"}' % (source, target, kind))
        else:
            self.edge_lines.append("%s,%s,%s" % (source, target, kind))
        if len(self.edge_lines) >= 65536:
            self.flush_edges()

    def within_count(self):
        """The `within` edges written as `parent` (JSON); CSV writes them as edges."""
        return self.parent_count if self.fmt == "json" else 0

    def flush_nodes(self):
        if self.node_lines:
            sep = ",\n" if self.fmt == "json" else "\n"
            self.nodes.write(("" if self.first_node else sep) + sep.join(self.node_lines))
            self.first_node = False
            self.node_lines = []

    def flush_edges(self):
        if self.edge_lines:
            sep = ",\n" if self.fmt == "json" else "\n"
            self.edges.write(("" if self.first_edge else sep) + sep.join(self.edge_lines))
            self.first_edge = False
            self.edge_lines = []

    def close(self):
        self.flush_nodes()
        self.flush_edges()
        if self.fmt == "json":
            self.nodes.write('\n],\n"edges": [\n')
            self.edges.close()
            with open(self.path + ".edges.tmp", encoding="utf-8") as edges:
                while True:
                    chunk = edges.read(1 << 24)
                    if not chunk:
                        break
                    self.nodes.write(chunk)
            self.nodes.write("\n]\n}\n")
            self.nodes.close()
            os.remove(self.path + ".edges.tmp")
            os.replace(self.path + ".tmp", self.path)
        else:
            self.nodes.write("\n")
            self.edges.write("\n")
            self.nodes.close()
            self.edges.close()
            for name in ("nodes.csv", "edges.csv"):
                os.replace(os.path.join(self.path, name + ".tmp"), os.path.join(self.path, name))


def generate(scale, out, fmt, seed, national):
    rng = random.Random(seed)
    provinces = 31 if national else max(1, round(scale / PROVINCE_SCALE))
    cities = max(provinces, round(CITIES * scale))
    counties = max(cities, round(COUNTIES * scale))
    towns = max(counties, round(TOWNS * scale))
    villages = max(towns, round(VILLAGES * scale))
    city_offsets = split(rng, cities, provinces)
    county_offsets = split(rng, counties, cities)
    town_offsets = split(rng, towns, counties)
    village_offsets = split(rng, villages, towns)
    village_counts = [village_offsets[town_offsets[county_offsets[c + 1]]] - village_offsets[town_offsets[county_offsets[c]]]
                      for c in range(cities)]
    regions = provinces + cities + counties + towns
    # Every city gets at least one organization and one enterprise, however small it is.
    orgs = [max(1, n) for n in apportion(round(villages * ORGS_PER_VILLAGE), village_counts)]
    ents = [max(1, n) for n in apportion(round(villages * ENTERPRISES_PER_VILLAGE), village_counts)]
    if national:
        figure_total = NATIONAL_NODES - regions - villages - sum(orgs) - sum(ents)
    else:
        figure_total = round(villages * FIGURES_PER_VILLAGE)
    figures = apportion(figure_total, village_counts)

    w = Writer(out, fmt, "national" if national else "hubei-%gx" % scale)
    for p in range(provinces):
        w.node("p%d" % p, "region", PROVINCES[p % len(PROVINCES)] + ("省" if p < 31 else "%d省" % p), None, "level", "province")
    for p in range(provinces):
        for c in range(city_offsets[p], city_offsets[p + 1]):
            w.node("c%d" % c, "region", place(c, "市"), "p%d" % p, "level", "city")
    for c in range(cities):
        for k in range(county_offsets[c], county_offsets[c + 1]):
            w.node("k%d" % k, "region", place(k + 7919, "县"), "c%d" % c, "level", "county")
    for k in range(counties):
        for t in range(town_offsets[k], town_offsets[k + 1]):
            w.node("t%d" % t, "region", place(t + 104729, "镇"), "k%d" % k, "level", "town")
    for t in range(towns):
        for v in range(village_offsets[t], village_offsets[t + 1]):
            w.node("v%d" % v, "village", place(v + 1299709, "村"), "t%d" % t,
                   "type", "community" if v % 5 == 0 else "village")

    next_org = next_ent = next_fig = 0
    level_draw = []
    for level, share, weight, types in ORG_LEVELS:
        level_draw.append((level_draw[-1] if level_draw else 0) + share)
    for c in range(cities):
        k0, k1 = county_offsets[c], county_offsets[c + 1]
        # One city: organizations with the village range their members live in, then the people.
        org_lo, org_hi, cumulative, total = [], [], [], 0
        for j in range(orgs[c]):
            level_index = bisect.bisect_right(level_draw, rng.randrange(1000))
            level, _, weight, types = ORG_LEVELS[level_index]
            k = rng.randrange(k0, k1)
            t0, t1 = town_offsets[k], town_offsets[k + 1]
            if level == "village":
                v = rng.randrange(village_offsets[t0], village_offsets[t1])
                unit, lo, hi = "v%d" % v, v, v + 1
            elif level == "town":
                t = rng.randrange(t0, t1)
                unit, lo, hi = "t%d" % t, village_offsets[t], village_offsets[t + 1]
            elif level == "county":
                unit, lo, hi = "k%d" % k, village_offsets[t0], village_offsets[t1]
            else:
                unit = "c%d" % c
                lo, hi = village_offsets[town_offsets[k0]], village_offsets[town_offsets[k1]]
            org_id, type_ = next_org + j, rng.choice(types)
            w.node("o%d" % org_id, "organization", place(org_id + 15485863, ORG_NAMES[type_]), unit, "type", type_)
            org_lo.append(lo)
            org_hi.append(hi)
            # A few city bodies are platforms with hundreds of members (宜昌's 群英汇, 武汉's bases).
            hub = rng.randrange(10) == 0
            total += weight * 25 if hub and level == "city" else weight * 6 if hub and level == "county" else weight
            cumulative.append(total)
        ent_county = []
        for j in range(ents[c]):
            k = rng.randrange(k0, k1)
            t = rng.randrange(town_offsets[k], town_offsets[k + 1])
            w.node("e%d" % (next_ent + j), "enterprise", place(next_ent + j + 32452843, "有限公司"), "t%d" % t, "type", "民营企业")
            ent_county.append(k)
        city_lo, city_hi = village_offsets[town_offsets[k0]], village_offsets[town_offsets[k1]]
        for _ in range(round(ents[c] * PAIRS_PER_ENTERPRISE)):
            j = rng.randrange(ents[c])
            k = ent_county[j]
            if rng.randrange(5):
                v = rng.randrange(village_offsets[town_offsets[k]], village_offsets[town_offsets[k + 1]])
            else:
                v = rng.randrange(city_lo, city_hi)
            w.edge("e%d" % (next_ent + j), "v%d" % v, "paired_with")

        liaisons = min(figures[c], round(village_counts[c] * LIAISONS_PER_VILLAGE))
        last_member = [-1] * orgs[c]
        for j in range(figures[c]):
            f = "f%d" % (next_fig + j)
            if j < liaisons:
                v = rng.randrange(city_lo, city_hi)
                w.node(f, "figure", person(next_fig + j), "v%d" % v, "category", "信息采集员" if j % 4 else "统战联络员")
                w.edge(f, "v%d" % v, "liaison_for")
                continue
            home = bisect.bisect_right(cumulative, rng.randrange(total))
            v = rng.randrange(org_lo[home], org_hi[home])
            category = "代表人士" if j % 37 == 0 else "民营企业家" if j % 11 == 0 else "统战成员"
            w.node(f, "figure", person(next_fig + j), "v%d" % v, "category", category)
            if category == "民营企业家":
                w.edge(f, "e%d" % (next_ent + rng.randrange(ents[c])), "tie")
            w.edge(f, "o%d" % (next_org + home), "member_of")
            if last_member[home] < 0:
                w.edge(f, "o%d" % (next_org + home), "leads")
            elif rng.randrange(100) < TIE_PERCENT:
                w.edge(f, "f%d" % (next_fig + last_member[home]), "tie")
            last_member[home] = j
            draw = rng.randrange(10)
            extra = 3 + draw // 2 if category == "代表人士" else 0 if draw < 3 else 1 if draw < 5 else 2 if draw < 8 else 3
            if category == "代表人士" and j > liaisons:
                for _ in range(2):
                    w.edge(f, "f%d" % (next_fig + rng.randrange(liaisons, j)), "tie")
            for _ in range(extra):
                other = bisect.bisect_right(cumulative, rng.randrange(total))
                if other != home:
                    w.edge(f, "o%d" % (next_org + other), "member_of")
        for home in range(orgs[c]):
            if last_member[home] < 0 and figures[c] > liaisons and rng.randrange(4):
                w.edge("f%d" % (next_fig + rng.randrange(liaisons, figures[c])), "o%d" % (next_org + home), "leads")
        next_org += orgs[c]
        next_ent += ents[c]
        next_fig += figures[c]

    if national:
        # Ties between members of one city make up the stated edge count.
        missing = NATIONAL_EDGES - w.edge_count - w.within_count()
        fig_offsets = [0]
        for count in figures:
            fig_offsets.append(fig_offsets[-1] + count)
        city_pick = fig_offsets[1:]
        for _ in range(missing):
            c = bisect.bisect_right(city_pick, rng.randrange(next_fig))
            a = rng.randrange(fig_offsets[c], fig_offsets[c + 1])
            b = rng.randrange(fig_offsets[c], fig_offsets[c + 1])
            w.edge("f%d" % a, "f%d" % b, "tie")
    w.close()
    return w.node_count, w.edge_count + w.within_count()


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
    args = parser.parse_args()
    fmt = args.format or ("json" if args.out.endswith(".json") and not args.national else "csv")
    if args.national and fmt != "csv":
        parser.error("--national writes a CSV folder")
    if args.scale <= 0:
        parser.error("--scale must be positive")
    scale = NATIONAL_SCALE if args.national else args.scale
    if round(VILLAGES * scale) < 2:
        parser.error("--scale %g is too small to hold a village" % scale)
    started = time.time()
    nodes, edges = generate(scale, args.out, fmt, args.seed, args.national)
    print("generate-graph: wrote %s: %d nodes, %d edges in %.1f s" % (args.out, nodes, edges, time.time() - started),
          file=sys.stderr)


if __name__ == "__main__":
    main()
