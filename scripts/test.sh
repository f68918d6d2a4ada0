#!/usr/bin/env bash
# Sets up and runs every test the project has: the Swift test suites (PCRE2 layer, merge
# passes, every manifest example, the runtime-loaded fixture plugin, catalog drift,
# end-to-end CLI), the benchmark suite once, the accuracy gates on Corpus/ and the held-out
# articles (glean's own scorer), the README and tutorial replayed, the install step, fuzzing
# and the Python suites. Needs nothing but the repository; where ../shared/ is beside it, the
# peer suites and the cross-check against shared/eval/score.py run too (else: "skipped").
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-tests.sh

swift build --build-tests
swift test --skip-build

# The benchmark suite (Benchmarks/, its own package so that building glean never fetches
# package-benchmark). One iteration of each benchmark, debug build, no warm-up (about 6 s)
# checks that it still runs; its timings are not judged here (Benchmarks/README.md).
swift build --package-path Benchmarks --product GleanerBenchmarks 2>&1 | grep -Ev '^\[[0-9]+/[0-9]+\]' || true
GLEANER_BENCH_SMOKE=1 "$(swift build --package-path Benchmarks --show-bin-path)/GleanerBenchmarks" >/dev/null

scripts/accuracy.sh
scripts/tutorial-check.sh

# The install step: into a temporary PREFIX (the debug build, already there), then
# `glean --version` from PATH alone.
prefix=$(mktemp -d)
GLEAN_CONFIGURATION=debug scripts/install.sh "$prefix"
[ "$(env PATH="$prefix/bin:/usr/bin:/bin" glean --version)" = "$(.build/debug/glean --version)" ] \
    || { echo "install: glean --version from PATH failed" >&2; exit 1; }
rm -rf "$prefix"

# Bounded fuzzing of the engine and the manifest reader (Fuzz/, libFuzzer + ASan): 60 s per
# target, plus a release build of Fuzz/ (about 4 min the first time). Sanitizer runs of the
# whole suite (scripts/sanitizers.sh) are too slow for every run.
scripts/fuzz.sh 60

# Python suites: the JSON Schemas against written records (jsonschema), the HTML report in
# headless Chromium, `glean export` read by csv, pandas and the sqlite3 shell, and the Spark
# job in local mode against `glean run`.
python3 -m pytest -q Tests/SchemaTests Tests/ReportBrowserTests Tests/ExportTests Tests/SparkTests
