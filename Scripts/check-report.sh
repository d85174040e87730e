#!/usr/bin/env bash
# Renders the Hubei report and checks it in a real browser (headless Chromium): it loads with no
# console error and no request outside the file, shows the expected headings in Chinese and in
# English, its tables sort, and it prints to PDF with every collapsed block shown. Writes, for a
# person to look at: out/report.html, out/report.png (top of the page), out/report-coverage.png,
# out/report-diagrams.png,
# out/report.pdf, out/report-pdf-1.png and -2.png (its first pages), and out/report-en.html.
#
# Needs Debian's chromium and poppler-utils (pdftotext, pdftoppm) besides what Scripts/setup.sh
# installs; has setup.sh install them when missing (as root or through sudo).
#
# Usage: Scripts/check-report.sh [GRAPH]    (default Graphs/hubei.json, generated when absent)
set -euo pipefail
cd "$(dirname "$0")/.."

Scripts/setup.sh chromium poppler-utils

graph=${1:-Graphs/hubei.json}
if [ "$graph" = Graphs/hubei.json ] && [ ! -f "$graph" ]; then python3 Scripts/make-hubei.py; fi
swift build -c release --product tongxin
tongxin=$(swift build -c release --show-bin-path)/tongxin
mkdir -p out

start=$(date +%s.%N)
"$tongxin" report "$graph" --out out/report.html
end=$(date +%s.%N)
echo "check-report: tongxin report took $(python3 -c "print(f'{$end - $start:.2f}')") s"
"$tongxin" report "$graph" --lang en --out out/report-en.html

zh=(概况 覆盖率 结对 地图 关键人物与组织 网络图)
en=("Summary" "Coverage" "Pairing" "Maps" "Central figures and organizations" "Diagrams")
join() { local IFS=,; echo "$*"; }

python3 Scripts/check-report.py out/report.html --headings "$(join "${zh[@]}")" \
    --screenshot out/report.png --pdf out/report.pdf
python3 Scripts/check-report.py out/report-en.html --headings "$(join "${en[@]}")"
for page in 1 2; do pdftoppm -r 70 -png -f $page -l $page -singlefile out/report.pdf out/report-pdf-$page; done
echo "check-report: look at out/report.png, out/report-coverage.png, out/report-diagrams.png, out/report-pdf-1.png, out/report-pdf-2.png"
