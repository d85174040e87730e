#!/usr/bin/env bash
# Load test of `tongxin serve` on the Hubei graph (loopback only): 50 concurrent clients sending a
# mix of coverage, neighbors, query and render requests for 60 s, then 10,000 requests while the
# server's resident memory is sampled; prints the status counts, p50/p99 latencies by kind and the
# RSS series (Scripts/bench/serve/load.py). Not part of the test suite.
#
#   Scripts/bench/serve.sh [SECONDS] [CLIENTS]     (default: 60 50)
#
# Needs a release build (`swift build -c release --product tongxin`) and Graphs/hubei.json
# (python3 Scripts/make-hubei.py). Results go to out/bench-serve/.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
clients=${2:-50}
binary=.build/release/tongxin
[ -x "$binary" ] || { echo "build first: swift build -c release --product tongxin" >&2; exit 1; }
[ -f Graphs/hubei.json ] || { echo "make the graph first: python3 Scripts/make-hubei.py" >&2; exit 1; }
mkdir -p out/bench-serve
"$binary" info Graphs/hubei.json > /dev/null   # the .txg cache, so that start-up reads it
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
start=$(date +%s.%N)
"$binary" serve Graphs/hubei.json --port "$port" > out/bench-serve/address.txt 2> out/bench-serve/server.log &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
until grep -q http out/bench-serve/address.txt 2>/dev/null; do sleep 0.02; done
ready=$(python3 -c "print(f'{$(date +%s.%N) - $start:.3f}')")
echo "ready in ${ready} s (wall, process start to address printed); $(cat out/bench-serve/server.log)"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
python3 Scripts/bench/serve/load.py --base "http://127.0.0.1:$port" --pid "$server" --seconds "$seconds" --clients "$clients" \
    | tee out/bench-serve/result.txt
