#!/usr/bin/env python3
"""Turn a hand-written mention list (annot/NNN_slug.ann) into gold JSON Lines.

The .ann file is the annotator's own list of mentions, in text order, one per line
(tab-separated); this script only finds each listed string in the text (searching
forward from the previous mention, at word boundaries) and writes offsets. It
proposes nothing. Line forms:
  D   text  value                     date
  M   text  amount  CUR [amountMax]   money
  PG  text  name [| acronym]          program
  EX  text  name [| year=N] [| edition=N]   exercise
  C   text  CODE                      country party (name from the table below)
  O   text  name [| acronym]          organization party
  skip text                           pass over the next occurrence without a mention
"""
import json, os, sys

COUNTRIES = {
 "US": "United States", "GB": "United Kingdom", "KR": "South Korea", "KP": "North Korea",
 "TW": "Taiwan", "CN": "China", "RU": "Russia", "TR": "Türkiye", "SE": "Sweden", "FI": "Finland",
 "BE": "Belgium", "DK": "Denmark", "EE": "Estonia", "FR": "France", "DE": "Germany", "GR": "Greece",
 "IT": "Italy", "LV": "Latvia", "LT": "Lithuania", "NL": "Netherlands", "NO": "Norway", "PL": "Poland",
 "PT": "Portugal", "RO": "Romania", "ES": "Spain", "AO": "Angola", "CD": "Democratic Republic of the Congo",
 "ZM": "Zambia", "TZ": "Tanzania", "TH": "Thailand", "SG": "Singapore", "ID": "Indonesia",
 "MY": "Malaysia", "PH": "Philippines", "AU": "Australia", "BN": "Brunei", "VN": "Vietnam",
 "EG": "Egypt", "SA": "Saudi Arabia", "QA": "Qatar", "JO": "Jordan", "CY": "Cyprus",
 "AE": "United Arab Emirates", "IL": "Israel", "IR": "Iran", "OM": "Oman", "UY": "Uruguay",
 "BR": "Brazil", "AR": "Argentina", "PY": "Paraguay", "CL": "Chile", "CO": "Colombia",
 "CR": "Costa Rica", "PE": "Peru", "BO": "Bolivia", "VE": "Venezuela", "EC": "Ecuador",
 "MX": "Mexico", "JM": "Jamaica", "TT": "Trinidad and Tobago", "CA": "Canada", "NZ": "New Zealand",
 "TO": "Tonga", "TL": "Timor-Leste", "KE": "Kenya", "UG": "Uganda", "ET": "Ethiopia", "DJ": "Djibouti",
 "NG": "Nigeria", "ZA": "South Africa", "BG": "Bulgaria", "UA": "Ukraine",
}

def value_of(kind, fields):
    if kind == "D":
        return fields[0]
    if kind == "M":
        amt = json.loads(fields[0]); v = {"amount": amt}
        if len(fields) > 2: v["amountMax"] = json.loads(fields[2])
        v["currency"] = fields[1]
        return v
    if kind in ("PG", "O"):
        parts = [p.strip() for p in fields[0].split("|")]
        v = {"name": parts[0]}
        if kind == "O": v["type"] = "organization"
        if len(parts) > 1: v["acronym"] = parts[1]
        return v
    if kind == "EX":
        parts = [p.strip() for p in fields[0].split("|")]
        v = {"name": parts[0]}
        for p in parts[1:]:
            k, n = p.split("="); v[k] = int(n)
        return v
    if kind == "C":
        code = fields[0]
        return {"name": COUNTRIES[code], "type": "country", "code": code}
    raise ValueError(kind)

KIND = {"D": "date", "M": "money", "PG": "program", "EX": "exercise", "C": "party", "O": "party"}

def boundary_ok(text, s, e):
    before = text[s - 1] if s > 0 else " "
    after = text[e] if e < len(text) else " "
    return not before.isalnum() and not after.isalnum()

def build(ann_path, text_dir, out_dir):
    doc = os.path.splitext(os.path.basename(ann_path))[0]
    text = open(os.path.join(text_dir, doc + ".txt"), encoding="utf-8", errors="replace", newline="").read()
    pos, records, errors = 0, [], []
    for n, line in enumerate(open(ann_path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        tag, mention = cols[0], cols[1]
        i = pos
        while True:
            i = text.find(mention, i)
            if i < 0 or boundary_ok(text, i, i + len(mention)):
                break
            i += 1
        if i < 0:
            errors.append(f"{ann_path}:{n}: not found after {pos}: {mention!r}"); continue
        pos = i + len(mention)
        if tag == "skip":
            continue
        records.append({"doc": doc, "kind": KIND[tag], "start": i, "end": i + len(mention),
                        "text": mention, "value": value_of(tag, cols[2:])})
    records.sort(key=lambda r: r["start"])
    with open(os.path.join(out_dir, doc + ".jsonl"), "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return records, errors

if __name__ == "__main__":
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    bad = 0
    for name in sorted(sys.argv[1:]) or sorted(os.listdir(os.path.join(root, "annot"))):
        path = name if os.path.sep in name else os.path.join(root, "annot", name)
        recs, errs = build(path, os.path.join(root, "articles"), os.path.join(root, "gold"))
        for e in errs: print(e)
        bad += len(errs)
        print(f"{os.path.basename(path)}: {len(recs)} records")
    sys.exit(1 if bad else 0)
