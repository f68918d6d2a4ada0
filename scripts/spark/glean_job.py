#!/usr/bin/env python3
"""Runs `glean stream` over a folder of articles or JSON Lines with Spark.

The driver lists the input files in glean's order (relative paths sorted by their bytes, hidden
files skipped) and hands them out in contiguous slices; each task reads its files, turns them into
JSON Lines document records with the ids glean would give (CONTRACT.md), and pipes them through
one `glean stream` process (RDD.pipe). The glean binary is shipped to the executors with
SparkContext.addFile. Output, in input order:

  OUT/mentions.jsonl/part-*     the records of mentions.jsonl, byte for byte as `glean run` writes them
  OUT/documents.jsonl/part-*    the lines of documents.jsonl
  OUT/mentions.parquet/         one row a mention (`value` as JSON text), with `docIndex`
  OUT/documents.parquet/        one row a document

    python3 scripts/spark/glean_job.py Corpus/articles --out spark-out            # local[*]
    spark-submit scripts/spark/glean_job.py /shared/corpus --out /shared/out --master yarn

Input files must be readable at the same path by every executor (local mode, or a shared
file system). HTML files (`.html`, `.htm`, gzipped or not) need glean's libxml2 reader for their
visible text: the task runs the shipped binary as `glean text FILE` (one process per file, so that
two files of one name in different folders never clash), which prints the document record
`glean run` would read, and gives it the job's id. An HTML file glean cannot read is a failed
document with glean's message.
"""
import argparse
import functools
import gzip
import hashlib
import json
import os
import shlex
import subprocess
import sys


def list_files(paths):
    """(key, path, relative, source) for every input file, in glean's order."""
    files = []
    for position, path in enumerate(paths):
        if os.path.isfile(path):
            name = os.path.basename(path)
            files.append(((position, name.encode()), path, name, path))
            continue
        if not os.path.isdir(path):
            sys.exit(f"glean_job: error: {path}: no such file or folder")
        found = []
        for folder, dirs, names in os.walk(path, followlinks=True):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in names:
                if not name.startswith("."):
                    full = os.path.join(folder, name)
                    found.append(os.path.relpath(full, path).replace(os.sep, "/"))
        for relative in sorted(found, key=lambda r: r.encode()):
            full = os.path.join(path, relative)
            files.append(((position, relative.encode()), full, relative, full))
    return files


def file_id(relative):
    name = relative[:-3] if relative.endswith(".gz") else relative
    last = name.rsplit("/", 1)[-1]
    dot = last.rfind(".")
    return name[: len(name) - (len(last) - dot)] if dot > 0 else name


def valid_id(doc_id):
    return (isinstance(doc_id, str) and doc_id != "" and "\0" not in doc_id and not doc_id.startswith("/")
            and ".." not in doc_id.split("/"))


def html_record(key, doc_id, path, source, glean):
    """An HTML file's document, read by `glean text FILE`: (key, id, source, line or None, failure or None)."""
    if glean is None:
        return (key, doc_id, source, None, "HTML needs the glean binary (glean text)")
    if os.path.islink(path) and not os.path.exists(path):
        # Named alone, a broken link is a missing input to glean; in a folder, glean run reports this.
        return (key, doc_id, source, None, "broken symbolic link")
    try:
        result = subprocess.run([glean, "text", "--", path], capture_output=True)
    except OSError as error:
        return (key, doc_id, source, None, f"cannot run {glean} text: {error}")
    stderr = result.stderr.decode("utf-8", errors="replace")
    if result.returncode != 0:
        # Exit 1 is an unreadable document, named `glean: PATH: MESSAGE` as `glean run` reports it.
        prefix = f"glean: {path}: "
        named = [line[len(prefix):] for line in stderr.splitlines() if line.startswith(prefix)]
        return (key, doc_id, source, None, named[0] if named else f"glean text exited {result.returncode}: {stderr.strip()}")
    record = json.loads(result.stdout.decode("utf-8"))
    # glean names a file given alone by its bare name; the job's id is relative to the folder given.
    record["id"] = doc_id
    return (key, doc_id, source, json.dumps(record, ensure_ascii=False), None)


