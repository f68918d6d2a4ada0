import Foundation
import GleanerCore
import Testing

/// `glean report`: the pages' contents as written (the rendered DOM is checked in a real
/// browser by Tests/ReportBrowserTests).
@Suite struct ReportTests {
    func dataset(_ records: String) throws -> (folder: URL, source: URL) {
        let folder = GleanProcess.temporaryDirectory()
        let source = folder.appendingPathComponent("docs.jsonl")
        try records.write(to: source, atomically: true, encoding: .utf8)
        let run = try GleanProcess.run(["run", source.path, "--out", folder.appendingPathComponent("dataset").path, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        return (folder, source)
    }

    func occurrences(of needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    func page(_ folder: URL, _ path: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func reportIsAFolderOfPagesWithEveryMentionMarked() throws {
        let (folder, _) = try dataset(#"{"id": "d1", "text": "Japan lent $5 million on 3 March 2020 for Make in India."}"# + "\n")
        let out = folder.appendingPathComponent("report")
        let result = try GleanProcess.run(["report", folder.appendingPathComponent("dataset").path, "--html", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        // `Japan` (party), `$5 million`, `3 March 2020`, `Make in India`.
        #expect(result.stdout == "1 documents, 4 mentions -> \(out.path)/index.html\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["docs", "index.html", "report.css", "report.js"])
        let html = try page(out, "docs/1.html")
        #expect(html.hasPrefix("<!doctype html>"))
        #expect(html.contains(#"<meta name="viewport" content="width=device-width, initial-scale=1">"#))
        #expect(!html.contains("http://") && !html.contains("https://"))
        #expect(html.contains(#"<script src="../report.js"></script>"#) && html.contains(#"<link rel="stylesheet" href="../report.css">"#))
        #expect(occurrences(of: "<mark class=\"m ", in: html) == 4)
        #expect(html.contains(#"data-kind="money" data-plugin="money" data-extractor="money@1.0.0" data-rule="pre" data-value="{&quot;amount&quot;: 5000000, &quot;currency&quot;: &quot;USD&quot;}" data-span="11-21">$5 million</mark>"#))
        #expect(html.contains(#"<input type="checkbox" checked data-filter="kind" value="date">"#))
        #expect(html.contains(#"<input type="checkbox" checked data-filter="plugin" value="programs">"#))
    }

    @Test func everythingFromTheDataIsEscaped() throws {
        let text = #"<img src=x onerror=alert(1)> & 'q' "x" on 3 March 2020"#
        let (folder, _) = try dataset(JSONWriter.string(.object([("id", .string("<b>&")), ("text", .string(text))])) + "\n")
        let out = folder.appendingPathComponent("report")
        _ = try GleanProcess.run(["report", folder.appendingPathComponent("dataset").path, "--html", out.path])
        let html = try page(out, "docs/1.html")
        #expect(!html.contains("<img") && !html.contains("<b>&"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt; &amp; &#39;q&#39; &quot;x&quot; on <mark"))
        #expect(html.contains(#"<h2 id="doc-title">&lt;b&gt;&amp;</h2>"#))
        let index = try page(out, "index.html")
        #expect(!index.contains("<b>&") && index.contains(#"<a href="docs/1.html">&lt;b&gt;&amp;</a>"#))
    }

    @Test func aDocumentWhoseSourceIsGoneOrChangedListsItsMentionsWithoutText() throws {
        let (folder, source) = try dataset(#"{"id": "d1", "text": "Talks on 3 March 2020."}"# + "\n")
        try #"{"id": "d1", "text": "Talks on 4 March 2020."}"#.write(to: source, atomically: true, encoding: .utf8)
        let changed = folder.appendingPathComponent("changed")
        let result = try GleanProcess.run(["report", folder.appendingPathComponent("dataset").path, "--html", changed.path])
        #expect(result.stdout == "1 documents, 1 mentions -> \(changed.path)/index.html (1 without text: source gone or changed)\n")
        let html = try page(changed, "docs/1.html")
        #expect(html.contains("<p class=\"note\">\(source.path):1 changed since the run; its text is not shown</p>"))
        #expect(html.contains(#"data-span="9-21">3 March 2020</mark> <span class="where">[9, 21)</span></li>"#))
        try FileManager.default.removeItem(at: source)
        let gone = folder.appendingPathComponent("gone")
        _ = try GleanProcess.run(["report", folder.appendingPathComponent("dataset").path, "--html", gone.path])
        #expect(try page(gone, "docs/1.html").contains("<p class=\"note\">\(source.path):1 is gone; only the mentions are listed</p>"))
    }

    @Test func aFolderThatIsNotADatasetExitsWith2() throws {
        let out = GleanProcess.temporaryDirectory().appendingPathComponent("report")
        let result = try GleanProcess.run(["report", GleanProcess.temporaryDirectory().path, "--html", out.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("documents.jsonl: cannot read the file (is "))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func theOverviewCountsKindsNamesMoneyByProgramAndYears() throws {
        let text = "Japan gave 50 billion JPY (about $460 million USD) to the Smart Cities Mission in 2019. "
            + "The Smart Cities Mission got $5 million more in March 2020. JIMEX-18 and JIMEX 2019 followed."
        let (folder, _) = try dataset(JSONWriter.string(.object([("id", .string("d1")), ("text", .string(text))])) + "\n")
        let out = folder.appendingPathComponent("report")
        let result = try GleanProcess.run(["report", folder.appendingPathComponent("dataset").path, "--html", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let index = try page(out, "index.html")
        #expect(index.contains(#"<span id="total-documents">1</span> documents"#))
        #expect(index.contains(#"<tr data-kind="money" data-mentions="3" data-documents="1"><th scope="row"><span class="swatch k1" aria-hidden="true"></span> money</th><td class="n">3</td><td class="n">1</td></tr>"#))
        // The restated $460 million is not counted again; each currency has its own row.
        #expect(index.contains(#"<tr data-program="Smart Cities Mission" data-currency="JPY" data-total="50000000000">"#))
        #expect(index.contains(#"<tr data-program="Smart Cities Mission" data-currency="USD" data-total="5000000">"#))
        #expect(index.contains(#"<td class="n">50,000,000,000</td>"#))
        #expect(index.contains(#"data-kind="exercise" data-name="JIMEX" data-mentions="2" data-documents="1" data-editions="2018,2019"><th scope="row">JIMEX</th><td>exercise</td><td></td><td class="editions">2018, 2019</td>"#))
        #expect(index.contains(#"<li data-year="2019" data-count="1">"#) && index.contains(#"<li data-year="2020" data-count="1">"#))
        #expect(!index.contains("<mark"))
    }

    @Test func anOutputThatIsNeitherAReportNorEmptyIsRefusedAndLeftAsItWas() throws {
        let (folder, _) = try dataset(#"{"id": "d1", "text": "Talks on 3 March 2020."}"# + "\n")
        let other = folder.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try "mine".write(to: other.appendingPathComponent("keep.txt"), atomically: true, encoding: .utf8)
        let refused = try GleanProcess.run(["report", folder.appendingPathComponent("dataset").path, "--html", other.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("neither empty nor a report glean wrote"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: other.path) == ["keep.txt"])
        let file = try GleanProcess.run(["report", folder.appendingPathComponent("dataset").path, "--html", folder.appendingPathComponent("r.html").path])
        #expect(file.status == 2 && file.stderr.contains("name a folder"))
        // An earlier report is replaced.
        let out = folder.appendingPathComponent("report")
        for _ in 0..<2 {
            let result = try GleanProcess.run(["report", folder.appendingPathComponent("dataset").path, "--html", out.path])
            #expect(result.status == 0, "\(result.stderr)")
        }
        // No temporary folder is left (the run's lock file beside its dataset stays, by design).
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.contains("glean-") && !$0.hasSuffix(".glean-lock") } == [])
    }
}
