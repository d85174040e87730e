#!/usr/bin/env bash
# The whole test suite from a fresh clone: installs what it needs, generates the Hubei graph, builds
# and runs every test. `.ci/run` runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

Scripts/setup.sh
python3 Scripts/make-hubei.py
swift build --build-tests
swift test --skip-build
