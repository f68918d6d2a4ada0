"""The JSON Schemas in schemas/ are real: an independent validator (Python's jsonschema)
accepts every record glean writes for the corpus, and rejects broken ones."""
import json
import pathlib
import subprocess
import tempfile

import jsonschema
import pytest
from referencing import Registry, Resource

ROOT = pathlib.Path(__file__).resolve().parents[2]
GLEAN = ROOT / ".build" / "debug" / "glean"


def load(name):
    schema = json.loads((ROOT / "schemas" / f"{name}.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema


# mention.schema.json refers to kinds.schema.json (generated from the plugins) by its $id.
REGISTRY = Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in [load("kinds")])


def validator(name):
    return jsonschema.Draft202012Validator(load(name), registry=REGISTRY, format_checker=jsonschema.FormatChecker())


@pytest.fixture(scope="module")
def dataset():
    out = pathlib.Path(tempfile.mkdtemp()) / "dataset"
    subprocess.run([str(GLEAN), "run", "Corpus/articles", "--out", str(out), "--explain", "--context", "--quiet"],
                   cwd=ROOT, check=True)
    return out


def lines(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("file,schema", [("mentions.jsonl", "mention"), ("documents.jsonl", "document"),
                                         ("entities.jsonl", "entity"), ("decisions.jsonl", "decision")])
def test_every_written_record_matches_its_schema(dataset, file, schema):
    records = lines(dataset / file)
    assert records, f"{file} is empty"
    check = validator(schema)
    for number, record in enumerate(records, 1):
        errors = sorted(check.iter_errors(record), key=str)
        assert not errors, f"{file}:{number}: {errors[0].message}"


def test_run_manifest_matches_its_schema(dataset):
    run = json.loads((dataset / "run.json").read_text())
    assert not list(validator("run").iter_errors(run))
    assert run["counts"]["documents"] == 5


@pytest.mark.parametrize("broken", [
    {"value": {"amount": 5, "currency": "usd"}},
    {"value": {"amount": 0, "currency": "USD"}},
    {"value": {"amount": 5, "currency": "USD", "note": "x"}},
    {"start": -1},
    {"extra": True},
])
def test_schema_rejects_broken_money_records(broken):
    record = {"id": "d#0-3", "doc": "d", "kind": "money", "start": 0, "end": 3, "byteStart": 0, "byteEnd": 3,
              "text": "$50", "value": {"amount": 50, "currency": "USD"}, "extractor": "money@1.0.0", "rule": "r"}
    assert not list(validator("mention").iter_errors(record))
    record.update(broken)
    assert list(validator("mention").iter_errors(record))


@pytest.mark.parametrize("value", ["2019-13", "2019-02-30x", "19", "FY19", "2019-Q5"])
def test_schema_rejects_malformed_dates(value):
    record = {"id": "d#0-4", "doc": "d", "kind": "date", "start": 0, "end": 4, "byteStart": 0, "byteEnd": 4,
              "text": "2019", "value": value, "extractor": "dates@1.0.0", "rule": "r"}
    assert list(validator("mention").iter_errors(record))


@pytest.mark.parametrize("value,valid", [({"value": 7.2, "unit": "percent"}, True), ({"value": "7.2", "unit": "percent"}, False),
                                         ({"value": 7.2}, False), ({"value": 7.2, "unit": "per cent"}, False)])
def test_a_plugin_kind_gets_its_value_schema(value, valid):
    """`glean plugins schema --plugins FOLDER` adds the folder's kinds: the percentage fixture's values validate."""
    done = subprocess.run([str(GLEAN), "plugins", "schema", "--plugins", "Tests/ExtractorExampleTests/Fixtures/percentage"],
                          cwd=ROOT, check=True, capture_output=True, text=True)
    kinds = json.loads(done.stdout)
    registry = Registry().with_resources([(kinds["$id"], Resource.from_contents(kinds))])
    check = jsonschema.Draft202012Validator(load("mention"), registry=registry)
    record = {"id": "d#0-4", "doc": "d", "kind": "percentage", "start": 0, "end": 4, "byteStart": 0, "byteEnd": 4,
              "text": "7.2%", "value": value, "extractor": "percentage@0.2.0", "rule": "sign"}
    assert (not list(check.iter_errors(record))) == valid


@pytest.mark.parametrize("value,valid", [
    ({"name": "India", "type": "country", "code": "IN"}, True),
    ({"name": "Asian Development Bank", "type": "organization", "acronym": "ADB"}, True),
    ({"name": "India", "type": "country"}, False),
    ({"name": "India", "type": "country", "code": "IND"}, False),
    ({"name": "ADB", "type": "organization", "code": "AD"}, False),
    ({"name": "Ann", "type": "person"}, False),
])
def test_schema_checks_party_values(value, valid):
    record = {"id": "d#0-5", "doc": "d", "kind": "party", "start": 0, "end": 5, "byteStart": 0, "byteEnd": 5,
              "text": "India", "value": value, "extractor": "parties@1.0.0", "rule": "country"}
    assert (not list(validator("mention").iter_errors(record))) == valid
