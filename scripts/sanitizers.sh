#!/usr/bin/env bash
# Runs the Swift test suites once under AddressSanitizer and once under ThreadSanitizer, each in
# its own build folder (.build-asan, .build-tsan; a sanitized build cannot share one with the
# normal build). Usage: scripts/sanitizers.sh [address|thread ...] [-- swift test args]
# Too slow for every CI run (see README "Failure behaviour"); run it before a release and
# after touching the C interop (Patterns/PCRE2Regex.swift) or the parallel BatchRunner.
set -euo pipefail
cd "$(dirname "$0")/.."
sanitizers=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do sanitizers+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
[ ${#sanitizers[@]} -eq 0 ] && sanitizers=(address thread)

status=0
for sanitizer in "${sanitizers[@]}"; do
    case "$sanitizer" in
        address) scratch=.build-asan ;;
        thread) scratch=.build-tsan ;;
        *) echo "sanitizers.sh: unknown sanitizer $sanitizer (address, thread)" >&2; exit 2 ;;
    esac
    echo "== $sanitizer sanitizer ($scratch)"
    start=$(date +%s)
    # The tests spawn the sanitized glean binary; report every finding, keep going after one.
    export ASAN_OPTIONS="detect_leaks=0:halt_on_error=0:print_summary=1"
    export TSAN_OPTIONS="halt_on_error=0:second_deadlock_stack=1"
    if ! swift build --build-tests --scratch-path "$scratch" --sanitize="$sanitizer" 2>&1 | grep -Ev '^\[[0-9]+/[0-9]+\]|Cannot export local symbol'; then
        status=1; continue
    fi
    log="$scratch/test.log"
    skip=()
    # The TSan runtime cannot start under `ulimit -f` (SIGBUS before main), which that test uses
    # to simulate a full disk.
    [ "$sanitizer" = thread ] && skip=(--skip diskFullMidRunExitsWith3AndLeavesThePreviousDatasetIntact)
    if ! swift test --skip-build --scratch-path "$scratch" --sanitize="$sanitizer" "${skip[@]}" "$@" >"$log" 2>&1; then status=1; fi
    grep -cE '^(==[0-9]+==ERROR|WARNING: ThreadSanitizer|SUMMARY: )' "$log" | sed "s/^/$sanitizer findings (lines): /" || true
    grep -E '^SUMMARY: |✘|error:' "$log" | sort | uniq -c | head -40 || true
    echo "$sanitizer: $(( $(date +%s) - start )) s; log in $log"
done
exit "$status"
