#!/usr/bin/env bash
# The whole test suite from a fresh clone: installs what it needs, generates the Hubei graph, builds,
# lints the layout, runs every test, then checks the HTML report in headless Chromium. `.ci/run` runs
# exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

Scripts/setup.sh
python3 Scripts/make-hubei.py
python3 Scripts/make-hubei-2023.py
python3 Scripts/make-ledgers.py
swift build --build-tests
# The layout (.swift-format): any finding fails the run; `Scripts/format.sh` fixes them.
Scripts/format.sh --lint
swift test --skip-build
# Memory over repeated renders is measured for the whole process: alone, not beside other tests.
TONGXIN_MEMORY_TESTS=1 swift test --skip-build --no-parallel --filter GraphvizMemoryTests
# The report in a real browser: loads without console errors, headings, sorting, printing.
Scripts/check-report.sh
