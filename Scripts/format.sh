#!/usr/bin/env bash
# The code's layout, by swift-format with the repository's `.swift-format`.
#   Scripts/format.sh          reformat Sources and Tests in place
#   Scripts/format.sh --lint   report what breaks the layout (file:line:col), exit 1 if anything does
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-}" in
    "")
        swift format format --in-place --parallel --recursive Sources Tests
        ;;
    --lint)
        swift format lint --strict --parallel --recursive Sources Tests
        ;;
    *)
        echo "usage: Scripts/format.sh [--lint]" >&2
        exit 2
        ;;
esac
