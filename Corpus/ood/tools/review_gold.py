#!/usr/bin/env python3
"""Review aid for the hand annotation: lists, per document, places the annotator may
have missed: uncovered occurrences of strings annotated elsewhere in the set, uncovered
country names, and uncovered tokens with digits. It writes nothing."""
import json, os, re, sys
sys.path.insert(0, os.path.dirname(__file__))
from build_gold import COUNTRIES, boundary_ok
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
gold = {}
for f in sorted(os.listdir(os.path.join(root, "gold"))):
    gold[f[:-6]] = [json.loads(l) for l in open(os.path.join(root, "gold", f))]
strings = {r["text"] for rs in gold.values() for r in rs if r["kind"] in ("party", "program", "exercise")}
strings |= set(COUNTRIES.values())
for doc, rs in gold.items():
    text = open(os.path.join(root, "articles", doc + ".txt"), encoding="utf-8", newline="").read()
    covered = [False] * (len(text) + 1)
    for r in rs:
        for i in range(r["start"], r["end"]): covered[i] = True
    out = []
    for s in sorted(strings, key=len, reverse=True):
        i = 0
        while (i := text.find(s, i)) >= 0:
            if boundary_ok(text, i, i + len(s)) and not any(covered[i:i + len(s)]):
                out.append((i, f"STR  {s!r}: …{text[max(0,i-30):i+len(s)+30]!r}"))
            i += 1
    for m in re.finditer(r"\S*\d\S*", text):
        if not any(covered[m.start():m.end()]):
            out.append((m.start(), f"NUM  {m.group()!r}: …{text[max(0,m.start()-30):m.end()+20]!r}"))
    print(f"== {doc}")
    for _, line in sorted(set(out)):
        print("  ", line)
