import Dispatch
import Foundation

/// Schedules a run over many documents: takes them in batches, has `DocumentProcessor` turn
/// each one into its records on `jobs` threads (each worker serializes into its own reusable
/// byte buffers), and writes every batch in input order, so the output is byte-identical
/// whatever `jobs` is. It only schedules: what a document becomes, including mentions reused
/// from earlier results (`--resume`, `--db`), is the processor's, and what watches the run
/// (the store, the progress line) is a `RunObserver`. Neither changes the schedule.
public struct BatchRunner: Sendable {
    public let processor: DocumentProcessor
    public let jobs: Int
    /// Collect per-plugin and per-stage timings into `Summary.profile` (`glean bench`).
    public let profile: Bool
    /// A document's mention lines past this many bytes move to a temporary file
    /// (`SpillFile.threshold`; lowered by tests).
    var spillThreshold = SpillFile.threshold

    public init(processor: DocumentProcessor, jobs: Int, profile: Bool = false) {
        self.processor = processor
        self.jobs = max(1, jobs)
        self.profile = profile
    }

    /// `explain`: write `decisions.jsonl`; `context`: add each mention's sentence as `context`.
    public init(engine: Engine, jobs: Int, explain: Bool = false, context: Bool = false, profile: Bool = false) {
        self.init(processor: DocumentProcessor(engine: engine, decisions: explain, context: context), jobs: jobs, profile: profile)
    }

    public var engine: Engine { processor.engine }
    /// Write `decisions.jsonl`.
    public var explain: Bool { processor.decisions }
    public var kinds: [String] { processor.kinds }

    public struct Summary: Sendable {
        public init() {}
        public var documents = 0
        public var failedDocuments = 0
        public var bytes = 0
        public var mentionsByKind: [String: Int] = [:]
        public var seconds = 0.0
        public var entities = EntityIndex()
        /// Documents whose mentions came unchanged from earlier results.
        public var reused = 0
        /// Timings, when the runner profiles.
        public var profile: EngineProfile?
        /// Nanoseconds spent writing records (serialized by the workers, written here).
        public var writeNanos: UInt64 = 0
    }

    /// One document of a batch: what the processor made of it (or the error its look-up of
    /// earlier results threw) and the byte ranges of its lines in its worker's buffers. Its
    /// mentions are encoded as they are made and not kept (only for an observer that reads
    /// them): a long document's lines past `SpillFile.threshold` wait in `spill`, written
    /// before the rest, and its named mentions are gathered into `entities`.
    struct Output {
        var worker = 0
        var spill: SpillFile?
        var entities = DocumentEntities()
        var mentions = 0..<0
        var document = 0..<0
        var decisions = 0..<0
        var processed: ProcessedDocument?
        var error: (any Error)?
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

    public func run(_ documents: [Document], writer: DatasetWriter, observers: [any RunObserver] = []) throws -> Summary {
        let session = Session(runner: self, writer: writer, observers: observers)
        for document in documents { try session.add(document) }
        return try session.finish()
    }

    /// Pulls documents from `next` in batches, so memory stays bounded whatever the input size.
    public func run(next: () throws -> Document?, writer: DatasetWriter, observers: [any RunObserver] = []) throws -> Summary {
        let session = Session(runner: self, writer: writer, observers: observers)
        while let document = try next() { try session.add(document) }
        return try session.finish()
    }

    /// A run fed one document at a time (readers push documents): each full batch is
    /// processed in the background while the reader fills the next one; a processed batch is
    /// shown to the observers and written (and journaled by the writer, for `--resume`) while
    /// the next one is processed. At most two batches are held, so memory stays bounded.
    public final class Session {
        let runner: BatchRunner
        let writer: DatasetWriter
        let observers: [any RunObserver]
        private var summary = Summary()
        private var batch: [Document] = []
        /// Two sets of worker buffers: one being filled, one being written.
        private let bufferSets: [[WorkerBuffers]]
        private var nextSet = 0
        private var inFlight: Job?
        private let started = DispatchTime.now()
        /// An observer reads the documents' mentions: keep them until the batch is written.
        private let keepMentions: Bool

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

