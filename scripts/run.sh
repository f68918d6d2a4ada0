#!/usr/bin/env bash
# Sets up, builds glean (release) and runs the main job: Corpus/articles -> dataset/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product glean
.build/release/glean run Corpus/articles --out dataset "$@"
