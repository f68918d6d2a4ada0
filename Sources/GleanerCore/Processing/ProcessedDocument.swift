/// What `DocumentProcessor` made of one document.
public struct ProcessedDocument: Sendable {
    /// Its line of `documents.jsonl`.
    public var record: DocumentRecord
    /// Its lines of `mentions.jsonl`, in order of `start` (empty when they were handed over
    /// one at a time: `DocumentProcessor.process(_:scratch:each:)`).
    public var mentions: [Mention]
    /// Mentions per kind for the run's summary: the kinds the plugins extract, in their
    /// order, then any other kind of stored mentions, by its own kind.
    public var counts: [(String, Int)]
    /// The candidates the merge dropped, with the reason (when the processor keeps decisions).
    public var decisions: [Decision]
    /// Rules that failed on this document (also among the record's warnings).
    public var ruleFailures: [String]
    /// The mentions came unchanged from an earlier result (`--resume`, `--db`).
    public var reused: Bool

    public init(record: DocumentRecord, mentions: [Mention], counts: [(String, Int)], decisions: [Decision],
                ruleFailures: [String], reused: Bool) {
        self.record = record
        self.mentions = mentions
        self.counts = counts
        self.decisions = decisions
        self.ruleFailures = ruleFailures
        self.reused = reused
    }

    /// Why the document failed (unreadable, or a record that failed validation), else nil.
    public var error: String? { record.error }

    /// How many mentions the document has.
    public var mentionCount: Int { counts.reduce(0) { $0 + $1.1 } }
}
