#!/usr/bin/env bash
# Speed of coverage and pairing (issue 3): each command end to end on the Hubei graph, the analysis
# alone at 1×, 10× and 100× the Hubei size, and Hopcroft–Karp against NetworkX on the largest graph.
#
#   Scripts/bench/coverage.sh [--scales 1,10,100] [--runs 3] [--peers-python PATH]
#
# Builds the release CLI and Scripts/bench/coverage (a nested package timing the library calls apart
# from loading), generates Graphs/hubei.json and Graphs/generated/hubei-*x.json when missing
# (Scripts/make-hubei.py, Scripts/generate-graph.py; the 100× graph is about 1.8 GB and takes a
# couple of minutes and ~6 GB of memory to load), then runs Scripts/bench/coverage/measure.py, which prints
# Markdown tables. NetworkX: Scripts/setup-peers.sh makes .venv-peers; /opt/peers/bin/python or a
# python3 with networkx also do. Never part of `swift test`.
set -euo pipefail
cd "$(dirname "$0")/../.."

swift build -c release --product tongxin >&2
swift build -c release --package-path Scripts/bench/coverage >&2
[ -f Graphs/hubei.json ] || python3 Scripts/make-hubei.py >&2
python3 Scripts/bench/coverage/measure.py "$@"