def records(entry, glean=None):
    """The documents of one file: (key, id, source, record line or None, failure message or None).

    `glean` is the binary that reads HTML files (`glean text`); without it they fail."""
    key, path, relative, source = entry
    name = relative[:-3] if relative.endswith(".gz") else relative
    jsonl = name.lower().endswith(".jsonl")
    doc_id = None if jsonl else file_id(relative)
    if name.lower().endswith((".html", ".htm")):
        return [html_record(key + (0,), doc_id, path, source, glean)]
    try:
        with open(path, "rb") as handle:
            data = handle.read()
        if relative.endswith(".gz"):
            data = gzip.decompress(data)
    except (OSError, EOFError) as error:
        message = "broken symbolic link" if os.path.islink(path) and not os.path.exists(path) else str(error)
        return [(key + (0,), doc_id, source, None, message)]
    if not jsonl:
        if b"\0" in data:
            return [(key + (0,), doc_id, source, None, f"binary file (NUL byte at offset {data.index(0)}): skipped")]
        text = data.decode("utf-8", errors="replace")
        line = json.dumps({"id": doc_id, "text": text}, ensure_ascii=False)
        return [(key + (0,), doc_id, source, line, None)]
    out = []
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if raw.strip(b" \r\t") == b"":
            continue
        line = raw.decode("utf-8", errors="replace")
        try:
            doc_id = json.loads(line).get("id")
        except (ValueError, AttributeError):
            out.append((key + (number,), None, f"{source}:{number}", None, "not a JSON document record"))
            continue
        if not valid_id(doc_id):
            message = "`id` must be a non-empty string with no NUL, no `..` segment, not starting with `/`"
            out.append((key + (number,), None, f"{source}:{number}", None, message))
            continue
        out.append((key + (number,), doc_id, f"{source}:{number}", line, None))
    return out


def document_line(status, source):
    """A `glean stream` status line as a documents.jsonl line (CONTRACT.md key order)."""
    record = {"id": status.get("doc"), "source": source}
    for key in ("sha256", "bytes", "codePoints", "counts", "status", "error", "warnings", "replacements", "meta"):
        if key in status:
            record[key] = status[key]
    return json.dumps(record, ensure_ascii=False, separators=(", ", ": "))


def failed_line(doc_id, source, message, kinds=()):
    """A failed document as `glean run` writes it: a zero count for every kind extracted."""
    return json.dumps({"id": doc_id, "source": source, "sha256": hashlib.sha256(b"").hexdigest(), "bytes": 0, "codePoints": 0,
                       "counts": {kind: 0 for kind in kinds}, "status": "error", "error": message},
                      ensure_ascii=False, separators=(", ", ": "))


