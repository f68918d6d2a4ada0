/// Turns the merged candidates into records, computing code-point offsets from byte offsets
/// in one forward walk over the text (candidates are sorted by start and do not overlap), and
/// validates each record as it is made: the first invalid one fails the document (no mentions).
enum MentionBuilder {
    static func build(_ candidates: [Candidate], in context: MergeContext) -> (mentions: [Mention], validationError: String?) {
        let bytes = context.bytes
        let ordered = zip(candidates, candidates.dropFirst()).allSatisfy { $0.bytes.lowerBound <= $1.bytes.lowerBound }
            ? candidates : candidates.sorted(by: { $0.bytes.lowerBound < $1.bytes.lowerBound })
        var mentions: [Mention] = []
        mentions.reserveCapacity(ordered.count)
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
        let spans = ordered.compactMap { $0.value == nil ? nil : $0.bytes }
        var sentences = SentenceCursor(bytes)
        var sentence: MentionSentence?
        // Candidates read in place, each record checked on its parts and then made inside the
        // array: a copy of a candidate or a mention retains every reference it holds.
        for index in ordered.indices {
            guard let value = ordered[index].value else { continue }
            let span = ordered[index].bytes
            let located = sentences.sentence(of: mentions.count, in: spans)
            if sentence?.index != located.index || sentence?.byteStart != located.bytes.lowerBound {
                // A new sentence: it starts after every earlier mention, so the walk reaches it.
                advance(to: located.bytes.lowerBound)
                let length = CodePointCounter.count(bytes, from: located.bytes.lowerBound, to: located.bytes.upperBound)
                sentence = MentionSentence(index: located.index, start: codePoints, end: codePoints + length,
                                           byteStart: located.bytes.lowerBound, byteEnd: located.bytes.upperBound)
            }
            advance(to: span.lowerBound)
            let start = codePoints
            advance(to: span.upperBound)
            let traits = context.traits[ordered[index].plugin]
            if let problem = RecordValidator.problem(inBuiltStart: start, end: codePoints, bytes: span, value: value,
                                                     byteCount: bytes.count, schema: traits.schema) {
                // `Mention.id`, `extractor` and `rule` of the record it would have been.
                return ([], "record \(doc)#\(start)-\(codePoints) (\(traits.extractorName) rule \(context.ruleID(of: ordered[index]))) failed validation: \(problem)")
            }
            let links = ordered[index].link.flatMap { link in
                id(of: link.target, in: mentions).map { [MentionLink(relation: link.relationName, target: $0)] }
            } ?? []
            // Bounds for values whose declared shape is a date value, whatever the kind's name.
            let dateBounds = traits.hasDateValues ? value.stringValue.flatMap(DateBounds.init(value:)) : nil
            mentions.append(Mention(
                doc: doc, kind: traits.kind, start: start, end: codePoints, byteStart: span.lowerBound, byteEnd: span.upperBound,
                text: context.text(span), value: value, extractor: traits.extractorName,
                rule: context.ruleID(of: ordered[index]), inferred: ordered[index].inferred,
                links: links, dateBounds: dateBounds, sentence: sentence, context: nil))
        }
        return (mentions, nil)
    }

    /// The id of the latest mention built so far with exactly these bytes (built mentions are
    /// sorted by start).
    private static func id(of range: Range<Int>, in mentions: [Mention]) -> String? {
        var low = 0, high = mentions.count
        while low < high {
            let mid = (low + high) / 2
            if mentions[mid].byteStart <= range.lowerBound { low = mid + 1 } else { high = mid }
        }
        for index in stride(from: low - 1, through: 0, by: -1) {
            guard mentions[index].byteStart == range.lowerBound else { break }
            if mentions[index].byteEnd == range.upperBound { return mentions[index].id }
        }
        return nil
    }
}
