import Dispatch
import Foundation

/// Runs the engine over many documents on `jobs` threads and writes the dataset. Documents
/// are processed in batches; each worker serializes its records into its own reusable byte
/// buffers, and the batch is written in input order, so the output is byte-identical whatever
/// `jobs` is.
public struct BatchRunner: Sendable {
    public let engine: Engine
    public let jobs: Int
    /// Write `decisions.jsonl`.
    public let explain: Bool
    /// Add each mention's sentence as `context`.
    public let context: Bool

    /// Collect per-plugin and per-stage timings into `Summary.profile` (`glean bench`).
    public let profile: Bool
    /// Candidates matched earlier, used instead of matching (`glean bench --after-matching`).
    var matched: MatchedCandidates?

    public init(engine: Engine, jobs: Int, explain: Bool = false, context: Bool = false, profile: Bool = false) {
        self.engine = engine
        self.jobs = max(1, jobs)
        self.explain = explain
        self.context = context
        self.profile = profile
    }

    /// Lets a store skip documents it already holds and receive each batch (`--db`).
    public struct Store {
        /// The stored mentions of a document that needs no extraction, else nil. Called with
        /// the document and its content hash (SHA-256, hex).
        public var reuse: (Document, String) throws -> [Mention]?
        /// Called after each batch with the documents that were extracted, in input order.
        public var save: ([(record: DocumentRecord, mentions: [Mention])]) throws -> Void

