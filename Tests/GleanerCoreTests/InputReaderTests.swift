import Foundation
import Testing
@testable import GleanerCore

@Suite struct InputReaderTests {
    func folder(_ files: [String: [UInt8]]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("glean-input-\(UUID().uuidString)")
        for (path, bytes) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        return root.path
    }

    func read(_ paths: [String], filter: PathFilter = PathFilter()) throws -> [DocumentResult] {
        let reader = InputReader(filter: filter)
        return try reader.sources(paths).flatMap { reader.documents(from: $0) }
    }

    func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-nc"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(bytes))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Array(data)
    }

    // The `\n\n`: the source's own line break after </head>, then the line break of <body>'s
    // start is not repeated; the final `\n` ends <body>.
    @Test func htmlVisibleTextDropsScriptStyleAndCommentsAndBreaksLinesAtBlocks() {
        let html = """
            <html><head><title>Talks &amp; plans</title><style>p{}</style><script>var d = "7 July 1999";</script></head>
            <body><!-- 3 March 2003 --><h1>Budget</h1><p>Worth&nbsp;$90   billion,<br>signed in <b>June</b> 2024.</p>\
            <ul><li>2019</li><li>2020</li></ul><table><tr><td>$5</td><td>2021</td></tr></table><div><div>x</div></div>y</body></html>
            """
        #expect(HTMLTextExtractor.text(of: html)
            == "Talks & plans\n\nBudget\nWorth\u{A0}$90   billion,\nsigned in June 2024.\n2019\n2020\n$5\n2021\nx\ny\n")
    }

    @Test func htmlIsParsedAsUTF8WhateverItsMetaCharsetSays() {
        let html = "<meta charset=\"iso-8859-1\"><p>Caf\u{E9} \u{20AC}3m</p>"
        #expect(HTMLTextExtractor.text(of: html) == "Caf\u{E9} \u{20AC}3m\n")
    }

    @Test(arguments: [
        [0x61, 0xFF, 0x62], [0xC3], [0xE2, 0x82], [0xE2, 0x82, 0x41], [0xF0, 0x9F, 0x98], [0xED, 0xA0, 0x80],
        [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80], [0xEF, 0xBF, 0xBD, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE0, 0x80, 0xAF],
    ] as [[UInt8]])
    func invalidUTF8BecomesReplacementCharactersExactlyAsPythonDecodesIt(bytes: [UInt8]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let hex = bytes.map { String(format: "%02x", $0) }.joined()
        process.arguments = ["python3", "-c", "import sys; t = bytes.fromhex('\(hex)').decode('utf-8', errors='replace');"
            + " sys.stdout.write(t.encode('unicode_escape').decode() + ' ' + str(t.count('\\ufffd') - bytes.fromhex('\(hex)').count(b'\\xef\\xbf\\xbd')))"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let python = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let (text, replacements) = TextDecoder.decode(bytes)
        let escaped = text.unicodeScalars.map { $0.isASCII ? String($0) : String(format: "\\u%04x", $0.value) }.joined()
        #expect("\(escaped) \(replacements)" == python)
    }

    /// A file is read straight into its string: the text and the count of replacements are
    /// what decoding its bytes gives, with U+FFFD already in the file not counted.
    @Test func aFileReadInPlaceDecodesAsItsBytesDo() throws {
        let cases: [[UInt8]] = [
            Array("plain ascii".utf8), [0x61, 0xFF, 0x62], [0xF0, 0x9F, 0x98], [0xEF, 0xBF, 0xBD, 0x80],
            [0xEF, 0xBF, 0xBD] + Array("é€".utf8) + [0xE2, 0x82, 0x41, 0xEF], [0xC0, 0xAF, 0xEF, 0xBF],
        ]
        var files: [String: [UInt8]] = [:]
        for (index, bytes) in cases.enumerated() { files["c\(index).txt"] = bytes }
        let results = try read([try folder(files)])
        #expect(results.count == cases.count)
        for (index, bytes) in cases.enumerated() {
            guard case .read(let document, let replacements) = results[index] else {
                Issue.record("c\(index) not read")
                continue
            }
            let (text, expected) = TextDecoder.decode(bytes)
            #expect(document.text == text && Array(document.text.utf8) == Array(text.utf8), "c\(index)")
            #expect(replacements == expected, "c\(index)")
        }
    }

    @Test func noLimitAllowsADocumentPastFourGigabytes() {
        #expect(InputLimits(maxDocumentBytes: 8 << 30).maxDocumentBytes == Int(UInt32.max))
        #expect(InputLimits(maxDocumentBytes: 1 << 30).maxDocumentBytes == 1 << 30)
        #expect(InputLimits.parseSize("4G") == 4 << 30)
    }

    @Test func bomAndCRLFAreKeptAndEmptyFilesAreDocuments() throws {
        let root = try folder(["bom.txt": [0xEF, 0xBB, 0xBF] + Array("a\r\nb".utf8), "empty.txt": []])
        let results = try read([root])
        guard case .read(let bom, let replacements) = results[0], case .read(let empty, _) = results[1] else {
            Issue.record("\(results)"); return
        }
        #expect(bom.text == "\u{FEFF}a\r\nb" && bom.text.unicodeScalars.count == 5 && replacements == 0)
        #expect(empty.id == "empty" && empty.text.isEmpty)
    }

    @Test func idsDropGzipAndOneExtensionAndFoldersAreSortedByBytes() throws {
        let root = try folder(["news/2024/x.html.gz": try gzip(Array("<p>hi</p>".utf8)), "B.txt": [0x62], "a.md": [0x61],
                               "a/b.txt": [0x63], ".hidden.txt": [0x64], "news/.git/config": [0x65], "v1.2.txt": [0x66]])
        let results = try read([root])
        #expect(results.map { $0.id ?? "-" } == ["B", "a", "a/b", "news/2024/x", "v1.2"])
        guard case .read(let html, _) = results[3] else { Issue.record("\(results[3])"); return }
        #expect(html.text == "hi\n")
        #expect(try read([root + "/a.md"]).map { $0.id ?? "-" } == ["a"])
        #expect(DocumentID.forFile(relative: ".profile") == ".profile")
        #expect(DocumentID.forFile(relative: "x.tar.gz") == "x")
    }

    @Test func globsMatchTheRelativePath() throws {
        #expect(PathFilter.matches("*.html", "news/2024/x.html"))
        #expect(!PathFilter.matches("news/*.html", "news/2024/x.html"))
        #expect(PathFilter.matches("news/**/*.html", "news/2024/x.html"))
        #expect(PathFilter.matches("news/**/*.html", "news/x.html"))
        #expect(PathFilter.matches("**/x.htm?", "a/b/x.html"))
        #expect(PathFilter.matches("[!a]*.txt", "b.txt") && !PathFilter.matches("[!a]*.txt", "a.txt"))
        #expect(PathFilter.matches("[0-9][0-9][0-9]_*", "001_x.txt"))
        let root = try folder(["keep/a.txt": [0x61], "keep/b.html": [0x62], "drop/c.txt": [0x63]])
        let results = try read([root], filter: PathFilter(include: ["*.txt", "*.html"], exclude: ["drop/**"]))
        #expect(results.map { $0.id ?? "-" } == ["keep/a", "keep/b"])
    }

    @Test func unreadableDocumentsAreFailuresAndTheRestIsRead() throws {
        let good = try gzip(Array("ok".utf8))
        let root = try folder(["a.txt": Array("fine".utf8), "bin.dat": [0x50, 0x4B, 0x00, 0x01], "c.txt.gz": Array(good.dropLast(6)),
                               "d.txt.gz": Array("not gzip at all".utf8), "e.txt.gz": good + good])
        try FileManager.default.createSymbolicLink(atPath: root + "/b.txt", withDestinationPath: root + "/missing.txt")
        let results = try read([root])
        let summary = results.map { result -> String in
            switch result {
            case .read(let document, _): "\(document.id): \(document.text)"
            case .failed(let id, _, let message): "\(id ?? "-") failed: \(message)"
            }
        }
        #expect(summary == ["a: fine", "b failed: broken symbolic link",
                            "bin failed: binary file (NUL byte at offset 2): skipped",
                            "c failed: not a valid gzip file: unexpected end of file",
                            "d: not gzip at all", "e: okok"])
    }

    @Test func jsonLinesRecordsKeepMetaAndFailOneLineAtATime() throws {
        let long = String(repeating: "word ", count: 40_000)
        let lines = [#"{"id": "a", "text": "x", "published": "2020-01-03", "lang": "en"}"#, "not json", "",
                     #"{"id": "../b", "text": "y"}"#, #"{"id": "c"}"#, #"{"id": "d", "text": "\#(long)"}"#, #"{"id": "e", "text": "\u00e9"}"#]
        let root = try folder(["in.jsonl": Array(lines.joined(separator: "\r\n").utf8) + [0xFF]])
        let results = try read([root + "/in.jsonl"])
        #expect(results.map(\.source) == (1...7).filter { $0 != 3 }.map { "\(root)/in.jsonl:\($0)" })
        guard case .read(let first, _) = results[0], case .read(let long_, _) = results[4] else { Issue.record("\(results)"); return }
        #expect(first.referenceDate == CalendarDate(year: 2020, month: 1, day: 3))
        #expect(first.meta.map(\.0) == ["published", "lang"])
        #expect(long_.text == long)
        guard case .failed(nil, _, let notJSON) = results[1], case .failed(nil, _, let badID) = results[2],
              case .failed("c", _, let noText) = results[3] else { Issue.record("\(results)"); return }
        #expect(notJSON.hasPrefix("not a JSON document record: "))
        #expect(badID == "`id` must be a non-empty string with no NUL, no `..` segment, not starting with `/`")
        #expect(noText == "`text` must be a string")
        // The last line ends with a stray 0xFF: replaced, counted, and then it is not JSON.
        guard case .failed(nil, _, _) = results[5] else { Issue.record("\(results[5])"); return }
    }
}
