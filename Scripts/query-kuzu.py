#!/usr/bin/env python3
"""Runs Tongxin's query corpus against Kùzu, an independent embedded Cypher engine, and writes the
differences to Tests/TongxinQueryTests/Corpus/kuzu-report.md.

The corpus (Tests/TongxinQueryTests/Corpus/*.cases) holds queries with the answers worked out by
hand and checked by `swift test --filter TongxinQueryTests`; this script loads the same graphs
(Corpus/*.json) into Kùzu and compares its answers with the expected ones.

Mapping: each node kind is a Kùzu node table and each edge kind a relationship table (with every
FROM/TO pair of node kinds); every node table has the columns id (primary key), kind, name and all
node attributes, every relationship table kind, weight and all edge attributes, so `n.kind`,
`r.kind` and `r.weight` read the same in both. Queries are translated where the dialects differ:
id(n) → n.id, labels(n) → [label(n)], type(r) → label(r), shortestPath((a)-[*..k]-(b)) →
(a)-[* SHORTEST 1..k]-(b), allShortestPaths → ALL SHORTEST. Column names are not compared (Kùzu
names them its own way); rows are, in order when the query has ORDER BY. An error case agrees when
Kùzu rejects the query too. Each graph's queries run in a child process, so a Kùzu crash costs
one case (reported as such), not the run.

Needs Kùzu 0.11 (`pip install kuzu==0.11.3`): run with /opt/peers/bin/python, or create
.venv-peers with Scripts/setup-peers.sh and run .venv-peers/bin/python Scripts/query-kuzu.py.

Usage: query-kuzu.py [--report PATH]
"""
import argparse
import ast
import csv
import decimal
import glob
import json
import math
import multiprocessing
import os
import re
import sys
import tempfile

import kuzu

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "Tests", "TongxinQueryTests", "Corpus")
WELL_KNOWN = ("level", "type", "category")


def load_cases():
    """The corpus cases, parsed as CorpusTests.swift parses them."""
    cases = []
    for path in sorted(glob.glob(os.path.join(CORPUS, "*.cases"))):
        current, expected_part = None, False
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle.read().split("\n"), 1):
                if line.startswith("## "):
                    if current:
                        cases.append(current)
                    current = {"file": os.path.basename(path), "line": number, "title": line[3:], "graph": "tiny",
                               "params": {}, "query": [], "expected": []}
                    expected_part = False
                elif current is None or line.startswith("#"):
                    continue
                elif expected_part:
                    if line.strip():
                        current["expected"].append(line)
                elif line.startswith("@graph "):
                    current["graph"] = line[7:]
                elif line.startswith("@param "):
                    name, _, value = line[7:].partition("=")
                    current["params"][name] = value
                elif line == "--":
                    expected_part = True
                else:
                    current["query"].append(line)
        if current:
            cases.append(current)
    for case in cases:
        case["query"] = "\n".join(case["query"])
    return cases


def read_graph(name):
    """Nodes and edges of a native Tongxin JSON graph (parent → within edge, well-known
    attributes folded into attrs)."""
    with open(os.path.join(CORPUS, name + ".json"), encoding="utf-8") as handle:
        return graph_from_json(json.load(handle))


def graph_from_json(data):
    nodes, edges = [], []
    for node in data["nodes"]:
        attrs = dict(node.get("attrs", {}))
        for key in WELL_KNOWN:
            if key in node:
                attrs[key] = node[key]
        nodes.append({"id": node["id"], "kind": node.get("kind", "node"), "name": node.get("name", node["id"]), "attrs": attrs})
        if "parent" in node:
            edges.append({"source": node["id"], "target": node["parent"], "kind": "within", "weight": 1.0, "attrs": {}})
    for edge in data["edges"]:
        edges.append({"source": edge["source"], "target": edge["target"], "kind": edge.get("kind", "tie"),
                      "weight": float(edge.get("weight", 1)), "attrs": dict(edge.get("attrs", {}))})
    return nodes, edges


