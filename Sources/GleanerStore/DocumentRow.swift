import GleanerCore
import GRDB

/// How a `DocumentRecord` maps to a row of `documents`. An upsert, not `INSERT OR REPLACE`:
/// REPLACE deletes the old row first, which would lose `runId` (the run that first stored the
/// document) and, with foreign keys on, cascade into its mentions behind the writer's back.
enum DocumentRow {
    static let upsertSQL = """
        INSERT INTO documents (id, source, sha256, bytes, codePoints, counts, status, error,
                               warnings, meta, pluginFingerprint, runId, updatedRunId)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT(id) DO UPDATE SET
            source = excluded.source, sha256 = excluded.sha256, bytes = excluded.bytes,
            codePoints = excluded.codePoints, counts = excluded.counts, status = excluded.status,
            error = excluded.error, warnings = excluded.warnings, meta = excluded.meta,
            pluginFingerprint = excluded.pluginFingerprint, updatedRunId = excluded.updatedRunId
        """

    static func arguments(for record: DocumentRecord, pluginFingerprint: String, runID: Int64) -> StatementArguments {
        let counts = JSONValue.object(record.counts.map { ($0.0, .int($0.1)) })
        let warnings = record.warnings.isEmpty
            ? nil : JSONWriter.string(.array(record.warnings.map(JSONValue.string)))
        let meta = record.meta.isEmpty ? nil : JSONWriter.string(.object(record.meta))
        let columns: [(any DatabaseValueConvertible)?] = [
            record.id, record.source, record.sha256, record.bytes, record.codePoints,
            JSONWriter.string(counts), record.status, record.error, warnings, meta,
            pluginFingerprint, runID, runID,
        ]
        return StatementArguments(columns)
    }
}
