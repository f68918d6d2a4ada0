/// Where a run may find a document's mentions without extracting it again: the journal and
/// dataset of an earlier run (`--resume`, `ResumeState`) or the SQLite store (`--db`). Asked by
/// `DocumentProcessor` from the worker threads, so it must be safe to call concurrently. It
/// decides only *what* a document's mentions are, never how documents are scheduled.
public protocol EarlierResults: Sendable {
    /// The stored mentions of `document` when they may be reused (its content, SHA-256 hex
    /// `sha256`, is unchanged and was extracted the same way), else nil.
    func mentions(for document: Document, sha256: String) throws -> [Mention]?
}
