#!/usr/bin/env bash
# Replays docs/writing-an-extractor.md and docs/kinds.md, each in an empty folder: runs each ```sh tutorial block, and
# each `$ command` of the ```console tutorial blocks, comparing its output (stdout and stderr)
# with the lines the tutorial shows under it. Timings ("0.009 s", "0.0 MB/s") are ignored.
# Uses GLEAN if set, else .build/debug/glean (build first).
set -euo pipefail
cd "$(dirname "$0")/.."
glean="${GLEAN:-$PWD/.build/debug/glean}"
[ -x "$glean" ] || { echo "tutorial-check: $glean is not built" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir "$work/bin"
ln -s "$(cd "$(dirname "$glean")" && pwd)/$(basename "$glean")" "$work/bin/glean"
status=0

for doc in docs/writing-an-extractor.md docs/kinds.md; do
mkdir "$work/tutorial-$(basename "$doc" .md)"
PATH="$work/bin:$PATH" python3 - "$doc" "$work/tutorial-$(basename "$doc" .md)" <<'PY' || status=1
import re, subprocess, sys

doc, folder = sys.argv[1], sys.argv[2]
blocks, current = [], None
for number, line in enumerate(open(doc, encoding="utf-8").read().split("\n"), 1):
    if current is None:
        match = re.match(r"^```(sh|console) tutorial\s*$", line)
        if match:
            current = (match.group(1), number, [])
    elif line.startswith("```"):
        blocks.append(current)
        current = None
    else:
        current[2].append(line)

def normalized(lines):
    return [re.sub(r"\d+\.\d+ (s|MB/s)\b", r"N \1", line) for line in lines]

def run(command):
    done = subprocess.run(["bash", "-c", command], cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, timeout=300)
    return done.returncode, done.stdout.rstrip("\n").split("\n") if done.stdout else []

commands = failures = 0
for kind, start, lines in blocks:
    if kind == "sh":
        commands += 1
        status, output = run("set -e\n" + "\n".join(lines))
        if status != 0:
            failures += 1
            print(f"{doc}:{start}: the sh block failed (exit {status}):\n  " + "\n  ".join(output))
        continue
    steps = []
    for offset, line in enumerate(lines):
        if line.startswith("$ "):
            steps.append((start + 1 + offset, line[2:], []))
        elif steps:
            steps[-1][2].append(line)
    for line, command, expected in steps:
        commands += 1
        _, output = run(command)
        if normalized(output) != normalized(expected):
            failures += 1
            print(f"{doc}:{line}: `{command}` printed something else")
            for row in range(max(len(output), len(expected))):
                want = expected[row] if row < len(expected) else "<nothing>"
                got = output[row] if row < len(output) else "<nothing>"
                if normalized([want]) != normalized([got]):
                    print(f"  line {row + 1}\n    tutorial: {want}\n    actual:   {got}")
if failures:
    print(f"tutorial-check: {failures} of {commands} steps differ from the tutorial")
    sys.exit(1)
print(f"tutorial-check: all {commands} steps of {doc} replayed as written")
PY
done
exit $status
