"""Hubei province's grassroots united-front network (DOMAIN.md), the graph `Scripts/make-hubei.py`
writes to Graphs/hubei.json.

Real: the province, its 17 prefecture-level divisions, 101 county-level units and 1,475 towns with
their official names and codes (Graphs/sources/hubei-divisions.csv). Exact: every count the source
document states (DOMAIN.md's table), realized as graph structure. Synthetic: everything else
(villages' names, organizations, enterprises and figures not stated, their names and their links),
seeded, and listed in the graph's `metadata`; every invented node carries `synthetic: true`, and a
node or edge that realizes a stated fact names it in `fact` (a key of `metadata`).

Deterministic: one random.Random(SEED), only randrange/choice/shuffle/sample, everything iterated in
sorted or insertion order, so every Python 3 writes the same bytes. Python standard library only.
"""
import bisect
import csv
import os
import random

from .names import INDUSTRIES, ORG_NAME, Names, short_name
from .writer import GraphWriter

SEED = 20241124
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DIVISIONS = os.path.join(ROOT, "Graphs", "sources", "hubei-divisions.csv")

# ---------------------------------------------------------------------------------------------
# Hubei's own material (names and generators shared with the scaled graphs are in names.py).

PARTIES = ["民革", "民盟", "民建", "民进", "农工党", "致公党", "九三学社", "台盟"]
# The twelve groups of the united front's scope, as 鄂州's database classifies its members.
GROUPS = ["民主党派成员", "无党派人士", "党外知识分子", "少数民族人士", "宗教界人士", "非公有制经济人士",
          "新的社会阶层人士", "出国和归国留学人员", "香港同胞澳门同胞", "台湾同胞及其在大陆的亲属",
          "华侨归侨及侨眷", "其他需要联系和团结的人员"]
GROUP_WEIGHTS = [12, 8, 20, 4, 2, 20, 18, 3, 1, 1, 3, 8]

# Organizations filled in at city and county level where a stated total needs them.
FILLER_TEMPLATES = [
    ("商会", "{}{}行业商会", ["餐饮", "建筑", "汽车", "物流", "电商", "家居建材", "农业", "服装", "医药", "旅游"]),
    ("商会", "{}{}商会", ["浙江", "福建", "温州", "江西", "河南", "湖南", "广东", "四川", "安徽", "江苏"]),
    ("网络人士组织", "{}{}", ["网络人士联谊会", "网络人士之家", "新媒体从业人员联谊会"]),
    ("留学人员组织", "{}{}", ["欧美同学会", "留学人员联谊会"]),
    ("联谊会", "{}{}", ["青年企业家联谊会", "律师联谊会", "医师联谊会", "教师联谊会", "少数民族联谊会"]),
]


# ---------------------------------------------------------------------------------------------
# The graph under construction.


