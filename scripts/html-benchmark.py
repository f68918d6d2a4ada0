#!/usr/bin/env python3
"""Scores Gleaner's HTML article extraction on Mozilla Readability's test pages.

Usage: scripts/html-benchmark.py PAGES [--glean PATH] [--worst N] [--mode article|page]

PAGES is a folder of test pages, each a folder with source.html, expected.html and
expected-metadata.json (readability's test/test-pages/; not in this repository: they are other
people's articles). For each page, `glean text --html-text MODE` reads source.html; the text
after its title line (the title is scored separately, against the expected title) is compared
with expected.html's text as bags of word 3-shingles: precision, recall and F1, averaged over
pages. The published date (the calendar day of `meta.published`) is compared with the day of
expected-metadata.json's publishedTime where it has one.
"""
import argparse
import collections
import html.parser
import json
import os
import re
import subprocess
import sys

WORD = re.compile(r"\w+", re.UNICODE)


# Block elements (as Gleaner's renderer has them): a space at each so that blocks never glue
# words; inline tags (`<b>`, `<a>`, a drop cap's `<span>`) join words as a browser shows them.
BLOCKS = set("""address article aside blockquote body br caption dd details dialog div dl dt fieldset figcaption
figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr img li main nav noscript ol p pre section summary table
tbody td tfoot th thead title tr ul""".split())


class TextOf(html.parser.HTMLParser):
    """The text of an HTML fragment, a space at each block element."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.hidden += 1
        if tag in BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.hidden:
            self.hidden -= 1
        if tag in BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def html_text(markup):
    parser = TextOf()
    parser.feed(markup)
    parser.close()
    return "".join(parser.parts)


def shingles(text, n=3):
    words = WORD.findall(text.lower())
    if len(words) < n:
        return collections.Counter([tuple(words)] if words else [])
    return collections.Counter(tuple(words[i:i + n]) for i in range(len(words) - n + 1))


def score(predicted, expected):
    p, e = shingles(predicted), shingles(expected)
    overlap = sum((p & e).values())
    precision = overlap / sum(p.values()) if p else (1.0 if not e else 0.0)
    recall = overlap / sum(e.values()) if e else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def day(value):
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", (value or "").strip())
    return match.group(0) if match else None


def main():
    arguments = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    arguments.add_argument("pages")
    arguments.add_argument("--glean", default=".build/debug/glean")
    arguments.add_argument("--worst", type=int, default=10)
    arguments.add_argument("--mode", default="article", choices=["article", "page"])
    arguments.add_argument("--json", help="write per-page scores to this file")
    options = arguments.parse_args()

    names = sorted(n for n in os.listdir(options.pages)
                   if os.path.exists(os.path.join(options.pages, n, "source.html")))
    # One glean process for all pages: `glean text` reads a folder, ids are the folder names.
    result = subprocess.run([options.glean, "text", "--html-text", options.mode, "--quiet", options.pages,
                             "--include", "*/source.html"], capture_output=True)
    records = {}
    for line in result.stdout.decode("utf-8").splitlines():
        record = json.loads(line)
        records[record["id"].split("/")[0]] = record

    rows, dated, dated_right, titled, titled_right = [], 0, 0, 0, 0
    for name in names:
        folder = os.path.join(options.pages, name)
        with open(os.path.join(folder, "expected.html"), encoding="utf-8") as handle:
            expected = html_text(handle.read())
        with open(os.path.join(folder, "expected-metadata.json"), encoding="utf-8") as handle:
            metadata = json.load(handle)
        record = records.get(name, {"text": ""})
        text = record["text"]
        title = record.get("title")
        body = text[len(title) + 1:] if title and text.startswith(title + "\n") else text
        precision, recall, f1 = score(body, expected)
        row = {"page": name, "precision": precision, "recall": recall, "f1": f1}
        want = day(metadata.get("publishedTime"))
        if want:
            dated += 1
            row["published"] = (record.get("published"), metadata.get("publishedTime"))
            if day(record.get("published")) == want:
                dated_right += 1
            else:
                row["dateMiss"] = True
        if metadata.get("title"):
            titled += 1
            if (title or "").strip() == metadata["title"].strip():
                titled_right += 1
            else:
                row["titleMiss"] = (title, metadata["title"])
        rows.append(row)

    count = len(rows)
    mean = lambda key: sum(r[key] for r in rows) / count
    print(f"pages: {count}   mode: {options.mode}")
    print(f"article text (word 3-shingles, mean over pages): precision {mean('precision'):.4f}  "
          f"recall {mean('recall'):.4f}  F1 {mean('f1'):.4f}")
    print(f"pages with F1 >= .90: {sum(r['f1'] >= .9 for r in rows)}/{count}")
    if dated:
        print(f"published date: {dated_right}/{dated} = {dated_right / dated:.3f} (pages whose expected metadata has one)")
    print(f"title: {titled_right}/{titled} exact")
    print(f"\nworst {options.worst} pages by F1:")
    for row in sorted(rows, key=lambda r: r["f1"])[:options.worst]:
        print(f"  {row['f1']:.3f}  P {row['precision']:.3f}  R {row['recall']:.3f}  {row['page']}")
    misses = [r for r in rows if r.get("dateMiss")]
    if misses:
        print("\npublished date misses (ours, expected):")
        for row in misses:
            print(f"  {row['page']}: {row['published'][0]!r} vs {row['published'][1]!r}")
    for row in rows:
        if row.get("titleMiss"):
            print(f"title miss: {row['page']}: {row['titleMiss'][0]!r} vs {row['titleMiss'][1]!r}")
    if options.json:
        with open(options.json, "w", encoding="utf-8") as handle:
            json.dump(rows, handle, indent=1)


if __name__ == "__main__":
    sys.exit(main())