        public init(runner: BatchRunner, writer: DatasetWriter, observers: [any RunObserver] = []) {
            self.runner = runner
            self.writer = writer
            self.observers = observers
            keepMentions = observers.contains { $0.readsMentions }
            bufferSets = (0..<2).map { _ in (0..<runner.jobs).map { _ in WorkerBuffers() } }
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
        /// this one is processed.
        private func flush() throws {
            guard !batch.isEmpty else { return }
            let job = Job(documents: batch, buffers: bufferSets[nextSet])
            batch.removeAll(keepingCapacity: true)
            nextSet ^= 1
            let previous = inFlight
            inFlight = nil
            previous?.done.wait()
            let runner = runner, profile = summary.profile, keepMentions = keepMentions
            DispatchQueue.global().async {
                job.outputs = runner.process(job.documents, into: job.buffers, keepMentions: keepMentions, profile: profile)
                job.done.signal()
            }
            inFlight = job
            if let previous { try write(previous) }
        }

        /// Adds a processed batch to the summary, shows it to the observers, then writes its
        /// lines in input order: a store holds every document the journal says is done.
        private func write(_ job: Job) throws {
            let writing = EngineProfile.now()
            defer { summary.writeNanos += EngineProfile.now() - writing }
            var processed: [ProcessedDocument] = []
            processed.reserveCapacity(job.outputs.count)
            for output in job.outputs {
                if let error = output.error { throw error }
                processed.append(output.processed!)
            }
            for (document, output) in zip(processed, job.outputs) {
                summary.documents += 1
                summary.bytes += document.record.bytes
                if document.error != nil { summary.failedDocuments += 1 }
                for (kind, count) in document.counts where count > 0 { summary.mentionsByKind[kind, default: 0] += count }
                summary.entities.add(document: document.record.id, entities: output.entities)
                if document.reused { summary.reused += 1 }
            }
            for observer in observers { try observer.observe(processed) }
            for output in job.outputs {
                let worker = job.buffers[output.worker]
                try output.spill?.copy { chunk throws(DatasetWriter.WriteError) in try writer.append(chunk, to: "mentions.jsonl") }
                try worker.mentions.withUnsafeBytes { try writer.append(UnsafeRawBufferPointer(rebasing: $0[output.mentions]), to: "mentions.jsonl") }
                try worker.documents.withUnsafeBytes { try writer.append(UnsafeRawBufferPointer(rebasing: $0[output.document]), to: "documents.jsonl") }
                if runner.explain {
                    try worker.decisions.withUnsafeBytes { try writer.append(UnsafeRawBufferPointer(rebasing: $0[output.decisions]), to: "decisions.jsonl") }
                }
            }
            try writer.checkpoint(processed.map { ($0.record.id, $0.record.sha256) })
        }
    }

    /// Processes a batch on `jobs` threads, each with its own scratch and buffers, taking
    /// documents one at a time (long documents do not leave other threads idle).
    /// `keepMentions`: keep each document's mentions in its `ProcessedDocument` (for an observer).
    func process(_ batch: [Document], into buffers: [WorkerBuffers], keepMentions: Bool = false,
                 profile total: EngineProfile? = nil) -> [Output] {
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
                var output = Output(worker: worker)
                do {
                    output.processed = try process(batch[position], scratch: scratch, into: buffer, as: &output,
                                                   keepMentions: keepMentions)
                } catch {
                    output.error = error
                }
                results.buffer[position] = output
            }
        }
        return results.array
    }

    /// Processes one document, encoding each mention's line into the worker's buffer as it is
    /// made (moved to a `SpillFile` past its threshold), then its record and decisions.
    private func process(_ document: Document, scratch: Engine.Scratch, into buffer: WorkerBuffers, as output: inout Output,
                         keepMentions: Bool) throws -> ProcessedDocument {
        let profile = scratch.profile
        let start = buffer.mentions.count
        var lines = MentionLines()
        var entities = DocumentEntities()
        var kept: [Mention] = []
        var spill: SpillFile?
        var spillFailure: SpillFile.Failure?
        var processed = try processor.process(document, scratch: scratch) { mention in
            guard spillFailure == nil else { return }
            let encoding = profile == nil ? 0 : EngineProfile.now()
            lines.append(mention, to: &buffer.mentions)
            entities.add(mention)
            if keepMentions { kept.append(mention) }
            if buffer.mentions.count - start >= spillThreshold {
                do throws(SpillFile.Failure) {
                    if spill == nil { spill = try SpillFile() }
                    try spill!.move(from: &buffer.mentions, after: start)
                    // Its repeated bytes were in what moved.
                    lines = MentionLines()
                } catch {
                    spillFailure = error
                }
            }
            if let profile {
                // Encoding, not building, in `glean bench`'s stage table.
                let spent = EngineProfile.now() - encoding
                profile.encodeNanos += spent
                profile.buildNanos &-= spent
            }
        }
        if let spillFailure { throw spillFailure }
        let encoding = profile == nil ? 0 : EngineProfile.now()
        defer { if let profile { profile.encodeNanos += EngineProfile.now() - encoding } }
        if processed.error != nil {
            // A record failed validation: the document has no mentions.
            buffer.mentions.removeSubrange(start...)
            spill = nil
            entities = DocumentEntities()
            kept = []
        }
        processed.mentions = kept
        output.spill = spill
        output.entities = entities
        output.mentions = start..<buffer.mentions.count
        let documentStart = buffer.documents.count
        RecordEncoder.append(processed.record, to: &buffer.documents)
        output.document = documentStart..<buffer.documents.count
        if explain {
            let decisionsStart = buffer.decisions.count
            for decision in processed.decisions { RecordEncoder.append(decision, doc: processed.record.id, to: &buffer.decisions) }
            output.decisions = decisionsStart..<buffer.decisions.count
        }
        return processed
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
