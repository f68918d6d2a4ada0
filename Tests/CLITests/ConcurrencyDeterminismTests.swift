import Foundation
import GleanerCore
import Testing

/// CONTRACT.md: the same inputs give byte-identical dataset files whatever `--jobs` is (only
/// run.json's timings differ). A few hundred documents, so that eight workers really overlap.
@Suite struct ConcurrencyDeterminismTests {
    /// 300 documents, each three paragraphs of Corpus/articles in a different combination.
    static func corpus() throws -> URL {
        let articles = GleanProcess.root.appendingPathComponent("Corpus/articles")
        var paragraphs: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: articles.path).sorted() where name.hasSuffix(".txt") {
            let text = try String(contentsOf: articles.appendingPathComponent(name), encoding: .utf8)
            paragraphs += text.components(separatedBy: "\n\n").filter { $0.utf8.count > 40 }
        }
        let folder = GleanProcess.temporaryDirectory().appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let count = paragraphs.count
        for index in 0..<300 {
            let text = [index, index * 7 + 3, index * 13 + 5].map { paragraphs[$0 % count] }.joined(separator: "\n\n")
            try text.write(to: folder.appendingPathComponent(String(format: "doc-%03d.txt", index)), atomically: true, encoding: .utf8)
        }
        return folder
    }

    func run(_ corpus: URL, jobs: Int) throws -> URL {
        let out = GleanProcess.temporaryDirectory().appendingPathComponent("dataset")
        let result = try GleanProcess.run(["run", corpus.path, "--out", out.path, "--explain", "--quiet", "--jobs", "\(jobs)"])
        #expect(result.status == 0, "\(result.stderr)")
        return out
    }

    @Test func oneJobAndEightJobsWriteTheSameBytes() throws {
        let corpus = try Self.corpus()
        let one = try run(corpus, jobs: 1), eight = try run(corpus, jobs: 8)
        for file in ["documents.jsonl", "mentions.jsonl", "entities.jsonl", "decisions.jsonl"] {
            let a = try Data(contentsOf: one.appendingPathComponent(file))
            let b = try Data(contentsOf: eight.appendingPathComponent(file))
            #expect(a == b, "\(file) differs between --jobs 1 and --jobs 8")
            #expect(!a.isEmpty)
        }
        #expect(try String(contentsOf: one.appendingPathComponent("documents.jsonl"), encoding: .utf8)
                .split(separator: "\n").count == 300)
        func withoutTimings(_ url: URL) throws -> JSONValue {
            let run = try JSONParser.parse(String(contentsOf: url.appendingPathComponent("run.json"), encoding: .utf8))
            return .object((run.objectPairs ?? []).filter { $0.0 != "timings" })
        }
        #expect(try withoutTimings(one) == withoutTimings(eight))
    }

    /// Neither a terminal (the progress line) nor a store (`--db`, which also reuses what it
    /// holds on a second run) changes how documents are processed: the same bytes as a quiet,
    /// piped run, and run.json the same apart from timings and the `db` option.
    @Test func aTerminalAndAStoreWriteTheSameBytes() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        let corpus = try Self.corpus()
        let plain = try run(corpus, jobs: 2)
        let database = GleanProcess.temporaryDirectory().appendingPathComponent("store.sqlite")
        func observed() throws -> (URL, String) {
            let out = GleanProcess.temporaryDirectory().appendingPathComponent("dataset")
            let terminal = try GleanProcess.runOnTerminal(["run", corpus.path, "--out", out.path, "--explain",
                                                           "--jobs", "2", "--db", database.path])
            let (status, screen) = try #require(terminal)
            #expect(status == 0, "\(screen)")
            #expect(screen.contains("\r300/300 docs  "))
            return (out, screen)
        }
        func withoutTimings(_ url: URL) throws -> JSONValue {
            let run = try JSONParser.parse(String(contentsOf: url.appendingPathComponent("run.json"), encoding: .utf8))
            return .object((run.objectPairs ?? []).filter { $0.0 != "timings" }.map { key, value in
                key == "options" ? (key, .object((value.objectPairs ?? []).filter { $0.0 != "db" })) : (key, value)
            })
        }
        let (first, firstScreen) = try observed()
        let (second, secondScreen) = try observed()
        #expect(firstScreen.contains("0 unchanged document(s) taken from"))
        #expect(secondScreen.contains("300 unchanged document(s) taken from"))
        for out in [first, second] {
            for file in ["documents.jsonl", "mentions.jsonl", "entities.jsonl"] {
                #expect(try Data(contentsOf: plain.appendingPathComponent(file)) == Data(contentsOf: out.appendingPathComponent(file)),
                        "\(file) differs with a terminal and a store")
            }
            #expect(try withoutTimings(plain) == withoutTimings(out))
        }
        // The first run extracted every document, so its decisions are the same too.
        #expect(try Data(contentsOf: plain.appendingPathComponent("decisions.jsonl"))
                == Data(contentsOf: first.appendingPathComponent("decisions.jsonl")))
    }
}
