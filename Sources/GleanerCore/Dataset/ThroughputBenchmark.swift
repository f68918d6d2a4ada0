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
    }

    /// One end-to-end round into a scratch dataset folder.
    public func round(in directory: String) throws -> Round {
        let runner = BatchRunner(engine: engine, jobs: jobs, profile: true)
        let writer = try DatasetWriter(directory: directory, files: ["documents.jsonl", "mentions.jsonl", "entities.jsonl"])
        let started = EngineProfile.now()
        let summary = try runner.run(documents, writer: writer)
        try writer.commit()
        return Round(seconds: Double(EngineProfile.now() - started) / 1e9,
                     mentions: summary.mentionsByKind.values.reduce(0, +), profile: summary.profile,
                     writeNanos: summary.writeNanos)
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

    /// Peak resident memory of this process, in bytes.
    public static var peakResidentBytes: Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss) * 1024
    }
}
