/// The `equivalents` pass, for plugins that list it (or say `linkEquivalents: true`): in `50 billion JPY (about $460 million USD)` the
/// second amount restates the first, so it gets `equivalentOf` (the first one's id) and users
/// can read implied exchange rates. Only an opening parenthesis, `or`, `i.e.` and qualifiers such
/// as `about`, `nearly`, `approximately`, `roughly`, `around`, `some`, `over`, `~` may stand between.
public struct AmountLinker: MergePass {
    public let name = "equivalent"

    public init() {}

    static let connectors: Set<String> = ["or", "i.e.", "ie", "about", "nearly", "approximately", "approx.",
                                          "roughly", "around", "some", "over", "~", "almost", "equivalent", "to",
                                          "equal", "worth", "at", "estimated", "an", "a", "of", "just", "under"]

    public func apply(to candidates: inout [Candidate], in context: MergeContext, decisions: inout [Decision]) {
        guard context.traits.contains(where: \.linkEquivalents) else { return }
        var previous: Int?
        for index in candidates.indices {
            let plugin = candidates[index].plugin
            guard context.traits[plugin].linkEquivalents else { continue }
            defer { previous = index }
            guard let first = previous, candidates[first].plugin == plugin else { continue }
            let gapBytes = candidates[first].bytes.upperBound..<candidates[index].bytes.lowerBound
            // A gap with a `(` character has a `(` byte: most gaps are ruled out without a string.
            guard gapBytes.count <= 40, context.bytes[gapBytes].contains(UInt8(ascii: "(")) else { continue }
            let gap = context.text(gapBytes)
            guard gap.contains("(") else { continue }
            let words = gap.lowercased().split(whereSeparator: { " \u{00A0},(".contains($0) }).map(String.init)
            if words.allSatisfy(Self.connectors.contains) {
                candidates[index].link = CandidateLink(relation: MentionLink.equivalentOf, target: candidates[first].bytes)
            }
        }
    }
}
