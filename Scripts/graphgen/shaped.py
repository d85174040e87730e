"""Graphs shaped like the Hubei network (Graphs/hubei.json) at any scale, for benchmarks; the graphs
`Scripts/generate-graph.py` writes.

Same node and edge kinds, the same hierarchy depth (province → city → county → town → village), and
the same mix per village as the Hubei graph: about 0.46 organizations, 0.33 enterprises and 1.85
figures per village, organizations at village, town, county and city level with the upper ones as
membership hubs, members mostly joining 1–4 organizations of their city, leaders, ties between
members, enterprises paired with villages of their county, liaisons for villages. Scale 1 gives
about 97k nodes and 250k edges; node and edge counts grow linearly with the scale. Every name is
synthetic (hashed from the node's index, so names never change the structure). Seeded: the same
arguments write the same bytes. The national graph is a CSV folder of exactly 10,000,000 nodes and
30,000,000 edges: 31 provinces of the same shape, with extra ties between members of a city making
up the edge count. Python 3 standard library only.
"""
import bisect
import random

from .names import ORG_NAME, hashed_person, hashed_place
from .writer import GraphWriter

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
# Province names, cycled (numbered beyond 31) when a scale needs more provinces.
PROVINCES = ["湖北", "湖南", "河南", "河北", "山东", "山西", "江苏", "浙江", "安徽", "福建", "江西", "广东",
             "广西", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "辽宁", "吉林", "黑龙江",
             "内蒙古", "宁夏", "新疆", "西藏", "北京", "天津", "上海", "重庆"]


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


def generate(scale, out, fmt, seed, national, edge_list=None):
    """Writes the graph to `out` (a .json file or a CSV folder); returns (nodes, edges)."""
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

    w = GraphWriter(out, fmt, "national" if national else "hubei-%gx" % scale,
                    {"generator": "Scripts/generate-graph.py", "synthetic": "every node and edge"},
                    node_columns=("id", "kind", "name", "level", "type", "category"), edge_list=edge_list)

    def node(id_, kind, name, parent, key, value):
        record = {"id": id_, "kind": kind, "name": name}
        if parent:
            record["parent"] = parent
        record[key] = value
        w.node(record)

    def edge(source, target, kind):
        w.edge({"source": source, "target": target, "kind": kind})

    for p in range(provinces):
        node("p%d" % p, "region", PROVINCES[p % len(PROVINCES)] + ("省" if p < 31 else "%d省" % p), None, "level", "province")
    for p in range(provinces):
        for c in range(city_offsets[p], city_offsets[p + 1]):
            node("c%d" % c, "region", hashed_place(c, "市"), "p%d" % p, "level", "city")
    for c in range(cities):
        for k in range(county_offsets[c], county_offsets[c + 1]):
            node("k%d" % k, "region", hashed_place(k + 7919, "县"), "c%d" % c, "level", "county")
    for k in range(counties):
        for t in range(town_offsets[k], town_offsets[k + 1]):
            node("t%d" % t, "region", hashed_place(t + 104729, "镇"), "k%d" % k, "level", "town")
    for t in range(towns):
        for v in range(village_offsets[t], village_offsets[t + 1]):
            node("v%d" % v, "village", hashed_place(v + 1299709, "村"), "t%d" % t,
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
            node("o%d" % org_id, "organization", ORG_NAME[type_].format(hashed_place(org_id + 15485863, "")), unit, "type", type_)
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
            node("e%d" % (next_ent + j), "enterprise", hashed_place(next_ent + j + 32452843, "有限公司"), "t%d" % t, "type", "民营企业")
            ent_county.append(k)
        city_lo, city_hi = village_offsets[town_offsets[k0]], village_offsets[town_offsets[k1]]
        for _ in range(round(ents[c] * PAIRS_PER_ENTERPRISE)):
            j = rng.randrange(ents[c])
            k = ent_county[j]
            if rng.randrange(5):
                v = rng.randrange(village_offsets[town_offsets[k]], village_offsets[town_offsets[k + 1]])
            else:
                v = rng.randrange(city_lo, city_hi)
            edge("e%d" % (next_ent + j), "v%d" % v, "paired_with")

        liaisons = min(figures[c], round(village_counts[c] * LIAISONS_PER_VILLAGE))
        last_member = [-1] * orgs[c]
        for j in range(figures[c]):
            f = "f%d" % (next_fig + j)
            if j < liaisons:
                v = rng.randrange(city_lo, city_hi)
                node(f, "figure", hashed_person(next_fig + j), "v%d" % v, "category", "信息采集员" if j % 4 else "统战联络员")
                edge(f, "v%d" % v, "liaison_for")
                continue
            home = bisect.bisect_right(cumulative, rng.randrange(total))
            v = rng.randrange(org_lo[home], org_hi[home])
            category = "代表人士" if j % 37 == 0 else "民营企业家" if j % 11 == 0 else "统战成员"
            node(f, "figure", hashed_person(next_fig + j), "v%d" % v, "category", category)
            if category == "民营企业家":
                edge(f, "e%d" % (next_ent + rng.randrange(ents[c])), "tie")
            edge(f, "o%d" % (next_org + home), "member_of")
            if last_member[home] < 0:
                edge(f, "o%d" % (next_org + home), "leads")
            elif rng.randrange(100) < TIE_PERCENT:
                edge(f, "f%d" % (next_fig + last_member[home]), "tie")
            last_member[home] = j
            draw = rng.randrange(10)
            extra = 3 + draw // 2 if category == "代表人士" else 0 if draw < 3 else 1 if draw < 5 else 2 if draw < 8 else 3
            if category == "代表人士" and j > liaisons:
                for _ in range(2):
                    edge(f, "f%d" % (next_fig + rng.randrange(liaisons, j)), "tie")
            for _ in range(extra):
                other = bisect.bisect_right(cumulative, rng.randrange(total))
                if other != home:
                    edge(f, "o%d" % (next_org + other), "member_of")
        for home in range(orgs[c]):
            if last_member[home] < 0 and figures[c] > liaisons and rng.randrange(4):
                edge("f%d" % (next_fig + rng.randrange(liaisons, figures[c])), "o%d" % (next_org + home), "leads")
        next_org += orgs[c]
        next_ent += ents[c]
        next_fig += figures[c]

    if national:
        # Ties between members of one city make up the stated edge count.
        missing = NATIONAL_EDGES - w.edge_count
        fig_offsets = [0]
        for count in figures:
            fig_offsets.append(fig_offsets[-1] + count)
        city_pick = fig_offsets[1:]
        for _ in range(missing):
            c = bisect.bisect_right(city_pick, rng.randrange(next_fig))
            a = rng.randrange(fig_offsets[c], fig_offsets[c + 1])
            b = rng.randrange(fig_offsets[c], fig_offsets[c + 1])
            edge("f%d" % a, "f%d" % b, "tie")
    return w.close()