def extracted_kinds(glean, kinds_option, plugins=()):
    """The kinds the binary extracts, in its order (`glean plugins list`, its `kind` column)."""
    command = [glean, "plugins", "list"] + (["--kinds", kinds_option] if kinds_option else [])
    command += [option for path in plugins for option in ("--plugins", path)]
    environment = {key: value for key, value in os.environ.items() if key != "GLEAN_PLUGINS"}
    result = subprocess.run(command, capture_output=True, text=True, env=environment)
    if result.returncode != 0:
        sys.exit(f"glean_job: error: {' '.join(command)}: {result.stderr.strip()}")
    lines = result.stdout.splitlines()
    column = lines[0].split().index("kind")
    return [line.split()[column] for line in lines[1:] if line.strip()]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="+", help="files or folders of articles / JSON Lines")
    parser.add_argument("--out", required=True, help="output folder (must not exist)")
    parser.add_argument("--master", default=None, help="Spark master (default local[*], or spark-submit's)")
    parser.add_argument("--glean", default=os.environ.get("GLEAN", ".build/release/glean"), help="the glean binary")
    parser.add_argument("--partitions", type=int, default=0, help="tasks (default: 2 per core)")
    parser.add_argument("--kinds", help="only these kinds (glean --kinds)")
    parser.add_argument("--plugins", action="append", default=[],
                        help="a plugin folder, or a folder of plugin folders, shipped to the workers and loaded "
                             "(repeatable; GLEAN_PLUGINS' entries come first, as for glean)")
    args = parser.parse_args(argv)
    plugins = [path for path in os.environ.get("GLEAN_PLUGINS", "").split(":") if path] + args.plugins
    for path in plugins:
        if not os.path.isdir(path):
            sys.exit(f"glean_job: error: {path}: no such plugin folder")
    names = [os.path.basename(os.path.normpath(os.path.abspath(path))) for path in plugins]
    if len(set(names)) != len(names):
        sys.exit(f"glean_job: error: plugin folders need distinct names to be shipped: {', '.join(plugins)}")
    # The driver checks the plugins load (exit 2 and glean's message otherwise) before any task runs.
    kinds = extracted_kinds(os.path.abspath(args.glean), args.kinds, plugins)

    from pyspark import SparkFiles
    from pyspark.sql import Row, SparkSession

    builder = SparkSession.builder.appName("glean")
    if args.master or "SPARK_ENV_LOADED" not in os.environ:
        builder = builder.master(args.master or "local[*]")
    spark = builder.config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false").getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel("ERROR")
    local = sc.master.startswith("local")

    files = list_files(args.paths)
    if not files:
        sys.exit("glean_job: error: no input files")
    sc.addFile(os.path.abspath(args.glean))
    sc.addPyFile(os.path.abspath(__file__))  # when imported (tests), workers import this module
    # Local mode: the driver's copy; on a cluster Spark fetches added files into each executor's
    # working directory, where the Python workers run.
    binary = SparkFiles.get(os.path.basename(args.glean)) if local else "./" + os.path.basename(args.glean)
    # Plugin folders travel like the binary; the workers load their copies, and only them
    # (GLEAN_PLUGINS' entries are among the shipped folders).
    for path in plugins:
        sc.addFile(os.path.abspath(path), recursive=True)
    shipped = [SparkFiles.get(name) if local else "./" + name for name in names]
    command = (f"env -u GLEAN_PLUGINS {binary} stream --quiet" + (f" --kinds {args.kinds}" if args.kinds else "")
               + "".join(f" --plugins {shlex.quote(path)}" for path in shipped))

    slices = min(len(files), args.partitions or 2 * sc.defaultParallelism)
    docs = sc.parallelize(files, slices).flatMap(functools.partial(records, glean=binary)).cache()
    duplicates = (docs.filter(lambda d: d[1] is not None).map(lambda d: (d[1], [d[2]]))
                  .reduceByKey(lambda a, b: a + b).filter(lambda kv: len(kv[1]) > 1).take(1))
    if duplicates:
        doc_id, sources = duplicates[0]
        sys.exit(f"glean_job: error: duplicate document id '{doc_id}' in {sources[0]} and {sources[1]}")

    piped = docs.filter(lambda d: d[3] is not None).map(lambda d: d[3]).pipe(command).cache()
    mentions = piped.filter(lambda line: line.startswith('{"id": '))
    mentions.saveAsTextFile(os.path.join(args.out, "mentions.jsonl"))

    # Status lines carry `<stdin>:N`; the document's real source comes from the input listing.
    sources = docs.filter(lambda d: d[1] is not None).map(lambda d: (d[1], (d[0], d[2])))
    statuses = piped.filter(lambda line: line.startswith('{"doc": ')).map(json.loads)
    keyed = statuses.filter(lambda s: s["doc"] is not None).map(lambda s: (s["doc"], s)).join(sources)
    documents = keyed.map(lambda kv: (kv[1][1][0], document_line(kv[1][0], kv[1][1][1])))
    failed = docs.filter(lambda d: d[4] is not None).map(lambda d: (d[0], failed_line(d[1], d[2], d[4], kinds)))
    documents = documents.union(failed).sortBy(lambda kv: kv[0], numPartitions=slices).map(lambda kv: kv[1]).cache()
    documents.saveAsTextFile(os.path.join(args.out, "documents.jsonl"))

    def mention_row(index_and_line):
        line, index = index_and_line
        record = json.loads(line)
        sentence = record.get("sentence") or {}
        return Row(position=index, id=record["id"], doc=record["doc"], kind=record["kind"], start=record["start"],
                   end=record["end"], byteStart=record["byteStart"], byteEnd=record["byteEnd"], text=record["text"],
                   value=json.dumps(record["value"], ensure_ascii=False), extractor=record["extractor"],
                   rule=record["rule"], inferred=record.get("inferred"), equivalentOf=record.get("equivalentOf"),
                   dateStart=record.get("dateStart"), dateEnd=record.get("dateEnd"), sentence=sentence.get("index"),
                   sentenceStart=sentence.get("start"), sentenceEnd=sentence.get("end"), context=record.get("context"))

    schema = ("position long, id string, doc string, kind string, start long, end long, byteStart long, "
              "byteEnd long, text string, value string, extractor string, rule string, inferred array<string>, "
              "equivalentOf string, dateStart string, dateEnd string, sentence long, sentenceStart long, "
              "sentenceEnd long, context string")
    spark.createDataFrame(mentions.zipWithIndex().map(mention_row), schema).write.parquet(
        os.path.join(args.out, "mentions.parquet"))
    spark.read.json(documents).write.parquet(os.path.join(args.out, "documents.parquet"))
    counts = statuses.map(lambda s: s["status"]).countByValue()
    print(f"{sum(counts.values()) + failed.count()} documents ({counts.get('error', 0) + failed.count()} failed), "
          f"{mentions.count()} mentions -> {args.out}/")
    spark.stop()


if __name__ == "__main__":
    main()
