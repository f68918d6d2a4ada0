"""Hand-written gold mention lists (in document order) turned into gold JSONL.

Each mention is found at the first occurrence of its surface text after the end of the
previous mention, so the lists must follow the text; this only locates spans that were
chosen by hand and never proposes any. Used by each evaluation set's
`tools/mentions_to_gold.py`, which holds only the lists.
"""
import json, os, re, sys

def D(t, v): return ("date", t, v)
def M(t, a, c, mx=None):
    v = {"amount": a, "currency": c}
    if mx is not None: v = {"amount": a, "amountMax": mx, "currency": c}
    return ("money", t, v)
def P(t, name, acr=None):
    v = {"name": name}
    if acr: v["acronym"] = acr
    return ("program", t, v)
def X(t, name, year=None, edition=None):
    v = {"name": name}
    if year: v["year"] = year
    if edition: v["edition"] = edition
    return ("exercise", t, v)
def SKIP(t): return ("skip", t, None)  # move past a parenthesized acronym, not a mention
def C(t, name, code): return ("party", t, {"name": name, "type": "country", "code": code})
def O(t, name=None, acr=None):
    v = {"name": name or t, "type": "organization"}
    if acr: v["acronym"] = acr
    return ("party", t, v)


def write_gold(base, docs):
    """Writes base/gold/DOC.jsonl for each list in `docs` from base/articles/DOC.txt; exits 1
    when a surface is not found where its list says. A surface only matches as a whole word
    (no letter or digit right before or after it), so `Armenia` never lands inside `Armenian`."""
    ok = True
    for doc, ms in docs.items():
        text = open(os.path.join(base, "articles", doc + ".txt"), encoding="utf-8", errors="replace", newline="").read()
        pos, out = 0, []
        for kind, surf, val in ms:
            m = re.compile(r"(?<![^\W_])" + re.escape(surf) + r"(?![^\W_])").search(text, pos)
            if not m:
                print(f"{doc}: not found after {pos}: {kind} {surf!r}"); ok = False; continue
            i = m.start()
            if kind != "skip":
                out.append({"doc": doc, "kind": kind, "start": i, "end": i + len(surf), "text": surf, "value": val})
            pos = i + len(surf)
        with open(os.path.join(base, "gold", doc + ".jsonl"), "w", encoding="utf-8") as f:
            for r in out:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(doc, len(out), "mentions")
    sys.exit(0 if ok else 1)
