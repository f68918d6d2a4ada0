#!/bin/bash
# Peak memory (max RSS) of `glean run` on one large document of each kind, printed, never
# asserted (docs/robustness.md, "Memory, measured"). Generates the documents once under
# $MEMORY_BENCH_DIR (default /tmp/glean-memory-bench) with scripts/make-large-document.py.
#
#   GLEAN=.build/release/glean scripts/memory-bench.sh            # this build
#   GLEAN=.build/release/glean BASELINE=/work/baseline/glean scripts/memory-bench.sh
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
glean=${GLEAN:-$here/.build/release/glean}
dir=${MEMORY_BENCH_DIR:-/tmp/glean-memory-bench}
mkdir -p "$dir"
make() { [ -s "$dir/$1" ] || python3 "$here/scripts/make-large-document.py" "$2" "$dir/$1" ${3:-}; }
make article-100m.txt 100
make amounts-10m.txt 10 --amounts
make dense-10m.txt 10 --dense

printf '%-10s %-18s %10s %9s %8s  %s\n' build document "peak RSS" "CPU s" "wall s" status
for build in "this:$glean" ${BASELINE:+"baseline:$BASELINE"}; do
    name=${build%%:*}; binary=${build#*:}
    # Builds with a candidate limit measure with it out of the way.
    limit=(); "$binary" run --help 2>/dev/null | grep -q -- --max-candidates && limit=(--max-candidates 100000000)
    for document in article-100m.txt amounts-10m.txt dense-10m.txt; do
        out="$dir/out-$name-${document%.txt}"
        rm -rf "$out"
        /usr/bin/time -f '%M %U %S %e' -o "$dir/time" "$binary" run "$dir/$document" --out "$out" --quiet \
            "${limit[@]}" 2>"$dir/stderr" || true
        read -r kb user system wall < "$dir/time"
        status=$(grep -o '"status": "[a-z]*"' "$out/documents.jsonl" 2>/dev/null | cut -d'"' -f4)
        [ -n "$status" ] || status="failed: $(head -c 120 "$dir/stderr")"
        printf '%-10s %-18s %7d MB %9.1f %8.1f  %s\n' "$name" "$document" $((kb / 1024)) \
            "$(echo "$user + $system" | bc)" "$wall" "$status"
    done
done
