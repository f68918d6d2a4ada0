/// Something that watches a run's documents (the SQLite store of `--db`, the progress line).
/// `BatchRunner` shows it each batch on the writing thread, in input order, before the
/// batch's lines are written (so a store holds every document the `--resume` journal says is
/// done). It sees what the processor made and cannot change it; adding one changes neither
/// how documents are processed nor how they are scheduled.
public protocol RunObserver {
    /// One batch's documents, in input order.
    func observe(_ batch: [ProcessedDocument]) throws
    /// Whether it reads the documents' `mentions` (the store does): only then are they kept
    /// until the batch is written; otherwise they are empty and `counts` counts them.
    var readsMentions: Bool { get }
}

extension RunObserver {
    public var readsMentions: Bool { true }
}
