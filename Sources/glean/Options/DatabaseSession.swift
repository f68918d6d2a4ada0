import GleanerCore
import GleanerStore

/// One run's use of the SQLite store (`glean run --db`): a run row, the documents that need no
/// re-extraction (same content hash and same extraction fingerprint), a transaction per batch,
/// then entities, pruning and the run's counts. It is both a source of earlier results and an
/// observer of the run.
struct DatabaseSession: EarlierResults, RunObserver {
    let store: DatasetStore
    let runID: Int64
    let fingerprint: String

    init(path: String, engine: Engine, options: [(String, JSONValue)]) throws {
        store = try DatasetStore(path: path)
        let plugins = RunManifest.plugins(engine)
        // Anything that changes the mentions: plugins and their manifests, and --context.
        let contextOption = options.first { $0.0 == "context" }?.1 ?? .bool(false)
        fingerprint = SHA256.hex(JSONWriter.string(.array([plugins, contextOption])).utf8)
        runID = try store.beginRun(tool: "glean \(RunManifest.toolVersion)", pluginFingerprint: fingerprint,
                                   plugins: plugins, options: .object(options))
    }

    /// One look-up per document, so the inputs need not be held in memory. The store reads
    /// through a pool of connections, so the workers may ask at once.
    func mentions(for document: Document, sha256: String) throws -> [Mention]? {
        guard document.failure == nil,
              try !store.unchangedDocuments([(document.id, sha256)], pluginFingerprint: fingerprint).isEmpty else { return nil }
        return try store.storedMentions(for: document.id)
    }

    /// A transaction per batch, with the documents that were extracted (the reused ones are
    /// in the store unchanged).
    func observe(_ batch: [ProcessedDocument]) throws {
        let extracted = batch.filter { !$0.reused }.map { (record: $0.record, mentions: $0.mentions) }
        if !extracted.isEmpty { try store.write(batch: extracted, runID: runID) }
    }

    /// The entities cover every stored document, not only this run's inputs: the run's documents
    /// in input order (as in entities.jsonl), then the other stored ones by id.
    func finish(summary: BatchRunner.Summary, manifest: RunManifest, prune: Bool, keeping ids: Set<String>) throws {
        if prune { _ = try store.prune(keeping: ids) }
        var entities = summary.entities
        for row in try store.query("SELECT id FROM documents WHERE status = 'ok' ORDER BY id") {
            guard let id = row.first ?? nil, !ids.contains(id) else { continue }
            entities.add(document: id, mentions: try store.storedMentions(for: id))
        }
        try store.replaceEntities(entities.records)
        try store.finishRun(runID, counts: manifest.json["counts"] ?? .null)
    }
}
