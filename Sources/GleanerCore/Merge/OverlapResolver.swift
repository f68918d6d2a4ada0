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
        // Clusters of transitively overlapping candidates, by start: a candidate's fate depends
        // only on its own cluster, and most clusters are one candidate that is simply kept.
        // (Each plugin's candidates come in start order, so this sort is nearly linear.)
        var byStart = Array(candidates.indices)
        byStart.sort { candidates[$0].bytes.lowerBound < candidates[$1].bytes.lowerBound }
        var kept: [Int] = []
        kept.reserveCapacity(candidates.count)
        var dropped: [(rank: Rank, decision: Decision)] = []
        var cluster: [Int] = []
        var clusterEnd = Int.min
        func resolveCluster() {
            if cluster.count == 1 {
                kept.append(cluster[0])
            } else if !cluster.isEmpty {
                resolve(cluster, candidates, context, kept: &kept, dropped: &dropped)
            }
            cluster.removeAll(keepingCapacity: true)
        }
        for index in byStart {
            let bytes = candidates[index].bytes
            if bytes.lowerBound >= clusterEnd { resolveCluster() }
            cluster.append(index)
            clusterEnd = max(clusterEnd, bytes.upperBound)
        }
        resolveCluster()
        if !dropped.isEmpty {
            // Decisions in the order of the greedy choice over the whole document.
            dropped.sort { Rank.precedes($0.rank, $1.rank) }
            decisions += dropped.map(\.decision)
        }
        if kept.elementsEqual(candidates.indices) { return }
        var result: [Candidate] = []
        result.reserveCapacity(kept.count)
        for index in kept { result.append(candidates[index]) }
        candidates = result
    }

    /// The greedy choice within one cluster; appends the kept candidates by start.
    private func resolve(_ cluster: [Int], _ candidates: [Candidate], _ context: MergeContext,
                         kept: inout [Int], dropped: inout [(rank: Rank, decision: Decision)]) {
        var ranks: [Rank] = []
        ranks.reserveCapacity(cluster.count)
        var starts: [Int] = []
        starts.reserveCapacity(cluster.count)
        for index in cluster {
            let bytes = candidates[index].bytes
            ranks.append(Rank(length: bytes.count, start: bytes.lowerBound,
                              rank: context.traits[candidates[index].plugin].rank(ofRule: candidates[index].rule), index: index))
            if starts.last != bytes.lowerBound { starts.append(bytes.lowerBound) }
        }
        ranks.sort(by: Rank.precedes)
        var spans = DisjointSpans(possibleStarts: starts)
        for rank in ranks {
            let bytes = candidates[rank.index].bytes
            if let winner = spans.overlap(with: bytes) {
                if context.recordsDecisions {
                    var decisions: [Decision] = []
                    record(candidates[rank.index], loser: candidates[winner.owner], context, &decisions)
                    dropped.append((rank, decisions[0]))
                }
            } else {
                spans.insert(bytes, owner: rank.index)
            }
        }
        kept += spans.ownersByStart
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
