import Foundation
import GleanerCore
import Testing

/// `glean text`: the documents `glean run` reads (same ids, order, text), as the JSON Lines
/// records `glean stream` reads, so that `glean text X | glean stream` gives `glean run X`'s mentions.
@Suite struct TextCommandTests {
    func parse(_ output: String) throws -> [JSONValue] {
        try output.split(separator: "\n").map { try JSONParser.parse(String($0)) }
    }

    /// `glean run PATHS`'s mentions.jsonl, and `glean text PATHS | glean stream`'s mention lines.
    func mentionsBothWays(_ paths: [String]) throws -> (run: String, piped: String) {
        let out = GleanProcess.temporaryDirectory().appendingPathComponent("dataset")
        let run = try GleanProcess.run(["run"] + paths + ["--out", out.path, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let text = try GleanProcess.run(["text"] + paths)
        #expect(text.status == 0, "\(text.stderr)")
        let stream = try GleanProcess.run(["stream"], stdin: text.stdout)
        #expect(stream.status == 0, "\(stream.stderr)")
        let mentions = stream.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { $0.hasPrefix("{\"id\": ") }.map { $0 + "\n" }.joined()
        return (try String(contentsOf: out.appendingPathComponent("mentions.jsonl"), encoding: .utf8), mentions)
    }

    /// A folder with a text file and an HTML file whose script, style and comment hold dates.
    func textAndHTMLFolder() throws -> URL {
        let folder = GleanProcess.temporaryDirectory()
        try Data("Paid $5 million in 2019.\n".utf8).write(to: folder.appendingPathComponent("a.txt"))
        let html = """
            <html><head><title>Caf&eacute; report</title><script>var d = "7 July 1999";</script>
            <style>p { color: red } /* 1 January 2000 */</style></head>
            <body><!-- 3 March 2003 --><p>R&amp;D got &#8364;4 million on 4&nbsp;June&nbsp;2024.</p><div>Next:   2025</div></body></html>
            """
        try Data(html.utf8).write(to: folder.appendingPathComponent("b.html"))
        return folder
    }

    @Test func aTextAndAnHTMLFileGiveTheirIdsAndVisibleText() throws {
        let folder = try textAndHTMLFolder()
        let result = try GleanProcess.run(["text", folder.path, "--html-text", "page"])
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
        let records = try parse(result.stdout)
        #expect(records.map { $0.objectPairs?.map(\.0) ?? [] } == [["id", "text"], ["id", "text", "title"]])
        #expect(records.map { $0["id"]?.stringValue ?? "" } == ["a", "b"])
        #expect(records[0]["text"]?.stringValue == "Paid $5 million in 2019.\n")
        // Script, style and comment dropped, entities decoded, a line break per block element
        // (the title's, then the source's two between the head's elements).
        #expect(records[1]["text"]?.stringValue == "Café report\n\n\nR&D got €4 million on 4\u{A0}June\u{A0}2024.\nNext:   2025\n")
        // A file named alone gets its bare name.
        let alone = try GleanProcess.run(["text", folder.appendingPathComponent("b.html").path, "--html-text", "page"])
        #expect(try parse(alone.stdout).map { $0["id"]?.stringValue ?? "" } == ["b"])
        #expect(try parse(alone.stdout)[0]["text"] == records[1]["text"])
    }

    @Test func mixedInputsGiveRunsDocumentsWithTheirMeta() throws {
        let result = try GleanProcess.run(["text", InputTests.mixed])
        #expect(result.status == 0, "\(result.stderr)")
        let records = try parse(result.stdout)
        #expect(records.map { $0["id"]?.stringValue ?? "" }
            == ["empty", "wire/3", "news/2024/x", "news/2024/y", "news/2024/z", "notes", "plain", "wire/1", "wire/2"])
        #expect(records[2]["text"]?.stringValue == InputTests.htmlText)
        #expect(records[4]["text"]?.stringValue == "Held on 1 April 2023.\n")
        #expect(records[6]["text"]?.stringValue == "On 12 March 2021 the ministry approved $4.5 billion for Operation Sindoor.\n")
        // A JSON Lines record's other fields follow, in their order, as glean stream's meta.
        #expect(JSONWriter.string(records[7])
            == #"{"id": "wire/1", "text": "Signed on 2 January 2020 for $10 million.", "published": "2020-01-03", "source": "wire"}"#)
        let html = try GleanProcess.run(["text", InputTests.mixed, "--include", "*.html", "--include", "*.html.gz"])
        #expect(try parse(html.stdout).map { $0["id"]?.stringValue ?? "" } == ["news/2024/x", "news/2024/z"])
    }

    @Test func pipedIntoStreamItGivesRunsMentions() throws {
        let folder = try textAndHTMLFolder()
        let small = try mentionsBothWays([folder.path])
        #expect(small.run.contains("\"doc\": \"b\"") && !small.run.contains("1999") && !small.run.contains("2003"))
        #expect(small.piped == small.run)
        let mixed = try mentionsBothWays([InputTests.mixed])
        #expect(mixed.run.contains("\"doc\": \"news/2024/x\"") && mixed.run.contains("\"doc\": \"wire/1\""))
        #expect(mixed.piped == mixed.run)
    }

    @Test func unreadableFilesAreNamedAndExitWith1BadInputsWith2() throws {
        let folder = try textAndHTMLFolder()
        try Data([0x3C, 0x70, 0x3E, 0x00, 0x01]).write(to: folder.appendingPathComponent("c.html"))
        let result = try GleanProcess.run(["text", folder.path])
        #expect(result.status == 1)
        #expect(result.stderr == "glean: \(folder.path)/c.html: binary file (NUL byte at offset 3): skipped\n"
            + "glean: 1 document(s) could not be read\n")
        #expect(try parse(result.stdout).map { $0["id"]?.stringValue ?? "" } == ["a", "b"])
        let quiet = try GleanProcess.run(["text", folder.path, "--quiet"])
        #expect(quiet.status == 1 && quiet.stderr.isEmpty)

        let missing = try GleanProcess.run(["text", folder.appendingPathComponent("none.html").path])
        #expect(missing.status == 2 && missing.stdout.isEmpty)
        #expect(missing.stderr == "glean: error: \(folder.appendingPathComponent("none.html").path): no such file or folder\n")
        // Two documents with one id: an error naming both, before anything is written.
        try Data("x".utf8).write(to: folder.appendingPathComponent("a.htm"))
        let duplicate = try GleanProcess.run(["text", folder.path])
        #expect(duplicate.status == 2 && duplicate.stdout.isEmpty)
        #expect(duplicate.stderr == "glean: error: duplicate document id 'a' in \(folder.path)/a.htm and \(folder.path)/a.txt\n")
    }
}
