import Foundation
import GleanerCore
import Testing

@Suite struct ValidateCommandTests {
    func freshDataset() throws -> URL {
        let out = GleanProcess.temporaryDirectory().appendingPathComponent("dataset")
        let result = try GleanProcess.run(["run", "Corpus/articles", "--out", out.path, "--quiet"])
        #expect(result.status == 0)
        return out
    }

    @Test func aFreshDatasetIsValid() throws {
        let result = try GleanProcess.run(["validate", try freshDataset().path])
        #expect(result.status == 0)
        #expect(result.stdout.hasSuffix("is valid\n"))
    }

    @Test func brokenRecordsAreReportedWithFileAndLine() throws {
        let out = try freshDataset()
        let mentions = out.appendingPathComponent("mentions.jsonl")
        var lines = try String(contentsOf: mentions, encoding: .utf8).split(separator: "\n").map(String.init)
        // Line 1: shift the text; line 2: a bad currency or date value; line 3: not JSON.
        lines[0] = lines[0].replacingOccurrences(of: "\"text\": \"", with: "\"text\": \"X")
        lines[1] = lines[1].replacingOccurrences(of: "\"value\": ", with: "\"value\": {\"amount\": -1}, \"ignored\": ")
        lines[2] = "{not json"
        try (lines.joined(separator: "\n") + "\n").write(to: mentions, atomically: true, encoding: .utf8)
        let result = try GleanProcess.run(["validate", out.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("\(out.path)/mentions.jsonl:1: offsets do not fit the text"))
        #expect(result.stdout.contains("\(out.path)/mentions.jsonl:2: "))
        #expect(result.stdout.contains("\(out.path)/mentions.jsonl:3: not JSON"))
        #expect(result.stdout.contains("documents.jsonl:1: counts."))
    }

    func edit(_ file: URL, line index: Int, _ change: (inout [(String, JSONValue)]) -> Void) throws {
        var lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
        var pairs = try JSONParser.parse(lines[index]).objectPairs ?? []
        change(&pairs)
        lines[index] = JSONWriter.string(.object(pairs))
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
    }

    @Test func everySourceKindIsCheckedAgainstTheTextTheRunUsed() throws {
        // Text, Markdown, HTML, gzipped text and HTML, JSON Lines and gzipped JSON Lines.
        let out = GleanProcess.temporaryDirectory().appendingPathComponent("dataset")
        #expect(try GleanProcess.run(["run", "Tests/CLITests/Fixtures/mixed", "--out", out.path, "--quiet"]).status == 0)
        let fresh = try GleanProcess.run(["validate", out.path])
        #expect(fresh.status == 0, "\(fresh.stdout)")
        #expect(fresh.stdout == "ok: \(out.path) is valid\n")
        // A mention moved within a JSON Lines document is caught against the record's text.
        let mentions = out.appendingPathComponent("mentions.jsonl")
        let records = try String(contentsOf: mentions, encoding: .utf8).split(separator: "\n").map { try JSONParser.parse(String($0)) }
        let index = try #require(records.firstIndex { ($0["doc"]?.stringValue ?? "").hasPrefix("w") })
        try edit(mentions, line: index) { pairs in
            for (position, pair) in pairs.enumerated() where pair.0 == "text" {
                let text = pair.1.stringValue ?? ""
                pairs[position].1 = .string(String(text.reversed()))
            }
        }
        let moved = try GleanProcess.run(["validate", out.path])
        #expect(moved.status == 1)
        #expect(moved.stdout.contains("mentions.jsonl:\(index + 1): text '"), "\(moved.stdout)")
    }

    @Test func standardInputDocumentsAreValidWithANoteThatOffsetsAreNotChecked() throws {
        let out = GleanProcess.temporaryDirectory().appendingPathComponent("dataset")
        let input = #"{"id": "a", "text": "Paid $5 million on 3 May 2020."}"# + "\n"
        #expect(try GleanProcess.run(["run", "-", "--out", out.path, "--quiet"], stdin: input).status == 0)
        let result = try GleanProcess.run(["validate", out.path])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("note: \(out.path)/documents.jsonl:1: offsets not checked: the text came from standard input"))
        #expect(result.stdout.contains("is valid (offsets of 1 document(s) not checked; see the notes)"))
    }

    @Test func malformedOffsetsAreReportedInsteadOfTrapping() throws {
        let out = try freshDataset()
        let mentions = out.appendingPathComponent("mentions.jsonl")
        // start > end, a negative start, an end past the text and beyond Int.
        try edit(mentions, line: 0) { pairs in
            for (position, pair) in pairs.enumerated() where pair.0 == "start" { pairs[position].1 = .int(900_000) }
        }
        try edit(mentions, line: 1) { pairs in
            for (position, pair) in pairs.enumerated() where pair.0 == "start" { pairs[position].1 = .int(-3) }
        }
        try edit(mentions, line: 2) { pairs in
            for (position, pair) in pairs.enumerated() where pair.0 == "end" {
                pairs[position].1 = .number(ExactNumber(significand: 1, exponent: 30))
            }
        }
        let result = try GleanProcess.run(["validate", out.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("mentions.jsonl:1: id must be"), "\(result.stdout)")
        #expect(result.stdout.contains("mentions.jsonl:1: offsets do not fit the text"), "\(result.stdout)")
        #expect(result.stdout.contains("mentions.jsonl:2: a mention needs"), "\(result.stdout)")
        #expect(result.stdout.contains("mentions.jsonl:3: a mention needs"), "\(result.stdout)")
    }
}
