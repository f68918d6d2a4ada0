"""Renders `glean report` folders in headless Chromium and checks the DOM after the pages'
script ran: the overview's numbers (kinds, programs and exercises, money per program, the
timeline, the documents) are the dataset's, recomputed here from the records; on the
document pages highlighted mentions per kind and plugin match the dataset, filters (driven
through the URL fragment) hide what they should, counts are the script's, text is escaped,
and a document whose source is gone still lists its mentions.

Needs the built `glean` (GLEAN=path, else .build/debug/glean) and Debian's `chromium`.
"""
import collections
import decimal
import json
import re
import os
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def glean_binary():
    for candidate in (os.environ.get("GLEAN"), ROOT / ".build/debug/glean", ROOT / ".build/release/glean"):
        if candidate and Path(candidate).is_file():
            return str(candidate)
    pytest.fail("glean is not built (run swift build, or set GLEAN)")


def glean(*args, cwd=ROOT):
    result = subprocess.run([glean_binary(), *args], cwd=cwd, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return result.stdout


def chromium(*args, url):
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    assert browser, "chromium is not installed (scripts/setup.sh installs it)"
    with tempfile.TemporaryDirectory() as profile:
        result = subprocess.run(
            [browser, "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", f"--user-data-dir={profile}",
             "--virtual-time-budget=1000", *args, url],
            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


class DOM(HTMLParser):
    """The parts of the rendered page the tests look at."""

    VOID = {"input", "meta", "br", "img", "link", "hr", "wbr"}

    def __init__(self, html):
        super().__init__()
        self.marks, self.counts, self.scripts, self.external = [], {}, 0, []
        self.texts, self.notes, self.shown = [], [], ""
        self.rows = []  # the attributes of every <tr> and <li> that has data-* attributes
        self._open = []  # [what, attributes, text parts, depth] of the elements being read
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script":
            self.scripts += 1
        if tag in ("tr", "li") and any(key.startswith("data-") for key in a):
            self.rows.append({"tag": tag, **a})
        for key in ("src", "href"):
            if a.get(key, "").startswith(("http:", "https:", "//")):
                self.external.append(a[key])
        if tag in self.VOID:
            return
        for capture in self._open:
            capture[3] += 1
        classes = (a.get("class") or "").split()
        what = ("mark" if tag == "mark" and "m" in classes else
                "count" if tag == "output" and "count" in classes else
                "text" if tag == "div" and "text" in classes else
                "shown" if a.get("id") == "shown" else
                "note" if tag == "p" and "note" in classes else None)
        if what:
            self._open.append([what, a, [], 1])

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        for capture in self._open:
            capture[3] -= 1
        while self._open and self._open[-1][3] == 0:
            what, a, parts, _ = self._open.pop()
            text = "".join(parts)
            if what == "mark":
                self.marks.append({**a, "text": text})
            elif what == "count":
                key = ("kind", a["data-kind"]) if "data-kind" in a else ("plugin", a["data-plugin"])
                self.counts[key] = text
            elif what == "text":
                self.texts.append(text)
            elif what == "note":
                self.notes.append(text)
            else:
                self.shown = text

    def handle_data(self, data):
        for capture in self._open:
            capture[2].append(data)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    glean("run", "Corpus/articles", "--out", str(folder / "dataset"), "--quiet")
    glean("report", str(folder / "dataset"), "--html", str(folder / "report"))
    mentions = [json.loads(line) for line in (folder / "dataset/mentions.jsonl").read_text().splitlines()]
    return folder, mentions


def pages(folder, fragment=""):
    """The rendered document pages of a report folder, taken together: their marks, texts and
    notes, the script's counts (summed over the pages) and its "Showing N of M" (summed)."""
    merged = DOM("")
    counts = collections.Counter()
    shown = [0, 0]
    for page in sorted((folder / "docs").glob("*.html"), key=lambda p: int(p.stem)):
        dom = DOM(chromium("--dump-dom", url=page.as_uri() + fragment))
        assert dom.scripts == 1
        merged.marks += dom.marks
        merged.texts += dom.texts
        merged.notes += dom.notes
        merged.external += dom.external
        for key, value in dom.counts.items():
            counts[key] += int(value)
        match = re.fullmatch(r"Showing (\d+) of (\d+) mentions", dom.shown)
        assert match, dom.shown
        shown[0] += int(match[1])
        shown[1] += int(match[2])
    merged.counts = counts
    merged.shown = f"Showing {shown[0]} of {shown[1]} mentions"
    return merged


def by(mentions, field):
    return collections.Counter(m[field] if field == "kind" else m["extractor"].split("@")[0] for m in mentions)


def test_overview_numbers_are_the_datasets(corpus):
    folder, mentions = corpus
    html = chromium("--dump-dom", url=(folder / "report/index.html").as_uri())
    dom = DOM(html)
    documents = [json.loads(line) for line in (folder / "dataset/documents.jsonl").read_text().splitlines()]
    assert f'<span id="total-documents">{len(documents)}</span>' in html
    assert f'<span id="total-mentions">{len(mentions)}</span>' in html
    assert dom.marks == [] and dom.external == []
    rows = collections.defaultdict(list)
    for row in dom.rows:
        rows[next(key for key in ("data-program", "data-name", "data-year", "data-doc", "data-kind") if key in row)].append(row)

    # Kinds: mentions and documents per kind.
    kinds = {kind: (count, len({m["doc"] for m in mentions if m["kind"] == kind})) for kind, count in by(mentions, "kind").items()}
    assert {r["data-kind"]: (int(r["data-mentions"]), int(r["data-documents"])) for r in rows["data-kind"] if int(r["data-mentions"])} == kinds

    # Programs and exercises: mentions, documents and editions per name.
    names = collections.defaultdict(lambda: [0, set(), set()])
    for m in mentions:
        if m["kind"] in ("program", "exercise"):
            entry = names[(m["kind"], m["value"]["name"])]
            entry[0] += 1
            entry[1].add(m["doc"])
            entry[2].update(m["value"][k] for k in ("year", "edition") if k in m["value"])
    shown = {(r["data-kind"], r["data-name"]): (int(r["data-mentions"]), int(r["data-documents"]), r["data-editions"]) for r in rows["data-name"]}
    assert shown == {key: (n, len(docs), ",".join(map(str, sorted(eds)))) for key, (n, docs, eds) in names.items()}
    assert len(shown) > 5

    # Money per program: amounts in a sentence that names the program, restatements left out.
    money = collections.Counter()
    sentences = collections.defaultdict(list)
    for m in mentions:
        sentences[(m["doc"], m["sentence"]["index"])].append(m)
    for group in sentences.values():
        programs = {m["value"]["name"] for m in group if m["kind"] == "program"}
        for m in group:
            if m["kind"] == "money" and "equivalentOf" not in m:
                for program in programs:
                    money[(program, m["value"]["currency"])] += decimal.Decimal(str(m["value"]["amount"]))
    shown = {(r["data-program"], r["data-currency"]): decimal.Decimal(r["data-total"]) for r in rows["data-program"]}
    assert shown == dict(money)

    # Timeline: dated mentions by dateStart's year.
    years = collections.Counter(int(m["dateStart"][:4]) for m in mentions if "dateStart" in m)
    assert {int(r["data-year"]): int(r["data-count"]) for r in rows["data-year"]} == years and years

    # Documents: every one, in input order, with its mentions and a link to its page.
    per_doc = collections.Counter(m["doc"] for m in mentions)
    assert [(r["data-doc"], int(r["data-mentions"])) for r in rows["data-doc"]] == [(d["id"], per_doc[d["id"]]) for d in documents]
    assert len(list((folder / "report/docs").glob("*.html"))) == len(documents)


def test_rendered_pages_highlight_every_mention_by_kind_and_plugin(corpus):
    folder, mentions = corpus
    dom = pages(folder / "report")
    assert len(mentions) > 100
    assert collections.Counter(m["data-kind"] for m in dom.marks) == by(mentions, "kind")
    assert collections.Counter(m["data-plugin"] for m in dom.marks) == by(mentions, "plugin")
    # The counts are written by the page's script (the HTML leaves them empty).
    assert {k: v for (field, k), v in dom.counts.items() if field == "kind"} == by(mentions, "kind")
    assert {k: v for (field, k), v in dom.counts.items() if field == "plugin"} == by(mentions, "plugin")
    assert dom.shown == f"Showing {len(mentions)} of {len(mentions)} mentions"
    # Every mention is focusable and carries its value and rule; the texts are the records'.
    assert all(m.get("tabindex") == "0" and "off" not in m["class"] for m in dom.marks)
    expected = sorted((m["text"], json.dumps(m["value"], separators=(",", ":"), ensure_ascii=False), m["rule"]) for m in mentions)
    actual = sorted((m["text"], json.dumps(json.loads(m["data-value"]), separators=(",", ":"), ensure_ascii=False), m["data-rule"]) for m in dom.marks)
    assert actual == expected
    assert dom.external == []


def test_kind_filter_from_the_url_fragment_hides_that_kind_only(corpus):
    folder, mentions = corpus
    dom = pages(folder / "report", "#hide=kind%3Adate")
    dates = sum(1 for m in mentions if m["kind"] == "date")
    off = [m for m in dom.marks if "off" in m["class"].split()]
    assert dates > 0 and len(off) == dates
    assert all(m["data-kind"] == "date" and m["tabindex"] == "-1" for m in off)
    assert dom.counts[("kind", "date")] == 0
    assert dom.counts[("kind", "money")] == by(mentions, "kind")["money"]
    assert dom.shown == f"Showing {len(mentions) - dates} of {len(mentions)} mentions"


def test_plugin_filter_hides_that_plugins_mentions(corpus):
    folder, mentions = corpus
    dom = pages(folder / "report", "#hide=plugin%3Aprograms")
    off = [m for m in dom.marks if "off" in m["class"].split()]
    assert len(off) == by(mentions, "plugin")["programs"] and all(m["data-plugin"] == "programs" for m in off)


def test_text_is_escaped_and_a_gone_source_lists_its_mentions(tmp_path):
    text = 'Fees <script>alert("x")</script> & "quotes" rose by $5 million on 3 March 2020 — café.'
    source = tmp_path / "docs.jsonl"
    source.write_text(json.dumps({"id": "a<b>", "text": text}, ensure_ascii=False) + "\n")
    glean("run", str(source), "--out", str(tmp_path / "dataset"), "--quiet")
    glean("report", str(tmp_path / "dataset"), "--html", str(tmp_path / "report"))
    dom = DOM(chromium("--dump-dom", url=(tmp_path / "report/docs/1.html").as_uri()))
    assert dom.texts == [text] and dom.scripts == 1
    assert sorted(m["text"] for m in dom.marks) == ["$5 million", "3 March 2020"]

    source.unlink()
    glean("report", str(tmp_path / "dataset"), "--html", str(tmp_path / "gone"))
    dom = DOM(chromium("--dump-dom", url=(tmp_path / "gone/docs/1.html").as_uri()))
    assert dom.texts == [] and len(dom.notes) == 1 and "is gone" in dom.notes[0]
    assert sorted(m["text"] for m in dom.marks) == ["$5 million", "3 March 2020"]


def test_screenshot_renders_on_desktop_and_phone_widths(corpus):
    folder, _ = corpus
    for page in ("index.html", "docs/1.html"):
        for size in ("1280,900", "390,844"):
            shot = folder / f"shot-{page.replace('/', '-')}-{size.replace(',', 'x')}.png"
            chromium(f"--screenshot={shot}", f"--window-size={size}", "--hide-scrollbars", url=(folder / "report" / page).as_uri())
            data = shot.read_bytes()
            assert data[:8] == b"\x89PNG\r\n\x1a\n"
            width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
            assert (width, height) == tuple(int(n) for n in size.split(","))
