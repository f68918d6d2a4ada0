import Dispatch
import Foundation

/// Runs the engine over many documents on `jobs` threads and writes the dataset. Documents
/// are processed in batches; each worker serializes its own records, and the batch is
/// written in input order, so the output is byte-identical whatever `jobs` is.
public struct BatchRunner: Sendable {
    public let engine: Engine
    public let jobs: Int
    /// Write `decisions.jsonl`.
    public let explain: Bool
    /// Add each mention's sentence as `context`.
    public let context: Bool

    /// Collect per-plugin and per-stage timings into `Summary.profile` (`glean bench`).
    public let profile: Bool

    public init(engine: Engine, jobs: Int, explain: Bool = false, context: Bool = false, profile: Bool = false) {
        self.engine = engine
        self.jobs = max(1, jobs)
        self.explain = explain
        self.context = context
        self.profile = profile
    }

    /// Lets a store skip documents it already holds and receive each batch (`--db`).
    public struct Store {
        /// The stored mentions of a document that needs no extraction, else nil.
        public var reuse: (Document) throws -> [Mention]?
        /// Called after each batch with the documents that were extracted, in input order.
        public var save: ([(record: DocumentRecord, mentions: [Mention])]) throws -> Void

        public init(reuse: @escaping (Document) throws -> [Mention]?,
                    save: @escaping ([(record: DocumentRecord, mentions: [Mention])]) throws -> Void) {
            self.reuse = reuse
            self.save = save
        }
    }

    public struct Summary: Sendable {
        public init() {}
        public var documents = 0
        public var failedDocuments = 0
        public var bytes = 0
        public var mentionsByKind: [String: Int] = [:]
        public var seconds = 0.0
        public var entities = EntityIndex()
        /// Documents whose mentions came from the store unchanged.
        public var reused = 0
        /// Timings, when the runner profiles.
        public var profile: EngineProfile?
        /// Nanoseconds spent writing records (serialized by the workers, written here).
        public var writeNanos: UInt64 = 0
    }

    /// What one document contributes to each output file.
    struct Output {
        var mentions: [UInt8] = []
        var document: [UInt8] = []
        var decisions: [UInt8] = []
        var counts: [String: Int] = [:]
        var named: [Mention] = []
        var failed = false
        var record: DocumentRecord?
        var mentionList: [Mention] = []
        var reused = false
    }

    public var kinds: [String] {
        var seen: [String] = []
        for plugin in engine.plugins where !seen.contains(plugin.kind) { seen.append(plugin.kind) }
        return seen
    }

    public func run(_ documents: [Document], writer: DatasetWriter, store: Store? = nil) throws -> Summary {
        let session = Session(runner: self, writer: writer, store: store)
        for document in documents { try session.add(document) }
        return try session.finish()
    }

    /// Pulls documents from `next` in batches, so memory stays bounded whatever the input size.
    public func run(next: () throws -> Document?, writer: DatasetWriter, store: Store? = nil) throws -> Summary {
        let session = Session(runner: self, writer: writer, store: store)
        while let document = try next() { try session.add(document) }
        return try session.finish()
    }

    /// A run fed one document at a time (readers push documents): each full batch is
    /// processed and written, then journaled by the writer (for `--resume`).
    public final class Session {
        let runner: BatchRunner
        let writer: DatasetWriter
        let store: Store?
        private var summary = Summary()
        private var batch: [Document] = []
        private let started = DispatchTime.now()

        public init(runner: BatchRunner, writer: DatasetWriter, store: Store? = nil) {
            self.runner = runner
            self.writer = writer
            self.store = store
            if runner.profile { summary.profile = EngineProfile(plugins: runner.engine.plugins.count) }
        }

        public func add(_ document: Document) throws {
            batch.append(document)
            if batch.count >= 64 * runner.jobs { try flush() }
        }

        /// Processes what is left and writes `entities.jsonl`.
        public func finish() throws -> Summary {
            try flush()
            var entities: [UInt8] = []
            for record in summary.entities.records {
                JSONWriter.append(record, to: &entities)
                entities.append(0x0A)
            }
            try writer.append(entities, to: "entities.jsonl")
            summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            return summary
        }

