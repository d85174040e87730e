"""The Hubei network one year earlier, derived from Graphs/hubei.json (Graphs/hubei-2023.json), and the
differences between the two counted independently of Tongxin (Graphs/hubei-2023.expected.json); what
`Scripts/make-hubei-2023.py` writes.

The earlier year is derived from the current one with one random.Random(SEED), everything drawn from
sorted or file-ordered lists, so it is the same bytes on every run:
- fewer liaisons: some liaison_for edges are not there yet (in 十堰, whose villages all have a liaison
  now, among others), and a few liaisons had villages that have since lost them;
- fewer chambers of commerce (organization[type=商会]) and fewer figures;
- fewer pairings (paired_with), and a few pairings that have since ended;
- villages merged: some villages had a neighbour that has since been merged into them, and a few of
  their figures were located in that neighbour;
- villages renamed: 村改居, a village (X村, type village) that has since become a community (X社区);
- a few figures located in another village of the same town.
The source's stated facts (DOMAIN.md) hold in the current version only.

The expected counts compare the two documents directly, the way DESIGN.md defines the comparison
(nodes by id; edges as multisets of (source, target, kind), the `parent` shorthand included; coverage
of 十堰's villages by liaisons; enterprise–village pairs), without using anything of Tongxin.

Standard library only.
"""
import json
import os
from collections import Counter

SEED = 2023
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CURRENT = os.path.join(ROOT, "Graphs", "hubei.json")
EARLIER = os.path.join(ROOT, "Graphs", "hubei-2023.json")
EXPECTED = os.path.join(ROOT, "Graphs", "hubei-2023.expected.json")
SHIYAN = "4203"


