#!/usr/bin/env bash
# Speed of the workbook writer and reader (issue 11): writing a coverage workbook of 30,000 uncovered
# units (plus 1,500 region rows) and reading a 100,000-row ledger, against openpyxl doing the same.
#
#   Scripts/bench/xlsx.sh [WRITE_ROWS=30000] [READ_ROWS=100000]
#
# Builds Scripts/bench/xlsx (executable bench-xlsx) in release (a nested package timing the library calls), then runs it and
# Scripts/bench/xlsx/measure.py (openpyxl, installed by Scripts/setup.sh). Prints both JSON lines. Never part
# of `swift test`.
set -euo pipefail
cd "$(dirname "$0")/../.."
write_rows="${1:-30000}"
read_rows="${2:-100000}"
folder=$(mktemp -d)
trap 'rm -rf "$folder"' EXIT
swift build -c release --package-path Scripts/bench/xlsx >&2
Scripts/bench/xlsx/.build/release/bench-xlsx "$write_rows" "$read_rows" "$folder"
python3 Scripts/bench/xlsx/measure.py "$write_rows" "$folder"
