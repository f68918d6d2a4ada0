#!/usr/bin/env python3
"""Replicates Corpus/articles into about N MB of separate documents, for benchmarks and memory
measurements (never committed).

    scripts/make-corpus.py 1024 /tmp/corpus-1g               # .txt files in 100 folders
    scripts/make-corpus.py 1024 /tmp/corpus-1g --jsonl        # the same as JSON Lines files

Each copy gets its own id (`NNN/<article>-<copy>`) and a short unique first line so that no two
documents have the same text (content hashes and the SQLite store see distinct documents); the
article text itself is unchanged, so each copy's mentions are the original's, shifted.
"""
import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("megabytes", type=float, help="total size of the documents' text, in MB (10^6 bytes)")
    parser.add_argument("out", help="output folder (created; must be empty or absent)")
    parser.add_argument("--source", default=str(ROOT / "Corpus" / "articles"), help="folder of .txt articles")
    parser.add_argument("--jsonl", action="store_true", help="write JSON Lines files (10,000 documents each)")
    args = parser.parse_args()

    articles = sorted(Path(args.source).glob("*.txt"))
    if not articles:
        sys.exit(f"make-corpus: no .txt articles in {args.source}")
    texts = [(path.stem, path.read_text(encoding="utf-8")) for path in articles]
    out = Path(args.out)
    if out.exists() and any(out.iterdir()):
        sys.exit(f"make-corpus: {out} is not empty")
    out.mkdir(parents=True, exist_ok=True)

    target = int(args.megabytes * 1_000_000)
    written = count = 0
    jsonl = None
    while written < target:
        stem, text = texts[count % len(texts)]
        copy = count // len(texts)
        doc_id = f"{count % 100:03d}/{stem}-{copy}"
        body = f"Copy {copy} of {stem}.\n{text}"
        if args.jsonl:
            if count % 10_000 == 0:
                if jsonl:
                    jsonl.close()
                jsonl = open(out / f"part-{count // 10_000:05d}.jsonl", "w", encoding="utf-8")
            jsonl.write(json.dumps({"id": doc_id, "text": body}, ensure_ascii=False) + "\n")
        else:
            path = out / f"{doc_id}.txt"
            path.parent.mkdir(exist_ok=True)
            path.write_text(body, encoding="utf-8")
        written += len(body.encode("utf-8"))
        count += 1
    if jsonl:
        jsonl.close()
    print(f"{count} documents, {written / 1e6:.1f} MB -> {out}/")


if __name__ == "__main__":
    main()
