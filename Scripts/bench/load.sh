#!/usr/bin/env bash
# The load benchmark (issue 2, "Speed"): how fast and how compactly `tongxin` (release build) reads a
# graph and builds its CSR adjacency, next to igraph's and NetworkX's reading of the same edge list
# in the same run. Graphs: the Hubei graph (native JSON, ~97k nodes / 250k edges), a 10× Hubei-shaped
# one (native JSON, ~970k / 2.5M) and the national CSV folder (10M nodes / 30M edges). NetworkX reads the
# Hubei and 10× edge lists only: on the national one it would need tens of GB and many minutes.
# Tongxin also reads the national edges.csv alone (nodes from the edges, like the peers). Binary
# formats: Tongxin's .txg (made with `tongxin convert`) against NetworKit's NetworkitBinary (written
# from the same edge list), each timed reading a file made beforehand.
#
# Usage: Scripts/bench/load.sh [--skip-national]
# Generated inputs are kept under Graphs/generated/ and reused. Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/../.."

national=1
[ "${1:-}" = "--skip-national" ] && national=0

Scripts/setup-peers.sh
python=.venv-peers/bin/python
swift build -c release --product tongxin >&2
tongxin=$(swift build -c release --show-bin-path)/tongxin

generated=Graphs/generated
mkdir -p "$generated"
[ -f Graphs/hubei.json ] || python3 Scripts/make-hubei.py
[ -f "$generated/hubei-10x.json" ] || python3 Scripts/generate-graph.py --scale 10 --out "$generated/hubei-10x.json"
if ((national)); then
    [ -f "$generated/national/edges.csv" ] || python3 Scripts/generate-graph.py --national --out "$generated/national"
fi

# The peers' input: the same edges as whitespace-separated "source target" lines (ids have no spaces),
# within edges (JSON: each node's parent) included; made once, outside the timed runs.
csv_edge_list() { # CSV folder -> FOLDER.ncol
    local out=$1.ncol
    [ -f "$out" ] || tail -n +2 "$1/edges.csv" | cut -d, -f1,2 | tr , ' ' > "$out"
    echo "$out"
}
json_edge_list() { # graph.json -> graph.ncol under Graphs/generated
    local out=$generated/$(basename "$1" .json).ncol
    if [ ! -f "$out" ] || [ "$out" -ot "$1" ]; then
        python3 - "$1" "$out" <<'PY'
import json, sys
graph = json.load(open(sys.argv[1], encoding="utf-8"))
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for node in graph["nodes"]:
        if "parent" in node:
            out.write("%s %s\n" % (node["id"], node["parent"]))
    for edge in graph["edges"]:
        out.write("%s %s\n" % (edge["source"], edge["target"]))
PY
    fi
    echo "$out"
}
count() { wc -l < "$1" | tr -d ' '; }
binaries() { # GRAPH EDGE_LIST: the .txg and .nkbg files beside EDGE_LIST, made once
    local stem=${2%.*}
    [ -f "$stem.txg" ] && [ "$stem.txg" -nt "$1" ] || "$tongxin" convert "$1" "$stem.txg" >&2
    [ -f "$stem.nkbg" ] && [ "$stem.nkbg" -nt "$2" ] || "$python" - "$2" "$stem.nkbg" <<'PY'
import sys, networkit
graph = networkit.graphio.EdgeListReader(" ", 0, continuous=False, directed=True).read(sys.argv[1])
networkit.writeGraph(graph, sys.argv[2], networkit.Format.NetworkitBinary)
PY
}

hubei=$(json_edge_list Graphs/hubei.json)
ten=$(json_edge_list "$generated/hubei-10x.json")
binaries Graphs/hubei.json "$hubei"
binaries "$generated/hubei-10x.json" "$ten"
graphs=(--graph "hubei:Graphs/hubei.json:$hubei:$(count "$hubei"):networkx:binary")
graphs+=(--graph "10x:$generated/hubei-10x.json:$ten:$(count "$ten"):networkx:binary")
if ((national)); then
    ncol=$(csv_edge_list "$generated/national")
    mkdir -p "$generated/national-edges"
    ln -sf ../national/edges.csv "$generated/national-edges/edges.csv"
    binaries "$generated/national" "$ncol"
    graphs+=(--graph "national:$generated/national:$ncol:$(count "$ncol"):binary")
    graphs+=(--graph "national-edges:$generated/national-edges:$ncol:$(count "$ncol"):alone")
fi
"$python" Scripts/bench/load/measure.py --tongxin "$tongxin" --python "$python" "${graphs[@]}"
