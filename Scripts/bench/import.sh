#!/usr/bin/env bash
# Times `tongxin import` on a synthetic roster of ROWS rows (default 100,000; Scripts/bench/import/roster.py):
# the .xlsx is read, every place resolved, figures, villages and edges built, the graph written as
# JSON — three runs, then the same import scripted with openpyxl (Scripts/bench/import/peer.py) once.
# Each run prints wall, user and system CPU seconds and peak memory (/usr/bin/time), and the load
# average before the runs: on a shared machine CPU time is the figure to compare.
# Goal (issue 11): under 2 s for 100,000 rows. Usage: Scripts/bench/import.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/../.."
rows="${1:-100000}"
dir=.build-bench/import
swift build -c release --product tongxin >/dev/null
tongxin=$(swift build -c release --show-bin-path)/tongxin
[ -f "$dir/rows-$rows" ] || { rm -f "$dir"/rows-*; python3 Scripts/bench/import/roster.py "$dir" "$rows"; touch "$dir/rows-$rows"; }
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
format="%e s wall, %U s user, %S s system, %M KiB peak"
for run in 1 2 3; do
    /usr/bin/time -f "tongxin run $run: $format" "$tongxin" import "$dir/mapping.yaml" --out "$dir/out.json" >/dev/null
done
/usr/bin/time -f "openpyxl script: $format" python3 Scripts/bench/import/peer.py "$dir" Graphs/sources/hubei-divisions.csv
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
