#!/usr/bin/env bash
# Builds glean quietly and prints the binary's path: release with the Swift runtime linked in
# (one self-contained file, plugins embedded), or GLEAN_CONFIGURATION=debug (the tests' build).
# Progress goes to .build/build.log; on failure its end is shown. Used by run.sh and install.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
configuration=${GLEAN_CONFIGURATION:-release}
flags=(-c "$configuration")
[ "$configuration" = release ] && flags+=(--static-swift-stdlib)
mkdir -p .build
echo "building glean (a few minutes the first time; log in .build/build.log)" >&2
if ! swift build "${flags[@]}" --product glean >.build/build.log 2>&1; then
    tail -40 .build/build.log >&2
    echo "build: failed; the whole log is in .build/build.log" >&2
    exit 1
fi
echo "$(swift build "${flags[@]}" --show-bin-path)/glean"
