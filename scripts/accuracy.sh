#!/usr/bin/env bash
# Accuracy gates: extracts Corpus/articles and the programs plugin's held-out articles, scores
# them against their gold with glean's own scorer (`glean eval`), and fails below the
# thresholds. Where ../shared/ is beside the repository (GLEANER_SHARED overrides the path),
# it also scores the public peer suites in shared/eval/ and cross-checks every table against
# shared/eval/score.py; without it those checks are skipped, and say so.
set -euo pipefail
cd "$(dirname "$0")/.."
glean=${GLEAN:-.build/debug/glean}
shared=${GLEANER_SHARED:-../shared}
score_py="$shared/eval/score.py"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
if [ -f "$score_py" ]; then have_shared=1; else have_shared=0; fi

# check NAME GOLD KIND MIN_F1 [PATH]: extracts, scores with glean eval (and score.py), gates.
check() {
    local name=$1 gold=$2 kind=$3 min=$4 input=${5:-}
    if [ -d "$gold" ]; then cat "$gold"/*.jsonl > "$work/$name-gold.jsonl"; gold="$work/$name-gold.jsonl"; fi
    if [ -z "$input" ]; then
        python3 "$score_py" inputs "$gold" > "$work/$name-in.jsonl"
        input="$work/$name-in.jsonl"
    fi
    # Extract with every plugin (as users run it), score one kind.
    # shellcheck disable=SC2086 # $input may name several files
    "$glean" run $input --out "$work/$name" --quiet || true
    "$glean" eval --gold "$gold" --pred "$work/$name/mentions.jsonl" --kinds "$kind" > "$work/$name-eval.txt"
    if [ "$have_shared" = 1 ]; then
        python3 "$score_py" "$gold" "$work/$name/mentions.jsonl" --kinds "$kind" > "$work/$name-score.txt"
        if ! diff -q <(tail -n +2 "$work/$name-score.txt") <(tail -n +2 "$work/$name-eval.txt") >/dev/null; then
            echo "FAIL $name: glean eval and score.py disagree"; diff "$work/$name-score.txt" "$work/$name-eval.txt" || true
            status=1
        fi
    fi
    python3 - "$work/$name-eval.txt" "$name" "$min" <<'PY' || status=1
import sys
path, name, minimum = sys.argv[1], sys.argv[2], float(sys.argv[3])
ok = True
for line in open(path).read().splitlines()[2:]:
    kind, gold, pred, p, r, f1, lf1, value = line.split()
    good = float(f1) >= minimum
    ok &= good
    print(f"{'ok  ' if good else 'FAIL'} {name:28} {kind:9} strict F1 {f1} (>= {minimum}), P {p} R {r}, value {value}")
sys.exit(0 if ok else 1)
PY
}

for kind in date money program exercise; do
    check "corpus-$kind" Corpus/gold "$kind" 0.95 Corpus/articles
done
# Parties (countries and organizations), annotated before the parties plugin first ran.
check corpus-party Corpus/gold party 0.90 Corpus/articles
# The out-of-domain set (Corpus/ood: articles without India or Japan, a third of the program
# and exercise names held out of the lexicons), gated a little below its scores.
check ood-date Corpus/ood/gold date 0.97 Corpus/ood/articles
check ood-money Corpus/ood/gold money 0.97 Corpus/ood/articles
check ood-program Corpus/ood/gold program 0.93 Corpus/ood/articles
check ood-exercise Corpus/ood/gold exercise 0.95 Corpus/ood/articles
# Parties there were annotated by another hand before the parties plugin first ran on them.
check ood-party Corpus/ood/gold party 0.88 Corpus/ood/articles
# The fresh set (Corpus/fresh): written and annotated after every extractor of this version
# was done; first run .966/1.000/.778/.957/.848 (its README). Since tuned on (issue 16), gated a
# little below its current scores (date 1.000, money 1.000, program .976, exercise 1.000).
for gate in date:0.98 money:0.97 program:0.93 exercise:0.95 party:0.82; do
    check "fresh-${gate%%:*}" Corpus/fresh/gold "${gate%%:*}" "${gate##*:}" Corpus/fresh/articles
done
# The second fresh set (Corpus/fresh2: five articles from five regions, annotated before any
# run), gated a little below its first-run scores (date .997, money .995, program .840,
# exercise .842, party .881).
for gate in date:0.98 money:0.97 program:0.82 exercise:0.82 party:0.86; do
    check "fresh2-${gate%%:*}" Corpus/fresh2/gold "${gate%%:*}" "${gate##*:}" Corpus/fresh2/articles
done
# The third fresh set (Corpus/fresh3: five articles from five more regions, annotated before any
# run; first run date .987, money .937, program .676, exercise .775, party .910). Since tuned on
# (issue 16), gated a little below its current scores (date .992, program .933, exercise 1.000,
# party .975); money stays at its first-run floor.
for gate in date:0.98 money:0.92 program:0.92 exercise:0.97 party:0.96; do
    check "fresh3-${gate%%:*}" Corpus/fresh3/gold "${gate%%:*}" "${gate##*:}" Corpus/fresh3/articles
done
# The fourth fresh set (Corpus/fresh4: six articles from six more regions, annotated before any
# run), gated at its first-run F1 rounded down, minus .01 (date .975, money .993, program .698,
# exercise .844, party .900). Raised after fix4 tuned on it (now a seen set): date .978,
# money .993, program .894, exercise .979, party .919.
for gate in date:0.97 money:0.98 program:0.88 exercise:0.96 party:0.91; do
    check "fresh4-${gate%%:*}" Corpus/fresh4/gold "${gate%%:*}" "${gate##*:}" Corpus/fresh4/articles
done
# The programs plugin's own held-out articles (written and annotated before tuning).
heldout=$(ls Plugins/Programs/HeldOut/*.txt | tr '\n' ' ')
check heldout-program Plugins/Programs/HeldOut/gold.jsonl program 0.90 "$heldout"
check heldout-exercise Plugins/Programs/HeldOut/gold.jsonl exercise 0.90 "$heldout"
# Parties there were annotated before the parties plugin first ran on them.
check heldout-party Plugins/Programs/HeldOut/gold.jsonl party 0.85 "$heldout"

if [ "$have_shared" = 1 ]; then
    check recognizers-dates "$shared/eval/recognizers-dates.jsonl" date 0.93
    check recognizers-money "$shared/eval/recognizers-money.jsonl" money 0.97
    check recognizers-dates-dotnet "$shared/eval/recognizers-dates-dotnet-only.jsonl" date 0.80
    check recognizers-money-dotnet "$shared/eval/recognizers-money-dotnet-only.jsonl" money 0.80
    echo "glean eval agrees with $score_py on every table above"
else
    echo "skipped: the peer suites (recognizers-dates, recognizers-money, their .NET-only parts) and"
    echo "         the cross-check of glean eval against score.py: $shared/eval/ is not beside the repository"
fi
exit $status
