/// What `DocumentProcessor` made of one document.
public struct ProcessedDocument: Sendable {
    /// Its line of `documents.jsonl`.
    public var record: DocumentRecord
    /// Its lines of `mentions.jsonl`, in order of `start`.
    public var mentions: [Mention]
    /// The candidates the merge dropped, with the reason (when the processor keeps decisions).
    public var decisions: [Decision]
    /// Rules that failed on this document (also among the record's warnings).
    public var ruleFailures: [String]
    /// The mentions came unchanged from an earlier result (`--resume`, `--db`).
    public var reused: Bool

    public init(record: DocumentRecord, mentions: [Mention], decisions: [Decision], ruleFailures: [String], reused: Bool) {
        self.record = record
        self.mentions = mentions
        self.decisions = decisions
        self.ruleFailures = ruleFailures
        self.reused = reused
    }

    /// Why the document failed (unreadable, or a record that failed validation), else nil.
    public var error: String? { record.error }

    /// Mentions per kind for the run's summary. The record counts only the kinds the plugins
    /// extract now; stored mentions of another kind are counted by their own kind.
    public var counts: [(String, Int)] {
        if record.counts.reduce(0, { $0 + $1.1 }) == mentions.count { return record.counts }
        var counts: [(String, Int)] = []
        for mention in mentions {
            if let index = counts.firstIndex(where: { $0.0 == mention.kind }) { counts[index].1 += 1 } else { counts.append((mention.kind, 1)) }
        }
        return counts
    }
}
