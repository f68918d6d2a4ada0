import Foundation
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
}
