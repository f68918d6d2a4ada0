#!/usr/bin/env bash
# Measures `glean report` on a generated corpus: the size of the page a browser opens
# (index.html), the largest document page, the whole folder, and the writing's peak RSS.
# Goal (issue 19): on a 50 MB corpus, index.html <= 5 MB and peak RSS <= 500 MB.
#
#     scripts/report-size.sh [MB] [GLEAN]      # default 50 MB, .build/release/glean
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-50}
glean=${2:-.build/release/glean}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 scripts/make-corpus.py "$mb" "$work/corpus" >/dev/null
"$glean" run "$work/corpus" --out "$work/dataset" --quiet
/usr/bin/time -f "%M %e" -o "$work/time" "$glean" report "$work/dataset" --html "$work/report" >/dev/null
read -r rss seconds < "$work/time"
largest=$(find "$work/report/docs" -name '*.html' -printf '%s\n' | sort -n | tail -1)
echo "corpus: ${mb} MB, $(wc -l < "$work/dataset/documents.jsonl") documents, $(wc -l < "$work/dataset/mentions.jsonl") mentions"
echo "index.html: $(stat -c %s "$work/report/index.html") bytes; largest document page: ${largest} bytes; folder: $(du -sb "$work/report" | cut -f1) bytes"
echo "report: ${seconds} s, peak RSS $((rss / 1024)) MB"
