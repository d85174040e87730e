#!/usr/bin/env bash
# The main job on the bundled Hubei graph, from a fresh clone: install what is needed, build the
# release binary, generate the graph, and write the analyses to out/.
set -euo pipefail
cd "$(dirname "$0")/.."

Scripts/setup.sh
swift build -c release --product tongxin
tongxin=$(swift build -c release --show-bin-path)/tongxin
python3 Scripts/make-hubei.py
mkdir -p out

"$tongxin" info Graphs/hubei.json | tee out/info.txt
