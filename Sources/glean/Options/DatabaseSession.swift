import GleanerCore
import GleanerStore

/// One run's use of the SQLite store (`glean run --db`): a run row, the documents that need no
/// re-extraction (same content hash and same extraction fingerprint), a transaction per batch,
/// then entities, pruning and the run's counts.
struct DatabaseSession {
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

    var hooks: BatchRunner.Store {
        BatchRunner.Store(
            reuse: { document, sha256 in
                // One look-up per document, so the inputs need not be held in memory.
                guard document.failure == nil,
                      try !store.unchangedDocuments([(document.id, sha256)],
                                                    pluginFingerprint: fingerprint).isEmpty else { return nil }
                return try store.storedMentions(for: document.id)
            },
            save: { batch in if !batch.isEmpty { try store.write(batch: batch, runID: runID) } })
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
