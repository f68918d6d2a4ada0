"""`glean export` output loads, one row per mention, with Python's csv, pandas and SQLite's
`.import` (the sqlite3 shell), including a text with commas, quotes, tabs and line breaks.

Needs the built `glean` (GLEAN=path, else .build/debug/glean). pandas is installed with pip
when missing; a reader that cannot be had (no pip, no sqlite3 shell) is skipped with a message.
"""
import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TEXT = 'He said, "Japan lent $5 million, or so,\ton 3 March 2020"; then ₹2,75,000 crore for Make in India.'
# A JSON Lines id may hold any character but NUL: here a comma, quotes, a tab and a line break,
# which land in the id and doc columns of every row of the document.
ID = 'report, "draft"\n\tno. 1'


def glean_binary():
    for candidate in (os.environ.get("GLEAN"), ROOT / ".build/debug/glean", ROOT / ".build/release/glean"):
        if candidate and Path(candidate).is_file():
            return str(candidate)
    pytest.fail("glean is not built (run swift build, or set GLEAN)")


def glean(*args):
    result = subprocess.run([glean_binary(), *args], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    folder = tmp_path_factory.mktemp("export")
    source = folder / "docs.jsonl"
    source.write_text(json.dumps({"id": ID, "text": TEXT}, ensure_ascii=False) + "\n", encoding="utf-8")
    glean("run", str(source), "Corpus/articles", "--out", str(folder / "dataset"), "--context", "--quiet")
    mentions = [json.loads(line) for line in (folder / "dataset/mentions.jsonl").read_text(encoding="utf-8").splitlines()]
    assert any(m["doc"] == ID and '"' in m["context"] and "\t" in m["context"] for m in mentions)
    return folder, mentions


def export(folder, fmt, *extra):
    out = folder / f"mentions.{fmt}"
    glean("export", str(folder / "dataset"), "--format", fmt, "--out", str(out), *extra)
    return out


def expected_rows(mentions):
    return [(m["id"], m["text"], m.get("context", "")) for m in mentions]


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_python_csv_reads_one_row_per_mention(dataset, fmt):
    folder, mentions = dataset
    out = export(folder, fmt)
    with open(out, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="," if fmt == "csv" else "\t"))
    assert [(r["id"], r["text"], r["context"]) for r in rows] == expected_rows(mentions)
    by_id = {r["id"]: r for r in rows}
    for m in mentions:
        row = by_id[m["id"]]
        assert row["kind"] == m["kind"] and int(row["start"]) == m["start"] and int(row["sentence"]) == m["sentence"]["index"]
        if m["kind"] == "money":
            assert row["amount"] == str(m["value"]["amount"]) and row["currency"] == m["value"]["currency"]
        if m["kind"] == "date":
            assert row["value"] == m["value"] and row["dateStart"] == m.get("dateStart", "")


def test_stdout_is_the_same_as_the_file(dataset):
    folder, _ = dataset
    assert glean("export", str(folder / "dataset")) == export(folder, "csv").read_text(encoding="utf-8")


def test_entities_export_one_row_per_entity(dataset):
    folder, _ = dataset
    entities = [json.loads(line) for line in (folder / "dataset/entities.jsonl").read_text(encoding="utf-8").splitlines()]
    rows = list(csv.DictReader(io.StringIO(glean("export", str(folder / "dataset"), "--entities"), newline="")))
    assert [(r["id"], r["name"], int(r["mentions"])) for r in rows] == [(e["id"], e["name"], e["mentions"]) for e in entities]


def pandas_module():
    try:
        import pandas
        return pandas
    except ImportError:
        pass
    install = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "pandas"], capture_output=True, text=True)
    if install.returncode != 0:
        install = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--break-system-packages", "pandas"], capture_output=True, text=True)
    try:
        import pandas
        return pandas
    except ImportError:
        pytest.skip(f"pandas is not installed and pip could not install it: {install.stderr.strip()[-300:]}")


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_pandas_reads_one_row_per_mention(dataset, fmt):
    pandas = pandas_module()
    folder, mentions = dataset
    frame = pandas.read_csv(export(folder, fmt), sep="," if fmt == "csv" else "\t", dtype=str, keep_default_na=False)
    assert len(frame) == len(mentions)
    assert list(zip(frame["id"], frame["text"], frame["context"])) == expected_rows(mentions)
    money = frame[frame["kind"] == "money"]
    assert sorted(money["amount"]) == sorted(str(m["value"]["amount"]) for m in mentions if m["kind"] == "money")


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_sqlite_import_reads_one_row_per_mention(dataset, fmt, tmp_path):
    shell = shutil.which("sqlite3")
    if not shell:
        pytest.skip("the sqlite3 shell is not installed (Debian: apt-get install sqlite3)")
    folder, mentions = dataset
    out = export(folder, fmt)
    database = tmp_path / f"export-{fmt}.sqlite"
    separator = ".separator ," if fmt == "csv" else '.separator "\\t"'
    commands = f".mode csv\n{separator}\n.import {out} mentions\n"
    result = subprocess.run([shell, str(database)], input=commands, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and not result.stderr, result.stderr
    query = subprocess.run([shell, "-json", str(database), "SELECT id, text, context FROM mentions ORDER BY rowid"],
                           capture_output=True, text=True, timeout=60)
    assert query.returncode == 0, query.stderr
    rows = json.loads(query.stdout)
    assert [(r["id"], r["text"], r["context"]) for r in rows] == expected_rows(mentions)
