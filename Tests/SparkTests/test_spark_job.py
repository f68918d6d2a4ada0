"""scripts/spark/glean_job.py in local mode gives glean run's records, record for record."""
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts" / "spark"))
import glean_job  # noqa: E402


def glean_binary():
    if os.environ.get("GLEAN"):
        return os.environ["GLEAN"]
    built = [ROOT / ".build" / kind / "glean" for kind in ("release", "debug")]
    built = [path for path in built if path.exists()]
    assert built, "build glean first (swift build)"
    return str(max(built, key=lambda path: path.stat().st_mtime))


def part_files(folder):
    return "".join(path.read_text(encoding="utf-8") for path in sorted(Path(folder).glob("part-*")))


def test_spark_job_writes_glean_runs_mentions_and_documents(tmp_path):
    glean = glean_binary()
    dataset = tmp_path / "dataset"
    subprocess.run([glean, "run", "Corpus/articles", "--out", str(dataset), "--quiet"], cwd=ROOT, check=True)
    out = tmp_path / "spark"
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        glean_job.main(["Corpus/articles", "--out", str(out), "--master", "local[2]", "--glean", glean, "--partitions", "3"])
    finally:
        os.chdir(cwd)
    assert part_files(out / "mentions.jsonl") == (dataset / "mentions.jsonl").read_text(encoding="utf-8")
    assert part_files(out / "documents.jsonl") == (dataset / "documents.jsonl").read_text(encoding="utf-8")

    from pyspark.sql import SparkSession
    spark = SparkSession.builder.master("local[1]").config("spark.ui.enabled", "false").getOrCreate()
    try:
        rows = spark.read.parquet(str(out / "mentions.parquet")).orderBy("position").collect()
        expected = [json.loads(line) for line in (dataset / "mentions.jsonl").read_text(encoding="utf-8").splitlines()]
        assert [(r.id, r.kind, r.start, r.end, r.text, json.loads(r.value)) for r in rows] == \
            [(m["id"], m["kind"], m["start"], m["end"], m["text"], m["value"]) for m in expected]
        assert [(r.dateStart, r.dateEnd, r.sentence, r.sentenceStart, r.sentenceEnd) for r in rows] == \
            [(m.get("dateStart"), m.get("dateEnd"), m["sentence"]["index"], m["sentence"]["start"], m["sentence"]["end"]) for m in expected]
        documents = spark.read.parquet(str(out / "documents.parquet")).select("id", "status").collect()
        assert sorted((d.id, d.status) for d in documents) == \
            sorted((d["id"], d["status"]) for d in map(json.loads, (dataset / "documents.jsonl").read_text().splitlines()))
    finally:
        spark.stop()


def run_both_ways(folder, tmp_path):
    """glean run's dataset folder and the Spark job's output folder for one input folder."""
    glean = glean_binary()
    dataset = tmp_path / "dataset"
    result = subprocess.run([glean, "run", str(folder), "--out", str(dataset), "--quiet"], cwd=ROOT)
    assert result.returncode in (0, 1)
    out = tmp_path / "spark"
    glean_job.main([str(folder), "--out", str(out), "--master", "local[2]", "--glean", glean, "--partitions", "3"])
    return dataset, out


