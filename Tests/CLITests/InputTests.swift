import Foundation
import GleanerCore
import Testing

/// `glean run` on mixed inputs: formats, ids, globs, standard input, unreadable documents,
/// --summary-json and the progress line.
@Suite struct InputTests {
    static let mixed = "Tests/CLITests/Fixtures/mixed"
    /// What `glean run` reads from Fixtures/mixed/news/2024/x.html, as CONTRACT.md defines it:
    /// the article (the title line, then one line per block, whitespace collapsed; script,
    /// style and comment dropped).
    static let htmlText = "Talks on 5 May 2024\nBudget & plans\nThe deal, worth\u{A0}$90 billion, was signed on "
        + "4\u{A0}June\u{A0}2024.\nTalks resume in 2025.\n2019\n2020\n$5\n2021\n"
    /// Its whole visible text (`--html-text page`): the source's own line breaks between
    /// elements are kept (four after the title: after </title>, </style>, </head> and the
    /// comment), block ends add one where none is.
    static let htmlPageText = "Talks on 5 May 2024\n\n\n\n\nBudget & plans\nThe deal, worth\u{A0}$90 billion, was signed on "
        + "4\u{A0}June\u{A0}2024.\nTalks resume   in 2025.\n\n2019\n2020\n$5\n2021\n\n"

