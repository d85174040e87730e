#!/usr/bin/env bash
# The national-scale run (issue 12): a graph of 10,000,000 nodes and 30,000,000 edges shaped like the
# Hubei network (Scripts/generate-graph.py --national, a CSV folder, generated here and never
# committed), written once as a .txg with `tongxin convert`, then opened by `info`, components and
# PageRank, each in its own process under /usr/bin/time -v (wall, CPU = user + system, peak RSS).
# Targets: open + info under 2 s and at most 3 GB resident; components and PageRank under 10 s.
#
# Usage: Scripts/bench/national.sh
# Inputs are kept under Graphs/generated/ (gitignored) and reused; prints a Markdown table and the
# load average before and after.
set -euo pipefail
cd "$(dirname "$0")/../.."

swift build -c release --product tongxin >&2
tongxin=$(swift build -c release --show-bin-path)/tongxin
folder=Graphs/generated/national
txg=Graphs/generated/national.txg
mkdir -p Graphs/generated
[ -f "$folder/edges.csv" ] || python3 Scripts/generate-graph.py --national --out "$folder" >&2

timed() { # LABEL COMMAND…: one table row from /usr/bin/time -v
    local label=$1 report
    shift
    report=$(mktemp)
    /usr/bin/time -v -o "$report" "$@" > /dev/null
    awk -v label="$label" -F': ' '
        /Elapsed \(wall clock\)/ { n = split($2, part, ":"); wall = (n == 3 ? part[1] * 3600 + part[2] * 60 + part[3] : part[1] * 60 + part[2]) }
        /User time/ { user = $2 } /System time/ { sys = $2 } /Maximum resident/ { rss = $2 }
        END { printf "| %s | %.2f | %.2f | %.0f |\n", label, wall, user + sys, rss / 1024 }' "$report"
    rm -f "$report"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| step | wall s | CPU s | peak RSS MiB |"
echo "| --- | ---: | ---: | ---: |"
[ -f "$txg" ] && [ "$txg" -nt "$folder/edges.csv" ] || timed "convert CSV folder → .txg (once)" "$tongxin" convert "$folder" "$txg"
echo "| (.txg: $(stat -c %s "$txg" | awk '{ printf "%.0f MiB", $1 / 1048576 }')) | | | |"
timed "info national.txg" "$tongxin" info "$txg"
timed "validate national.txg (open only)" "$tongxin" validate "$txg"
timed "centrality --measure components --top 10" "$tongxin" centrality "$txg" --measure components --top 10
timed "centrality --measure pagerank --top 10" "$tongxin" centrality "$txg" --measure pagerank --top 10
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
