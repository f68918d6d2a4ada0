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
        for candidate in ordered {
            guard let value = candidate.value else { continue }
            advance(to: candidate.bytes.lowerBound)
            let start = codePoints
            advance(to: candidate.bytes.upperBound)
            let traits = context.traits[candidate.plugin]
            let mention = Mention(
                doc: doc, kind: traits.kind, start: start, end: codePoints,
                byteStart: candidate.bytes.lowerBound, byteEnd: candidate.bytes.upperBound,
                text: context.text(candidate.bytes), value: value, extractor: traits.extractorName,
                rule: context.ruleID(of: candidate), inferred: candidate.inferred,
                equivalentOf: candidate.equivalentOf.flatMap { id(of: $0, in: mentions) }, context: nil)
            if let problem = RecordValidator.problem(inBuilt: mention, byteCount: bytes.count, shape: traits.shape) {
                return ([], "record \(mention.id) (\(mention.extractor) rule \(mention.rule)) failed validation: \(problem)")
            }
            mentions.append(mention)
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
