#!/usr/bin/env bash
# Replays the documentation's examples and fails where they drift from what glean prints:
#   docs/writing-an-extractor.md and docs/kinds.md, each in an empty folder;
#   README.md, in the repository (its dataset/ is set aside and put back), with
#   GLEAN_CONFIGURATION=debug so that scripts/run.sh reuses the tests' build.
# In each, every ```sh tutorial block runs, and every `$ command` of a ```console tutorial
# block runs and its output (stdout and stderr) is compared with the lines shown under it.
# Only timings ("0.009 s", "3.1 MB/s") may differ. Uses GLEAN if set, else .build/debug/glean.
set -euo pipefail
cd "$(dirname "$0")/.."
glean="${GLEAN:-$PWD/.build/debug/glean}"
[ -x "$glean" ] || { echo "tutorial-check: $glean is not built" >&2; exit 2; }
work="$(mktemp -d)"
restore() {
    if [ -e "$work/dataset" ]; then rm -rf dataset; mv "$work/dataset" dataset; fi
    rm -rf "$work"
}
trap restore EXIT
mkdir "$work/bin" "$work/tutorial" "$work/tutorial-kinds"
ln -s "$(cd "$(dirname "$glean")" && pwd)/$(basename "$glean")" "$work/bin/glean"
[ -e dataset ] && mv dataset "$work/dataset"

PATH="$work/bin:$PATH" GLEAN_CONFIGURATION=debug python3 - docs/writing-an-extractor.md "$work/tutorial" docs/kinds.md "$work/tutorial-kinds" README.md "$PWD" <<'PY'
import re, subprocess, sys

def blocks_of(doc):
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
    return blocks

def normalized(lines):
    return [re.sub(r"\d+\.\d+ (s|MB/s)\b", r"N \1", line) for line in lines]

def run(command, folder):
    done = subprocess.run(["bash", "-c", command], cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, timeout=900)
    return done.returncode, done.stdout.rstrip("\n").split("\n") if done.stdout else []

def replay(doc, folder):
    commands = failures = 0
    for kind, start, lines in blocks_of(doc):
        if kind == "sh":
            commands += 1
            status, output = run("set -e\n" + "\n".join(lines), folder)
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
            _, output = run(command, folder)
            if normalized(output) != normalized(expected):
                failures += 1
                print(f"{doc}:{line}: `{command}` printed something else")
                for row in range(max(len(output), len(expected))):
                    want = expected[row] if row < len(expected) else "<nothing>"
                    got = output[row] if row < len(output) else "<nothing>"
                    if normalized([want]) != normalized([got]):
                        print(f"  line {row + 1}\n    {doc}: {want}\n    actual: {' ' * (len(doc) - 6)}{got}")
    if commands == 0:
        print(f"{doc}: no tutorial blocks found")
        failures += 1
    return commands, failures

status = 0
arguments = sys.argv[1:]
for doc, folder in zip(arguments[::2], arguments[1::2]):
    commands, failures = replay(doc, folder)
    if failures:
        print(f"tutorial-check: {failures} of {commands} steps of {doc} differ from what glean prints")
        status = 1
    else:
        print(f"tutorial-check: all {commands} steps of {doc} replayed as written")
sys.exit(status)
PY
