#!/usr/bin/env bash
# The whole test suite (CLI tests included: they run the sanitized `tongxin`) under AddressSanitizer
# and ThreadSanitizer, each in its own build folder. Slow (a sanitized debug build each, and the
# suite runs 2–10× slower): not part of CI.
#   Scripts/sanitizers.sh [address] [thread]      (default: both, one after the other)
# Each run's output is kept in .build-asan/test.log and .build-tsan/test.log; the exit status is
# the first failing run's. LeakSanitizer runs with ASan and prints its reports, but does not change
# exit statuses (LSAN_OPTIONS=exitcode=0): fontconfig's caches, reached through Graphviz and cairo,
# are never freed, and a leak report would fail every subprocess (the Graphviz worker, the CLI).
set -uo pipefail
export LSAN_OPTIONS="exitcode=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
cd "$(dirname "$0")/.."
[ -e Graphs/hubei.json ] || python3 Scripts/make-hubei.py
[ -e Graphs/hubei-2023.expected.json ] || python3 Scripts/make-hubei-2023.py
[ -e Graphs/ledgers/mapping.yaml ] || python3 Scripts/make-ledgers.py
sanitizers=("$@")
[ $# -gt 0 ] || sanitizers=(address thread)
status=0
for sanitizer in "${sanitizers[@]}"; do
    case "$sanitizer" in
        address) scratch=.build-asan ;;
        thread) scratch=.build-tsan ;;
        *) echo "sanitizers.sh: address or thread, not '$sanitizer'" >&2; exit 1 ;;
    esac
    swift build --build-tests --sanitize="$sanitizer" --scratch-path "$scratch" || { status=1; continue; }
    start=$(date +%s)
    swift test --skip-build --sanitize="$sanitizer" --scratch-path "$scratch" > "$scratch/test.log" 2>&1
    result=$?
    echo "$sanitizer: exit status $result in $(( $(date +%s) - start )) s; $(grep -c 'ERROR: AddressSanitizer\|WARNING: ThreadSanitizer' "$scratch/test.log") sanitizer reports; log in $scratch/test.log"
    grep -E '^(✔|✘) Test run|SUMMARY: (Address|Thread|Leak)Sanitizer' "$scratch/test.log" | sort | uniq -c
    [ "$result" -eq 0 ] || [ "$status" -ne 0 ] || status=$result
done
exit "$status"