def column_types(rows):
    """Kùzu column types for the attributes of `rows`, in first-seen order."""
    types = {}
    for row in rows:
        for key, value in row["attrs"].items():
            kind = "BOOLEAN" if isinstance(value, bool) else "INT64" if isinstance(value, int) else \
                "DOUBLE" if isinstance(value, float) else "STRING"
            if types.get(key) == "INT64" and kind == "DOUBLE" or types.get(key) is None:
                types[key] = kind
    return types


def csv_value(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def build_database(nodes, edges, directory):
    """A Kùzu database holding the graph, loaded with COPY from CSV files in `directory`."""
    database = kuzu.Database(os.path.join(directory, "db"))
    connection = kuzu.Connection(database)
    node_types, edge_types = column_types(nodes), column_types(edges)
    for name in ("id", "kind", "name"):
        node_types.pop(name, None)
    for name in ("kind", "weight"):
        edge_types.pop(name, None)
    node_kinds = list(dict.fromkeys(node["kind"] for node in nodes))
    edge_kinds = list(dict.fromkeys(edge["kind"] for edge in edges))
    node_columns = "".join(f", `{key}` {kind}" for key, kind in node_types.items())
    for kind in node_kinds:
        connection.execute(f"CREATE NODE TABLE `{kind}`(id STRING PRIMARY KEY, kind STRING, name STRING{node_columns})")
    pairs = ", ".join(f"FROM `{a}` TO `{b}`" for a in node_kinds for b in node_kinds)
    edge_columns = "".join(f", `{key}` {kind}" for key, kind in edge_types.items())
    for kind in edge_kinds:
        connection.execute(f"CREATE REL TABLE `{kind}`({pairs}, kind STRING, weight DOUBLE{edge_columns})")
    kind_of = {node["id"]: node["kind"] for node in nodes}

    def copy(table, header, rows, options=""):
        path = os.path.join(directory, f"copy-{len(os.listdir(directory))}.csv")
        with open(path, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            writer.writerows(rows)
        connection.execute(f"COPY `{table}` FROM '{path}' (HEADER=true{options})")

    for kind in node_kinds:
        copy(kind, ["id", "kind", "name", *node_types],
             [[node["id"], node["kind"], node["name"], *(csv_value(node["attrs"].get(key)) for key in node_types)]
              for node in nodes if node["kind"] == kind])
    for kind in edge_kinds:
        groups = {}
        for edge in edges:
            if edge["kind"] == kind:
                groups.setdefault((kind_of[edge["source"]], kind_of[edge["target"]]), []).append(edge)
        for (source_kind, target_kind), group in groups.items():
            copy(kind, ["from", "to", "kind", "weight", *edge_types],
                 [[edge["source"], edge["target"], edge["kind"], edge["weight"],
                   *(csv_value(edge["attrs"].get(key)) for key in edge_types)] for edge in group],
                 f", from='{source_kind}', to='{target_kind}'")
    return database, connection


def translate(query, max_hops=15):
    """Tongxin's dialect → Kùzu's, for the few functions and path forms that differ."""
    query = re.sub(r"\bid\((\w+)\)", r"\1.id", query)
    query = re.sub(r"\blabels\((\w+)\)", r"[label(\1)]", query)
    query = re.sub(r"\btype\((\w+)\)", r"label(\1)", query)

    def shortest(match):
        mode = "ALL SHORTEST" if match.group(1).lower() == "allshortestpaths" else "SHORTEST"
        inner = match.group(2)
        star = re.search(r"\*\s*(\d*)\s*(\.\.)?\s*(\d*)", inner)
        upper = star.group(3) or (star.group(1) if star.group(1) and not star.group(2) else str(max_hops))
        return inner[:star.start()] + f"* {mode} 1..{upper}" + inner[star.end():]
    return re.sub(r"\b(shortestPath|allShortestPaths)\(\s*(\(.*?\)\s*<?-\[.*?\]->?\s*\(.*?\))\s*\)", shortest, query,
                  flags=re.IGNORECASE | re.DOTALL)


def parameter(text):
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text


class Notation:
    """Kùzu values in the corpus notation: (id) for nodes, (a)-[:kind]->(b) for relationships."""

    def __init__(self, connection):
        self.ids = {}
        result = connection.execute("MATCH (n) RETURN id(n), n.id")
        while result.has_next():
            internal, node_id = result.get_next()
            self.ids[(internal["table"], internal["offset"])] = node_id

    def node_id(self, internal):
        return self.ids[(internal["table"], internal["offset"])]

    def relationship(self, value):
        return f"({self.node_id(value['_src'])})-[:{value['_label']}]->({self.node_id(value['_dst'])})"

    def text(self, value):
        if value is None:
            return "null"
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, decimal.Decimal) and value == value.to_integral_value():
            value = int(value)  # Kùzu sums INT64 columns as INT128
        if isinstance(value, int):
            return str(value)
        if isinstance(value, float):
            if math.isnan(value):
                return "NaN"
            if math.isinf(value):
                return "Infinity" if value > 0 else "-Infinity"
            return repr(value)
        if isinstance(value, str):
            return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"
        if isinstance(value, list):
            return "[" + ", ".join(self.text(item) for item in value) + "]"
        if isinstance(value, dict):
            if "_nodes" in value and len(value["_nodes"]) != len(value["_rels"]) + 1:
                # A variable-length relationship (its inner nodes only): a list of relationships.
                return "[" + ", ".join(self.relationship(rel) for rel in value["_rels"]) + "]"
            if "_nodes" in value:
                nodes = value["_nodes"]
                text = f"<({nodes[0]['id']})" if nodes else "<"
                previous = nodes[0]["_id"] if nodes else None
                for rel, node in zip(value["_rels"], nodes[1:]):
                    forward = rel["_src"] == previous
                    text += (f"-[:{rel['_label']}]->" if forward else f"<-[:{rel['_label']}]-") + f"({node['id']})"
                    previous = node["_id"]
                return text + ">"
            if "_src" in value:
                return self.relationship(value)
            if "_label" in value:
                return f"({value['id']})"
            return "{" + ", ".join(f"{key}: {self.text(item)}" for key, item in value.items()) + "}"
        return repr(value)


# Why Kùzu answers differently, for the cases where the reason is known (the rest are functions or
# syntax Kùzu 0.11 lacks, named by its own error message).
NOTES = {
    "no relationship twice in one pattern": "Kùzu lets one MATCH use a relationship twice (PLATFORM.md); openCypher forbids it.",
    "a variable repeated in a pattern closes a cycle": "Kùzu reuses the self-loop a→a three times; openCypher's relationship uniqueness forbids it.",
    "uniqueness holds across comma-separated patterns of one MATCH": "Kùzu counts r = s pairs; openCypher's uniqueness spans the whole MATCH.",
    "variable-length paths are trails: nodes repeat, edges do not": "Kùzu's variable-length relationships are walks (edges repeat, up to 30 hops); openCypher's are trails.",
    "variable length, undirected, never reusing an edge": "Kùzu walks back along the edge it came by (walk semantics).",
    "an undirected pattern sees a self-loop once": "Kùzu returns an undirected self-loop twice, once per direction; Neo4j returns it once.",
    "pairings per city through the hierarchy": "The Kùzu bug PLATFORM.md notes: a plain aggregate after count(DISTINCT …) comes back 0.",
    "the query of DESIGN.md": "The same Kùzu bug: count(v) after count(DISTINCT e) comes back 0.",
    "a label on a node bound earlier must hold": "Kùzu ignores the label on an already bound variable.",
    "two different labels never match: a node has one kind": "In Kùzu (n:A:B) means A or B; in openCypher it means both (and a Tongxin node has one kind).",
    "aggregates over nulls only": "openCypher's sum over no values is 0; Kùzu answers null.",
    "a label no node has matches nothing": "Kùzu rejects a label it has no table for; openCypher matches nothing.",
    "a relationship kind no edge has matches nothing": "Kùzu rejects a relationship type it has no table for; openCypher matches nothing.",
    "OPTIONAL MATCH alone with no match gives one row of nulls": "Kùzu rejects the unknown label (see above).",
    "aggregates over no rows": "Kùzu rejects the unknown label (see above).",
    "grouped aggregates over no rows give no rows": "Kùzu rejects the unknown label (see above).",
    "IN with nulls": "openCypher: 3 IN [1, null] is null and null IN [] is false; Kùzu answers false and null.",
    "list equality with nulls": "openCypher: [1, null] = [1, null] is null; Kùzu answers true.",
    "comparisons": "Kùzu casts '1' to a number for 1 = '1'; openCypher compares different types as unequal.",
    "STARTS WITH on a number is null": "Kùzu casts the number to a string; openCypher's STARTS WITH on a non-string is null.",
    "a string and a number do not compare": "Kùzu tries to cast 'Ann' to a number and fails; openCypher's comparison is null.",
    "a string and a number are unequal": "Kùzu tries to cast 'Ann' to a number and fails; openCypher's = is false.",
    "DISTINCT treats 1 and 1.0 as the same value": "Same rows; Kùzu's list is typed DOUBLE so it prints 1.0 and 2.0.",
    "RETURN * returns every variable, by name": "Same row; Kùzu orders the columns as declared, Tongxin (like Neo4j) by name.",
    "a variable-length relationship binds a list": "Same relationships; compare the notation of Kùzu's recursive relationship value.",
    "a property map on a variable-length relationship applies to every hop": "Kùzu's walk semantics reuse the self-loop: [aa] and [aa, aa].",
    "string escapes": "Kùzu 0.11 does not read \\u escapes in string literals.",
    "a property a node lacks is null": "Kùzu rejects a property no table has; Tongxin (like Neo4j) reads it as null.",
    "min and max over mixed types follow the global order": "Kùzu lists are typed and cannot mix strings and numbers.",
    "ORDER BY over mixed types": "Kùzu lists are typed and cannot mix types.",
    "ORDER BY DESC over mixed types": "Kùzu lists are typed and cannot mix types.",
    "a parameter that was not given": "Kùzu reads a missing parameter as null; Tongxin reports it.",
    "UNION is not supported": "Kùzu supports UNION; Tongxin does not (README).",
    "IN null matches nothing": "Kùzu 0.11.3 crashes (segmentation fault) on `x IN null`.",
    "shortestPath with a lower bound above one": "Tongxin (like Neo4j) refuses a lower bound above 1; the translation to Kùzu's SHORTEST drops it.",
    "a keyword where a variable should be": "Kùzu takes `match` as a variable name; Tongxin reserves keywords (backticks make them names).",
    "an integer literal too large": "Kùzu reads it as a 128-bit decimal; openCypher's integers are 64-bit.",
    "a path variable declared twice": "Kùzu lets the second declaration shadow the first; openCypher rejects it.",
    "DISTINCT in a non-aggregate function": "Kùzu ignores the DISTINCT; openCypher rejects it.",
    "range over the whole integer line is refused, not overflowed": "Kùzu's range() overflows and answers []; Tongxin refuses a list beyond 10,000,000 values.",
    "range with a step near the integer limits": "Kùzu's range() overflows and answers [].",
    "a negative subscript beyond the start is null": "openCypher's out-of-range subscript is null; Kùzu raises an error.",
    "list subscripts": "openCypher's out-of-range subscript is null; Kùzu raises an error.",
    "map literals and keys": "openCypher reads a missing map key as null; Kùzu raises an error.",
    "collect in the order rows arrive": "Kùzu requires SKIP or LIMIT after ORDER BY in WITH.",
    "collect skips nulls": "Kùzu requires SKIP or LIMIT after ORDER BY in WITH.",
    "collect per group, ordered": "Kùzu requires SKIP or LIMIT after ORDER BY in WITH.",
    "ORDER BY a returned aggregate": "Kùzu cannot evaluate an aggregate in ORDER BY, even one that is returned.",
    "chained comparisons": "Kùzu does not parse chained comparisons (a < b < c).",
}


def worker(graph, directory, requests):
    """Answers cases on one graph in a child process, so that a Kùzu crash loses one case only."""
    database, connection = build_database(*read_graph(graph), directory)
    notation = Notation(connection)
    while True:
        query, parameters = requests.recv()
        try:
            result = connection.execute(query, parameters)
            rows = []
            while result.has_next():
                rows.append(" | ".join(notation.text(value) for value in result.get_next()))
            requests.send(rows)
        except Exception as error:  # Kùzu raises RuntimeError subclasses for every kind of failure
            requests.send(["!error " + str(error).split("\n")[0]])


class Engine:
    """A worker process for one graph, restarted when Kùzu crashes."""

    def __init__(self, graph, scratch):
        self.graph, self.scratch, self.process = graph, scratch, None

    def run(self, query, parameters):
        if self.process is None:
            directory = tempfile.mkdtemp(dir=self.scratch)
            self.connection, child = multiprocessing.Pipe()
            self.process = multiprocessing.get_context("fork").Process(target=worker, args=(self.graph, directory, child))
            self.process.start()
        self.connection.send((query, parameters))
        try:
            return self.connection.recv()
        except EOFError:
            self.process.join()
            code = self.process.exitcode
            self.process = None
            return [f"!crash Kùzu's process died (exit code {code})"]

    def close(self):
        if self.process is not None:
            self.process.kill()
            self.process.join()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--report", default=os.path.join(CORPUS, "kuzu-report.md"))
    arguments = parser.parse_args()
    cases = load_cases()
    engines = {}
    scratch = tempfile.mkdtemp(prefix="tongxin-kuzu-")
    agree, differ = 0, []
    for case in cases:
        if case["graph"] not in engines:
            engines[case["graph"]] = Engine(case["graph"], scratch)
        expected = case["expected"]
        query = translate(case["query"])
        actual = engines[case["graph"]].run(query, {name: parameter(text) for name, text in case["params"].items()})
        if expected and expected[0].startswith("!error"):
            ok = actual[:1] and actual[0].startswith("!error")
        else:
            wanted = expected[1:]
            ordered = re.search(r"ORDER\s+BY", case["query"], re.IGNORECASE) is not None
            ok = actual == wanted if ordered else sorted(actual) == sorted(wanted)
        if ok:
            agree += 1
        else:
            differ.append((case, query, expected, actual))
    lines = [
        "# The query corpus against Kùzu",
        "",
        f"Written by `Scripts/query-kuzu.py` (Kùzu {kuzu.__version__}): {len(cases)} cases, "
        f"{agree} agree, {len(differ)} differ. The expected answers are Tongxin's (worked out by hand and "
        "checked by `swift test --filter TongxinQueryTests`); below, each difference with Kùzu's answer. "
        f"{sum(case['title'] in NOTES for case, *_ in differ)} of them say why under 'Why'; the other "
        f"{sum(case['title'] not in NOTES for case, *_ in differ)} are functions or syntax Kùzu 0.11 lacks, "
        "as its error message says.",
        "",
    ]
    for case, query, expected, actual in differ:
        lines += [f"## {case['file']}:{case['line']} {case['title']}", "", "```", query, "```", "",
                  "expected (Tongxin):", "", "```", *((expected[1:] or ["(no rows)"]) if expected and not expected[0].startswith("!") else expected or ["(no rows)"]),
                  "```", "", "Kùzu:", "", "```", *(actual or ["(no rows)"]), "```", ""]
        if case["title"] in NOTES:
            lines += ["Why: " + NOTES[case["title"]], ""]
    for engine in engines.values():
        engine.close()
    with open(arguments.report, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines))
    print(f"query-kuzu: {len(cases)} cases, {agree} agree, {len(differ)} differ; report: {os.path.relpath(arguments.report, ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
