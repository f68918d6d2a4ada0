/// Spans never overlap (ANNOTATION.md), within a kind or across kinds. Greedy choice in this
/// order: longest, then leftmost, then the plugin's `priority`, then the rule's `priority`,
/// then manifest order. So `Malabar 2019` (exercise) beats `2019` (date) by length, and a
/// `block` rule's longer match (`COVID-19`) removes what it covers.
public struct OverlapResolver: MergePass {
    public let name = "overlap"

    public init() {}

    public func apply(to candidates: inout [Candidate], in context: MergeContext, decisions: inout [Decision]) {
        let ordered = candidates.sorted { a, b in
            if a.length != b.length { return a.length > b.length }
            if a.bytes.lowerBound != b.bytes.lowerBound { return a.bytes.lowerBound < b.bytes.lowerBound }
            let pa = context.plugins[a.plugin].manifest.priority, pb = context.plugins[b.plugin].manifest.priority
            if pa != pb { return pa > pb }
            let ra = a.rule >= 0 ? context.plugins[a.plugin].rules[a.rule].manifest.priority : 0
            let rb = b.rule >= 0 ? context.plugins[b.plugin].rules[b.rule].manifest.priority : 0
            if ra != rb { return ra > rb }
            return (a.plugin, a.rule) < (b.plugin, b.rule)
        }
        // Kept spans sorted by start; a new span is checked against its neighbours only.
        var kept: [Candidate] = []
        for candidate in ordered {
            let index = insertionIndex(of: candidate, in: kept)
            if index > 0, kept[index - 1].overlaps(candidate) {
                record(candidate, loser: kept[index - 1], context, &decisions)
            } else if index < kept.count, kept[index].overlaps(candidate) {
                record(candidate, loser: kept[index], context, &decisions)
            } else {
                kept.insert(candidate, at: index)
            }
        }
        candidates = kept
    }

    private func record(_ candidate: Candidate, loser winner: Candidate, _ context: MergeContext,
                        _ decisions: inout [Decision]) {
        let same = candidate.bytes == winner.bytes && candidate.plugin == winner.plugin
        let reason = same ? "same span as a candidate that ranks higher"
            : winner.length > candidate.length ? "overlaps a longer candidate"
            : "overlaps a candidate of equal length that starts earlier or has higher priority"
        decisions.append(Decision(candidate, in: context, pass: name, reason: reason, winner: winner))
    }

    private func insertionIndex(of candidate: Candidate, in kept: [Candidate]) -> Int {
        var low = 0, high = kept.count
        while low < high {
            let mid = (low + high) / 2
            if kept[mid].bytes.lowerBound < candidate.bytes.lowerBound { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
