#!/usr/bin/env bash
# Bounded fuzz run of the libFuzzer targets in Fuzz/ (a separate package: the root build never
# sees -sanitize=fuzzer). Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
#   SECONDS  per target (default 60); TARGET: FuzzEngine, FuzzManifest, FuzzValidate (default all).
# Each target starts from its seeds (Fuzz/corpus/<name>) and the inputs found by earlier runs
# (.build-fuzz/corpus/<name>, not committed). A crash, an invariant failure or a hang (one
# input over 10 s) stops the run with exit 1 and leaves the input in .build-fuzz/artifacts/;
# copy it to Fuzz/regressions/<name>/ once fixed, where RegressionInputTests replays it.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(FuzzEngine FuzzManifest FuzzValidate)
scratch="$PWD/.build-fuzz"

# Release (10x the executions of debug; preconditions and overflow checks stay on), with
# coverage and ASan for every module the targets use, not only the targets themselves. lld:
# gold fails on the sanitizer runtimes' symbols.
flags=(--package-path Fuzz --scratch-path "$scratch" -c release -Xswiftc -use-ld=lld
       -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address)
swift build "${flags[@]}" 2>&1 | grep -Ev '^\[[0-9]+/[0-9]+\]|Cannot export local symbol' || true
bin="$(swift build "${flags[@]}" --show-bin-path)"

status=0
for target in "${targets[@]}"; do
    case "$target" in
        FuzzEngine) name=engine; extra=(-max_len=8192) ;;
        FuzzManifest) name=manifest; extra=(-max_len=32768 -dict=Fuzz/manifest.dict) ;;
        FuzzValidate) name=validate; extra=(-max_len=16384 -dict=Fuzz/validate.dict) ;;
        *) echo "fuzz.sh: unknown target $target" >&2; exit 2 ;;
    esac
    [ -x "$bin/$target" ] || { echo "fuzz.sh: $bin/$target was not built" >&2; exit 1; }
    mkdir -p "$scratch/corpus/$name" "$scratch/artifacts/$name"
    echo "== $target: ${seconds}s"
    log="$scratch/$name.log"
    if ! ASAN_OPTIONS=detect_leaks=0 "$bin/$target" "$scratch/corpus/$name" "Fuzz/corpus/$name" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$scratch/artifacts/$name/" "${extra[@]}" >"$log" 2>&1; then
        status=1
        grep -E 'ERROR|Fatal error|invariant|deadly signal|Test unit written|timeout' "$log" | head -20 >&2 || true
        echo "fuzz.sh: $target failed; full log in $log" >&2
    fi
    grep -E '^#[0-9]+.*(DONE|pulse)|stat::number_of_executed_units|stat::peak_rss_mb|stat::new_units_added' "$log" | tail -4
done
exit "$status"
