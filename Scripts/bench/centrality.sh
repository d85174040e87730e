#!/usr/bin/env bash
# Centrality benchmark: Tongxin (release) against igraph, NetworKit (2 threads) and NetworkX on
# graphs shaped like the Hubei network at 0.1×, 1× and 10× the province, in one run, printing the
# ratio table (Scripts/bench/centrality/report.py). Not part of the test suite.
#
#   Scripts/bench/centrality.sh [SCALE ...]        (default: 0.1 1 10)
#   TONGXIN_ONLY=1 Scripts/bench/centrality.sh      (re-time Tongxin, keep the peers' last results)
#   SKIP_NETWORKX=1 Scripts/bench/centrality.sh 1 10 (igraph and NetworKit only: NetworkX's Louvain
#                                                    and betweenness take many minutes at 1×)
#
# Needs the peers' Python (igraph, networkit, networkx): Scripts/setup-peers.sh creates .venv-peers;
# PEERS_PYTHON overrides (e.g. /opt/peers/bin/python). Graphs go to Graphs/generated/ (gitignored),
# results to out/bench-centrality/. Graphs come from Scripts/generate-graph.py (the shaped graphs of
# Scripts/graphgen/), which also writes the peers' integer edge lists (--edge-list). Exact betweenness and closeness run at 0.1× only;
# at 10× sampled betweenness and igraph's Louvain are left out and NetworkX is not run (each would
# take many minutes), and NetworkX's exact kernels are extrapolated from 200 sources.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ $# -eq 0 ]; then scales=(0.1 1 10); else scales=("$@"); fi
python=${PEERS_PYTHON:-}
if [ -z "$python" ]; then
    if [ -x .venv-peers/bin/python ]; then python=.venv-peers/bin/python
    elif [ -x /opt/peers/bin/python ]; then python=/opt/peers/bin/python
    else echo "no peers' Python: run Scripts/setup-peers.sh or set PEERS_PYTHON" >&2; exit 1; fi
fi
mkdir -p Graphs/generated out/bench-centrality
echo "building the timing executable (release)…" >&2
swift build -c release --package-path Scripts/bench/centrality >&2
bench=Scripts/bench/centrality/.build/release/bench-centrality
for scale in "${scales[@]}"; do
    prefix=Graphs/generated/hubei-${scale}x
    if [ ! -f "$prefix.edges" ] || [ ! -f "$prefix.json" ]; then
        python3 Scripts/generate-graph.py --scale "$scale" --out "$prefix.json" --edge-list "$prefix" >&2
    fi
    flags=()
    peerflags=()
    case "$scale" in
        0.1) flags=(--exact); peerflags=(--exact) ;;
        10) flags=(--linear-only); peerflags=(--linear-only --skip-networkx) ;;
    esac
    echo "== $scale×: tongxin" >&2
    "$bench" "$prefix.json" "${flags[@]}" > "out/bench-centrality/$scale.tongxin.json"
    [ -n "${TONGXIN_ONLY:-}" ] && [ -s "out/bench-centrality/$scale.peers.json" ] && continue
    echo "== $scale×: igraph, networkit, networkx" >&2
    [ -n "${SKIP_NETWORKX:-}" ] && [ "$scale" != 10 ] && peerflags+=(--skip-networkx)
    "$python" Scripts/bench/centrality/peers.py "$prefix.edges" "${peerflags[@]}" > "out/bench-centrality/$scale.peers.json"
done
python3 Scripts/bench/centrality/report.py out/bench-centrality "${scales[@]}" | tee out/bench-centrality/report.txt
