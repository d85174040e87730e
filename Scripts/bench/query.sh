#!/usr/bin/env bash
# Times `tongxin query` and Kùzu on the same queries over the Hubei graph, in the same run.
#
# Tongxin: the release binary, `--timing --repeat 6`: the first run (which builds the indexes it
# needs) and the median of the other five, loading excluded. Kùzu 0.11 (embedded, same machine):
# the graph loaded by COPY from CSV (Scripts/query-kuzu.py's mapping), then the same query run six
# times, first and median of the rest. Both answers are compared row by row.
#
# Needs Kùzu: /opt/peers/bin/python, or .venv-peers from Scripts/setup-peers.sh (PYTHON=... to
# choose). Usage: Scripts/bench/query.sh [GRAPH]   (default Graphs/hubei.json)
set -euo pipefail
cd "$(dirname "$0")/../.."

graph=${1:-Graphs/hubei.json}
python=${PYTHON:-}
if [ -z "$python" ]; then
    for candidate in .venv-peers/bin/python /opt/peers/bin/python; do
        if [ -x "$candidate" ]; then python=$candidate; break; fi
    done
fi
[ -n "$python" ] || { echo "bench-query: no Python with kuzu (run Scripts/setup-peers.sh or set PYTHON)" >&2; exit 1; }
[ -f "$graph" ] || python3 Scripts/make-hubei.py
swift build -c release --product tongxin >/dev/null
tongxin=$(swift build -c release --show-bin-path)/tongxin

queries=(
    "two-hop, anchored on a named region|MATCH (c:region {name: '宜昌市'})<-[:within]-(county:region)<-[:within]-(town:region) RETURN county.name AS county, count(town) AS towns ORDER BY towns DESC, county"
    "enterprise-village pairings, by county|MATCH (e:enterprise)-[:paired_with]->(v:village)-[:within]->(t:region)-[:within]->(k:region) RETURN k.name AS county, count(*) AS pairs, count(DISTINCT e) AS enterprises ORDER BY pairs DESC, county LIMIT 10"
    "pairings up the hierarchy to cities|MATCH (x)-[:paired_with]->(v:village)-[:within*1..3]->(c:region {level: 'city'}) RETURN c.name AS city, count(*) AS pairs ORDER BY pairs DESC, city"
)

workdir=$(mktemp -d)
trap 'rm -rf "$workdir"' EXIT
for entry in "${queries[@]}"; do
    title=${entry%%|*}
    query=${entry#*|}
    "$tongxin" query "$graph" --format json --timing --repeat 6 "$query" >"$workdir/$title.json" 2>"$workdir/$title.timing"
done

"$python" - "$graph" "$workdir" "${queries[@]}" <<'PYTHON'
import importlib.util, json, os, statistics, sys, tempfile, time

graph_path, workdir, entries = sys.argv[1], sys.argv[2], sys.argv[3:]
spec = importlib.util.spec_from_file_location("query_kuzu", os.path.join("Scripts", "query-kuzu.py"))
query_kuzu = importlib.util.module_from_spec(spec)
spec.loader.exec_module(query_kuzu)

with open(graph_path, encoding="utf-8") as handle:
    nodes, edges = query_kuzu.graph_from_json(json.load(handle))
scratch = tempfile.mkdtemp(prefix="tongxin-bench-kuzu-")
start = time.perf_counter()
database, connection = query_kuzu.build_database(nodes, edges, scratch)
print(f"graph: {graph_path}, {len(nodes)} nodes, {len(edges)} edges; Kùzu load (COPY): {time.perf_counter() - start:.1f} s")

def kuzu_rows(query):
    result = connection.execute(query)
    rows = []
    while result.has_next():
        rows.append([int(value) if hasattr(value, "to_integral_value") else value for value in result.get_next()])
    return rows

print(f"{'query':42} {'rows':>5} {'tongxin 1st':>12} {'tongxin':>9} {'kùzu 1st':>10} {'kùzu':>9} {'kùzu/tongxin':>13}  same answer")
for entry in entries:
    title, query = entry.split("|", 1)
    timing = open(os.path.join(workdir, title + ".timing"), encoding="utf-8").read().split("\n")
    runs = [float(line.split(": ")[1].split(" ms")[0]) for line in timing if line.startswith("query run")]
    ours = json.load(open(os.path.join(workdir, title + ".json"), encoding="utf-8"))["rows"]
    times = []
    for _ in range(6):
        start = time.perf_counter()
        theirs = kuzu_rows(query)
        times.append((time.perf_counter() - start) * 1e3)
    same = theirs == ours
    ours_median, theirs_median = statistics.median(runs[1:]), statistics.median(times[1:])
    print(f"{title:42} {len(ours):>5} {runs[0]:>9.1f} ms {ours_median:>6.1f} ms {times[0]:>7.1f} ms {theirs_median:>6.1f} ms "
          f"{theirs_median / ours_median:>12.1f}×  {'yes' if same else 'NO'}")
PYTHON
