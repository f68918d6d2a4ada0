import Foundation
import Testing
@testable import GleanerCore

/// BatchRunner only schedules: observers and earlier results change neither the dataset nor
/// how documents are processed.
@Suite struct BatchRunnerTests {
    static func engine() throws -> Engine {
        Engine(plugins: [try TestPlugins.load(TestPlugins.years), try TestPlugins.load(TestPlugins.exercises),
                         try TestPlugins.load(TestPlugins.amounts)])
    }

    /// Enough documents for several batches at two jobs (64 per job), of varied sizes, with a
    /// failed one among them.
    static let documents: [Document] = (0..<300).map { index in
        if index == 77 { return Document(id: "doc-077", source: "doc-077.bin", text: "", failure: "binary file (NUL byte at offset 0): skipped") }
        let sentences = (0...(index % 7)).map { sentence in
            "Malabar \(1990 + (index + sentence) % 30) cost $\(index + sentence) million in \(2000 + sentence). COVID-19 did not stop it."
        }
        return Document(id: String(format: "doc-%03d", index), source: "doc-\(index).txt", text: sentences.joined(separator: " "))
    }

    /// Records what it is shown.
    final class Recorder: RunObserver {
        var batches: [[String]] = []
        var reused = 0
        func observe(_ batch: [ProcessedDocument]) throws {
            batches.append(batch.map(\.record.id))
            reused += batch.count { $0.reused }
        }
    }

    /// Earlier results taken from a finished dataset's mentions.
    struct Finished: EarlierResults {
        let mentions: [String: [Mention]]
        let sha256: [String: String]
        func mentions(for document: Document, sha256: String) throws -> [Mention]? {
            self.sha256[document.id] == sha256 ? mentions[document.id] ?? [] : nil
        }
    }

    struct Unavailable: EarlierResults {
        struct Failure: Error {}
        func mentions(for document: Document, sha256: String) throws -> [Mention]? { throw Failure() }
    }

    /// Runs `runner` into a fresh dataset folder and returns its files.
    static func run(_ runner: BatchRunner, observers: [any RunObserver] = []) throws -> (BatchRunner.Summary, [String: Data]) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("glean-batch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = ["documents.jsonl", "mentions.jsonl", "entities.jsonl"] + (runner.explain ? ["decisions.jsonl"] : [])
        let writer = try DatasetWriter(directory: directory.path, files: files)
        let summary = try runner.run(documents, writer: writer, observers: observers)
        try writer.commit()
        var contents: [String: Data] = [:]
        for file in files { contents[file] = FileManager.default.contents(atPath: directory.appendingPathComponent(file).path) }
        return (summary, contents)
    }

    @Test func observersAndEarlierResultsLeaveTheDatasetByteIdentical() throws {
        let engine = try Self.engine()
        let plain = BatchRunner(engine: engine, jobs: 2, explain: true)
        let (summary, expected) = try Self.run(plain)
        #expect(summary.documents == 300 && summary.failedDocuments == 1 && summary.reused == 0)
        #expect(expected["mentions.jsonl"].map { $0.count > 10_000 } == true)

        // An observer alone.
        let recorder = Recorder()
        let (_, observed) = try Self.run(plain, observers: [recorder])
        #expect(observed == expected)
        #expect(recorder.batches.map(\.count) == [128, 128, 44])
        #expect(recorder.batches.flatMap { $0 } == Self.documents.map(\.id))

        // Earlier results that hold every document, and an observer: the same files, every
        // document but the failed one reused.
        let mentions = try Self.mentionsByDocument(expected["mentions.jsonl"] ?? Data())
        let hashes = Dictionary(uniqueKeysWithValues: Self.documents.map { ($0.id, SHA256.hex($0.text)) })
        let reusing = BatchRunner(processor: DocumentProcessor(engine: engine, earlier: [Finished(mentions: mentions, sha256: hashes)]),
                                  jobs: 2)
        let store = Recorder()
        let (reusedSummary, reused) = try Self.run(reusing, observers: [store, Recorder()])
        #expect(reusedSummary.reused == 299 && store.reused == 299)
        for file in ["documents.jsonl", "mentions.jsonl", "entities.jsonl"] { #expect(reused[file] == expected[file], "\(file)") }
        #expect(reusedSummary.mentionsByKind == summary.mentionsByKind)
    }

    @Test func theDatasetIsTheSameWhateverTheJobs() throws {
        let engine = try Self.engine()
        let (_, one) = try Self.run(BatchRunner(engine: engine, jobs: 1, context: true))
        let (_, three) = try Self.run(BatchRunner(engine: engine, jobs: 3, context: true))
        #expect(one == three)
    }

    /// Lines encoded as each mention is made, moved to a temporary file past the threshold
    /// (here after a few lines, so most documents spill, some several times), make the same
    /// files as the mentions encoded together: with no option, `--context` and `--explain`.
    @Test func streamedAndSpilledLinesMakeTheSameDataset() throws {
        let engine = try Self.engine()
        for (context, explain) in [(false, false), (true, false), (false, true)] {
            let plain = BatchRunner(engine: engine, jobs: 2, explain: explain, context: context)
            var spilling = plain
            spilling.spillThreshold = 600
            let (summary, expected) = try Self.run(plain)
            let (spilledSummary, spilled) = try Self.run(spilling)
            #expect(spilled == expected)
            #expect(spilledSummary.mentionsByKind == summary.mentionsByKind)
            // The lines are the ones `RecordEncoder` writes for the processor's mentions.
            var lines: [UInt8] = []
            let processor = DocumentProcessor(engine: engine, decisions: explain, context: context)
            let scratch = engine.makeScratch()
            for document in Self.documents {
                RecordEncoder.append(try processor.process(document, scratch: scratch).mentions, to: &lines)
            }
            #expect(spilled["mentions.jsonl"] == Data(lines))
        }
    }

    @Test func aFailingLookUpFailsTheRun() throws {
        let engine = try Self.engine()
        let runner = BatchRunner(processor: DocumentProcessor(engine: engine, earlier: [Unavailable()]), jobs: 2)
        #expect(throws: Unavailable.Failure.self) { try Self.run(runner) }
    }

    static func mentionsByDocument(_ data: Data) throws -> [String: [Mention]] {
        var grouped: [String: [Mention]] = [:]
        for line in data.split(separator: 0x0A) {
            let mention = try #require(Mention(record: try JSONParser.parse(String(decoding: line, as: UTF8.self))))
            grouped[mention.doc, default: []].append(mention)
        }
        return grouped
    }
}
