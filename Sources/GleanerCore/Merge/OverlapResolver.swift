/// Spans never overlap (ANNOTATION.md), within a kind or across kinds. Greedy choice in this
/// order: longest, then leftmost, then the plugin's `priority`, then the rule's `priority`,
/// then manifest order. So `Malabar 2019` (exercise) beats `2019` (date) by length, and a
/// `block` rule's longer match (`COVID-19`) removes what it covers.
public struct OverlapResolver: MergePass {
    public let name = "overlap"

    public init() {}

    /// A candidate's place in the greedy order, as plain integers (sorted without touching
    /// plugins or manifests).
    private struct Rank {
        var length: Int
        var start: Int
        var pluginPriority: Int
        var rulePriority: Int
        var plugin: Int
        var rule: Int
        var index: Int

        static func precedes(_ a: Rank, _ b: Rank) -> Bool {
            if a.length != b.length { return a.length > b.length }
            if a.start != b.start { return a.start < b.start }
            if a.pluginPriority != b.pluginPriority { return a.pluginPriority > b.pluginPriority }
            if a.rulePriority != b.rulePriority { return a.rulePriority > b.rulePriority }
            if a.plugin != b.plugin { return a.plugin < b.plugin }
            if a.rule != b.rule { return a.rule < b.rule }
            return a.index < b.index
        }
    }

    public func apply(to candidates: inout [Candidate], in context: MergeContext, decisions: inout [Decision]) {
        guard candidates.count > 1 else { return }
        var ranks: [Rank] = []
        ranks.reserveCapacity(candidates.count)
        var starts: [Int] = []
        starts.reserveCapacity(candidates.count)
        for (index, candidate) in candidates.enumerated() {
            let traits = context.traits[candidate.plugin]
            ranks.append(Rank(length: candidate.length, start: candidate.bytes.lowerBound, pluginPriority: traits.priority,
                              rulePriority: candidate.rule >= 0 ? traits.rulePriorities[candidate.rule] : 0,
                              plugin: candidate.plugin, rule: candidate.rule, index: index))
            starts.append(candidate.bytes.lowerBound)
        }
        ranks.sort(by: Rank.precedes)
        starts.sort()
        var unique: [Int] = []
        unique.reserveCapacity(starts.count)
        for start in starts where unique.last != start { unique.append(start) }
        var kept = DisjointSpans(possibleStarts: unique)
        for rank in ranks {
            let candidate = candidates[rank.index]
            if let winner = kept.overlap(with: candidate.bytes) {
                if context.recordsDecisions { record(candidate, loser: candidates[winner.owner], context, &decisions) }
            } else {
                kept.insert(candidate.bytes, owner: rank.index)
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
