#!/usr/bin/env bash
# Speed of the workbook writer and reader (issue 11): writing a coverage workbook of 30,000 uncovered
# units (plus 1,500 region rows) and reading a 100,000-row ledger, against openpyxl doing the same.
#
#   Scripts/bench/workbook.sh [WRITE_ROWS=30000] [READ_ROWS=100000]
#
# Builds Scripts/bench/workbook in release (a nested package timing the library calls), then runs it and
# bench/workbook/measure.py (openpyxl, installed by Scripts/setup.sh). Prints both JSON lines (wall and CPU
# seconds, best of 3) and the load average. Never part of `swift test`.
set -euo pipefail
cd "$(dirname "$0")/../.."
write_rows="${1:-30000}"
read_rows="${2:-100000}"
folder=$(mktemp -d)
trap 'rm -rf "$folder"' EXIT
(cd Scripts/bench/workbook && swift build -c release >&2)
Scripts/bench/workbook/.build/release/bench-workbook "$write_rows" "$read_rows" "$folder"
python3 Scripts/bench/workbook/measure.py "$write_rows" "$folder"
echo "load average: $(cut -d" " -f1-3 /proc/loadavg)"
