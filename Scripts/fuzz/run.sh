#!/usr/bin/env bash
# Fuzzes Tongxin's readers (native JSON, GraphML, CSV, .xlsx workbooks, GEXF, Cytoscape JSON, Neo4j CSV, GeoJSON) with libFuzzer and AddressSanitizer for a
# while: Scripts/fuzz/run.sh [SECONDS, default 300] [extra libFuzzer flags…]
#
# SwiftPM cannot link a libFuzzer executable (both bring a `main`), so this compiles the
# TongxinGraph and TongxinIO sources with FuzzReaders.swift as one module with swiftc
# (Docs/PLATFORM.md). The corpus starts from the example graphs and the writers' output; findings land in
# .build-fuzz/ as crash-* files (reproduce: .build-fuzz/fuzz-readers .build-fuzz/crash-…).
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-300}"
shift || true
out=.build-fuzz
mkdir -p "$out/corpus"

# ZIPFoundation (for .xlsx) is a module of its own, built first from SwiftPM's checkout, with
# AddressSanitizer too.
swift package resolve >/dev/null
zip_sources=.build/checkouts/ZIPFoundation/Sources
swiftc -O -sanitize=address -parse-as-library -emit-module -emit-library -static -module-name ZIPFoundation \
    -I "$zip_sources/CZLib" -Xcc -D_GNU_SOURCE=1 "$zip_sources"/ZIPFoundation/*.swift \
    -emit-module-path "$out/ZIPFoundation.swiftmodule" -o "$out/libZIPFoundation.a"
# The YAML reader (Yams, with C sources) is not a reader of graphs or workbooks: left out.
sources=$(ls Sources/TongxinGraph/*.swift; find Sources/TongxinIO -name '*.swift' ! -name TongxinIO.swift | sort \
    | xargs grep -L '^import Yams')
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name TongxinFuzz -I "$out" -I "$zip_sources/CZLib" \
    $sources Scripts/fuzz/FuzzReaders.swift -L "$out" -lZIPFoundation -lz -o "$out/fuzz-readers"

# Seeds: every example graph in each readable format, prefixed with its selector byte.
seed() { # selector file
    { printf "\\$(printf '%03o' "$1")"; cat "$2"; } > "$out/corpus/seed-$1-$(basename "$2")"
}
for json in Graphs/examples/*.json; do
    [ -e "$json" ] || continue
    seed 0 "$json"
done
for folder in Graphs/examples/*/; do
    [ -e "$folder/edges.csv" ] || continue
    name=$(basename "$folder")
    { printf '\002'; cat "$folder/nodes.csv" 2>/dev/null || true; printf '\f'; cat "$folder/edges.csv"; } > "$out/corpus/seed-2-$name"
done
for geojson in Tests/TongxinMapTests/Fixtures/*.geojson; do
    [ -e "$geojson" ] || continue
    seed 7 "$geojson"
done
for workbook in Tests/Fixtures/xlsx/*.xlsx; do
    seed 6 "$workbook"
done
if [ -x .build/debug/tongxin ]; then
    for json in Graphs/examples/*.json; do
        [ -e "$json" ] || continue
        .build/debug/tongxin convert "$json" "$out/seed.graphml" > /dev/null
        seed 1 "$out/seed.graphml"
        mv "$out/corpus/seed-1-seed.graphml" "$out/corpus/seed-1-$(basename "$json" .json).graphml"
        .build/debug/tongxin convert "$json" "$out/seed.gexf" > /dev/null
        seed 3 "$out/seed.gexf"
        mv "$out/corpus/seed-3-seed.gexf" "$out/corpus/seed-3-$(basename "$json" .json).gexf"
        .build/debug/tongxin convert "$json" "$out/seed.cyjs" > /dev/null
        seed 4 "$out/seed.cyjs"
        mv "$out/corpus/seed-4-seed.cyjs" "$out/corpus/seed-4-$(basename "$json" .json).cyjs"
        rm -rf "$out/neo4j" && .build/debug/tongxin convert "$json" "$out/neo4j" --to neo4j > /dev/null
        { printf '\005'; cat "$out/neo4j/nodes-region.csv" 2>/dev/null || true; printf '\f'
          cat "$out"/neo4j/relationships-within-*-region.csv 2>/dev/null || true; } \
            > "$out/corpus/seed-5-$(basename "$json" .json)"
    done
fi
for fixture in Tests/Fixtures/interop/*.gexf; do seed 3 "$fixture"; done
for fixture in Tests/Fixtures/interop/*.graphml; do seed 1 "$fixture"; done
for fixture in Tests/Fixtures/interop/*.cyjs; do seed 4 "$fixture"; done

"$out/fuzz-readers" "$out/corpus" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
    -artifact_prefix="$out/" -print_final_stats=1 "$@"
