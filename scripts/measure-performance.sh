#!/usr/bin/env bash
# Measures one glean build the way issue 15 states its goals, and keeps the raw outputs:
#
#   scripts/measure-performance.sh GLEAN OUT [ROUNDS] [SECTION ...]
#
#   bench     `bench --mb $MB --jobs 1 --json` (default MB=100): CPU and wall per MB, stage shares
#   jobs      the same with --jobs 2 (on $JOBS_MB MB, default $MB)
#   memory    peak RSS of `run` over one 100 MB document and over a 10 MB document of amounts
#             (scripts/make-large-document.py)
#   lexicons  manifest-only plugins of 1k, 10k and 30k names ($LEXICONS; scripts/make-lexicon-plugin.py)
#             beside the built-ins: CPU per MB over 10 MB, and a warm start on one small document
#
# Without sections, all four. Every figure is the median of ROUNDS (default 5) rounds or runs
# (peak RSS: of $RSS_RUNS runs, default 3). OUT gets one file per measurement (JSON from bench,
# farm-bench's report for whole processes) and `uptime` before each, since the machine is
# shared. Run it from the repository (Corpus/articles is the source). docs/performance.md
# ("Measuring").
set -euo pipefail

if [ $# -lt 2 ]; then
    echo "usage: $0 GLEAN OUT [ROUNDS] [bench|jobs|memory|lexicons ...]" >&2
    exit 2
fi
glean=$(realpath "$1")
out=$2
rounds=${3:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
sections=("${@:4}")
[ ${#sections[@]} -gt 0 ] || sections=(bench jobs memory lexicons)
mb=${MB:-100}
mkdir -p "$out"
inputs="$out/inputs"
mkdir -p "$inputs"

note() { echo "== $1" >&2; { date -u; uptime; } >"$out/$2.uptime"; }

bench() {  # jobs, megabytes
    note "bench --mb $2 --jobs $1" "bench-${2}mb-jobs$1"
    (cd "$root" && "$glean" bench --mb "$2" --jobs "$1" --rounds "$rounds" --warmup 1 --json) >"$out/bench-${2}mb-jobs$1.json"
}

memory() {
    [ -f "$inputs/large-100m.txt" ] || python3 "$root/scripts/make-large-document.py" 100 "$inputs/large-100m.txt"
    [ -f "$inputs/amounts-10m.txt" ] || python3 "$root/scripts/make-large-document.py" 10 "$inputs/amounts-10m.txt" --amounts
    # The candidate limit (a failed document, not a measurement) out of the way where there is one.
    limit=()
    "$glean" run --help 2>/dev/null | grep -q -- --max-candidates && limit=(--max-candidates 100000000)
    for doc in large-100m amounts-10m; do
        note "run one document: $doc" "run-$doc"
        farm-bench -n "${RSS_RUNS:-3}" --warmup 0 --timeout 3600 -- \
            "$glean" run "$inputs/$doc.txt" --out "$inputs/out-$doc" --jobs 1 --quiet "${limit[@]}" >"$out/run-$doc.txt" 2>&1
        # farm-bench reports the exit status; the document's own says whether it was extracted.
        grep -o '"status": "[a-z]*"' "$inputs/out-$doc/documents.jsonl" >>"$out/run-$doc.txt" || true
    done
}

lexicons() {
    printf 'The Acme annual report was published on 3 March 2024.\n' >"$inputs/small.txt"
    for names in ${LEXICONS:-1000 10000 30000}; do
        plugin="$inputs/lexicon-$names"
        [ -d "$plugin" ] || python3 "$root/scripts/make-lexicon-plugin.py" "$names" "$plugin"
        note "lexicon $names: bench --mb 10" "lexicon-$names-bench"
        (cd "$root" && "$glean" bench --mb 10 --jobs 1 --rounds "$rounds" --warmup 1 --json --plugins "$plugin") \
            >"$out/lexicon-$names-bench.json" || echo "lexicon $names: bench failed" >&2
        # The warm-up run fills ~/.cache/glean; the timed runs are warm starts.
        note "lexicon $names: warm start" "lexicon-$names-start"
        farm-bench -n "$rounds" --warmup 1 --timeout 3600 -- \
            "$glean" run "$inputs/small.txt" --out "$inputs/out-small" --plugins "$plugin" --jobs 1 --quiet \
            >"$out/lexicon-$names-start.txt" 2>&1
    done
}

for section in "${sections[@]}"; do
    case $section in
        bench) bench 1 "$mb" ;;
        jobs) bench 2 "${JOBS_MB:-$mb}" ;;
        memory) memory ;;
        lexicons) lexicons ;;
        *) echo "$0: unknown section $section (bench, jobs, memory, lexicons)" >&2; exit 2 ;;
    esac
done
echo "done: $out" >&2
