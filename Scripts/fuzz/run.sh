#!/usr/bin/env bash
# Fuzzes Tongxin's readers and parsers with libFuzzer and AddressSanitizer:
#   Scripts/fuzz/run.sh [SELECTOR [RUNS]] [extra libFuzzer flags…]
# SELECTOR is one of json graphml csv gexf cyjs neo4j xlsx geojson query selector txg yaml dot request, or
# `all` (default: the input's first byte picks the reader); RUNS is the number of executions
# (default 1000000). Each run prints libFuzzer's final statistics (executions, exec/s, corpus).
#
# SwiftPM cannot link a libFuzzer executable (both bring a `main`), so this compiles the TongxinGraph,
# TongxinIO and TongxinQuery sources, the import-mapping and masking-profile readers and
# FuzzReaders.swift as one module with swiftc (their `import Tongxin…` lines dropped), against
# ZIPFoundation and Yams built as modules of their own and libyaml (Yams' CYaml) compiled with clang,
# all with AddressSanitizer; Graphviz's cgraph is the system's (not instrumented). The corpus of each
# selector starts from the example graphs, the writers' output and the test fixtures; findings land
# in .build-fuzz/ as crash-*/leak-*/timeout-* files (reproduce: .build-fuzz/fuzz-readers FILE, with
# TONGXIN_FUZZ_SELECTOR=N for a selector's corpus).
set -euo pipefail
cd "$(dirname "$0")/../.."
selector_name="${1:-all}"
runs="${2:-1000000}"
shift $(( $# < 2 ? $# : 2 ))
names=(json graphml csv gexf cyjs neo4j xlsx geojson query selector txg yaml dot request)
selector=""
for index in "${!names[@]}"; do
    [ "${names[$index]}" = "$selector_name" ] && selector=$index
done
if [ -z "$selector" ] && [ "$selector_name" != all ]; then
    echo "run.sh: unknown selector '$selector_name' (one of ${names[*]}, or all)" >&2
    exit 1
fi
out=.build-fuzz
mkdir -p "$out"

# --- Build (skipped when the binary is newer than every source it is made of) ---
[ -d .build/checkouts/Yams ] && [ -d .build/checkouts/ZIPFoundation ] || swift package resolve >/dev/null
zip_sources=.build/checkouts/ZIPFoundation/Sources
yams_sources=.build/checkouts/Yams/Sources
inputs=$(ls Sources/TongxinGraph/*.swift Sources/TongxinQuery/*.swift Sources/TongxinQuery/*/*.swift \
    Sources/TongxinImport/LedgerMapping.swift Sources/TongxinImport/HeaderText.swift \
    Sources/TongxinSharing/MaskProfile.swift Sources/TongxinSharing/MaskProfileFile.swift \
    Sources/TongxinServe/QueryString.swift Sources/TongxinServe/APIError.swift \
    Tests/TongxinTestSupport/BinaryGraphSealing.swift
    find Sources/TongxinIO -name '*.swift' ! -name TongxinIO.swift | sort)
if [ ! -e "$out/libYams.a" ]; then
    swiftc -O -sanitize=address -parse-as-library -emit-module -emit-library -static -module-name ZIPFoundation \
        -I "$zip_sources/CZLib" -Xcc -D_GNU_SOURCE=1 "$zip_sources"/ZIPFoundation/*.swift \
        -emit-module-path "$out/ZIPFoundation.swiftmodule" -o "$out/libZIPFoundation.a"
    mkdir -p "$out/cyaml"
    for c in "$yams_sources"/CYaml/src/*.c; do
        clang -c -O1 -g -fsanitize=fuzzer-no-link,address -DYAML_DECLARE_STATIC -I "$yams_sources/CYaml/include" \
            "$c" -o "$out/cyaml/$(basename "$c" .c).o"
    done
    rm -f "$out/libCYaml.a" && ar rcs "$out/libCYaml.a" "$out"/cyaml/*.o
    swiftc -O -sanitize=address -parse-as-library -emit-module -emit-library -static -module-name Yams -DSWIFT_PACKAGE \
        -I "$yams_sources/CYaml/include" -Xcc -DYAML_DECLARE_STATIC "$yams_sources"/Yams/*.swift \
        -emit-module-path "$out/Yams.swiftmodule" -o "$out/libYams.a"
fi
if [ ! -x "$out/fuzz-readers" ] || [ -n "$(find $inputs Scripts/fuzz/FuzzReaders.swift -newer "$out/fuzz-readers")" ]; then
    rm -rf "$out/src" && mkdir -p "$out/src"
    for file in $inputs; do
        sed -E '/^(@_exported |@testable )?import Tongxin[A-Za-z]*$/d' "$file" > "$out/src/$(echo "$file" | tr / _)"
    done
    swiftc -O -wmo -sanitize=fuzzer,address -parse-as-library -module-name TongxinFuzz -package-name Tongxin -I "$out" -I "$zip_sources/CZLib" -I Sources/CZlibInflate \
        -I "$yams_sources/CYaml/include" -I Sources/CGraphviz $(pkg-config --cflags libgvc | sed 's/-I/-Xcc -I/g') \
        "$out"/src/*.swift Scripts/fuzz/FuzzReaders.swift -L "$out" -lYams -lCYaml -lZIPFoundation -lz \
        $(pkg-config --libs libgvc) -o "$out/fuzz-readers"
fi

# --- Seeds: per selector, each file prefixed with its selector byte ---
seed() { # selector file
    mkdir -p "$out/corpus-${names[$1]}"
    { printf "\\$(printf '%03o' "$1")"; cat "$2"; } > "$out/corpus-${names[$1]}/seed-$(basename "$2")"
}
seed_text() { # selector name text
    local file="$out/seed-text/$2"
    mkdir -p "$out/seed-text" && printf '%s' "$3" > "$file" && seed "$1" "$file"
}
for json in Graphs/examples/*.json Tests/TongxinQueryTests/Corpus/*.json; do seed 0 "$json"; done
for folder in Graphs/examples/*/; do
    [ -e "$folder/edges.csv" ] || continue
    mkdir -p "$out/corpus-csv"
    { printf '\002'; cat "$folder/nodes.csv" 2>/dev/null || true; printf '\f'; cat "$folder/edges.csv"; } > "$out/corpus-csv/seed-$(basename "$folder")"
done
for geojson in Tests/TongxinMapTests/Fixtures/*.geojson; do seed 7 "$geojson"; done
for workbook in Tests/Fixtures/xlsx/*.xlsx; do seed 6 "$workbook"; done
for fixture in Tests/Fixtures/interop/*.gexf; do seed 3 "$fixture"; done
for fixture in Tests/Fixtures/interop/*.graphml; do seed 1 "$fixture"; done
for fixture in Tests/Fixtures/interop/*.cyjs; do seed 4 "$fixture"; done
# Queries: every case of the query corpus (the lines between a `##` title and `--`).
mkdir -p "$out/seed-text"
for cases in Tests/TongxinQueryTests/Corpus/*.cases; do
    awk -v dir="$out/seed-text" -v base="$(basename "$cases" .cases)" '
        /^## / { inside = 1; n += 1; file = dir "/query-" base "-" n; printf "" > file; next }
        /^--$/ { inside = 0; next }
        inside { print >> file }' "$cases"
done
for query in "$out"/seed-text/query-*; do seed 8 "$query"; done
selectors=("organization[type=商会]" "village" "*[name='一村',level!=city]" "figure[category=联络员,phone!=\"\"]"
           "region[level=county]" "enterprise[projects=2]" "[id=42]")
for index in "${!selectors[@]}"; do seed_text 9 "selector-$index" "${selectors[$index]}"; done
requests=("/api/coverage?unit=town&by=organization%5Btype%3D%E5%95%86%E4%BC%9A%5D&region=十堰市" "/entity.html?node=420702"
          "/api/query?q=MATCH+(v%3Avillage)+RETURN+count(v)&format=csv" "/api/search?q=%E5%8D%81&suggest" "/%2e%2e/x?a=%zz")
for index in "${!requests[@]}"; do seed_text 13 "request-$index" "${requests[$index]}"; done
seed 11 Graphs/ledgers/mapping.yaml 2>/dev/null || true
seed_text 11 profile.yaml $'kinds:\n  figure:\n    name: pseudonymize\n    prefix_from: category\n    attributes: {phone: mask, id_number: drop}\n  "*":\n    attributes: {phone: drop}\nedges:\n  attributes: {note: drop}\n'
if [ -x .build/debug/tongxin ]; then
    for json in Graphs/examples/*.json; do
        name=$(basename "$json" .json)
        for format in graphml:1 gexf:3 cyjs:4 txg:10 dot:12; do
            .build/debug/tongxin convert "$json" "$out/seed-text/$name.${format%:*}" > /dev/null
            seed "${format#*:}" "$out/seed-text/$name.${format%:*}"
        done
        rm -rf "$out/neo4j" && .build/debug/tongxin convert "$json" "$out/neo4j" --to neo4j > /dev/null
        mkdir -p "$out/corpus-neo4j"
        { printf '\005'; cat "$out/neo4j/nodes-region.csv" 2>/dev/null || true; printf '\f'
          cat "$out"/neo4j/relationships-within-*-region.csv 2>/dev/null || true; } > "$out/corpus-neo4j/seed-$name"
    done
    # The .txg seeds again with an odd first byte: resealed after mutation.
    for txg in "$out"/corpus-txg/seed-*; do
        { printf '\027'; tail -c +2 "$txg"; } > "$txg-resealed"
    done
fi

# --- Run ---
export LSAN_OPTIONS="suppressions=$PWD/Scripts/fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
case "$selector_name" in
    query|selector|request) max_len=4096 ;;
    yaml|dot) max_len=16384 ;;
    *) max_len=65536 ;;
esac
if [ "$selector_name" = all ]; then
    corpus=("$out"/corpus-*)
else
    corpus=("$out/corpus-$selector_name")
    export TONGXIN_FUZZ_SELECTOR="$selector"
fi
"$out/fuzz-readers" "${corpus[@]}" -runs="$runs" -max_len="$max_len" -timeout=10 -rss_limit_mb=4096 \
    -artifact_prefix="$out/$selector_name-" -print_final_stats=1 "$@"
