#!/usr/bin/env python3
"""Writes one large document for memory measurements (never committed): by default about
N MB of article text from Corpus/articles as a single .txt file; with --amounts, N MB of
nothing but amounts (`$1, $2, $3, ...`), the densest input for candidates and mentions.

    scripts/make-large-document.py 100 /tmp/large-100m.txt            # one 100 MB article
    scripts/make-large-document.py 10 /tmp/amounts-10m.txt --amounts   # one 10 MB of amounts
    scripts/make-large-document.py 10 /tmp/dense-10m.txt --dense       # `$1,$1,...`: one per 3 bytes

The articles are repeated in order, separated by blank lines, each copy with a short numbered
heading line so that the text is not one period of a few kilobytes; the output is identical
from run to run. See docs/robustness.md ("Memory, measured") and scripts/memory-bench.sh.
"""
import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("megabytes", type=float, help="size of the document, in MB (10^6 bytes)")
    parser.add_argument("out", help="the .txt file to write (replaced)")
    parser.add_argument("--source", default=str(ROOT / "Corpus" / "articles"), help="folder of .txt articles")
    parser.add_argument("--amounts", action="store_true", help="nothing but amounts: `$1, $2, ...`")
    parser.add_argument("--dense", action="store_true", help="nothing but `$1,` (the densest amounts)")
    args = parser.parse_args()
    target = int(args.megabytes * 1_000_000)

    with open(args.out, "w", encoding="utf-8", newline="\n") as out:
        written = 0
        if args.dense:
            piece = "$1," * 10_000
            while written < target:
                part = piece[: target - written]
                out.write(part)
                written += len(part)
            return
        if args.amounts:
            number = 1
            while written < target:
                piece = "".join(f"${n}, " for n in range(number, number + 1000))
                number += 1000
                piece = piece[: target - written]
                out.write(piece)
                written += len(piece)
            return
        articles = sorted(Path(args.source).glob("*.txt"))
        if not articles:
            sys.exit(f"make-large-document: no .txt articles in {args.source}")
        texts = [path.read_text(encoding="utf-8").strip() for path in articles]
        copy = 0
        while written < target:
            text = texts[copy % len(texts)]
            piece = f"Part {copy + 1}.\n\n{text}\n\n"
            data = piece.encode("utf-8")
            if written + len(data) > target:
                # Cut at a line end, never inside a UTF-8 sequence.
                data = data[: target - written]
                cut = data.rfind(b"\n")
                data = data[: cut + 1] if cut > 0 else b""
                if not data:
                    break
                out.write(data.decode("utf-8"))
                written += len(data)
                break
            out.write(piece)
            written += len(data)
            copy += 1


if __name__ == "__main__":
    main()
