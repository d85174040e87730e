#!/usr/bin/env bash
# Opening a .txg against NetworKit's own binary graph reader (issue 12: at least 5× faster at 10×),
# in one run, alternating, best of 5 each: `tongxin validate G.txg` (the whole process: map, validate,
# print one line) verifying every checksum (`--no-cache`: as on a file's first open) and with the
# checksums recorded as verified (a later open of the unchanged file, VerifiedRecords), against
# networkit.readGraph(…, Format.NetworkitBinary) with 2 threads (the reading call alone, inside the
# interpreter) on the same graph's edges. Also times mapping the file and touching every page
# (`cat G.txg > /dev/null` from the page cache), the floor of any reader that reads every byte.
# Needs `perf` (Scripts/setup.sh installs linux-perf).
#
# Usage: Scripts/bench/txg.sh [SCALE]     (default 10: 970k nodes, 2.51M edges)
# Makes Graphs/generated/hubei-SCALEx.txg (tongxin convert) and .nkbg (from the integer edge list) once.
set -euo pipefail
cd "$(dirname "$0")/../.."
scale=${1:-10}

source Scripts/bench/peers-and-tongxin.sh
prefix=Graphs/generated/hubei-${scale}x
[ -f "$prefix.json" ] && [ -f "$prefix.edges" ] ||
    python3 Scripts/generate-graph.py --scale "$scale" --out "$prefix.json" --edge-list "$prefix" >&2
[ -f "$prefix.txg" ] || "$tongxin" convert "$prefix.json" "$prefix.txg" >&2
[ -f "$prefix.nkbg" ] || "$python" - "$prefix.edges" "$prefix.nkbg" <<'PY'
import sys, networkit
graph = networkit.graphio.EdgeListReader(" ", 0, continuous=True, directed=True).read(sys.argv[1])
networkit.writeGraph(graph, sys.argv[2], networkit.Format.NetworkitBinary)
PY

process() { # COMMAND…: "wall cpu" of the whole process (perf's task-clock: CPU to the microsecond)
    local start end cpu
    start=$(date +%s.%N)
    cpu=$(perf stat -x, -e task-clock "$@" 2>&1 > /dev/null | awk -F, '/task-clock/ { printf "%.4f", $1 / 1000 }')
    end=$(date +%s.%N)
    awk -v s="$start" -v e="$end" -v c="$cpu" 'BEGIN { printf "%.4f %s\n", e - s, c }'
}
networkit_run() {
    "$python" - "$prefix.nkbg" <<'PY'
import sys, time, networkit
networkit.setNumberOfThreads(2)
started, cpu = time.perf_counter(), time.process_time()
graph = networkit.readGraph(sys.argv[1], networkit.Format.NetworkitBinary)
print("%.3f %.3f" % (time.perf_counter() - started, time.process_time() - cpu))
assert graph.numberOfEdges() > 0
PY
}
minimum() { awk -v a="$1" -v b="$2" 'BEGIN { print (a < b ? a : b) }'; }

"$tongxin" validate "$prefix.txg" > /dev/null   # records the file as verified
declare -A wall cpu
for name in verify recorded networkit cat; do wall[$name]=999; cpu[$name]=999; done
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for _ in 1 2 3 4 5; do
    for name in verify recorded networkit cat; do
        case $name in
            verify) read -r w c < <(process "$tongxin" validate --no-cache "$prefix.txg") ;;
            recorded) read -r w c < <(process "$tongxin" validate "$prefix.txg") ;;
            networkit) read -r w c < <(networkit_run) ;;
            cat) read -r w c < <(process cat "$prefix.txg") ;;
        esac
        wall[$name]=$(minimum "$w" "${wall[$name]}")
        cpu[$name]=$(minimum "$c" "${cpu[$name]}")
    done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| reader | file | MiB | wall s | CPU s | NetworKit CPU ÷ this |"
echo "| --- | --- | ---: | ---: | ---: | ---: |"
row() { awk -v r="$1" -v f="$2" -v s="$(stat -c %s "$2")" -v w="$3" -v c="$4" -v n="${cpu[networkit]}" \
    'BEGIN { printf "| %s | %s | %.0f | %.3f | %.4f | %.1f |\n", r, f, s / 1048576, w, c, n / (c > 0 ? c : 0.001) }'; }
row "tongxin validate --no-cache (every checksum)" "$prefix.txg" "${wall[verify]}" "${cpu[verify]}"
row "tongxin validate (checksums recorded as verified)" "$prefix.txg" "${wall[recorded]}" "${cpu[recorded]}"
row "NetworKit readGraph (NetworkitBinary, 2 threads)" "$prefix.nkbg" "${wall[networkit]}" "${cpu[networkit]}"
row "cat (every page, from the page cache)" "$prefix.txg" "${wall[cat]}" "${cpu[cat]}"