        private func flush() throws {
            guard !batch.isEmpty else { return }
            defer { batch.removeAll(keepingCapacity: true) }
            let stored = try batch.map { document in try store?.reuse(document) }
            let outputs = runner.process(batch, stored: stored, profile: summary.profile)
            let writing = EngineProfile.now()
            defer { summary.writeNanos += EngineProfile.now() - writing }
            var mentions: [UInt8] = [], records: [UInt8] = [], decisions: [UInt8] = []
            for (document, output) in zip(batch, outputs) {
                mentions += output.mentions
                records += output.document
                decisions += output.decisions
                summary.documents += 1
                summary.bytes += document.text.utf8.count
                if output.failed { summary.failedDocuments += 1 }
                summary.mentionsByKind.merge(output.counts, uniquingKeysWith: +)
                summary.entities.add(document: document.id, mentions: output.named)
                if output.reused { summary.reused += 1 }
            }
            try store?.save(outputs.filter { !$0.reused }.map { ($0.record!, $0.mentionList) })
            try writer.append(mentions, to: "mentions.jsonl")
            try writer.append(records, to: "documents.jsonl")
            if runner.explain { try writer.append(decisions, to: "decisions.jsonl") }
            try writer.checkpoint(outputs.map { ($0.record!.id, $0.record!.sha256) })
        }
    }

    /// Processes a batch on `jobs` threads, each with its own scratch, striped by index.
    func process(_ batch: [Document], stored: [[Mention]?], profile total: EngineProfile? = nil) -> [Output] {
        let results = UnsafeMutableBufferPointer<Output>.allocate(capacity: batch.count)
        results.initialize(repeating: Output())
        defer { results.deallocate() }
        let workers = min(jobs, batch.count)
        let box = ResultsBox(results)
        let profiles = (0..<workers).map { _ in total.map { EngineProfile(plugins: $0.matchNanos.count) } }
        defer { for profile in profiles { if let profile { total?.add(profile) } } }
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let scratch = engine.makeScratch()
            scratch.profile = profiles[worker]
            var position = worker
            while position < batch.count {
                box.buffer[position] = processOne(batch[position], scratch: scratch, stored: stored[position])
                position += workers
            }
        }
        return Array(results)
    }

    func processOne(_ document: Document, scratch: Engine.Scratch, stored: [Mention]? = nil) -> Output {
        var output = Output()
        var result: Engine.Result
        if let failure = document.failure {
            result = Engine.Result(mentions: [], decisions: [], ruleFailures: [], validationError: failure, candidates: [])
        } else if let stored {
            result = Engine.Result(mentions: stored, decisions: [], ruleFailures: [], validationError: nil, candidates: [])
            output.reused = true
        } else {
            result = engine.extract(document, scratch: scratch)
        }
        let error = result.validationError
        if context && !output.reused {
            var text = document.text
            text.withUTF8 { bytes in
                for index in result.mentions.indices {
                    let mention = result.mentions[index]
                    let sentence = SentenceLocator.sentence(around: mention.byteStart..<mention.byteEnd, in: bytes)
                    result.mentions[index].context = String(decoding: UnsafeBufferPointer(rebasing: bytes[sentence]), as: UTF8.self)
                }
            }
        }
        output.named = result.mentions.filter { $0.value["name"] != nil }
        for mention in result.mentions {
            RecordEncoder.append(mention, to: &output.mentions)
            output.counts[mention.kind, default: 0] += 1
        }
        output.failed = error != nil
        let record = DocumentRecord(document: document, kinds: kinds, mentions: result.mentions,
                                    error: error, warnings: result.ruleFailures)
        output.record = record
        output.mentionList = result.mentions
        JSONWriter.append(record.json, to: &output.document)
        output.document.append(0x0A)
        if explain {
            for decision in result.decisions { RecordEncoder.append(decision, doc: document.id, to: &output.decisions) }
        }
        return output
    }
}

/// Workers write disjoint indices of one buffer; the buffer outlives `concurrentPerform`.
private final class ResultsBox: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<BatchRunner.Output>
    init(_ buffer: UnsafeMutableBufferPointer<BatchRunner.Output>) { self.buffer = buffer }
}
