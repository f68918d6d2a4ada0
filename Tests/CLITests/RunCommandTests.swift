import Foundation
import GleanerCore
import Testing

@Suite struct RunCommandTests {
    func lines(_ url: URL) throws -> [JSONValue] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { try JSONParser.parse(String($0)) }
    }

    @Test func runWritesAValidatedDatasetForTheCorpus() throws {
        let out = GleanProcess.temporaryDirectory().appendingPathComponent("dataset")
        let result = try GleanProcess.run(["run", "Corpus/articles", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("5 documents, "))
        let documents = try lines(out.appendingPathComponent("documents.jsonl"))
        #expect(documents.compactMap { $0["id"]?.stringValue } == ["000_9c9236f06fd4b3ef", "001_88798619885669ab",
                                                                     "002_f0d5efab0dc816c2", "003_17a39fbd4911a17a", "004_4acd998a1fadbb95"])
        #expect(documents.allSatisfy { $0["status"]?.stringValue == "ok" })
        let mentions = try lines(out.appendingPathComponent("mentions.jsonl"))
        #expect(!mentions.isEmpty)
        // Every record's text is the code-point slice of its document, as Python would slice it.
        var texts: [String: [Unicode.Scalar]] = [:]
        for mention in mentions {
            let doc = try #require(mention["doc"]?.stringValue)
            if texts[doc] == nil {
                let data = try Data(contentsOf: GleanProcess.root.appendingPathComponent("Corpus/articles/\(doc).txt"))
                texts[doc] = Array(String(decoding: data, as: UTF8.self).unicodeScalars)
            }
            guard case .number(let start)? = mention["start"], case .number(let end)? = mention["end"],
                  let s = Int(start.description), let e = Int(end.description) else {
                Issue.record("bad offsets in \(JSONWriter.string(mention))"); continue
            }
            var slice = String.UnicodeScalarView()
            slice.append(contentsOf: texts[doc]![s..<e])
            #expect(String(slice) == mention["text"]?.stringValue)
            #expect(mention["id"]?.stringValue == "\(doc)#\(s)-\(e)")
            #expect(mention.objectPairs?.map(\.0).prefix(11) == ["id", "doc", "kind", "start", "end", "byteStart", "byteEnd", "text", "value", "extractor", "rule"])
        }
        let run = try JSONParser.parse(String(contentsOf: out.appendingPathComponent("run.json"), encoding: .utf8))
        #expect(run["counts"]?["documents"] == .int(5))
        #expect(!FileManager.default.fileExists(atPath: out.deletingLastPathComponent().appendingPathComponent(".\(out.lastPathComponent).glean-partial").path))
    }

    @Test func runtimePluginFolderLoadsWithoutRecompiling() throws {
        let out = GleanProcess.temporaryDirectory().appendingPathComponent("dataset")
        let input = #"{"id": "p1", "text": "Exports rose 12.5% and imports 3 per cent in 2023."}"# + "\n"
        let result = try GleanProcess.run(["run", "-", "--out", out.path, "--kinds", "percentage,date",
                                           "--plugins", "Tests/ExtractorExampleTests/Fixtures/percentage"], stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        let mentions = try lines(out.appendingPathComponent("mentions.jsonl"))
        #expect(mentions.map { $0["text"]?.stringValue ?? "" } == ["12.5%", "3 per cent", "2023"])
        #expect(mentions.first?["extractor"]?.stringValue == "percentage@0.2.0")
        #expect(mentions.first?["value"] == .object([("value", .number(ExactNumber(significand: 125, exponent: -1))), ("unit", .string("percent"))]))
    }

    @Test func brokenPluginExitsWithCode2BeforeReadingDocuments() throws {
        let folder = GleanProcess.temporaryDirectory()
        try "id: broken\nversion: \"1\"\nkind: k\nnormalizer: text\nrules:\n  - id: r\n    pattern: '(unclosed'\n"
            .write(to: folder.appendingPathComponent("manifest.yaml"), atomically: true, encoding: .utf8)
        let out = GleanProcess.temporaryDirectory().appendingPathComponent("dataset")
        let result = try GleanProcess.run(["run", "Corpus/articles", "--out", out.path, "--plugins", folder.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(folder.path)/manifest.yaml:6"))
        #expect(result.stderr.contains("missing closing parenthesis, at column 10 of the pattern:\n    (unclosed\n             ^\n"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func duplicateIdsAreAnErrorNamingBothSources() throws {
        let out = GleanProcess.temporaryDirectory().appendingPathComponent("dataset")
        let input = "{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"a\", \"text\": \"y\"}\n"
        let result = try GleanProcess.run(["run", "-", "--out", out.path], stdin: input)
        #expect(result.status == 2)
        #expect(result.stderr.contains("duplicate document id 'a' in <stdin>:1 and <stdin>:2"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func idsThatEscapeTheOutputFolderAreRejected() throws {
        let result = try GleanProcess.run(["run", "-", "--out", GleanProcess.temporaryDirectory().path],
                                          stdin: "{\"id\": \"../evil\", \"text\": \"x\"}\n")
        #expect(result.status == 2)
        #expect(result.stderr.contains("<stdin>:1"))
    }

    @Test func versionAndJobsDoNotChangeOutput() throws {
        let version = try GleanProcess.run(["--version"])
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
        let one = GleanProcess.temporaryDirectory().appendingPathComponent("d1")
        let two = GleanProcess.temporaryDirectory().appendingPathComponent("d2")
        _ = try GleanProcess.run(["run", "--out", one.path, "--jobs", "1"])
        _ = try GleanProcess.run(["run", "--out", two.path, "--jobs", "4"])
        for file in ["documents.jsonl", "mentions.jsonl"] {
            #expect(try Data(contentsOf: one.appendingPathComponent(file)) == Data(contentsOf: two.appendingPathComponent(file)))
        }
    }

    @Test func explainSaysWhyAYearInsideAnExerciseIsNotADate() throws {
        let result = try GleanProcess.run(["explain", "The navies held Malabar 2019 off Japan."])
        #expect(result.status == 0)
        #expect(result.stdout.contains("exercise 'Malabar 2019'"))
        #expect(result.stdout.contains("'2019' date (dates rule"))
        #expect(result.stdout.contains("overlap: overlaps a longer candidate; kept exercise 'Malabar 2019'"))
    }
}