    func lines(_ url: URL) throws -> [JSONValue] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { try JSONParser.parse(String($0)) }
    }

    func run(_ arguments: [String], stdin: String? = nil) throws -> (GleanProcess.Output, URL) {
        let out = GleanProcess.temporaryDirectory().appendingPathComponent("dataset")
        return (try GleanProcess.run(["run"] + arguments + ["--out", out.path], stdin: stdin), out)
    }

    @Test func mixedFolderBecomesOneDatasetWithContractIds() throws {
        let (result, out) = try run([Self.mixed])
        #expect(result.status == 0, "\(result.stderr)")
        let documents = try lines(out.appendingPathComponent("documents.jsonl"))
        #expect(documents.map { $0["id"]?.stringValue ?? "" }
            == ["empty", "wire/3", "news/2024/x", "news/2024/y", "news/2024/z", "notes", "plain", "wire/1", "wire/2"])
        #expect(documents[1]["source"]?.stringValue == "\(Self.mixed)/more.jsonl.gz:1")
        #expect(documents[7]["meta"] == .object([("published", .string("2020-01-03")), ("source", .string("wire"))]))
        #expect(documents[2]["codePoints"] == .int(Self.htmlText.unicodeScalars.count))
        #expect(documents[2]["sha256"]?.stringValue == SHA256.hex(Self.htmlText.utf8))
        #expect(documents[2]["meta"] == .object([("title", .string("Talks on 5 May 2024"))]))
        // Mentions in HTML point into the visible text, and their text is its slice.
        let html = Array(Self.htmlText.unicodeScalars)
        let mentions = try lines(out.appendingPathComponent("mentions.jsonl")).filter { $0["doc"]?.stringValue == "news/2024/x" }
        #expect(mentions.map { $0["text"]?.stringValue ?? "" } == ["5 May 2024", "$90 billion", "4\u{A0}June\u{A0}2024", "2025", "2019", "2020", "$5", "2021"])
        for mention in mentions {
            guard case .number(let s)? = mention["start"], case .number(let e)? = mention["end"],
                  let start = Int(s.description), let end = Int(e.description) else { Issue.record("offsets"); continue }
            var slice = String.UnicodeScalarView()
            slice.append(contentsOf: html[start..<end])
            #expect(String(slice) == mention["text"]?.stringValue)
        }
        // The Markdown file's CRLF line endings are kept: offsets count the `\r`s.
        let notes = try lines(out.appendingPathComponent("mentions.jsonl")).first { $0["doc"]?.stringValue == "notes" }
        #expect(notes?["start"] == .int(15) && notes?["text"]?.stringValue == "FY2019")
    }

    @Test func htmlTextPageReadsTheWholeVisibleText() throws {
        let (result, out) = try run(["\(Self.mixed)/news/2024/x.html", "--html-text", "page"])
        #expect(result.status == 0, "\(result.stderr)")
        let documents = try lines(out.appendingPathComponent("documents.jsonl"))
        #expect(documents.first?["sha256"]?.stringValue == SHA256.hex(Self.htmlPageText.utf8))
    }

    @Test func anHTMLPagesPublishedDateIsTheReferenceDateOfYearlessDates() throws {
        let folder = GleanProcess.temporaryDirectory()
        try Data("""
            <html><head><title>Talks resume</title><meta property="article:published_time" content="2019-06-01T10:00:00Z"></head>
            <body><p>The talks will resume on 5 March, the ministry said.</p></body></html>
            """.utf8).write(to: folder.appendingPathComponent("a.html"))
        let (result, out) = try run([folder.path, "--kinds", "date"])
        #expect(result.status == 0, "\(result.stderr)")
        let mentions = try lines(out.appendingPathComponent("mentions.jsonl"))
        #expect(mentions.map { $0["value"] } == [.string("2019-03-05")])
        #expect(mentions.first?["inferred"] == .array([.string("year")]))
        let documents = try lines(out.appendingPathComponent("documents.jsonl"))
        #expect(documents.first?["meta"]?["published"] == .string("2019-06-01T10:00:00Z"))
    }

    @Test func includeAndExcludeGlobsSelectFilesByRelativePath() throws {
        let (html, htmlOut) = try run([Self.mixed, "--include", "*.html", "--include", "*.html.gz"])
        #expect(html.status == 0, "\(html.stderr)")
        #expect(try lines(htmlOut.appendingPathComponent("documents.jsonl")).map { $0["id"]?.stringValue ?? "" } == ["news/2024/x", "news/2024/z"])
        let (rest, restOut) = try run([Self.mixed, "--exclude", "news/**", "--exclude", "*.jsonl*"])
        #expect(rest.status == 0, "\(rest.stderr)")
        #expect(try lines(restOut.appendingPathComponent("documents.jsonl")).map { $0["id"]?.stringValue ?? "" } == ["empty", "notes", "plain"])
    }

    @Test func standardInputAndFoldersCombine() throws {
        let (result, out) = try run(["-", "\(Self.mixed)/plain.txt"], stdin: "{\"id\": \"in/1\", \"text\": \"Paid $3 in 2001.\"}\n")
        #expect(result.status == 0, "\(result.stderr)")
        let documents = try lines(out.appendingPathComponent("documents.jsonl"))
        #expect(documents.map { $0["source"]?.stringValue ?? "" } == ["<stdin>:1", "\(Self.mixed)/plain.txt"])
        #expect(documents.map { $0["id"]?.stringValue ?? "" } == ["in/1", "plain"])
    }

    @Test func unreadableDocumentsFailAloneAndTheRunExitsWith1() throws {
        let folder = GleanProcess.temporaryDirectory()
        try Data("Paid $5 in 2019.".utf8).write(to: folder.appendingPathComponent("a.txt"))
        try Data([0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01]).write(to: folder.appendingPathComponent("b.bin"))
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("c.txt").path, withDestinationPath: "/nonexistent/x")
        let (result, out) = try run([folder.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("glean: \(folder.path)/b.bin: binary file (NUL byte at offset 4): skipped"))
        #expect(result.stderr.contains("glean: \(folder.path)/c.txt: broken symbolic link"))
        let documents = try lines(out.appendingPathComponent("documents.jsonl"))
        #expect(documents.map { "\($0["id"]?.stringValue ?? "") \($0["status"]?.stringValue ?? "") \($0["error"]?.stringValue ?? "")" }
            == ["a ok ", "b error binary file (NUL byte at offset 4): skipped", "c error broken symbolic link"])
        #expect(try lines(out.appendingPathComponent("mentions.jsonl")).count == 2)
    }

    @Test func summaryJSONGoesToAFileOrStandardOutput() throws {
        let (result, out) = try run([Self.mixed, "--summary-json", "-"])
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try JSONParser.parse(result.stdout)
        #expect(summary.objectPairs?.map(\.0) == ["documents", "failed", "bytes", "mentions", "kinds", "seconds", "out", "exitCode"])
        #expect(summary["documents"] == .int(9) && summary["failed"] == .int(0) && summary["out"]?.stringValue == out.path)
        #expect(summary["mentions"] == .int(try lines(out.appendingPathComponent("mentions.jsonl")).count))
        #expect(result.stderr.hasPrefix("9 documents, "))
        let file = GleanProcess.temporaryDirectory().appendingPathComponent("summary.json")
        let (quiet, _) = try run([Self.mixed, "--summary-json", file.path, "--quiet"])
        #expect(quiet.status == 0 && quiet.stdout.isEmpty && quiet.stderr.isEmpty)
        #expect(try JSONParser.parse(String(contentsOf: file, encoding: .utf8))["documents"] == .int(9))
    }

    @Test func progressLineOnlyOnATerminal() throws {
        let (piped, _) = try run(["Corpus/articles"])
        #expect(piped.stderr.isEmpty)
        // On a terminal the line is drawn, then erased before the summary.
        let out = GleanProcess.temporaryDirectory().appendingPathComponent("dataset")
        guard let (status, screen) = try GleanProcess.runOnTerminal(["run", "Corpus/articles", "--out", out.path]) else { return }
        #expect(status == 0, "\(screen)")
        #expect(screen.contains("\r5/5 docs  "))
        #expect(screen.contains(" MB/s  ETA 0:00  mentions "))
        #expect(screen.contains("\r\u{1B}[K5 documents, "))
    }
}
