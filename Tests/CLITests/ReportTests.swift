import Foundation
import GleanerCore
import Testing

/// `glean report`: the page's contents as written (the rendered DOM is checked in a real
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

    @Test func reportIsOneSelfContainedPageWithEveryMentionMarked() throws {
        let (folder, _) = try dataset(#"{"id": "d1", "text": "Japan lent $5 million on 3 March 2020 for Make in India."}"# + "\n")
        let out = folder.appendingPathComponent("report.html")
        let result = try GleanProcess.run(["report", folder.appendingPathComponent("dataset").path, "--html", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        // `Japan` (party), `$5 million`, `3 March 2020`, `Make in India`.
        #expect(result.stdout == "1 documents, 4 mentions -> \(out.path)\n")
        let html = try String(contentsOf: out, encoding: .utf8)
        #expect(html.hasPrefix("<!doctype html>"))
        #expect(html.contains(#"<meta name="viewport" content="width=device-width, initial-scale=1">"#))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains(" src="))
        #expect(occurrences(of: "<mark class=\"m ", in: html) == 4)
        #expect(html.contains(#"data-kind="money" data-plugin="money" data-extractor="money@1.0.0" data-rule="pre" data-value="{&quot;amount&quot;: 5000000, &quot;currency&quot;: &quot;USD&quot;}" data-span="11-21">$5 million</mark>"#))
        #expect(html.contains(#"<input type="checkbox" checked data-filter="kind" value="date">"#))
        #expect(html.contains(#"<input type="checkbox" checked data-filter="plugin" value="programs">"#))
    }

    @Test func everythingFromTheDataIsEscaped() throws {
        let text = #"<img src=x onerror=alert(1)> & 'q' "x" on 3 March 2020"#
        let (folder, _) = try dataset(JSONWriter.string(.object([("id", .string("<b>&")), ("text", .string(text))])) + "\n")
        let out = folder.appendingPathComponent("report.html")
        _ = try GleanProcess.run(["report", folder.appendingPathComponent("dataset").path, "--html", out.path])
        let html = try String(contentsOf: out, encoding: .utf8)
        #expect(!html.contains("<img") && !html.contains("<b>&"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt; &amp; &#39;q&#39; &quot;x&quot; on <mark"))
        #expect(html.contains(#"<h2 id="doc-1-title">&lt;b&gt;&amp;</h2>"#))
    }

    @Test func aDocumentWhoseSourceIsGoneOrChangedListsItsMentionsWithoutText() throws {
        let (folder, source) = try dataset(#"{"id": "d1", "text": "Talks on 3 March 2020."}"# + "\n")
        try #"{"id": "d1", "text": "Talks on 4 March 2020."}"#.write(to: source, atomically: true, encoding: .utf8)
        let changed = folder.appendingPathComponent("changed.html")
        let result = try GleanProcess.run(["report", folder.appendingPathComponent("dataset").path, "--html", changed.path])
        #expect(result.stdout == "1 documents, 1 mentions -> \(changed.path) (1 without text: source gone or changed)\n")
        let html = try String(contentsOf: changed, encoding: .utf8)
        #expect(html.contains("<p class=\"note\">\(source.path):1 changed since the run; its text is not shown</p>"))
        #expect(html.contains(#"data-span="9-21">3 March 2020</mark> <span class="where">[9, 21)</span></li>"#))
        try FileManager.default.removeItem(at: source)
        let gone = folder.appendingPathComponent("gone.html")
        _ = try GleanProcess.run(["report", folder.appendingPathComponent("dataset").path, "--html", gone.path])
        #expect(try String(contentsOf: gone, encoding: .utf8).contains("<p class=\"note\">\(source.path):1 is gone; only the mentions are listed</p>"))
    }

    @Test func aFolderThatIsNotADatasetExitsWith2() throws {
        let result = try GleanProcess.run(["report", GleanProcess.temporaryDirectory().path, "--html", "/dev/null"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("documents.jsonl: cannot read the file (is "))
    }
}
