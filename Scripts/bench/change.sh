#!/usr/bin/env bash
# Speed of `tongxin diff` (issue 13) on the Hubei pair: the command end to end (reading both JSON
# files included) and the library calls alone (Scripts/bench/change, a nested package), release builds.
#
#   Scripts/bench/change.sh [--runs 3]
#
# Generates Graphs/hubei.json and Graphs/hubei-2023.json when missing. Never part of `swift test`.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=3
[ "${1:-}" = "--runs" ] && runs=$2

swift build -c release --product tongxin >&2
swift build -c release --package-path Scripts/bench/change >&2
[ -f Graphs/hubei.json ] || python3 Scripts/make-hubei.py >&2
[ -f Graphs/hubei-2023.json ] || python3 Scripts/make-hubei-2023.py >&2
tongxin=$(swift build -c release --show-bin-path)/tongxin
bench=$(swift build -c release --package-path Scripts/bench/change --show-bin-path)/bench-change

echo "end to end, best of $runs (wall and user+system seconds):"
for what in "diff" "diff --coverage --unit village --by figure --via liaison_for --pairing --left enterprise --right village --pairing-by city"; do
    best=""
    for _ in $(seq "$runs"); do
        # shellcheck disable=SC2086
        times=$( { /usr/bin/time -f "%e %U %S" "$tongxin" $what Graphs/hubei-2023.json Graphs/hubei.json --format json > /dev/null; } 2>&1 | tail -1)
        best=$(printf '%s\n%s\n' "$best" "$times" | grep . | sort -n | head -1)
    done
    echo "  tongxin $what: $best"
done
echo "library calls alone (best thread CPU seconds of $runs):"
"$bench" Graphs/hubei-2023.json Graphs/hubei.json --repeat "$runs"