def test_html_files_give_glean_runs_mentions(tmp_path):
    folder = tmp_path / "in"
    (folder / "news" / "2024").mkdir(parents=True)
    mixed = ROOT / "Tests" / "CLITests" / "Fixtures" / "mixed"
    for name in ("plain.txt", "news/2024/x.html", "news/2024/z.html.gz"):
        (folder / name).write_bytes((mixed / name).read_bytes())
    (folder / "b.htm").write_text("<p>R&amp;D got &#8364;4 million on 4&nbsp;June&nbsp;2024.<script>var d = '7 July 1999';"
                                  "</script></p><div>Next: 2025</div>", encoding="utf-8")
    (folder / "c.html").write_bytes(b"<p>\0</p>")
    dataset, out = run_both_ways(folder, tmp_path)
    expected = (dataset / "mentions.jsonl").read_text(encoding="utf-8")
    assert '"doc": "news/2024/x"' in expected and '"doc": "news/2024/z"' in expected and '"doc": "b"' in expected
    assert "1999" not in expected
    assert part_files(out / "mentions.jsonl") == expected
    # Every document has glean run's line, an HTML file glean cannot read included (glean's
    # message, a zero count per kind).
    ran = (dataset / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    spark = part_files(out / "documents.jsonl").splitlines()
    assert spark == ran
    failed = json.loads(spark[1])
    assert failed["error"] == "binary file (NUL byte at offset 3): skipped"
    assert failed["counts"] == {"date": 0, "money": 0, "program": 0, "exercise": 0, "party": 0}


def test_ids_follow_the_contract():
    assert glean_job.file_id("2024/x.html.gz") == "2024/x"
    assert glean_job.file_id("000_ab.txt") == "000_ab"
    assert glean_job.file_id(".profile") == ".profile"
    assert glean_job.file_id("v1.2.txt") == "v1.2"
    assert not glean_job.valid_id("../x") and not glean_job.valid_id("/x") and glean_job.valid_id("a/b")


def test_binary_and_bad_lines_become_failed_documents(tmp_path):
    (tmp_path / "b.bin").write_bytes(b"PK\0\1")
    (tmp_path / "c.jsonl").write_text('not json\n{"id": "ok", "text": "x"}\n')
    files = glean_job.list_files([str(tmp_path)])
    results = [record for entry in files for record in glean_job.records(entry)]
    assert [(r[1], r[4]) for r in results] == [
        ("b", "binary file (NUL byte at offset 2): skipped"),
        (None, "not a JSON document record"),
        ("ok", None),
    ]


def test_html_records_come_from_glean_text_with_the_jobs_id(tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "x.html").write_text("<p>Paid &euro;5 in 2019.</p><style>1999</style>", encoding="utf-8")
    (tmp_path / "gone.htm").symlink_to(tmp_path / "nowhere")
    files = glean_job.list_files([str(tmp_path)])
    results = [record for entry in files for record in glean_job.records(entry, glean=glean_binary())]
    assert [(r[1], r[4]) for r in results] == [("gone", "broken symbolic link"), ("news/x", None)]
    assert json.loads(results[1][3]) == {"id": "news/x", "text": "Paid €5 in 2019.\n"}
    # Without the binary an HTML file is a failed document, not a silent skip.
    assert glean_job.records(files[1])[0][4] == "HTML needs the glean binary (glean text)"


def test_plugins_are_shipped_to_the_workers(tmp_path):
    """--plugins FOLDER_OF_PLUGINS: the workers load the same manifest-only plugins as glean run."""
    glean = glean_binary()
    plugins = ROOT / "Tests" / "CLITests" / "Fixtures" / "plugins"
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text("Yokohama shipped 40,000 tonnes of steel worth $12 million in 2024.\n", encoding="utf-8")
    (articles / "b.txt").write_text("A ten thousand tonne freighter left Nhava Sheva.\n", encoding="utf-8")
    dataset = tmp_path / "dataset"
    subprocess.run([glean, "run", str(articles), "--out", str(dataset), "--quiet", "--plugins", str(plugins)], check=True)
    out = tmp_path / "spark"
    glean_job.main([str(articles), "--out", str(out), "--master", "local[2]", "--glean", glean, "--plugins", str(plugins)])
    mentions = part_files(out / "mentions.jsonl")
    assert mentions == (dataset / "mentions.jsonl").read_text(encoding="utf-8")
    assert {json.loads(line)["kind"] for line in mentions.splitlines()} == {"port", "tonnage", "money", "date"}
    counts = json.loads(part_files(out / "documents.jsonl").splitlines()[0])["counts"]
    assert set(counts) >= {"port", "tonnage"}