class Hubei:
    def __init__(self, rng):
        self.rng = rng
        self.names = Names(rng)
        self.regions = {}          # code -> {"name", "level", "parent"}
        self.children = {}         # code -> [codes] in file order
        self.region_nodes = []
        self.villages = []         # village node dicts
        self.orgs = []
        self.enterprises = []
        self.figures = []
        self.edges = []
        self.serial = {}           # id prefix -> next number
        self.village_ids = {}      # town code -> [village ids]
        self.village_town = {}     # village id -> town code
        self.village_type = {}     # village id -> "village" | "community"
        self.location = {}         # node id -> the region or village it is within
        self.village_name = {}     # village id -> name
        self.city_orgs = {}        # city code -> [(org id, unit code, weight)]
        self.members_of = {}       # org id -> [figure ids], in joining order
        self.led = set()           # org ids that have a leader
        self.joined = set()        # figures that are a member of some organization
        self.attrs = {}            # node id -> its attrs object
        self.reps = {}             # city code -> representative figures
        self.fact_counts = {}

    # -- primitives -----------------------------------------------------------------------------

    def new_id(self, prefix, unit):
        key = prefix + unit
        n = self.serial.get(key, 0) + 1
        self.serial[key] = n
        return "%s%s-%d" % (prefix, unit, n)

    def edge(self, source, target, kind, attrs=None, fact=None):
        edge = {"source": source, "target": target, "kind": kind}
        if fact:
            attrs = dict(attrs or {}, fact=fact)
        if attrs:
            edge["attrs"] = attrs
        self.edges.append(edge)
        if fact:
            self.fact_counts[fact] = self.fact_counts.get(fact, 0) + 1

    def _node(self, table, prefix, kind, unit, name, key, value, attrs, fact):
        node_id = self.new_id(prefix, unit)
        node = {"id": node_id, "kind": kind, "name": name, "parent": unit, key: value}
        extra = {"synthetic": True}
        if fact:
            extra["fact"] = fact
            self.fact_counts[fact] = self.fact_counts.get(fact, 0) + 1
        if attrs:
            extra.update(attrs)
        node["attrs"] = extra
        self.attrs[node_id] = extra
        table.append(node)
        self.location[node_id] = unit
        return node_id

    def fact_node(self, node_id, fact):
        self.attrs[node_id]["fact"] = fact
        self.fact_counts[fact] = self.fact_counts.get(fact, 0) + 1

    def join(self, person, org):
        self.edge(person, org, "member_of")
        self.members_of.setdefault(org, []).append(person)
        self.joined.add(person)

    def org(self, unit, type_, name=None, weight=None, fact=None, attrs=None, register=True):
        if name is None:
            name = ORG_NAME[type_].format(self.unit_name(unit))
        org_id = self._node(self.orgs, "o", "organization", unit, name, "type", type_, attrs, fact)
        city = self.city_of(unit)
        if city is not None and register:
            self.city_orgs.setdefault(city, []).append((org_id, unit, weight or self.default_weight(unit)))
        return org_id

    def figure(self, unit, category, fact=None, attrs=None):
        return self._node(self.figures, "f", "figure", unit, self.names.person(), "category", category,
                          attrs, fact)

    def enterprise(self, town, fact=None, attrs=None):
        name, industry = self.names.enterprise(short_name(self.regions[self.area_of(town)]["name"]))
        extra = dict(attrs or {}, industry=industry)
        return self._node(self.enterprises, "e", "enterprise", town, name, "type", "民营企业", extra, fact)

    # -- the region tree ------------------------------------------------------------------------

    def load_regions(self):
        with open(DIVISIONS, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                code, parent = row["code"], row["parent_code"] or None
                self.regions[code] = {"name": row["name"], "level": row["level"], "parent": parent}
                self.children.setdefault(code, [])
                if parent:
                    self.children[parent].append(code)
                node = {"id": code, "kind": "region", "name": row["name"]}
                if parent:
                    node["parent"] = parent
                node["level"] = row["level"]
                self.region_nodes.append(node)

    def level(self, unit):
        return self.regions[unit]["level"] if unit in self.regions else "village"

    def unit_name(self, unit):
        if unit in self.regions:
            return self.regions[unit]["name"]
        return self.village_name[unit]

    def city_of(self, unit):
        while unit is not None:
            if unit in self.village_town:
                unit = self.village_town[unit]
            elif self.regions[unit]["level"] == "city":
                return unit
            else:
                unit = self.regions[unit]["parent"]
        return None

    def area_of(self, town):
        """A town's county, or its city when the city has no counties (仙桃, 潜江, 天门, 神农架)."""
        return self.regions[town]["parent"]

    def area_of_unit(self, unit):
        """The county (or county-less city) a unit lies in; the unit itself at county level."""
        level = self.level(unit)
        if level == "village":
            return self.area_of(self.village_town[unit])
        if level == "town":
            return self.area_of(unit)
        return unit

    def counties(self, city):
        return [c for c in self.children[city] if self.regions[c]["level"] == "county"]

    def towns(self, unit):
        """Towns in a city or county, in code order."""
        if self.regions[unit]["level"] == "county":
            return list(self.children[unit])
        result = []
        for child in self.children[unit]:
            result.extend([child] if self.regions[child]["level"] == "town" else self.children[child])
        return result

    def villages_in(self, unit):
        if unit in self.village_town:
            return [unit]
        if self.regions[unit]["level"] == "town":
            return self.village_ids[unit]
        return [v for t in self.towns(unit) for v in self.village_ids[t]]

    def default_weight(self, unit):
        """How strongly an organization attracts members: city and county bodies are the hubs."""
        return {"province": 60, "city": 40, "county": 14, "town": 4, "village": 1}[self.level(unit)]

    # -- villages -------------------------------------------------------------------------------

    def make_villages(self, city, total, fact=None, community_scale=100):
        """Spreads `total` villages and communities over the city's towns (each gets at least one)."""
        rng = self.rng
        towns = self.towns(city)
        weights = []
        for town in towns:
            name, special = self.regions[town]["name"], int(town[-3:]) >= 400
            weights.append(1 if special else 3 if name.endswith("街道") else 5)
        counts = [1] * len(towns)
        cumulative, running = [], 0
        for w in weights:
            running += w
            cumulative.append(running)
        for _ in range(total - len(towns)):
            counts[bisect.bisect_right(cumulative, rng.randrange(running))] += 1
        for town, count in zip(towns, counts):
            county_name = self.regions[self.area_of(town)]["name"]
            town_name = self.regions[town]["name"]
            if town_name.endswith("街道"):
                share = 85
            elif int(town[-3:]) >= 400:
                share = 50
            elif county_name.endswith("区"):
                share = 25
            else:
                share = 8
            share = share * community_scale // 100
            taken, ids = set(), []
            communities = villages = 0
            for _ in range(count):
                is_community = rng.randrange(100) < share
                if is_community:
                    communities += 1
                    village_id, name = "%s%03d" % (town, communities), self.names.community(taken)
                else:
                    villages += 1
                    village_id, name = "%s%03d" % (town, 199 + villages), self.names.village(taken)
                taken.add(name)
                kind = "community" if is_community else "village"
                node = {"id": village_id, "kind": "village", "name": name, "parent": town, "type": kind,
                        "attrs": {"synthetic": True}}
                if fact:
                    node["attrs"]["fact"] = fact
                    self.fact_counts[fact] = self.fact_counts.get(fact, 0) + 1
                self.villages.append(node)
                self.village_name[village_id] = name
                self.village_town[village_id] = town
                self.village_type[village_id] = kind
                self.location[village_id] = town
                ids.append(village_id)
            assert communities < 200 and villages < 800, town
            self.village_ids[town] = ids


# ---------------------------------------------------------------------------------------------
# Shared building blocks for a city.


def city_core(g, city, parties=8, types=("知联会", "新联会", "光彩会"), chamber=True, fact=None):
    for type_ in types:
        g.org(city, type_, fact=fact)
    if chamber:
        g.org(city, "商会", name=g.regions[city]["name"] + "总商会")
    for party in PARTIES[:parties]:
        g.org(city, "民主党派", name="%s%s委员会" % (party, g.regions[city]["name"]), attrs={"party": party})


def county_orgs(g, city, types, probability=100, fact=None):
    """One organization of each type in every county (or a `probability` percent sample)."""
    for county in g.counties(city):
        for type_ in types:
            if probability >= 100 or g.rng.randrange(100) < probability:
                name = g.regions[county]["name"] + "商会" if type_ == "商会" else None
                g.org(county, type_, name=name, fact=fact)


def town_orgs(g, city, type_, towns=None, probability=100, fact=None):
    chosen = []
    for town in towns if towns is not None else g.towns(city):
        if probability >= 100 or g.rng.randrange(100) < probability:
            name = g.regions[town]["name"] + "商会" if type_ == "商会" else None
            g.org(town, type_, name=name, fact=fact)
            chosen.append(town)
    return chosen


def village_orgs(g, villages, type_, fact=None, attrs=None):
    for village in villages:
        g.org(village, type_, fact=fact, attrs=attrs)


def filler_orgs(g, units, count):
    """`count` more plausible organizations spread round-robin over city/county `units`."""
    rng, made = g.rng, 0
    used = set(o["name"] for o in g.orgs)
    while made < count:
        unit = units[made % len(units)]
        place = g.regions[unit]["name"]
        if rng.randrange(4) == 0:
            party = rng.choice(PARTIES)
            if g.regions[unit]["level"] == "county":
                city = g.regions[g.regions[unit]["parent"]]["name"]
                name, type_ = "%s%s委会%s总支" % (party, city, place), "民主党派"
            else:
                name, type_ = "%s%s委员会" % (party, place), "民主党派"
            attrs = {"party": party}
        else:
            type_, template, words = rng.choice(FILLER_TEMPLATES)
            name, attrs = template.format(place, rng.choice(words)), None
        if name in used:
            continue
        used.add(name)
        g.org(unit, type_, name=name, attrs=attrs)
        made += 1


def enterprises(g, city, count, towns=None, fact=None):
    towns = towns or g.towns(city)
    return [g.enterprise(g.rng.choice(towns), fact=fact) for _ in range(count)]


def pair_enterprises(g, ents, villages, pairs, programme="万企兴万村", fact=None, projects=None):
    """Pairs every enterprise with at least one village and every listed village with at least one
    enterprise (so len(ents) ≤ pairs and len(villages) ≤ pairs), in exactly `pairs` distinct pairs.
    Partners mostly share a county. Returns the pair list."""
    rng = g.rng
    assert max(len(ents), len(villages)) <= pairs <= len(ents) * len(villages)
    by_area = {}
    for v in villages:
        by_area.setdefault(g.area_of(g.village_town[v]), []).append(v)
    done, result = set(), []

    def add(e, v):
        if (e, v) in done:
            return False
        done.add((e, v))
        result.append((e, v))
        return True

    def near_village(e):
        area = by_area.get(g.area_of(g.location[e]))
        return rng.choice(area) if area and rng.randrange(10) < 8 else rng.choice(villages)

    # Everyone once: both sides ordered by county (shuffled within), then walked in step, so
    # partners mostly share a county; the shorter side's members take several partners.
    order_e = sorted(ents, key=lambda e: (g.area_of(g.location[e]), rng.randrange(1 << 30)))
    order_v = sorted(villages, key=lambda v: (g.area_of(g.village_town[v]), rng.randrange(1 << 30)))
    longest = max(len(order_e), len(order_v))
    for i in range(longest):
        add(order_e[i * len(order_e) // longest], order_v[i * len(order_v) // longest])
    while len(result) < pairs:
        e = rng.choice(ents)
        add(e, near_village(e))
    weights = [0] * len(result)
    if projects is not None:
        for _ in range(projects):
            weights[rng.randrange(len(result))] += 1
    for index, (e, v) in enumerate(result):
        attrs = {"programme": programme}
        if projects is not None:
            attrs["projects"] = weights[index]
        g.edge(e, v, "paired_with", attrs, fact=fact)
    return result


def weighted_picker(rng, items):
    """items: [(value, weight)] → a function drawing a value with probability ∝ weight."""
    cumulative, running, values = [], 0, []
    for value, weight in items:
        running += weight
        cumulative.append(running)
        values.append(value)

    def pick():
        return values[bisect.bisect_right(cumulative, rng.randrange(running))]
    return pick


def members(g, city, count, category="统战成员", home=None, extra_percent=75, fact=None, tie_percent=42):
    """`count` figures, each a member of a home organization (weighted towards city and county
    bodies, or drawn from `home`), living in a village under it. `extra_percent` of them join one to
    three more organizations of their county or city, and `tie_percent` know another member of
    their home organization (`tie`; half of those know a second one). Returns the new figures' ids."""
    rng = g.rng
    orgs = g.city_orgs[city]
    pick_home = weighted_picker(rng, [((o, u), w) for o, u, w in (home or orgs)])
    by_area = {}
    for o, u, w in orgs:
        by_area.setdefault(g.area_of_unit(u), []).append(((o, u), w))
    pickers = {area: weighted_picker(rng, items) for area, items in sorted(by_area.items())}
    city_pick = weighted_picker(rng, [((o, u), w) for o, u, w in orgs])
    made = []
    for _ in range(count):
        org, unit = pick_home()
        village = rng.choice(g.villages_in(unit))
        group = GROUPS[bisect.bisect_right(GROUP_CUMULATIVE, rng.randrange(GROUP_CUMULATIVE[-1]))]
        person = g.figure(village, category, fact=fact, attrs={"group": group})
        known = g.members_of.get(org, [])[-30:]
        g.join(person, org)
        joined = {org}
        draw = rng.randrange(100)
        extra = 0 if draw >= extra_percent else 3 if draw < extra_percent // 3 else 2 if draw < 2 * extra_percent // 3 else 1
        area = g.area_of_unit(village)
        for _ in range(extra):
            other, _ = pickers[area]() if area in pickers and rng.randrange(3) else city_pick()
            if other not in joined:
                joined.add(other)
                g.join(person, other)
        draw = rng.randrange(100)
        if known and draw < tie_percent:
            for friend in rng.sample(known, min(len(known), 2 if draw < tie_percent // 2 else 1)):
                g.edge(person, friend, "tie")
        made.append(person)
    return made


GROUP_CUMULATIVE = []
for _w in GROUP_WEIGHTS:
    GROUP_CUMULATIVE.append((GROUP_CUMULATIVE[-1] if GROUP_CUMULATIVE else 0) + _w)


def representatives(g, city, count, provincial):
    """Representative figures who bridge organizations across the city's towns and counties:
    each joins 3–6 organizations (a city or county body, then town and village ones elsewhere),
    some a provincial body, and knows two or three others."""
    rng = g.rng
    orgs = g.city_orgs[city]
    upper = [(o, u) for o, u, w in orgs if g.level(u) in ("city", "county")]
    lower = [(o, u) for o, u, w in orgs if g.level(u) in ("town", "village")] or upper
    villages = g.villages_in(city)
    reps = []
    for _ in range(count):
        person = g.figure(rng.choice(villages), "代表人士")
        joined = set()
        for o, _ in [rng.choice(upper)] + [rng.choice(lower) for _ in range(2 + rng.randrange(4))]:
            if o not in joined:
                joined.add(o)
                g.join(person, o)
        if rng.randrange(100) < 15:
            g.join(person, rng.choice(provincial))
        for other in rng.sample(reps, min(len(reps), 2 + rng.randrange(2))):
            g.edge(person, other, "tie")
        reps.append(person)
    g.reps[city] = reps
    return reps


def owners(g, ents, city, percent=50):
    """Owners (民营企业家) of a share of the enterprises; each joins the nearest chamber of commerce."""
    rng = g.rng
    chambers = {}
    for o in g.orgs:
        if o["type"] == "商会" and g.city_of(o["parent"]) == city:
            chambers.setdefault(o["parent"], o["id"])
    made = []
    for e in ents:
        if rng.randrange(100) >= percent:
            continue
        town = g.location[e]
        person = g.figure(rng.choice(g.village_ids[town]), "民营企业家")
        g.edge(person, e, "tie", {"role": "owner"})
        for unit in (town, g.area_of(town), city):
            if unit in chambers:
                g.join(person, chambers[unit])
                break
        made.append(person)
    return made


def leaders(g, city):
    """One leader for every organization of the city that has members: a representative where
    one is a member, otherwise the first member."""
    reps = set(g.reps.get(city, []))
    for o, _, _ in g.city_orgs[city]:
        people = g.members_of.get(o)
        if people and o not in g.led:
            chosen = next((p for p in people if p in reps), people[0])
            g.edge(chosen, o, "leads")
            g.led.add(o)


# ---------------------------------------------------------------------------------------------
# The cities. Facts from the source are realized exactly (and named in `fact`); the rest is
# synthetic at the rates of `generic`.

VILLAGES = [  # city, villages and communities, whether the count is stated, community share (%)
    ("4201", 2900, None, 100), ("4202", 1100, None, 100), ("4203", 1898, "十堰.villages", 100),
    ("4205", 1640, None, 40), ("4206", 2707, None, 100), ("4207", 360, None, 100),
    ("4208", 1566, "荆门.villages", 100), ("4209", 2500, None, 100), ("4210", 2450, None, 100),
    ("4211", 3500, None, 100), ("4212", 1180, None, 100), ("4213", 1009, "随州.villages", 100),
    ("4228", 1510, "恩施.villages", 0), ("429004", 650, None, 100), ("429005", 420, None, 100),
    ("429006", 750, None, 100), ("429021", 80, None, 100),
]


def generic(g, city, provincial, ents=300, pair_percent=40, members_count=800, reps=80,
            county_types=("知联会", "新联会", "商会"), chamber_percent=45, station_percent=30,
            point_percent=10, core=True, parties=6):
    """A city the source says little about: synthetic organizations at every level, enterprises
    (some paired with villages, some with owners), members and representative figures."""
    rng = g.rng
    if core:
        city_core(g, city, parties=parties)
    county_orgs(g, city, county_types, probability=80)
    town_orgs(g, city, "商会", probability=chamber_percent)
    town_orgs(g, city, "联络站", probability=station_percent)
    village_orgs(g, [v for v in g.villages_in(city) if rng.randrange(100) < point_percent], "联络点")
    populate(g, city, provincial, ents, pair_percent, reps, members_count)


def populate(g, city, provincial, ents, pair_percent, reps, members_count):
    """The people layer of a city: enterprises (a share paired with villages, half with owners),
    representative figures, then members."""
    made = enterprises(g, city, ents)
    synthetic_pairing(g, city, made, pair_percent)
    owners(g, made, city)
    representatives(g, city, reps, provincial)
    members(g, city, members_count)


def synthetic_pairing(g, city, ents, percent):
    rng = g.rng
    paired = [e for e in ents if rng.randrange(100) < percent]
    if not paired:
        return
    villages = g.villages_in(city)
    chosen = sorted(rng.sample(villages, min(len(villages), len(paired) * 5 // 4)))
    pair_enterprises(g, paired, chosen, max(len(paired), len(chosen)) * 6 // 5)


def top_up_villages(g, city, total, type_="联络点", fact=None):
    """Village liaison points in a sample of villages until the city has `total` organizations."""
    missing = total - len(g.city_orgs[city])
    villages = g.villages_in(city)
    assert 0 <= missing <= len(villages), (city, missing)
    village_orgs(g, sorted(g.rng.sample(villages, missing)), type_, fact=fact)


def wuhan(g, city, provincial):
    rng = g.rng
    city_core(g, city)
    county_orgs(g, city, ("知联会", "新联会", "商会"))
    bases = []
    for district in g.counties(city):
        streets = [t for t in g.towns(district) if g.regions[t]["name"].endswith("街道")] or g.towns(district)
        for town in sorted(rng.sample(streets, min(len(streets), 1 + rng.randrange(2)))):
            name = "%s“江城同心汇”统战工作实践创新基地" % g.regions[town]["name"]
            bases.append((g.org(town, "实践创新基地", name=name, fact="武汉.pilot_bases", register=False), town, 1))
    brands = [("东西湖区", "企业家客厅"), ("江汉区", "“宜商江汉·政企有约”月月谈"), ("江夏区", "才聚汤逊湖"),
              ("武昌区", "寻美·武昌"), ("洪山区", "铸牢中华民族共同体意识“一日行”")]
    district_by_name = {g.regions[c]["name"]: c for c in g.counties(city)}
    for district, brand in brands:
        g.org(district_by_name[district], "工作品牌", name=district + brand, fact="武汉.district_brands")
    town_orgs(g, city, "商会", probability=35)
    made = enterprises(g, city, 900)
    synthetic_pairing(g, city, made, 30)
    owners(g, made, city)
    representatives(g, city, 160, provincial)
    members(g, city, 11726, home=bases, fact="武汉.members_covered")
    for base, _, _ in bases:
        g.edge(g.members_of[base][0], base, "leads")
        g.led.add(base)


def huangshi(g, city, provincial):
    city_core(g, city)
    county_orgs(g, city, ("知联会", "新联会", "商会"))
    town_orgs(g, city, "商会", probability=50)
    town_orgs(g, city, "联络站", probability=30)
    top_up_villages(g, city, 326)
    made = enterprises(g, city, 300)
    synthetic_pairing(g, city, made, 40)
    with_membership = len([1 for p in owners(g, made, city) if p in g.joined])
    reps = representatives(g, city, 80, provincial)
    members(g, city, 5236 - with_membership - len(reps))


def shiyan(g, city, provincial):
    rng = g.rng
    city_core(g, city)
    county_orgs(g, city, ("知联会", "新联会", "光彩会"), fact="十堰.county_associations")
    towns = g.towns(city)
    chamber_towns = sorted(rng.sample(towns, 118))
    town_orgs(g, city, "商会", towns=chamber_towns, fact="十堰.town_chambers")
    points = {}
    for village in g.villages_in(city):
        points[village] = g.org(village, "联络点", fact="十堰.village_organizations")
    town_orgs(g, city, "联络站")
    filler_orgs(g, [city] + g.counties(city), 2285 - len(g.city_orgs[city]))
    assert len(g.city_orgs[city]) == 2285
    for town in towns:
        for category in ("统战委员", "统战干事"):
            person = g.figure(town, category, fact="十堰.town_" + ("committee_members" if category == "统战委员" else "officers"))
            g.edge(person, town, "liaison_for")
    for village in g.villages_in(city):
        person = g.figure(village, "统战联络员", fact="十堰.village_liaisons")
        g.edge(person, village, "liaison_for")
        g.edge(person, points[village], "leads")
        g.led.add(points[village])
    populate(g, city, provincial, ents=400, pair_percent=40, reps=100, members_count=1500)


def xiangyang(g, city, provincial):
    rng = g.rng
    city_core(g, city)
    county_orgs(g, city, ("知联会", "新联会"), fact="襄阳.county_associations")
    town_orgs(g, city, "商会", fact="襄阳.town_chambers")
    for town in g.towns(city):
        g.org(town, "服务站", fact="襄阳.service_stations")
    village_orgs(g, g.villages_in(city), "服务站", fact="襄阳.service_stations")
    made = enterprises(g, city, 600)
    synthetic_pairing(g, city, made, 40)
    owners(g, made, city)
    reps = representatives(g, city, 120, provincial)
    for person in reps:
        g.attrs[person]["field"] = rng.choice(["产业", "文化", "慈善", "仁德"])
    members(g, city, 2000)


def yichang(g, city, provincial):
    rng = g.rng
    generic_orgs(g, city)
    qunying = g.org(city, "网络人士组织", name="宜昌市“群英汇”网络人士联谊会", fact="宜昌.online_figures_platform")
    g.org(city, "服务团", name="宜昌市民主党派博士（专家）服务团")
    made = enterprises(g, city, 1173, fact="宜昌.enterprises")
    villages = [v for v in g.villages_in(city) if g.village_type[v] == "village"]
    assert len(villages) >= 1319
    chosen = sorted(rng.sample(villages, 1319))
    pair_enterprises(g, made, chosen, 1460, fact="宜昌.pairs")
    owners(g, made, city)
    representatives(g, city, 100, provincial)
    online = members(g, city, 1046, category="网络人士", home=[(qunying, city, 1)], fact="宜昌.online_figures")
    assert len(online) == 1046
    members(g, city, 1200)


def generic_orgs(g, city, parties=6):
    city_core(g, city, parties=parties)
    county_orgs(g, city, ("知联会", "新联会", "商会"), probability=80)
    town_orgs(g, city, "商会", probability=45)
    town_orgs(g, city, "联络站", probability=30)
    village_orgs(g, [v for v in g.villages_in(city) if g.rng.randrange(100) < 10], "联络点")


def ezhou(g, city, provincial):
    rng = g.rng
    city_core(g, city, parties=5)
    county_orgs(g, city, ("知联会", "新联会", "商会"))
    for kind in ["理论政策宣讲", "文化文艺服务", "助学支教", "医疗健康", "科学普及", "法律服务", "卫生环保", "帮困解难"]:
        g.org(city, "志愿服务队", name="鄂州市同心%s志愿服务队" % kind, fact="鄂州.volunteer_teams")
    sites = sorted(rng.sample(g.villages_in(city), 260))
    village_orgs(g, sites, "服务站", fact="鄂州.colocated_sites", attrs={"colocated_with": "党群服务中心"})
    populate(g, city, provincial, ents=150, pair_percent=40, reps=40, members_count=450)


def jingmen(g, city, provincial):
    city_core(g, city, parties=6)
    county_orgs(g, city, ("知联会", "新联会"), fact="荆门.county_associations")
    # The source's 7 county-level units include two functional zones without codes of their own;
    # their associations sit in a town-level unit the list files under a county.
    for zone, seat in (("漳河新区", "420802102"), ("屈家岭管理区", "420882455")):
        for type_ in ("知联会", "新联会"):
            g.org(seat, type_, name=ORG_NAME[type_].format(zone), fact="荆门.zone_associations",
                  attrs={"functional_zone": zone})
    town_orgs(g, city, "联络站", fact="荆门.town_stations")
    village_orgs(g, g.villages_in(city), "联络点", fact="荆门.village_points")
    populate(g, city, provincial, ents=350, pair_percent=40, reps=80, members_count=1200)


def xiaogan(g, city, provincial):
    rng = g.rng
    city_core(g, city)
    county_orgs(g, city, ("知联会", "新联会", "光彩会", "商会"))
    filler_orgs(g, [city] + g.counties(city), 197 - len(g.city_orgs[city]))
    assert len(g.city_orgs[city]) == 197
    town_orgs(g, city, "商会", probability=40)
    town_orgs(g, city, "联络站", probability=25)
    made = enterprises(g, city, 600)
    linked, served = made[:100], made[100:221]
    for e in linked:
        cadre = g.figure(rng.choice(g.towns(city)), "统战干部", fact="孝感.cadres")
        g.edge(cadre, e, "paired_with", {"programme": "百名统战干部联百企"}, fact="孝感.cadre_pairs")
    for e in sorted(rng.sample(served, 56)):
        g.attrs[e]["cooperation_intention"] = True
    experts = [g.figure(city, "党外专家", fact="孝感.experts") for _ in range(166)]
    pairs = set()
    for i, e in enumerate(served):
        pairs.add((experts[i], e))
    for expert in experts[121:]:
        pairs.add((expert, rng.choice(served)))
    while len(pairs) < 200:
        pairs.add((rng.choice(experts), rng.choice(served)))
    for expert, e in sorted(pairs):
        g.edge(expert, e, "paired_with", {"programme": "党外专家县市行"}, fact="孝感.expert_pairs")
    synthetic_pairing(g, city, made[221:], 40)
    owners(g, made, city)
    representatives(g, city, 100, provincial)
    members(g, city, 2100)


def jingzhou(g, city, provincial):
    rng = g.rng
    city_core(g, city)
    for unit in [city] + g.counties(city):
        g.org(unit, "投诉服务中心", fact="荆州.complaint_centres")
        if unit != city:
            g.org(unit, "知联会", fact="荆州.county_associations")
            g.org(unit, "新联会", fact="荆州.county_associations")
    town_orgs(g, city, "商会", probability=45)
    town_orgs(g, city, "联络站", probability=25)
    advisers = [v for v in g.villages_in(city) if rng.randrange(100) < 6]
    for village in advisers:
        g.org(village, "顾问团", name=g.unit_name(village) + "村级发展顾问团")
    populate(g, city, provincial, ents=500, pair_percent=40, reps=110, members_count=2000)


def huanggang(g, city, provincial):
    rng = g.rng
    generic_orgs(g, city, parties=8)
    counties = {g.regions[c]["name"]: c for c in g.counties(city)}
    for county, name in (("麻城市", "麻城桃盛"), ("红安县", "红安铜锣"), ("罗田县", "罗田燕儿谷"), ("蕲春县", "蕲春艾都同心e站")):
        g.org(counties[county], "网络人士组织", name=name + "网络人士统战工作站", fact="黄冈.online_models")
    made = enterprises(g, city, 600)
    for e in made[:15]:
        g.attrs[e]["financed"] = True
        g.fact_node(e, "黄冈.financed_enterprises")
    villages = g.villages_in(city)
    roles = ["金融村官"] * 380 + ["金融秘书"] * 70 + ["金融特派员"] * 62
    officers = sorted(rng.sample(villages, 380))
    for index, role in enumerate(roles):
        if role == "金融村官":
            village = officers[index]
            person = g.figure(village, "金融人才", fact="黄冈.financial_talents", attrs={"role": role})
            g.edge(person, village, "liaison_for")
        else:
            e = rng.choice(made)
            person = g.figure(g.location[e], "金融人才", fact="黄冈.financial_talents", attrs={"role": role})
            g.edge(person, e, "paired_with", {"programme": "统战+金融"})
    synthetic_pairing(g, city, made, 35)
    owners(g, made, city)
    representatives(g, city, 140, provincial)
    members(g, city, 2800)


def xianning(g, city, provincial):
    city_core(g, city)
    counties = {g.regions[c]["name"]: c for c in g.counties(city)}
    branch = g.org(counties["咸安区"], "民主党派", name="农工党咸宁市委会咸安区总支", attrs={"party": "农工党"})
    tingsi = next(t for t in g.towns(counties["咸安区"]) if g.regions[t]["name"] == "汀泗桥镇")
    g.edge(branch, tingsi, "serves", {"activity": "农工助医"})
    county_orgs(g, city, ("商会", "知联会", "新联会"), fact="咸宁.county_coverage")
    town_orgs(g, city, "商会", fact="咸宁.town_chambers")
    g.org(counties["嘉鱼县"], "新联会", name="嘉鱼县“园区新智荟”")
    g.org(counties["通城县"], "联络站", name="通城县关刀工业园统战工作站")
    town_orgs(g, city, "联络站")
    top_up_villages(g, city, 1334)
    populate(g, city, provincial, ents=300, pair_percent=40, reps=70, members_count=900)


def suizhou(g, city, provincial):
    rng = g.rng
    city_core(g, city, parties=5)
    county_orgs(g, city, ("知联会", "新联会", "商会"))
    town_orgs(g, city, "商会", probability=50)
    for village in g.villages_in(city):
        station = g.org(village, "联络站", fact="随州.village_stations")
        liaison = g.figure(village, "统战联络员", fact="随州.village_liaisons")
        g.edge(liaison, village, "liaison_for")
        g.edge(liaison, station, "leads")
        g.led.add(station)
        for _ in range(3 + rng.randrange(2)):
            collector = g.figure(village, "信息采集员", fact="随州.information_collectors")
            g.edge(collector, village, "liaison_for")
            g.join(collector, station)
    populate(g, city, provincial, ents=250, pair_percent=40, reps=60, members_count=600)


def enshi(g, city, provincial):
    generic_orgs(g, city, parties=8)
    made = enterprises(g, city, 2169, fact="恩施.enterprises")
    pair_enterprises(g, made, g.villages_in(city), 2600, fact="恩施.pairs", projects=1584)
    owners(g, made, city, percent=30)
    representatives(g, city, 100, provincial)
    members(g, city, 1300)


def xiantao(g, city, provincial):
    rng = g.rng
    generic_orgs(g, city, parties=4)
    towns = g.towns(city)
    cadres = [g.figure(city, "统战干部", fact="仙桃.cadres") for _ in range(6)]
    cadres += [g.figure(rng.choice(towns), "统战干部", fact="仙桃.cadres") for _ in range(30)]
    cadres += [g.figure(rng.choice(g.villages_in(city)), "统战干部", fact="仙桃.cadres") for _ in range(34)]
    for index in range(130):
        talent = g.figure(rng.choice(g.villages_in(city)), "能人", fact="仙桃.village_talents")
        cadre = cadres[index] if index < len(cadres) else rng.choice(cadres)
        g.edge(cadre, talent, "paired_with", {"programme": "能人结对联系"}, fact="仙桃.talent_pairs")
    populate(g, city, provincial, ents=150, pair_percent=40, reps=40, members_count=450)


def tianmen(g, city, provincial):
    rng = g.rng
    generic_orgs(g, city, parties=4)
    villages = g.villages_in(city)
    for _ in range(300):
        village = rng.choice(villages)
        attrs = {"native_place": g.regions[g.village_town[village]]["name"],
                 "industry": rng.choice(INDUSTRIES)[0],
                 "expertise": rng.choice(["种植", "养殖", "电商", "建筑", "教育", "医疗", "制造", "金融", "法律"])}
        g.figure(village, "能人", attrs=attrs)
    populate(g, city, provincial, ents=150, pair_percent=40, reps=40, members_count=500)


def qianjiang(g, city, provincial):
    generic_orgs(g, city, parties=4)
    for industry in ["虾稻", "纺织服装", "石油化工", "生物医药", "装备制造", "新材料", "电子信息", "食品加工",
                     "光电子", "汽车零部件", "新能源", "现代物流"]:
        g.org(city, "联络站", name="潜江市%s产业链统战工作联络站" % industry, fact="潜江.industry_stations",
              attrs={"industry_chain": industry})
    g.org(city, "行业协会", name="潜江市虾-稻产业行业协会", fact="潜江.industry_organizations")
    g.org(city, "商会", name="潜江市纺织服装产业基层商会", fact="潜江.industry_organizations")
    g.org(city, "商会", name="潜江市石油化工产业基层商会", fact="潜江.industry_organizations")
    g.org(city, "网络人士组织", name="潜江市网络人士群英荟", fact="潜江.industry_organizations")
    populate(g, city, provincial, ents=150, pair_percent=40, reps=40, members_count=350)


CITIES = {
    "4201": wuhan, "4202": huangshi, "4203": shiyan, "4205": yichang, "4206": xiangyang,
    "4207": ezhou, "4208": jingmen, "4209": xiaogan, "4210": jingzhou, "4211": huanggang,
    "4212": xianning, "4213": suizhou, "4228": enshi, "429004": xiantao, "429005": qianjiang,
    "429006": tianmen,
    "429021": lambda g, city, provincial: generic(g, city, provincial, ents=30, members_count=80, reps=15,
                                                  parties=2),
}


def build():
    g = Hubei(random.Random(SEED))
    g.load_regions()
    for city, total, fact, community_scale in VILLAGES:
        g.make_villages(city, total, fact=fact, community_scale=community_scale)
    province = "42"
    provincial = [g.org(province, t) for t in ("知联会", "新联会", "光彩会")]
    provincial.append(g.org(province, "商会", name="湖北省工商业联合会（总商会）"))
    provincial += [g.org(province, "民主党派", name="%s湖北省委员会" % p, attrs={"party": p}) for p in PARTIES]
    for city in g.children[province]:
        CITIES[city](g, city, provincial)
    for city in g.children[province]:
        leaders(g, city)
    for org in provincial:
        g.edge(g.members_of[org][0], org, "leads")
    return g


# ---------------------------------------------------------------------------------------------
# Metadata: what is real, what is stated, what is synthetic. Flat: every value a string or number.

FACTS = {
    "武汉.pilot_bases": "every district has 1–2 pilot sub-districts with a “江城同心汇” practice base: one "
                       "organization of type 实践创新基地 within each chosen 街道 (which ones, and 1 or 2, synthetic)",
    "武汉.district_brands": "district brands in 东西湖区, 江汉区, 江夏区, 武昌区, 洪山区: type 工作品牌, within the district",
    "武汉.members_covered": "11,700+ members covered: 11,726 figures (统战成员), each member_of a practice base; "
                           "no other figure is a member of one",
    "黄石.organizations": "320+ organizations: exactly 326 organizations located in 黄石市's subtree (which ones, synthetic)",
    "黄石.members": "5,200+ members: exactly 5,236 distinct figures member_of a 黄石 organization",
    "十堰.villages": "1,898 villages (村(社区)): exactly 1,898 village nodes",
    "十堰.town_committee_members": "all 129 towns have a 统战委员: one figure each, liaison_for the town",
    "十堰.town_officers": "all 129 towns have a 统战干事: one figure each, liaison_for the town",
    "十堰.village_liaisons": "all 1,898 villages have a 统战联络员: one figure each, liaison_for the village",
    "十堰.organizations": "2,285 organizations: exactly 2,285 organizations located in 十堰市's subtree",
    "十堰.county_associations": "county-level 知联会, 新联会 and 光彩会 in every county: one of each within each of the 8 counties",
    "十堰.town_chambers": "town chambers of commerce in 90%+ of towns: 商会 within 118 of the 129 towns (91.5%; which ones, synthetic)",
    "十堰.village_organizations": "village organization coverage 100%: a 联络点 within each of the 1,898 villages, led by its liaison",
    "襄阳.service_stations": "2,837 service stations: a 服务站 within each of the 130 towns and each of the 2,707 villages "
                            "(the village count is synthetic, chosen so the stated total means full coverage)",
    "襄阳.county_associations": "知联会 and 新联会 full coverage: one of each within each of the 9 counties",
    "襄阳.town_chambers": "乡镇商会 full coverage: a 商会 within each of the 130 towns",
    "宜昌.enterprises": "1,173 private enterprises and chambers (all modelled as enterprise nodes): exactly 1,173 enterprises in 宜昌市",
    "宜昌.pairs": "万企兴万村: the 1,173 enterprises paired_with exactly 1,319 distinct villages (type village) in 1,460 "
                 "distinct pairs (the pair count and who pairs with whom, synthetic); the other villages unpaired",
    "宜昌.online_figures_platform": "群英汇: the online figures' organization",
    "宜昌.online_figures": "1,000+ online figures: exactly 1,046 figures of category 网络人士, each member_of 群英汇",
    "荆门.villages": "1,566 villages (村(社区)): exactly 1,566 village nodes",
    "荆门.county_associations": "知联会/新联会 in every county: one of each within each of the 5 county-level units",
    "荆门.zone_associations": "the two functional zones counted among the source's 7: a 知联会 and a 新联会 each for "
                             "漳河新区 and 屈家岭管理区, within 漳河镇 (东宝区) and 易家岭办事处 (京山市)",
    "荆门.town_stations": "a liaison station or association in each town: a 联络站 within each of the 84 town-level units",
    "荆门.village_points": "a liaison point in each of the 1,566 villages: a 联络点 within each",
    "鄂州.colocated_sites": "260 organization sites co-located with party-mass service centres: 260 服务站 within "
                           "260 villages, attribute colocated_with = 党群服务中心",
    "鄂州.volunteer_teams": "8 kinds of volunteer teams: 8 志愿服务队 (the 8 named kinds) within 鄂州市",
    "孝感.organizations": "197 organizations at city and county level: exactly 197 organizations whose parent is 孝感市 "
                         "or one of its counties (which ones, synthetic; town-level organizations are extra and synthetic)",
    "孝感.cadres": "100 cadres linked with 100 enterprises: 100 figures of category 统战干部",
    "孝感.cadre_pairs": "each cadre paired_with one distinct enterprise (programme 百名统战干部联百企)",
    "孝感.experts": "166 non-party experts: 166 figures of category 党外专家",
    "孝感.expert_pairs": "the 166 experts paired_with exactly 121 distinct enterprises (programme 党外专家县市行), 56 of "
                        "which have cooperation_intention = true; 200 pairs (the pair count, synthetic)",
    "荆州.complaint_centres": "complaint centres at city and county level, full coverage: a 投诉服务中心 in 荆州市 and each of its 9 counties",
    "荆州.county_associations": "intellectual and new-strata associations at county level, full coverage: a 知联会 and a 新联会 in each county",
    "黄冈.online_models": "4 online-figure work models (麻城桃盛, 红安铜锣, 罗田燕儿谷, 蕲春艾都同心e站): 4 organizations",
    "黄冈.financed_enterprises": "15 key private enterprises financed: 15 enterprises with financed = true",
    "黄冈.financial_talents": "500+ financial talents: 512 figures of category 金融人才 (380 金融村官 liaison_for a "
                             "village, 132 金融秘书/金融特派员 paired_with an enterprise; the split, synthetic)",
    "咸宁.organizations": "1,334 organizations: exactly 1,334 organizations located in 咸宁市's subtree",
    "咸宁.county_coverage": "chambers, 知联会 and 新联会 full coverage: a 商会, 知联会 and 新联会 within each of the 6 counties",
    "咸宁.town_chambers": "grassroots chambers full coverage: a 商会 within each of the 89 towns",
    "随州.villages": "1,009 villages (村(社区)): exactly 1,009 village nodes",
    "随州.village_stations": "each village has a liaison station: a 联络站 within each of the 1,009 villages",
    "随州.village_liaisons": "each village has exactly 1 统战联络员: liaison_for the village, leads its 联络站",
    "随州.information_collectors": "each village has 3–4 信息采集员: liaison_for the village, member_of its 联络站",
    "恩施.villages": "1,510 villages, every one paired: exactly 1,510 village nodes (type village)",
    "恩施.enterprises": "2,169 enterprises: exactly 2,169 enterprises in 恩施州",
    "恩施.pairs": "万企兴万村: the 2,169 enterprises paired_with all 1,510 villages in 2,600 distinct pairs (pair count "
                 "synthetic); the pairs' projects attributes sum to the stated 1,584 projects",
    "仙桃.village_talents": "130 key village talents: 130 figures of category 能人",
    "仙桃.cadres": "city, town and village cadres (统战干部, 70; the count, synthetic)",
    "仙桃.talent_pairs": "each of the 130 talents paired with a cadre: exactly one paired_with edge from a cadre",
    "潜江.industry_stations": "12 key industries, each with an industry-chain liaison station: 12 联络站 "
                             "(虾稻, 纺织服装, 石油化工 from the source; the other 9 industries, synthetic)",
    "潜江.industry_organizations": "虾-稻产业行业协会, 纺织服装产业基层商会, 石油化工产业基层商会, 网络人士群英荟",
}

NOT_MODELLED = ("stated but not graph structure: 黄石's ~2,000 activities, 163M yuan, 1,400+ grid platforms and "
                "2,200 building groups; 宜昌's 60+ service events; 荆门's 5,100+ positions and 106 brands; "
                "孝感's 616 problems solved; 黄冈's 34 cultural resource sites and 37 plays; 恩施's 10 "
                "government–chamber meetings; 武汉's brands beyond the five named; 襄阳's database classes appear "
                "as the field attribute of its representative figures")


def metadata(g):
    villages = len(g.villages)
    communities = sum(1 for v in g.villages if v["type"] == "community")
    meta = {
        "description": "Hubei province's grassroots united-front (统战) network: regions, villages, "
                       "organizations, enterprises and figures (DOMAIN.md)",
        "generator": "Scripts/make-hubei.py",
        "seed": SEED,
        "source": "湖北省委统战部, 汇聚基层统战力量 共同缔造美好生活 (the project's seeds/000_c44066cb8e9ea5ef.txt): "
                  "how each of Hubei's 17 prefecture-level divisions organizes grassroots united-front work",
        "regions": "real: 1 province, 17 prefecture-level divisions, 101 county-level units, 1,475 towns with official "
                   "names and codes (National Bureau of Statistics division list as of 2022-10-31, via the "
                   "WTFPL-licensed modood/Administrative-divisions-of-China; Graphs/sources/hubei-divisions.csv); "
                   "仙桃, 潜江, 天门, 神农架 are level city, as the source treats them",
        "synthetic": "every node with attrs.synthetic = true is invented: all villages and communities (names, "
                     "12-digit ids and counts except the stated ones), organizations, enterprises, figures, their "
                     "names and their links. A node or edge whose attrs.fact is a metadata key realizes that stated "
                     "fact; counts without such a key are synthetic",
        "villages": "%d villages and communities (%d communities); the stated counts exact (十堰 1,898, 荆门 1,566, "
                    "随州 1,009, 恩施 1,510), the rest synthetic towards the public background figure of about "
                    "26,000 for Hubei" % (villages, communities),
        "荆门.reconciliation": "the source's 7 county-level units vs the list's 5 codes: the other two are the "
                              "functional zones 漳河新区 and 屈家岭管理区, without codes of their own; the graph has "
                              "the 5 coded counties (all covered) plus the zones' associations (荆门.zone_associations). "
                              "The source's 65 towns vs the list's 84 town-level codes: 60 regular towns and "
                              "sub-districts (codes below 400) and 24 development zones, farms, reservoirs and other "
                              "special units; the graph keeps all 84 and covers every one, so the stated full "
                              "coverage holds under either count",
        "十堰.reconciliation": "129 towns in both the source and the list",
        "not_modelled": NOT_MODELLED,
    }
    for key, text in FACTS.items():
        meta[key] = text
        if key in g.fact_counts:
            meta["count." + key] = g.fact_counts[key]
    return meta


def write(g, path, edge_list=None):
    """Writes the built graph as native JSON (and the peers' edge list when asked); returns
    (nodes, edges, within edges written as `parent`)."""
    writer = GraphWriter(path, "json", "Hubei", metadata(g), edge_list=edge_list)
    nodes = g.region_nodes + g.villages + g.orgs + g.enterprises + g.figures
    for node in nodes:
        writer.node(node)
    for edge in g.edges:
        writer.edge(edge)
    writer.close()
    return len(nodes), len(g.edges), sum(1 for n in nodes if "parent" in n)
