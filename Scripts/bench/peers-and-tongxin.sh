# Sourced by the benchmarks that compare with the Python peers (csv.sh, txg.sh,
# pagerank-end-to-end.sh): makes the peers' environment (Scripts/setup-peers.sh) and the release
# build, and sets $python and $tongxin; csv_folder SCALE sets $folder.
Scripts/setup-peers.sh
python=.venv-peers/bin/python
swift build -c release --product tongxin >&2
tongxin=$(swift build -c release --show-bin-path)/tongxin

# The CSV folder of the benchmark graph at SCALE and its bare integer edge list ($folder.edges),
# generated under Graphs/generated/ (gitignored) once and reused.
csv_folder() {
    folder=Graphs/generated/hubei-${1}x-csv
    [ -f "$folder/edges.csv" ] && [ -f "$folder.edges" ] ||
        python3 Scripts/generate-graph.py --scale "$1" --format csv --out "$folder" --edge-list "$folder" >&2
}
