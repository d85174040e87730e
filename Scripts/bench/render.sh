#!/usr/bin/env bash
# Rendering benchmark: the README's diagrams of the Hubei graph, end to end, and the layout time of
# each Graphviz engine against graph size, which grounds the automatic engine choice
# (Sources/TongxinRender/DiagramPlan.swift). Layouts are timed alone through the hidden
# `tongxin graphviz-worker` mode (the same in-process Graphviz entry `tongxin render` uses).
#
#   Scripts/bench/render.sh            # release build, then all measurements
#   LIMIT=20 Scripts/bench/render.sh   # seconds before a layout counts as "too slow" (default 30)
#   ENGINES=0 Scripts/bench/render.sh  # only the end-to-end rows (the engine table takes minutes)
#
# Needs Scripts/setup.sh's packages and python3 (standard library only). Times are wall seconds on
# a shared machine: compare the rows with each other, not with another machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
limit=${LIMIT:-30}

swift build -c release --product tongxin >/dev/null
tongxin=$(swift build -c release --show-bin-path)/tongxin
[ -f Graphs/hubei.json ] || python3 Scripts/make-hubei.py
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Wall seconds of a command, or "> LIMIT" when it runs past the limit.
seconds() {
    local start end status
    start=$(date +%s.%N)
    set +e
    timeout "$limit" "$@" >/dev/null 2>"$work/stderr"
    status=$?
    set -e
    end=$(date +%s.%N)
    if [ "$status" -eq 124 ]; then echo "> $limit"; return; fi
    if [ "$status" -ne 0 ]; then echo "failed: $(head -c 200 "$work/stderr")" >&2; echo "error"; return; fi
    python3 -c "print(f'{$end - $start:.2f}')"
}

echo "## tongxin render on Graphs/hubei.json (end to end: read 27 MB JSON, build, lay out, write)"
echo
echo "| diagram | command | seconds | what was chosen |"
echo "| --- | --- | --- | --- |"
run() {
    local name=$1; shift
    local time
    time=$(seconds "$tongxin" render Graphs/hubei.json "$@")
    "$tongxin" render Graphs/hubei.json "$@" --out "$work/plan.dot" 2>"$work/plan" >/dev/null || true
    echo "| $name | \`render $*\` | $time | $(sed 's/|/\\|/g' "$work/plan") |"
}
focus=$(python3 - <<'PY'
import json
graph = json.load(open("Graphs/hubei.json"))
edges = {}
for e in graph["edges"]:
    edges[e["source"]] = edges.get(e["source"], 0) + 1
figures = [n["id"] for n in graph["nodes"] if n["kind"] == "figure"]
print(max(figures, key=lambda f: (edges.get(f, 0), f)))
PY
)
"$tongxin" info Graphs/hubei.json >/dev/null  # warm the file cache
echo "| reading only | \`info\` | $(seconds "$tongxin" info Graphs/hubei.json) | |"
run "province by county, DOT only (read + build)" --collapse county --out "$work/a.dot"
run "province by county" --collapse county --out "$work/a.svg"
run "province by county, PNG" --collapse county --size 16 --out "$work/a.png"
run "宜昌 pairing by county" --region 宜昌市 --collapse county --edge-kinds paired_with \
    --color-by coverage:enterprise --via paired_with --out "$work/b.svg"
run "depth-2 neighbourhood of $focus" --focus "$focus" --depth 2 --out "$work/c.svg"
echo
[ "${ENGINES:-1}" = 0 ] && exit 0

echo "## Layout alone (tongxin graphviz-worker ENGINE svg), seconds; > $limit: stopped"
echo
# Random graphs of average degree 3 with CJK labels (as in Docs/GRAPHVIZ.md), and region trees: a root
# with sqrt(n) children each holding the rest evenly (the shape of a collapsed province).
python3 - "$work" <<'PY'
import random, sys, math
work = sys.argv[1]
random.seed(7)
names = "湖北宜昌十堰襄阳荆州黄冈孝感咸宁恩施随州鄂州荆门黄石武汉"
def label(i):
    return "".join(random.choice(names) for _ in range(3)) + str(i)
for n in (100, 300, 1000, 3000):
    with open(f"{work}/random-{n}.dot", "w") as f:
        f.write('digraph { node [fontname="Noto Sans CJK SC", shape=box]\n')
        for i in range(n):
            f.write(f'  n{i} [label="{label(i)}"]\n')
        for _ in range(3 * n // 2):
            f.write(f"  n{random.randrange(n)} -> n{random.randrange(n)}\n")
        f.write("}\n")
    with open(f"{work}/tree-{n}.dot", "w") as f:
        f.write('digraph { node [fontname="Noto Sans CJK SC", shape=box] edge [dir=none]\n')
        for i in range(n):
            f.write(f'  n{i} [label="{label(i)}"]\n')
        branches = max(1, int(math.sqrt(n)))
        for i in range(1, n):
            parent = 0 if i <= branches else 1 + (i - branches - 1) % branches
            f.write(f"  n{parent} -> n{i}\n")
        f.write("}\n")
PY
"$tongxin" render Graphs/hubei.json --collapse county --out "$work/hubei-county.dot" 2>/dev/null
"$tongxin" render Graphs/hubei.json --collapse county --max-edges 2000 --out "$work/hubei-county-all.dot" 2>/dev/null
echo "| graph | nodes | edges | dot | neato | sfdp | fdp | circo | twopi |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
for input in random-100 random-300 random-1000 random-3000 tree-100 tree-300 tree-1000 tree-3000 hubei-county hubei-county-all; do
    file="$work/$input.dot"
    nodes=$(grep -cE '^  n[0-9]+ \[' "$file")
    edges=$(grep -c -- '->' "$file")
    row="| $input | $nodes | $edges |"
    for engine in dot neato sfdp fdp circo twopi; do
        row="$row $(seconds "$tongxin" graphviz-worker "$engine" svg "$file" "$work/out.svg") |"
    done
    echo "$row"
done
