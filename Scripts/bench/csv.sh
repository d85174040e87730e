#!/usr/bin/env bash
# CSV reading per edge (issue 12): `tongxin validate --no-cache` of a CSV folder (nodes.csv with ids,
# kinds, names and attributes; edges.csv with kinds and attributes: read, build both CSR directions
# and the hierarchy) against igraph's Graph.Read_Edgelist of the bare edge list of the same graph
# (0-based integer pairs, nothing else), in the same run, alternating, best of 3 each. Tongxin is
# timed as a whole process (/usr/bin/time: start-up included, CPU summed over its threads); igraph
# as its reading call alone, inside the interpreter. Prints a Markdown table with ns per edge and
# the ratio igraph ÷ Tongxin (at least 1: Tongxin reads an edge at least as fast).
#
# Usage: Scripts/bench/csv.sh [SCALE]       (default 10: 970k nodes, 2.51M edges)
# The graph is generated under Graphs/generated/ (gitignored) and reused.
set -euo pipefail
cd "$(dirname "$0")/../.."
scale=${1:-10}

source Scripts/bench/peers-and-tongxin.sh
csv_folder "$scale"
edges=$(( $(wc -l < "$folder/edges.csv") - 1 ))
pairs=$(wc -l < "$folder.edges")

tongxin_run() { # prints "wall cpu" of one whole-process read
    local report
    report=$(mktemp)
    /usr/bin/time -f "%e %U %S" -o "$report" "$tongxin" validate --no-cache "$folder" > /dev/null
    awk '{ printf "%s %.3f\n", $1, $2 + $3 }' "$report"
    rm -f "$report"
}
igraph_run() { # prints "wall cpu" of Read_Edgelist alone
    "$python" - "$folder.edges" <<'PY'
import sys, time, igraph
started, cpu = time.perf_counter(), time.process_time()
graph = igraph.Graph.Read_Edgelist(sys.argv[1], directed=True)
print("%.3f %.3f" % (time.perf_counter() - started, time.process_time() - cpu))
assert graph.ecount() > 0
PY
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
best_t_wall=999 best_t_cpu=999 best_i_wall=999 best_i_cpu=999
for _ in 1 2 3; do
    read -r wall cpu < <(tongxin_run)
    best_t_wall=$(echo "$wall $best_t_wall" | awk '{ print ($1 < $2 ? $1 : $2) }')
    best_t_cpu=$(echo "$cpu $best_t_cpu" | awk '{ print ($1 < $2 ? $1 : $2) }')
    read -r wall cpu < <(igraph_run)
    best_i_wall=$(echo "$wall $best_i_wall" | awk '{ print ($1 < $2 ? $1 : $2) }')
    best_i_cpu=$(echo "$cpu $best_i_cpu" | awk '{ print ($1 < $2 ? $1 : $2) }')
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| reader | input | edges | wall s | CPU s | wall ns/edge | CPU ns/edge |"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: |"
awk -v e="$edges" -v w="$best_t_wall" -v c="$best_t_cpu" -v f="$(basename "$folder")/" \
    'BEGIN { printf "| tongxin validate --no-cache | %s (names, kinds, attributes) | %d | %.3f | %.3f | %.0f | %.0f |\n", f, e, w, c, w / e * 1e9, c / e * 1e9 }'
awk -v e="$pairs" -v w="$best_i_wall" -v c="$best_i_cpu" -v f="$(basename "$folder").edges" \
    'BEGIN { printf "| igraph Read_Edgelist | %s (integer pairs) | %d | %.3f | %.3f | %.0f | %.0f |\n", f, e, w, c, w / e * 1e9, c / e * 1e9 }'
echo
awk -v te="$edges" -v tw="$best_t_wall" -v tc="$best_t_cpu" -v ie="$pairs" -v iw="$best_i_wall" -v ic="$best_i_cpu" \
    'BEGIN { printf "per edge, igraph ÷ Tongxin: wall %.2f, CPU %.2f (at least 1: Tongxin as fast or faster)\n", (iw / ie) / (tw / te), (ic / ie) / (tc / te) }'
