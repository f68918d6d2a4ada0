#!/usr/bin/env bash
# The main job on a fresh Debian machine with Swift: installs what building and running need
# (scripts/setup.sh, nothing for the tests), builds glean and extracts Corpus/articles into
# dataset/. Arguments go to `glean run` (`scripts/run.sh --context --db gleaner.sqlite`).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
glean=$(scripts/build.sh)
"$glean" run Corpus/articles --out dataset "$@"
