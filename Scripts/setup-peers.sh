#!/usr/bin/env bash
# Creates .venv-peers/ in the repository with the peer libraries the benchmarks and fixture scripts
# compare against: igraph, NetworKit, NetworkX (with SciPy for its PageRank) and Kùzu. Idempotent:
# does nothing when the environment already imports them all. Benchmarks run `.venv-peers/bin/python`.
# Needs python3 with venv (Debian: python3-venv) and access to PyPI.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=.venv-peers
packages=("igraph==1.0.*" "networkit==11.*" "networkx==3.*" "scipy" "numpy" "kuzu==0.11.*")
check="import igraph, networkit, networkx, scipy, numpy, kuzu"

if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c "$check" 2>/dev/null; then
    exit 0
fi
if ! python3 -c "import venv, ensurepip" 2>/dev/null; then
    echo "setup-peers: python3's venv module is missing (Debian: apt-get install python3-venv)" >&2
    exit 1
fi
echo "setup-peers: creating $venv with ${packages[*]}" >&2
python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "${packages[@]}"
"$venv/bin/python" -c "$check"