def earlier_year(current, rng):
    nodes = [dict(node) for node in current["nodes"]]
    edges = [dict(edge) for edge in current["edges"]]
    by_id = {node["id"]: node for node in nodes}
    villages = [node for node in nodes if node["kind"] == "village"]
    town_villages = {}
    for village in villages:
        town_villages.setdefault(village["parent"], []).append(village)
    located = {}  # village id -> figures located there, in file order
    for node in nodes:
        if node["kind"] == "figure" and by_id.get(node.get("parent"), {}).get("kind") == "village":
            located.setdefault(node["parent"], []).append(node)

    # Nodes that did not exist yet: some chambers of commerce and some figures, with their edges.
    chambers = [n["id"] for n in nodes if n["kind"] == "organization" and n.get("type") == "商会"]
    figures = [n["id"] for n in nodes if n["kind"] == "figure"]
    later = set(rng.sample(chambers, len(chambers) // 10)) | set(rng.sample(figures, len(figures) // 25))
    nodes = [n for n in nodes if n["id"] not in later]
    edges = [e for e in edges if e["source"] not in later and e["target"] not in later]

    # Edges that did not exist yet: 12% of liaisons, 20% of pairings.
    def drop(kind, share):
        positions = [i for i, e in enumerate(edges) if e["kind"] == kind]
        return set(rng.sample(positions, int(len(positions) * share)))
    gone = drop("liaison_for", 0.12) | drop("paired_with", 0.20)
    edges = [e for i, e in enumerate(edges) if i not in gone]

    # Liaisons and pairings that have since ended: villages with none now had one then.
    present = {n["id"] for n in nodes}
    liaised = {e["target"] for e in current["edges"] if e["kind"] == "liaison_for"}
    paired = {e["target"] for e in current["edges"] if e["kind"] == "paired_with"}
    unliaised = [v for v in villages if v["id"] not in liaised]
    ended = rng.sample(unliaised, min(120, len(unliaised)))
    live_figures = sorted(f for f in present if by_id[f]["kind"] == "figure")
    for village in ended:
        edges.append({"source": rng.choice(live_figures), "target": village["id"], "kind": "liaison_for"})
    enterprises = sorted(n["id"] for n in nodes if n["kind"] == "enterprise")
    for village in rng.sample([v for v in villages if v["id"] not in paired], 60):
        edges.append({"source": rng.choice(enterprises), "target": village["id"], "kind": "paired_with",
                      "attrs": {"programme": "万企兴万村"}})

    # Villages merged since: the earlier year had a neighbour, holding one or two of today's figures.
    candidates = [v for v in villages if len(located.get(v["id"], [])) >= 2]
    for village in rng.sample(candidates, 40):
        neighbour = {"id": village["id"] + "m", "kind": "village", "name": "小" + village["name"],
                     "parent": village["parent"], "type": village.get("type", "village"), "attrs": {"synthetic": True}}
        nodes.append(neighbour)
        for figure in located[village["id"]][: 1 + rng.randrange(2)]:
            if figure["id"] in present:
                figure["parent"] = neighbour["id"]

    # 村改居: communities that were villages.
    communities = [v for v in villages if v.get("type") == "community" and v["name"].endswith("社区")]
    for village in rng.sample(communities, 60):
        village["name"] = village["name"][: -len("社区")] + "村"
        village["type"] = "village"

    # Figures located elsewhere in their town.
    movable = [f for f in nodes if f["kind"] == "figure" and f.get("parent") in by_id
               and by_id[f["parent"]]["kind"] == "village" and len(town_villages[by_id[f["parent"]]["parent"]]) > 1]
    for figure in rng.sample(movable, 80):
        siblings = [v["id"] for v in town_villages[by_id[figure["parent"]]["parent"]] if v["id"] != figure["parent"]]
        figure["parent"] = rng.choice(siblings)

    return {
        "format": "tongxin-graph", "version": 1, "name": current["name"] + " 2023",
        "metadata": {
            "description": "The network one year earlier, derived from hubei.json by Scripts/make-hubei-2023.py; "
                           "every difference is synthetic, and the source's stated facts hold in the current version only.",
            "generator": "Scripts/make-hubei-2023.py", "seed": SEED,
        },
        "nodes": nodes, "edges": edges,
    }


# ---------------------------------------------------------------------------------------------
# The independent count.

def parents(document):
    return {n["id"]: n["parent"] for n in document["nodes"] if "parent" in n}


def edge_multiset(document):
    edges = Counter((e["source"], e["target"], e["kind"]) for e in document["edges"])
    for child, parent in parents(document).items():
        edges[(child, parent, "within")] += 1
    return edges


def fields(node):
    """Everything DESIGN.md compares: kind, name, parent and the attributes, in one flat map."""
    result = {"kind": node["kind"], "name": node.get("name"), "parent": node.get("parent")}
    for key in ("level", "type", "category"):
        if key in node:
            result[key] = node[key]
    result.update(node.get("attrs", {}))
    return result


def village_liaison_coverage(document, city):
    """Villages of `city` with a figure linked by liaison_for to the village (villages hold no regions)."""
    kinds = {n["id"]: n["kind"] for n in document["nodes"]}
    up = parents(document)

    def in_city(node):
        while node in up:
            node = up[node]
            if node == city:
                return True
        return False
    units = {n["id"] for n in document["nodes"] if n["kind"] == "village" and in_city(n["id"])}
    covered = {e["target"] for e in document["edges"]
               if e["kind"] == "liaison_for" and kinds[e["source"]] == "figure" and e["target"] in units}
    return units, covered


def enterprise_village_pairs(document):
    kinds = {n["id"]: n["kind"] for n in document["nodes"]}
    pairs = set()
    for e in document["edges"]:
        if e["kind"] != "paired_with" or e["source"] == e["target"]:
            continue
        for left, right in ((e["source"], e["target"]), (e["target"], e["source"])):
            if kinds[left] == "enterprise" and kinds[right] == "village":
                pairs.add((left, right))
    villages = {n["id"] for n in document["nodes"] if n["kind"] == "village"}
    return pairs, villages


def expected(old, new):
    old_nodes = {n["id"]: n for n in old["nodes"]}
    new_nodes = {n["id"]: n for n in new["nodes"]}
    added = [i for i in new_nodes if i not in old_nodes]
    removed = [i for i in old_nodes if i not in new_nodes]
    changed = [i for i in new_nodes if i in old_nodes and fields(old_nodes[i]) != fields(new_nodes[i])]
    old_edges, new_edges = edge_multiset(old), edge_multiset(new)
    edges_added, edges_removed = Counter(), Counter()
    for key in set(old_edges) | set(new_edges):
        difference = new_edges[key] - old_edges[key]
        if difference > 0:
            edges_added[key[2]] += difference
        elif difference < 0:
            edges_removed[key[2]] -= difference
    by_kind = lambda ids, nodes: dict(sorted(Counter(nodes[i]["kind"] for i in ids).items()))
    units_before, covered_before = village_liaison_coverage(old, SHIYAN)
    units_after, covered_after = village_liaison_coverage(new, SHIYAN)
    both = units_before & units_after
    pairs_before, villages_before = enterprise_village_pairs(old)
    pairs_after, villages_after = enterprise_village_pairs(new)
    paired_before = {v for _, v in pairs_before}
    paired_after = {v for _, v in pairs_after}
    return {
        "nodes": {
            "added": len(added), "removed": len(removed), "changed": len(changed),
            "added_by_kind": by_kind(added, new_nodes), "removed_by_kind": by_kind(removed, old_nodes),
            "changed_by_kind": by_kind(changed, new_nodes),
            "moved": sum(1 for i in changed if old_nodes[i].get("parent") != new_nodes[i].get("parent")),
            "renamed": sum(1 for i in changed if old_nodes[i].get("name") != new_nodes[i].get("name")),
        },
        "edges": {"added": dict(sorted(edges_added.items())), "removed": dict(sorted(edges_removed.items()))},
        "coverage_shiyan_villages_by_liaison": {
            "before": {"units": len(units_before), "covered": len(covered_before)},
            "after": {"units": len(units_after), "covered": len(covered_after)},
            "newly_covered": len([v for v in both if v not in covered_before and v in covered_after]),
            "newly_uncovered": len([v for v in both if v in covered_before and v not in covered_after]),
        },
        "pairing_enterprise_village": {
            "before": {"pairs": len(pairs_before), "right": len(villages_before), "right_paired": len(paired_before)},
            "after": {"pairs": len(pairs_after), "right": len(villages_after), "right_paired": len(paired_after)},
            "newly_paired": len([v for v in villages_before & villages_after if v not in paired_before and v in paired_after]),
            "newly_unpaired": len([v for v in villages_before & villages_after if v in paired_before and v not in paired_after]),
        },
    }


def write(path, document):
    temporary = path + ".tmp"
    with open(temporary, "w", encoding="utf-8") as output:
        json.dump(document, output, ensure_ascii=False, indent=1 if path == EXPECTED else None,
                  separators=None if path == EXPECTED else (",", ":"))
        output.write("\n")
    os.replace(temporary, path)
