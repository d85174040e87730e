#!/usr/bin/env bash
# Times `tongxin import` on a synthetic roster of ROWS rows (default 100,000; Scripts/bench/import/roster.py):
# the .xlsx is read, every place resolved, figures, villages and edges built, the graph written as
# JSON. Goal (issue 11): under 2 s for 100,000 rows. Usage: Scripts/bench/import.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/../.."
rows="${1:-100000}"
dir=.build-bench/import
swift build -c release --product tongxin >/dev/null
tongxin=$(swift build -c release --show-bin-path)/tongxin
[ -f "$dir/rows-$rows" ] || { python3 Scripts/bench/import/roster.py "$dir" "$rows"; touch "$dir/rows-$rows"; }
for run in 1 2 3; do
    /usr/bin/time -f "run $run: %e s, %M KiB peak" "$tongxin" import "$dir/mapping.yaml" --out "$dir/out.json"
done
