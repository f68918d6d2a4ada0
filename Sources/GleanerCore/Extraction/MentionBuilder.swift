/// Turns the merged candidates into records, computing code-point offsets from byte offsets
/// in one forward walk over the text (candidates are sorted by start and do not overlap).
enum MentionBuilder {
    static func build(_ candidates: [Candidate], in context: MergeContext) -> [Mention] {
        let bytes = context.bytes
        var mentions: [Mention] = []
        mentions.reserveCapacity(candidates.count)
        var bytePosition = 0
        var codePoints = 0
        func advance(to target: Int) {
            while bytePosition < target {
                if bytes[bytePosition] & 0xC0 != 0x80 { codePoints += 1 }
                bytePosition += 1
            }
        }
        var idByBytes: [Range<Int>: String] = [:]
        for candidate in candidates.sorted(by: { $0.bytes.lowerBound < $1.bytes.lowerBound }) {
            guard let value = candidate.value else { continue }
            advance(to: candidate.bytes.lowerBound)
            let start = codePoints
            advance(to: candidate.bytes.upperBound)
            let plugin = context.plugins[candidate.plugin]
            mentions.append(Mention(
                doc: context.document.id, kind: plugin.kind, start: start, end: codePoints,
                byteStart: candidate.bytes.lowerBound, byteEnd: candidate.bytes.upperBound,
                text: context.text(candidate.bytes), value: value, extractor: plugin.extractorName,
                rule: context.ruleID(of: candidate), inferred: candidate.inferred,
                equivalentOf: candidate.equivalentOf.flatMap { idByBytes[$0] }, context: nil))
            idByBytes[candidate.bytes] = mentions[mentions.count - 1].id
        }
        return mentions
    }
}
