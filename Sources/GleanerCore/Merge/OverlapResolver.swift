/// Spans never overlap (ANNOTATION.md), within a kind or across kinds. Greedy choice in this
/// order: longest, then leftmost, then the plugin's `priority`, then the rule's `priority`,
/// then manifest order. So `Malabar 2019` (exercise) beats `2019` (date) by length, and a
/// `block` rule's longer match (`COVID-19`) removes what it covers.
public struct OverlapResolver: MergePass {
    public let name = "overlap"

    public init() {}

    /// A candidate's place in the greedy order, as plain integers: the plugin and rule
    /// priorities and manifest orders are one precomputed rank (`PluginTraits.ruleRanks`).
    private struct Rank {
        var length: Int
        var start: Int
        var rank: Int
        var index: Int

        static func precedes(_ a: Rank, _ b: Rank) -> Bool {
            if a.length != b.length { return a.length > b.length }
            if a.start != b.start { return a.start < b.start }
            if a.rank != b.rank { return a.rank < b.rank }
            return a.index < b.index
        }
    }

    public func apply(to candidates: inout [Candidate], in context: MergeContext, decisions: inout [Decision]) {
        guard candidates.count > 1 else { return }
        var ranks: [Rank] = []
        ranks.reserveCapacity(candidates.count)
        var starts: [Int] = []
        starts.reserveCapacity(candidates.count)
        for index in candidates.indices {
            let bytes = candidates[index].bytes
            ranks.append(Rank(length: bytes.count, start: bytes.lowerBound,
                              rank: context.traits[candidates[index].plugin].rank(ofRule: candidates[index].rule), index: index))
            starts.append(bytes.lowerBound)
        }
        ranks.sort(by: Rank.precedes)
        starts.sort()
        var unique: [Int] = []
        unique.reserveCapacity(starts.count)
        for start in starts where unique.last != start { unique.append(start) }
        var kept = DisjointSpans(possibleStarts: unique)
        for rank in ranks {
            let bytes = candidates[rank.index].bytes
            if let winner = kept.overlap(with: bytes) {
                if context.recordsDecisions { record(candidates[rank.index], loser: candidates[winner.owner], context, &decisions) }
            } else {
                kept.insert(bytes, owner: rank.index)
            }
        }
        let owners = kept.ownersByStart
        var result: [Candidate] = []
        result.reserveCapacity(owners.count)
        for owner in owners { result.append(candidates[owner]) }
        candidates = result
    }

    private func record(_ candidate: Candidate, loser winner: Candidate, _ context: MergeContext,
                        _ decisions: inout [Decision]) {
        let same = candidate.bytes == winner.bytes && candidate.plugin == winner.plugin
        let reason = same ? "same span as a candidate that ranks higher"
            : winner.length > candidate.length ? "overlaps a longer candidate"
            : "overlaps a candidate of equal length that starts earlier or has higher priority"
        decisions.append(Decision(candidate, in: context, pass: name, reason: reason, winner: winner))
    }
}
