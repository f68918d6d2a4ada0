import Foundation

/// `glean bench`: runs the whole pipeline (all plugins, merge, validated JSON Lines written)
/// over documents held in memory, warm-up then repeated rounds, and beside it a reference scan
/// (each plugin's rules as plain PCRE2-JIT alternations, counting matches) on the same
/// documents, so a number on a noisy machine still means something as a ratio.
public struct ThroughputBenchmark {
    public let engine: Engine
    public let documents: [Document]
    public let jobs: Int

    public init(engine: Engine, documents: [Document], jobs: Int) {
        self.engine = engine
        self.documents = documents
        self.jobs = jobs
    }

    public var bytes: Int { documents.reduce(0) { $0 + $1.text.utf8.count } }

    public struct Round: Sendable {
        public var seconds: Double
        public var mentions: Int
        public var profile: EngineProfile?
        public var writeNanos: UInt64
        /// CPU time of the whole process during the round (all threads): unlike `seconds`, it
        /// does not grow when other work on the machine takes the cores.
        public var cpuSeconds: Double
    }

    /// One end-to-end round into a scratch dataset folder; with `matched`, the candidates are
    /// taken from there instead of being matched (only what follows matching is timed).
    public func round(in directory: String, after matched: MatchedCandidates? = nil) throws -> Round {
        var processor = DocumentProcessor(engine: engine)
        processor.matched = matched
        let runner = BatchRunner(processor: processor, jobs: jobs, profile: true)
        let writer = try DatasetWriter(directory: directory, files: ["documents.jsonl", "mentions.jsonl", "entities.jsonl"])
        let started = EngineProfile.now()
        let cpuStarted = Self.processCPUSeconds
        let summary = try runner.run(documents, writer: writer)
        // A manifest makes the folder a dataset, which the next round may replace.
        try writer.write(RunManifest(engine: engine, summary: summary, options: []).bytes, as: "run.json")
        try writer.commit()
        return Round(seconds: Double(EngineProfile.now() - started) / 1e9,
                     mentions: summary.mentionsByKind.values.reduce(0, +), profile: summary.profile,
                     writeNanos: summary.writeNanos, cpuSeconds: Self.processCPUSeconds - cpuStarted)
    }

    /// Every document's candidates, matched once on `jobs` threads.
    public func matchOnce() -> MatchedCandidates {
        let found = UnsafeMutableBufferPointer<(candidates: [Candidate], failures: [String])>.allocate(capacity: documents.count)
        found.initialize(repeating: ([], []))
        defer { found.deinitialize(); found.deallocate() }
        let box = MatchedCandidates.Box(found)
        let workers = max(1, min(jobs, documents.count))
        let engine = engine, documents = documents
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let scratch = engine.makeScratch()
            for index in stride(from: worker, to: documents.count, by: workers) {
                let result = engine.extract(documents[index], scratch: scratch, keepCandidates: true, decisions: false)
                box.buffer[index] = (result.candidates, result.ruleFailures)
            }
        }
        var byDocument: [String: (candidates: [Candidate], failures: [String])] = [:]
        for (index, document) in documents.enumerated() { byDocument[document.id] = found[index] }
        return MatchedCandidates(byDocument: byDocument)
    }

    /// The reference scan on one thread: seconds and matches counted per plugin.
    public func referenceScan() -> (seconds: Double, matches: [Int]) {
        let scratch = engine.makeScratch()
        var matches = Array(repeating: 0, count: engine.plugins.count)
        let started = EngineProfile.now()
        for document in documents {
            var text = document.text
            text.withUTF8 { bytes in
                for (index, plugin) in engine.plugins.enumerated() {
                    matches[index] += plugin.referenceScanCount(in: bytes, scratch: scratch)
                }
            }
        }
        return (Double(EngineProfile.now() - started) / 1e9, matches)
    }

    /// Replicates the texts of `sources` into documents totalling at least `megabytes` MB.
    public static func generate(from sources: [Document], megabytes: Double) -> [Document] {
        guard !sources.isEmpty else { return [] }
        var documents: [Document] = []
        var total = 0
        while Double(total) < megabytes * 1_000_000 {
            let source = sources[documents.count % sources.count]
            documents.append(Document(id: String(format: "gen-%07d", documents.count), source: source.source, text: source.text))
            total += source.text.utf8.count
        }
        return documents
    }

    /// User and system CPU time of this process so far.
    public static var processCPUSeconds: Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// Peak resident memory of this process, in bytes.
    public static var peakResidentBytes: Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss) * 1024
    }
}

/// Candidates (before the merge) and rule failures of each document, by document id: lets
/// `glean bench --after-matching` time the stages after matching on their own.
public final class MatchedCandidates: Sendable {
    let byDocument: [String: (candidates: [Candidate], failures: [String])]

    init(byDocument: [String: (candidates: [Candidate], failures: [String])]) { self.byDocument = byDocument }

    /// Workers fill disjoint indices.
    final class Box: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<(candidates: [Candidate], failures: [String])>
        init(_ buffer: UnsafeMutableBufferPointer<(candidates: [Candidate], failures: [String])>) { self.buffer = buffer }
    }
}
