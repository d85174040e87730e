#!/usr/bin/env bash
# The main job on the bundled Hubei graph, from a fresh clone: install what is needed, build the
# release binary, generate the graph, and write the analyses, diagrams and the report to out/.
set -euo pipefail
cd "$(dirname "$0")/.."

Scripts/setup.sh
swift build -c release --product tongxin
tongxin=$(swift build -c release --show-bin-path)/tongxin
python3 Scripts/make-hubei.py
python3 Scripts/make-hubei-2023.py
python3 Scripts/make-ledgers.py
graph=Graphs/hubei.json
mkdir -p out

step() { printf '\n== %s\n' "$*"; }
# Runs tongxin, keeps its whole output in out/NAME and shows the first lines.
show() {
    local name=$1 lines=$2
    shift 2
    "$tongxin" "$@" > "out/$name"
    head -n "$lines" "out/$name"
}

step "the graph"
show info.txt 30 info "$graph"

step "coverage: towns with a chamber of commerce, by city"
show coverage-chambers.txt 25 coverage "$graph" --unit town --by 'organization[type=商会]'
"$tongxin" coverage "$graph" --unit town --by 'organization[type=商会]' --format json > out/coverage-chambers.json

step "coverage: villages with a liaison in 十堰"
show coverage-shiyan-liaisons.txt 15 coverage "$graph" --unit village --by figure --via liaison_for --region 十堰市

step "pairing: 万企兴万村 in 宜昌 and 恩施"
show pairing-yichang.txt 25 pairing "$graph" --left enterprise --right village --region 宜昌市 --by county --suggest
"$tongxin" pairing "$graph" --left enterprise --right village --region 恩施土家族苗族自治州 --format json > out/pairing-enshi.json

step "the most central figures"
show central-figures.txt 20 centrality "$graph" --measure betweenness --samples 256 --seed 1 --kind figure --top 15

step "the map: the share of towns with a chamber of commerce, by county"
"$tongxin" map "$graph" --level county --unit town --by 'organization[type=商会]' --out out/hubei-map-chambers.png
"$tongxin" map "$graph" --level county --unit town --by 'organization[type=商会]' --out out/hubei-map-chambers.svg

step "diagrams"
"$tongxin" render "$graph" --collapse county --lang zh --color-by 'coverage:organization[type=商会]' --unit town \
    --out out/hubei-counties.svg
"$tongxin" render "$graph" --region 宜昌市 --collapse county --edge-kinds paired_with --lang zh \
    --color-by coverage:enterprise --via paired_with --out out/yichang-pairing.png

step "change since 2023: liaisons in 十堰, 万企兴万村 by city"
show change.txt 40 diff Graphs/hubei-2023.json "$graph" --region 十堰市 --level county \
    --coverage --unit village --by figure --via liaison_for
"$tongxin" diff Graphs/hubei-2023.json "$graph" --pairing --left enterprise --right village --pairing-by city \
    --format json > out/change-pairing.json
"$tongxin" map "$graph" --since Graphs/hubei-2023.json --level county --unit village --by figure --via liaison_for \
    --out out/hubei-map-liaisons-change.png

step "the same data as a province office's Excel ledgers, imported by their mapping"
"$tongxin" import Graphs/ledgers/mapping.yaml --out out/ledgers.json 2> out/ledgers-warnings.txt
show coverage-ledgers-shiyan.txt 3 coverage out/ledgers.json --unit village --by figure --via liaison_for --region 十堰

step "the report"
"$tongxin" report "$graph" --since Graphs/hubei-2023.json --out out/report.html
echo "done: everything is in out/; open out/report.html"
