import GleanerCore
import GRDB

/// A dataset kept in one SQLite file: runs, documents, their mentions and the entities, so a
/// later run re-extracts only the documents whose text or plugins changed.
///
/// Opened in WAL mode with foreign keys on (deleting a document deletes its mentions), and
/// waits up to 10 s for another process's write instead of failing. Every method is synchronous
/// and is one transaction; every error is a `StoreError` that names the store and what failed.
public final class DatasetStore: Sendable {
    public let path: String
    private let pool: DatabasePool

    /// Opens (creating if needed) the store at `path` and brings its schema up to date.
    public init(path: String) throws {
        self.path = path
        var config = Configuration()
        config.foreignKeysEnabled = true  // GRDB's default, but the cascade depends on it
        config.busyMode = .timeout(10)
        pool = try StoreError.context("cannot open the store \(path)") {
            let pool = try DatabasePool(path: path, configuration: config)
            try StoreMigrations.migrator.migrate(pool)
            return pool
        }
    }

    /// ISO 8601 UTC with milliseconds, from SQLite's clock so every row uses the same one.
    private static let now = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"

    /// Records a new run (unfinished until `finishRun`) and returns its id for `write`.
    public func beginRun(tool: String, pluginFingerprint: String, plugins: JSONValue, options: JSONValue) throws -> Int64 {
        try StoreError.context("\(path): cannot begin a run") {
            try pool.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO runs (started, tool, plugins, options, pluginFingerprint)
                        VALUES (\(Self.now), ?, ?, ?, ?)
                        """,
                    arguments: [tool, JSONWriter.string(plugins), JSONWriter.string(options), pluginFingerprint])
                return db.lastInsertedRowID
            }
        }
    }

    /// The ids among `candidates` that need no re-extraction: stored with the same text hash,
    /// by the same plugins, and successfully. A document that failed is always retried, since
    /// its stored row has no mentions to reuse.
    public func unchangedDocuments(_ candidates: [(id: String, sha256: String)], pluginFingerprint: String) throws -> Set<String> {
        try StoreError.context("\(path): cannot look up unchanged documents") {
            try pool.read { db in
                let lookup = try db.cachedStatement(sql: """
                    SELECT 1 FROM documents
                    WHERE id = ? AND sha256 = ? AND pluginFingerprint = ? AND status = 'ok'
                    """)
                var unchanged = Set<String>()
                for candidate in candidates
                where try Int.fetchOne(lookup, arguments: [candidate.id, candidate.sha256, pluginFingerprint]) != nil {
                    unchanged.insert(candidate.id)
                }
                return unchanged
            }
        }
    }

    /// The stored mentions of a document, exactly as written, ordered by `start`; empty for an
    /// unknown document.
    public func storedMentions(for documentID: String) throws -> [Mention] {
        try StoreError.context("\(path): cannot read the mentions of \(documentID)") {
            try pool.read { db in
                let select = try db.cachedStatement(sql: MentionRow.selectSQL)
                return try Row.fetchAll(select, arguments: [documentID]).map(MentionRow.mention)
            }
        }
    }

    /// Stores a batch of extracted documents in one transaction: each document row is upserted
    /// by id and its mentions replaced, so writing the same batch twice changes nothing and other
    /// documents are untouched. The documents take `runID`'s plugin fingerprint. On any error
    /// (a mention of another document, a duplicate mention id, an unknown run) nothing is written.
    public func write(batch: [(record: DocumentRecord, mentions: [Mention])], runID: Int64) throws {
        try StoreError.context("\(path): cannot write \(batch.count) documents") {
            try pool.write { db in
                guard let fingerprint = try String.fetchOne(
                    db, sql: "SELECT pluginFingerprint FROM runs WHERE id = ?", arguments: [runID]) else {
                    throw StoreError("no run \(runID)")
                }
                let upsert = try db.cachedStatement(sql: DocumentRow.upsertSQL)
                let clear = try db.cachedStatement(sql: "DELETE FROM mentions WHERE doc = ?")
                let insert = try db.cachedStatement(sql: MentionRow.insertSQL)
                for (record, mentions) in batch {
                    try StoreError.context("document \(record.id)") {
                        try upsert.execute(arguments: DocumentRow.arguments(for: record, pluginFingerprint: fingerprint, runID: runID))
                        try clear.execute(arguments: [record.id])
                        for mention in mentions {
                            guard mention.doc == record.id else {
                                throw StoreError("mention \(mention.id) belongs to another document")
                            }
                            try insert.execute(arguments: MentionRow.arguments(for: mention))
                        }
                    }
                }
            }
        }
    }

    /// Replaces every entity with `records` (as `EntityIndex.records` gives them), in one
    /// transaction: the index is rebuilt over the whole dataset each run, not patched.
    public func replaceEntities(_ records: [JSONValue]) throws {
        try StoreError.context("\(path): cannot replace the entities") {
            try pool.write { db in
                try db.execute(sql: "DELETE FROM entities")
                let insert = try db.cachedStatement(sql: EntityRow.insertSQL)
                for record in records {
                    try insert.execute(arguments: EntityRow.arguments(for: record))
                }
            }
        }
    }

    /// Deletes the documents whose ids are not in `ids` (inputs that are gone), and with them
    /// their mentions; returns how many documents were deleted.
    public func prune(keeping ids: Set<String>) throws -> Int {
        try StoreError.context("\(path): cannot prune documents") {
            try pool.write { db in
                let stored = try String.fetchAll(db, sql: "SELECT id FROM documents")
                let delete = try db.cachedStatement(sql: "DELETE FROM documents WHERE id = ?")
                var deleted = 0
                for id in stored where !ids.contains(id) {
                    try delete.execute(arguments: [id])
                    deleted += 1
                }
                return deleted
            }
        }
    }

    /// Marks a run finished and records its counts.
    public func finishRun(_ runID: Int64, counts: JSONValue) throws {
        try StoreError.context("\(path): cannot finish run \(runID)") {
            try pool.write { db in
                try db.execute(
                    sql: "UPDATE runs SET finished = \(Self.now), counts = ? WHERE id = ?",
                    arguments: [JSONWriter.string(counts), runID])
                guard db.changesCount == 1 else { throw StoreError("no such run") }
            }
        }
    }

    /// Runs a read-only SQL statement (a report, a check) and returns its rows, each column as
    /// text as SQLite would print it, `nil` for NULL. Writing statements fail.
    public func query(_ sql: String) throws -> [[String?]] {
        try StoreError.context("\(path): query failed") {
            try pool.read { db in
                try Row.fetchAll(db, sql: sql).map { row in
                    row.databaseValues.map { value -> String? in
                        switch value.storage {
                        case .null: nil
                        case .int64(let number): String(number)
                        case .double(let number): String(number)
                        case .string(let text): text
                        case .blob(let data): data.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
                        }
                    }
                }
            }
        }
    }
}
