#!/usr/bin/env python3
"""Loads Tongxin's Neo4j export into Kùzu (embedded) and checks it against Tongxin on the same graph.

    python3 Scripts/kuzu-check.py TONGXIN GRAPH WORKDIR

`tongxin convert GRAPH WORKDIR/export --to neo4j` writes the CSV files and `kuzu.cypher`; the script
runs that script in the export folder against a new Kùzu database, then compares node counts by label,
relationship counts by type, and the answers of a few Cypher queries with `tongxin query` on GRAPH.
Needs kuzu (`.venv-test`, made by Scripts/setup.sh). Prints each mismatch; exits 1 on any.
"""
import json
import os
import re
import subprocess
import sys

import kuzu

# Queries both engines answer the same way (Kùzu 0.11 deviates from openCypher with several
# aggregates after count(DISTINCT …), PLATFORM.md: each query here has one aggregate).
QUERIES = [
    "MATCH (v:village)-[:within]->(t:region) RETURN t.name AS town, count(v) AS villages ORDER BY town",
    "MATCH (e:enterprise)-[p:paired_with]->(v:village) RETURN e.name AS enterprise, v.name AS village ORDER BY enterprise, village",
    "MATCH (f:figure)-[:member_of]->(o:organization) RETURN o.name AS organization, count(f) AS members ORDER BY organization",
    "MATCH (r:region) WHERE r.level = 'town' RETURN r.name AS town ORDER BY town",
]


def tongxin_rows(tongxin, graph, query):
    result = subprocess.run([tongxin, "query", graph, query, "--format", "json"], check=True, capture_output=True, text=True)
    return [tuple(row) for row in json.loads(result.stdout)["rows"]]


def kuzu_rows(connection, query):
    result = connection.execute(query)
    rows = []
    while result.has_next():
        rows.append(tuple(result.get_next()))
    return rows


def main():
    tongxin, graph, workdir = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]), os.path.abspath(sys.argv[3])
    export = os.path.join(workdir, "export")
    subprocess.run([tongxin, "convert", graph, export, "--to", "neo4j"], check=True, stdout=subprocess.DEVNULL)
    database = kuzu.Database(os.path.join(workdir, "kuzu-db"))
    connection = kuzu.Connection(database)
    with open(os.path.join(export, "kuzu.cypher"), encoding="utf-8") as f:
        script = re.sub(r"(?m)^//.*$", "", f.read())
    cwd = os.getcwd()
    os.chdir(export)  # the COPY statements name the CSV files relative to the export folder
    try:
        for statement in (s.strip() for s in script.split(";\n")):
            if statement:
                connection.execute(statement)
    finally:
        os.chdir(cwd)
    failures = []
    ours_nodes = dict(tongxin_rows(tongxin, graph, "MATCH (n) RETURN n.kind AS kind, count(*) AS n"))
    theirs_nodes = dict(kuzu_rows(connection, "MATCH (n) RETURN label(n), count(*)"))
    if ours_nodes != theirs_nodes:
        failures.append(f"nodes by label: tongxin {ours_nodes} != kuzu {theirs_nodes}")
    ours_edges = dict(tongxin_rows(tongxin, graph, "MATCH ()-[r]->() RETURN r.kind AS kind, count(*) AS n"))
    theirs_edges = dict(kuzu_rows(connection, "MATCH ()-[r]->() RETURN label(r), count(*)"))
    if ours_edges != theirs_edges:
        failures.append(f"relationships by type: tongxin {ours_edges} != kuzu {theirs_edges}")
    for query in QUERIES:
        ours, theirs = tongxin_rows(tongxin, graph, query), kuzu_rows(connection, query)
        if ours != theirs:
            failures.append(f"{query}\n  tongxin {ours}\n  kuzu    {theirs}")
    for failure in failures:
        print(failure)
    print(f"kuzu-check: {sum(ours_nodes.values())} nodes, {sum(ours_edges.values())} relationships, "
          f"{len(QUERIES)} queries, {len(failures)} mismatches")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
