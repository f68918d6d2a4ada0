/// Turns one input document into everything a command writes of it: its mentions, its
/// `documents.jsonl` record (content hash, counts, status, warnings) and the merge's decisions.
/// `glean run` (through `BatchRunner`), `glean stream`, `glean explain` and `glean bench` all
/// call it, so a document comes out the same whichever command reads it. Immutable and shared
/// by the worker threads; each thread brings its own `Engine.Scratch`.
public struct DocumentProcessor: Sendable {
    public let engine: Engine
    /// The kinds the plugins extract, in plugin order: every record's `counts`.
    public let kinds: [String]
    /// Keep the merge's decisions (`--explain`, `glean explain`).
    public var decisions: Bool
    /// Add each mention's sentence as `context`.
    public var context: Bool
    /// Earlier results that may stand in for extraction (`--resume`, `--db`), asked in order.
    public var earlier: [any EarlierResults]
    /// Candidates matched earlier, used instead of matching (`glean bench --after-matching`).
    var matched: MatchedCandidates?

    public init(engine: Engine, decisions: Bool = false, context: Bool = false, earlier: [any EarlierResults] = []) {
        self.engine = engine
        self.decisions = decisions
        self.context = context
        self.earlier = earlier
        var kinds: [String] = []
        for plugin in engine.plugins where !kinds.contains(plugin.kind) { kinds.append(plugin.kind) }
        self.kinds = kinds
    }

    /// A document that could not be read is recorded as failed; one whose content an earlier
    /// result holds unchanged takes its mentions from there; any other is extracted. Throws
    /// only what an earlier result's look-up throws (an unreadable store).
    public func process(_ document: Document, scratch: Engine.Scratch) throws -> ProcessedDocument {
        var mentions: [Mention] = []
        var processed = try process(document, scratch: scratch) { mentions.append($0) }
        if processed.error == nil { processed.mentions = mentions }
        return processed
    }

    /// `process(_:scratch:)` with each mention handed to `each` as it is made, in order, and
    /// none kept: the result's `mentions` is empty (its `counts` count them), so a long
    /// document's records are never all in memory (docs/robustness.md). When the result has an
    /// `error`, the mentions handed over before it was found must be discarded.
    public func process(_ document: Document, scratch: Engine.Scratch, each: (Mention) -> Void) throws -> ProcessedDocument {
        let profile = scratch.profile
        let hashing = profile == nil ? 0 : EngineProfile.now()
        let sha256 = SHA256.hex(document.text)
        if let profile { profile.hashNanos += EngineProfile.now() - hashing }
        var counts = DocumentRecord.Counts(kinds: kinds)
        // Stored mentions by their own kind, when one is of a kind no plugin extracts now.
        var byKind = DocumentRecord.Counts(kinds: [])
        var otherKinds = false
        let result: Engine.Result
        var reused = false
        if let failure = document.failure {
            result = Engine.Result(mentions: [], decisions: [], ruleFailures: [], validationError: failure, candidates: [])
        } else if let stored = try stored(document, sha256: sha256) {
            // Stored mentions already carry their context, when the run that stored them asked for it.
            for mention in stored {
                if !counts.add(mention.kind) { otherKinds = true }
                byKind.addKind(mention.kind)
                each(mention)
            }
            result = Engine.Result(mentions: [], decisions: [], ruleFailures: [], validationError: nil, candidates: [])
            reused = true
        } else {
            var text = document.text
            let context = context
            result = text.withUTF8 { bytes in
                extract(document, bytes: bytes, scratch: scratch) { made in
                    var mention = made
                    if context {
                        let sentence = mention.sentence.map { $0.byteStart..<$0.byteEnd }
                            ?? SentenceLocator.sentence(around: mention.byteStart..<mention.byteEnd, in: bytes)
                        mention.context = String(decoding: UnsafeBufferPointer(rebasing: bytes[sentence]), as: UTF8.self)
                    }
                    counts.add(mention.kind)
                    each(mention)
                }
            }
        }
        // Assembling the record counts as encoding in `glean bench`'s stage table.
        let assembling = profile == nil ? 0 : EngineProfile.now()
        defer { if let profile { profile.encodeNanos += EngineProfile.now() - assembling } }
        if result.validationError != nil {
            counts = DocumentRecord.Counts(kinds: kinds)
            otherKinds = false
        }
        let record = DocumentRecord(document: document, sha256: sha256, counts: counts, error: result.validationError,
                                    warnings: document.warnings + result.ruleFailures)
        return ProcessedDocument(record: record, mentions: [], counts: otherKinds ? byKind.pairs : counts.pairs, decisions: result.decisions,
                                 ruleFailures: result.ruleFailures, reused: reused)
    }

    private func stored(_ document: Document, sha256: String) throws -> [Mention]? {
        for source in earlier {
            if let mentions = try source.mentions(for: document, sha256: sha256) { return mentions }
        }
        return nil
    }

    private func extract(_ document: Document, bytes: UnsafeBufferPointer<UInt8>, scratch: Engine.Scratch,
                         each: (Mention) -> Void) -> Engine.Result {
        withoutActuallyEscaping(each) { each in
            guard let found = matched?.byDocument[document.id] else {
                return engine.extract(document, scratch: scratch, decisions: decisions, mentions: each)
            }
            return engine.resolve(found.candidates, failures: found.failures, document: document, bytes: bytes,
                                  profile: scratch.profile, decisions: decisions, mentions: each)
        }
    }
}
