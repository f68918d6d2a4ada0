/// Turns the merged candidates into records, computing code-point offsets from byte offsets
/// in one forward walk over the text (candidates are sorted by start and do not overlap), and
/// validates each record as it is made: the first invalid one fails the document (no mentions).
///
/// `build` collects the records; `forEach` hands them over one at a time and keeps none, so
/// that a long document's records can be encoded and written as they are made
/// (docs/robustness.md: a 10 MB document of amounts makes 3.3 million records, 900 MB as
/// `Mention` values and 830 MB as JSON Lines).
enum MentionBuilder {
    static func build(_ candidates: [Candidate], in context: MergeContext) -> (mentions: [Mention], validationError: String?) {
        var mentions: [Mention] = []
        mentions.reserveCapacity(candidates.count)
        if let problem = walk(candidates, in: context, validating: true, making: true, { mentions.append($0) }) {
            return ([], problem)
        }
        return (mentions, nil)
    }

    /// The message of the first record that would fail validation, nil when every one passes
    /// (the check `build` makes, without making the records).
    static func validationError(_ candidates: [Candidate], in context: MergeContext) -> String? {
        walk(candidates, in: context, validating: true, making: false) { _ in }
    }

    /// Makes and validates the records in order and hands each valid one to `body`, keeping
    /// none; returns the first invalid record's message (the records already handed over are
    /// then to be discarded, as `build` returns none), else nil.
    static func stream(_ candidates: [Candidate], in context: MergeContext, _ body: (Mention) -> Void) -> String? {
        walk(candidates, in: context, validating: true, making: true, body)
    }

    /// Makes the records in order and hands each to `body`, keeping none: the records `build`
    /// returns, for candidates that passed `validationError` (they are not checked again).
    static func forEach(_ candidates: [Candidate], in context: MergeContext, _ body: (Mention) -> Void) {
        _ = walk(candidates, in: context, validating: false, making: true, body)
    }

    /// The walk behind `build`, `validationError` and `forEach`: with `making` false, only
    /// validates (no records, sentences or links are made).
    private static func walk(_ candidates: [Candidate], in context: MergeContext, validating: Bool, making: Bool,
                             _ body: (Mention) -> Void) -> String? {
        let bytes = context.bytes
        // An order of the candidates by start, when they are not already in it (indices: a
        // copy of the candidates would double their memory).
        let order: [Int]? = zip(candidates, candidates.dropFirst()).allSatisfy { $0.bytes.lowerBound <= $1.bytes.lowerBound }
            ? nil : candidates.indices.sorted { candidates[$0].bytes.lowerBound < candidates[$1].bytes.lowerBound }
        var bytePosition = 0
        var codePoints = 0
        func advance(to target: Int) {
            if target > bytePosition {
                codePoints += CodePointCounter.count(bytes, from: bytePosition, to: target)
                bytePosition = target
            }
        }
        let doc = context.document.id
        // Sentences: the mentions' spans, for the cursor to skip sentence ends inside them.
        let spans = !making ? [] : (order ?? Array(candidates.indices)).compactMap { candidates[$0].value == nil ? nil : candidates[$0].bytes }
        var sentences = SentenceCursor(bytes)
        var sentence: MentionSentence?
        var made = 0
        // The ids of the mentions made so far that a link targets, by their bytes (the latest
        // with these bytes wins, as the links are read).
        let targets = !making ? [] : Set(candidates.lazy.compactMap { $0.link?.target })
        var targetIDs: [Range<Int>: String] = [:]
        // Candidates are read in place: a copy of a candidate retains every reference it holds.
        for position in candidates.indices {
            let index = order?[position] ?? position
            guard let value = candidates[index].value else { continue }
            let span = candidates[index].bytes
            if making {
                let located = sentences.sentence(of: made, in: spans)
                if sentence?.index != located.index || sentence?.byteStart != located.bytes.lowerBound {
                    // A new sentence: it starts after every earlier mention, so the walk reaches it.
                    advance(to: located.bytes.lowerBound)
                    let length = CodePointCounter.count(bytes, from: located.bytes.lowerBound, to: located.bytes.upperBound)
                    sentence = MentionSentence(index: located.index, start: codePoints, end: codePoints + length,
                                               byteStart: located.bytes.lowerBound, byteEnd: located.bytes.upperBound)
                }
            }
            advance(to: span.lowerBound)
            let start = codePoints
            advance(to: span.upperBound)
            made += 1
            let traits = context.traits[candidates[index].plugin]
            if validating, let problem = RecordValidator.problem(inBuiltStart: start, end: codePoints, bytes: span, value: value,
                                                                 byteCount: bytes.count, schema: traits.schema) {
                // `Mention.id`, `extractor` and `rule` of the record it would have been.
                return "record \(doc)#\(start)-\(codePoints) (\(traits.extractorName) rule \(context.ruleID(of: candidates[index]))) failed validation: \(problem)"
            }
            guard making else { continue }
            let links = candidates[index].link.flatMap { link in
                targetIDs[link.target].map { [MentionLink(relation: link.relationName, target: $0)] }
            } ?? []
            // Bounds for values whose declared shape is a date value, whatever the kind's name.
            let dateBounds = traits.hasDateValues ? value.stringValue.flatMap(DateBounds.init(value:)) : nil
            let mention = Mention(
                doc: doc, kind: traits.kind, start: start, end: codePoints, byteStart: span.lowerBound, byteEnd: span.upperBound,
                text: context.text(span), value: value, extractor: traits.extractorName,
                rule: context.ruleID(of: candidates[index]), inferred: candidates[index].inferred,
                links: links, dateBounds: dateBounds, sentence: sentence, context: nil)
            if targets.contains(span) { targetIDs[span] = mention.id }
            body(mention)
        }
        return nil
    }
}