        public init(reuse: @escaping (Document, String) throws -> [Mention]?,
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

    /// What one document contributes to each output file: byte ranges in its worker's buffers.
    struct Output {
        var worker = 0
        var mentions = 0..<0
        var document = 0..<0
        var decisions = 0..<0
        var counts: [(String, Int)] = []
        /// The document's mentions, for the entity index (which skips those without a name).
        var entityMentions: [Mention] = []
        var failed = false
        var record: DocumentRecord?
        /// The mentions, kept only for a store.
        var mentionList: [Mention] = []
        var reused = false
    }

    /// One worker's serialized records for the current batch, reused from batch to batch.
    final class WorkerBuffers: @unchecked Sendable {
        var mentions: [UInt8] = []
        var documents: [UInt8] = []
        var decisions: [UInt8] = []

        func reset() {
            mentions.removeAll(keepingCapacity: true)
            documents.removeAll(keepingCapacity: true)
            decisions.removeAll(keepingCapacity: true)
        }
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
    /// processed in the background while the reader fills the next one; a processed batch is
    /// written (and journaled by the writer, for `--resume`) while the next one is processed.
    /// At most two batches are held, so memory stays bounded.
    public final class Session {
        let runner: BatchRunner
        let writer: DatasetWriter
        let store: Store?
        private var summary = Summary()
        private var batch: [Document] = []
        /// Two sets of worker buffers: one being filled, one being written.
        private let bufferSets: [[WorkerBuffers]]
        private var nextSet = 0
        private var inFlight: Job?
        private let kinds: [String]
        private let started = DispatchTime.now()

        /// A batch handed to the workers.
        private final class Job: @unchecked Sendable {
            let documents: [Document]
            let buffers: [WorkerBuffers]
            var outputs: [Output] = []
            let done = DispatchSemaphore(value: 0)

            init(documents: [Document], buffers: [WorkerBuffers]) {
                self.documents = documents
                self.buffers = buffers
            }
        }

        public init(runner: BatchRunner, writer: DatasetWriter, store: Store? = nil) {
            self.runner = runner
            self.writer = writer
            self.store = store
            bufferSets = (0..<2).map { _ in (0..<runner.jobs).map { _ in WorkerBuffers() } }
            kinds = runner.kinds
            if runner.profile { summary.profile = EngineProfile(plugins: runner.engine.plugins.count) }
        }

        public func add(_ document: Document) throws {
            batch.append(document)
            if batch.count >= 64 * runner.jobs { try flush() }
        }

        /// Processes what is left and writes `entities.jsonl`.
        public func finish() throws -> Summary {
            try flush()
            if let previous = inFlight {
                inFlight = nil
                previous.done.wait()
                try write(previous)
            }
            var entities: [UInt8] = []
            for record in summary.entities.records {
                JSONWriter.append(record, to: &entities)
                entities.append(0x0A)
            }
            try writer.append(entities, to: "entities.jsonl")
            summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            return summary
        }

        /// Waits for the batch in flight, starts this one, then writes the previous one while
        /// this one is processed. With a store, the previous batch is saved before this one's
        /// documents are looked up, as in a run without overlap.
        private func flush() throws {
            guard !batch.isEmpty else { return }
            let documents = batch
            batch.removeAll(keepingCapacity: true)
            let previous = inFlight
            inFlight = nil
            previous?.done.wait()
            var hashes: [String]?
            var stored: [[Mention]?] = Array(repeating: nil, count: documents.count)
            if let store {
                if let previous { try write(previous) }
                let known = runner.hashes(of: documents, profile: summary.profile)
                for index in documents.indices { stored[index] = try store.reuse(documents[index], known[index]) }
                hashes = known
            }
            let job = Job(documents: documents, buffers: bufferSets[nextSet])
            nextSet ^= 1
            let runner = runner, kinds = kinds, profile = summary.profile, keepMentions = store != nil
            DispatchQueue.global().async { [hashes, stored] in
                let hashes = hashes ?? runner.hashes(of: documents, profile: profile)
                job.outputs = runner.process(documents, hashes: hashes, stored: stored, kinds: kinds, into: job.buffers,
                                             keepMentions: keepMentions, profile: profile)
                job.done.signal()
            }
            inFlight = job
            if store == nil, let previous { try write(previous) }
        }

        /// Adds a processed batch to the summary and the files, in input order.
        private func write(_ job: Job) throws {
            let writing = EngineProfile.now()
            defer { summary.writeNanos += EngineProfile.now() - writing }
            let outputs = job.outputs
            for (document, output) in zip(job.documents, outputs) {
                summary.documents += 1
                summary.bytes += document.text.utf8.count
                if output.failed { summary.failedDocuments += 1 }
                for (kind, count) in output.counts where count > 0 { summary.mentionsByKind[kind, default: 0] += count }
                summary.entities.add(document: document.id, mentions: output.entityMentions)
                if output.reused { summary.reused += 1 }
            }
            try store?.save(outputs.filter { !$0.reused }.map { ($0.record!, $0.mentionList) })
            for output in outputs {
                let worker = job.buffers[output.worker]
                try worker.mentions.withUnsafeBytes { try writer.append(UnsafeRawBufferPointer(rebasing: $0[output.mentions]), to: "mentions.jsonl") }
                try worker.documents.withUnsafeBytes { try writer.append(UnsafeRawBufferPointer(rebasing: $0[output.document]), to: "documents.jsonl") }
                if runner.explain {
                    try worker.decisions.withUnsafeBytes { try writer.append(UnsafeRawBufferPointer(rebasing: $0[output.decisions]), to: "decisions.jsonl") }
                }
            }
            try writer.checkpoint(outputs.map { ($0.record!.id, $0.record!.sha256) })
        }
    }

    /// The content hashes of a batch's documents, hashed side by side (several documents per
    /// SIMD register) on `jobs` threads.
    func hashes(of batch: [Document], profile: EngineProfile? = nil) -> [String] {
        let workers = min(jobs, batch.count)
        let results = ResultsBox<String>(count: batch.count, initial: "")
        let nanos = ResultsBox<UInt64>(count: workers, initial: 0)
        defer { profile?.hashNanos += nanos.array.reduce(0, +) }
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let started = profile == nil ? 0 : EngineProfile.now()
            defer { if profile != nil { nanos.buffer[worker] = EngineProfile.now() - started } }
            let mine = Array(stride(from: worker, to: batch.count, by: workers))
            let digests = Self.withUTF8(of: mine.map { batch[$0].text }) { SHA256.hexDigests(of: $0) }
            for (index, digest) in zip(mine, digests) { results.buffer[index] = digest }
        }
        return results.array
    }

    /// Calls `body` with the UTF-8 bytes of every text at once (no copies of native strings).
    static func withUTF8<Result>(of texts: [String], _ body: ([UnsafeRawBufferPointer]) -> Result) -> Result {
        var pointers: [UnsafeRawBufferPointer] = []
        pointers.reserveCapacity(texts.count)
        func nest(_ index: Int) -> Result {
            guard index < texts.count else { return body(pointers) }
            var text = texts[index]
            return text.withUTF8 { bytes in
                pointers.append(UnsafeRawBufferPointer(bytes))
                return nest(index + 1)
            }
        }
        return nest(0)
    }

    /// Processes a batch on `jobs` threads, each with its own scratch and buffers, taking
    /// documents one at a time (long documents do not leave other threads idle).
    func process(_ batch: [Document], hashes: [String], stored: [[Mention]?], kinds: [String],
                 into buffers: [WorkerBuffers], keepMentions: Bool, profile total: EngineProfile? = nil) -> [Output] {
        let results = ResultsBox<Output>(count: batch.count, initial: Output())
        let workers = min(jobs, batch.count, buffers.count)
        let profiles = (0..<workers).map { _ in total.map { EngineProfile(plugins: $0.matchNanos.count) } }
        defer { for profile in profiles { if let profile { total?.add(profile) } } }
        let next = WorkCounter()
        for buffer in buffers { buffer.reset() }
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let scratch = engine.makeScratch()
            scratch.profile = profiles[worker]
            let buffer = buffers[worker]
            while let position = next.take(below: batch.count) {
                var output = processOne(batch[position], sha256: hashes[position], scratch: scratch, stored: stored[position],
                                        kinds: kinds, into: buffer, keepMentions: keepMentions)
                output.worker = worker
                results.buffer[position] = output
            }
        }
        return results.array
    }

