"""Renders `glean report` pages in headless Chromium and checks the DOM after the page's
script ran: highlighted mentions per kind and plugin match the dataset, filters (driven
through the URL fragment) hide what they should, counts are the script's, text is escaped,
and a document whose source is gone still lists its mentions.

Needs the built `glean` (GLEAN=path, else .build/debug/glean) and Debian's `chromium`.
"""
import collections
import json
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
        self._open = []  # [what, attributes, text parts, depth] of the elements being read
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script":
            self.scripts += 1
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
    glean("report", str(folder / "dataset"), "--html", str(folder / "report.html"))
    mentions = [json.loads(line) for line in (folder / "dataset/mentions.jsonl").read_text().splitlines()]
    return folder, mentions


def by(mentions, field):
    return collections.Counter(m[field] if field == "kind" else m["extractor"].split("@")[0] for m in mentions)


def test_rendered_page_highlights_every_mention_by_kind_and_plugin(corpus):
    folder, mentions = corpus
    dom = DOM(chromium("--dump-dom", url=(folder / "report.html").as_uri()))
    assert len(mentions) > 100
    assert collections.Counter(m["data-kind"] for m in dom.marks) == by(mentions, "kind")
    assert collections.Counter(m["data-plugin"] for m in dom.marks) == by(mentions, "plugin")
    # The counts are written by the page's script (the HTML leaves them empty).
    assert {k: int(v) for (field, k), v in dom.counts.items() if field == "kind"} == by(mentions, "kind")
    assert {k: int(v) for (field, k), v in dom.counts.items() if field == "plugin"} == by(mentions, "plugin")
    assert dom.shown == f"Showing {len(mentions)} of {len(mentions)} mentions"
    # Every mention is focusable and carries its value and rule; the texts are the records'.
    assert all(m.get("tabindex") == "0" and "off" not in m["class"] for m in dom.marks)
    expected = sorted((m["text"], json.dumps(m["value"], separators=(",", ":"), ensure_ascii=False), m["rule"]) for m in mentions)
    actual = sorted((m["text"], json.dumps(json.loads(m["data-value"]), separators=(",", ":"), ensure_ascii=False), m["data-rule"]) for m in dom.marks)
    assert actual == expected
    assert dom.external == [] and dom.scripts == 1


def test_kind_filter_from_the_url_fragment_hides_that_kind_only(corpus):
    folder, mentions = corpus
    dom = DOM(chromium("--dump-dom", url=(folder / "report.html").as_uri() + "#hide=kind%3Adate"))
    dates = sum(1 for m in mentions if m["kind"] == "date")
    off = [m for m in dom.marks if "off" in m["class"].split()]
    assert dates > 0 and len(off) == dates
    assert all(m["data-kind"] == "date" and m["tabindex"] == "-1" for m in off)
    assert dom.counts[("kind", "date")] == "0"
    assert dom.counts[("kind", "money")] == str(by(mentions, "kind")["money"])
    assert dom.shown == f"Showing {len(mentions) - dates} of {len(mentions)} mentions"


def test_plugin_filter_hides_that_plugins_mentions(corpus):
    folder, mentions = corpus
    dom = DOM(chromium("--dump-dom", url=(folder / "report.html").as_uri() + "#hide=plugin%3Aprograms"))
    off = [m for m in dom.marks if "off" in m["class"].split()]
    assert len(off) == by(mentions, "plugin")["programs"] and all(m["data-plugin"] == "programs" for m in off)


def test_text_is_escaped_and_a_gone_source_lists_its_mentions(tmp_path):
    text = 'Fees <script>alert("x")</script> & "quotes" rose by $5 million on 3 March 2020 — café.'
    source = tmp_path / "docs.jsonl"
    source.write_text(json.dumps({"id": "a<b>", "text": text}, ensure_ascii=False) + "\n")
    glean("run", str(source), "--out", str(tmp_path / "dataset"), "--quiet")
    glean("report", str(tmp_path / "dataset"), "--html", str(tmp_path / "report.html"))
    dom = DOM(chromium("--dump-dom", url=(tmp_path / "report.html").as_uri()))
    assert dom.texts == [text] and dom.scripts == 1
    assert sorted(m["text"] for m in dom.marks) == ["$5 million", "3 March 2020"]

    source.unlink()
    glean("report", str(tmp_path / "dataset"), "--html", str(tmp_path / "gone.html"))
    dom = DOM(chromium("--dump-dom", url=(tmp_path / "gone.html").as_uri()))
    assert dom.texts == [] and len(dom.notes) == 1 and "is gone" in dom.notes[0]
    assert sorted(m["text"] for m in dom.marks) == ["$5 million", "3 March 2020"]


def test_screenshot_renders_on_desktop_and_phone_widths(corpus):
    folder, _ = corpus
    for size in ("1280,900", "390,844"):
        shot = folder / f"shot-{size.replace(',', 'x')}.png"
        chromium(f"--screenshot={shot}", f"--window-size={size}", "--hide-scrollbars", url=(folder / "report.html").as_uri())
        data = shot.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
        assert (width, height) == tuple(int(n) for n in size.split(","))