    private func extract(_ document: Document, scratch: Engine.Scratch) -> Engine.Result {
        guard let found = matched?.byDocument[document.id] else {
            return engine.extract(document, scratch: scratch, decisions: explain)
        }
        var text = document.text
        return text.withUTF8 { bytes in
            engine.resolve(found.candidates, failures: found.failures, document: document, bytes: bytes,
                           profile: scratch.profile, decisions: explain)
        }
    }

    func processOne(_ document: Document, sha256: String, scratch: Engine.Scratch, stored: [Mention]? = nil,
                    kinds: [String], into buffer: WorkerBuffers, keepMentions: Bool) -> Output {
        var output = Output()
        var result: Engine.Result
        if let failure = document.failure {
            result = Engine.Result(mentions: [], decisions: [], ruleFailures: [], validationError: failure, candidates: [])
        } else if let stored {
            result = Engine.Result(mentions: stored, decisions: [], ruleFailures: [], validationError: nil, candidates: [])
            output.reused = true
        } else {
            result = extract(document, scratch: scratch)
        }
        let encoding = scratch.profile == nil ? 0 : EngineProfile.now()
        defer { if let profile = scratch.profile { profile.encodeNanos += EngineProfile.now() - encoding } }
        let error = result.validationError
        if context && !output.reused {
            var text = document.text
            text.withUTF8 { bytes in
                for index in result.mentions.indices {
                    let mention = result.mentions[index]
                    let sentence = mention.sentence.map { $0.byteStart..<$0.byteEnd }
                        ?? SentenceLocator.sentence(around: mention.byteStart..<mention.byteEnd, in: bytes)
                    result.mentions[index].context = String(decoding: UnsafeBufferPointer(rebasing: bytes[sentence]), as: UTF8.self)
                }
            }
        }
        output.entityMentions = result.mentions
        let mentionsStart = buffer.mentions.count
        RecordEncoder.append(result.mentions, to: &buffer.mentions)
        output.mentions = mentionsStart..<buffer.mentions.count
        output.failed = error != nil
        let record = DocumentRecord(document: document, sha256: sha256, kinds: kinds, mentions: result.mentions,
                                    error: error, warnings: document.warnings + result.ruleFailures)
        output.counts = record.counts
        if record.counts.reduce(0, { $0 + $1.1 }) != result.mentions.count {
            // Stored mentions of a kind no plugin extracts now: count them by their own kind.
            var counts: [(String, Int)] = []
            for mention in result.mentions {
                if let index = counts.firstIndex(where: { $0.0 == mention.kind }) { counts[index].1 += 1 } else { counts.append((mention.kind, 1)) }
            }
            output.counts = counts
        }
        output.record = record
        if keepMentions { output.mentionList = result.mentions }
        let documentStart = buffer.documents.count
        RecordEncoder.append(record, to: &buffer.documents)
        output.document = documentStart..<buffer.documents.count
        if explain {
            let decisionsStart = buffer.decisions.count
            for decision in result.decisions { RecordEncoder.append(decision, doc: document.id, to: &buffer.decisions) }
            output.decisions = decisionsStart..<buffer.decisions.count
        }
        return output
    }
}

/// Workers write disjoint indices of one buffer; the buffer outlives `concurrentPerform`.
private final class ResultsBox<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
    init(count: Int, initial: Element) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: initial)
    }
    var array: [Element] { Array(buffer) }
    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }
}

/// Hands out indices 0, 1, 2, ... to the worker threads.
private final class WorkCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0

    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < limit else { return nil }
        next += 1
        return next - 1
    }
}
