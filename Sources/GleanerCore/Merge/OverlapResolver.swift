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
        // A pending candidate's value is made when it is kept (`DeferredValues`); one the
        // normalizer rejects is no candidate, and is skipped as if it had never been found.
        guard candidates.count > 1 else {
            if let deferred = context.deferredValues { Self.makeValues(of: &candidates, with: deferred) }
            return
        }
        // Clusters of transitively overlapping candidates, by start: a candidate's fate depends
        // only on its own cluster, and most clusters are one candidate that is simply kept.
        let byStart = Self.indicesByStart(candidates, byteCount: context.bytes.count)
        var kept: [Int] = []
        kept.reserveCapacity(candidates.count)
        var dropped: [(rank: Rank, decision: Decision)] = []
        var scratch = Scratch()
        var cluster: [Int] = []
        var clusterEnd = Int.min
        func resolveCluster() {
            if cluster.count == 1 {
                kept.append(cluster[0])
            } else if !cluster.isEmpty {
                resolve(cluster, &candidates, context, scratch: &scratch, kept: &kept, dropped: &dropped)
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
        if !kept.elementsEqual(candidates.indices) { Self.keepOnly(kept, of: &candidates) }
        if let deferred = context.deferredValues { Self.makeValues(of: &candidates, with: deferred) }
    }

    /// Makes the values of the kept candidates still pending, those alone in their cluster
    /// (the others got theirs as they were kept), and removes the ones the normalizer rejects.
    /// The dropped candidates are gone by then and the array is cut to size first, so a long
    /// document never holds all its candidates and the kept ones' values at once.
    static func makeValues(of candidates: inout [Candidate], with deferred: DeferredValues) {
        if candidates.capacity > 2 * candidates.count + 4096 {
            var fitted: [Candidate] = []
            fitted.reserveCapacity(candidates.count)
            fitted.append(contentsOf: candidates)
            candidates = fitted
        }
        var rejected = false
        for index in candidates.indices where !deferred.resolve(&candidates[index]) { rejected = true }
        // A rejected candidate stays pending.
        if rejected { candidates.removeAllMoving(where: \.isPending) }
    }

    /// Candidate indices by start, then index (the order of a stable sort by start). Sorted
    /// as packed integers when offsets and indices fit 32 bits: no closure reads candidates.
    static func indicesByStart(_ candidates: [Candidate], byteCount: Int) -> [Int] {
        guard byteCount <= Int(UInt32.max), candidates.count <= Int(UInt32.max) else {
            var order = Array(candidates.indices)
            order.sort { (candidates[$0].bytes.lowerBound, $0) < (candidates[$1].bytes.lowerBound, $1) }
            return order
        }
        var keys: [Int] = []
        keys.reserveCapacity(candidates.count)
        for index in candidates.indices { keys.append(candidates[index].bytes.lowerBound << 32 | index) }
        // Each plugin's candidates come in start order, so often nothing needs sorting.
        if zip(keys, keys.dropFirst()).contains(where: { $0 > $1 }) { keys.sort() }
        for position in keys.indices { keys[position] &= 0xFFFF_FFFF }
        return keys
    }

    /// Leaves `candidates[kept[0]], candidates[kept[1]], ...` in that order: the permutation is
    /// applied in place by swaps (a copy would retain every reference a candidate holds), the
    /// dropped candidates moved to the end and removed.
    static func keepOnly(_ kept: [Int], of candidates: inout [Candidate]) {
        var isKept = Array(repeating: false, count: candidates.count)
        for index in kept { isKept[index] = true }
        var order = kept
        order.reserveCapacity(candidates.count)
        for index in candidates.indices where !isKept[index] { order.append(index) }
        candidates.permute(from: 0, by: &order)
        candidates.removeLast(candidates.count - kept.count)
    }

    /// Buffers of `resolve`, reused from cluster to cluster.
    private struct Scratch {
        var ranks: [Rank] = []
        var starts: [Int] = []
        var spans: [DisjointSpans.Span] = []
    }

    /// Up to this many candidates, a cluster's kept spans are searched one by one rather than
    /// through a `DisjointSpans` (which allocates three arrays per cluster).
    static let smallCluster = 16

    /// The greedy choice within one cluster; appends the kept candidates by start.
    private func resolve(_ cluster: [Int], _ candidates: inout [Candidate], _ context: MergeContext, scratch: inout Scratch,
                         kept: inout [Int], dropped: inout [(rank: Rank, decision: Decision)]) {
        // Whether a candidate exists: a pending one the normalizer rejects does not.
        func exists(_ index: Int) -> Bool { context.deferredValues?.resolve(&candidates[index]) ?? true }
        scratch.ranks.removeAll(keepingCapacity: true)
        for index in cluster {
            let bytes = candidates[index].bytes
            scratch.ranks.append(Rank(length: bytes.count, start: bytes.lowerBound,
                                      rank: context.traits[candidates[index].plugin].rank(ofRule: candidates[index].rule), index: index))
        }
        scratch.ranks.sort(by: Rank.precedes)
        if cluster.count <= Self.smallCluster {
            // The same choice as `DisjointSpans`: the kept span with the greatest start before
            // the candidate's if it reaches into it, else the first at or after it if it overlaps.
            scratch.spans.removeAll(keepingCapacity: true)
            for rank in scratch.ranks {
                let bytes = candidates[rank.index].bytes
                var before = -1, after = -1
                for slot in scratch.spans.indices {
                    let start = scratch.spans[slot].start
                    if start < bytes.lowerBound {
                        if before < 0 || start > scratch.spans[before].start { before = slot }
                    } else if after < 0 || start < scratch.spans[after].start {
                        after = slot
                    }
                }
                var winner: DisjointSpans.Span?
                if before >= 0, scratch.spans[before].end > bytes.lowerBound {
                    winner = scratch.spans[before]
                } else if after >= 0, scratch.spans[after].start < bytes.upperBound, bytes.lowerBound < scratch.spans[after].end {
                    winner = scratch.spans[after]
                }
                if let winner {
                    if context.recordsDecisions, exists(rank.index) {
                        dropped.append((rank, decision(candidates[rank.index], loser: candidates[winner.owner], context)))
                    }
                } else if exists(rank.index) {
                    scratch.spans.append(DisjointSpans.Span(start: bytes.lowerBound, end: bytes.upperBound, owner: rank.index))
                }
            }
            scratch.spans.sort { $0.start < $1.start }
            for span in scratch.spans { kept.append(span.owner) }
            return
        }
        scratch.starts.removeAll(keepingCapacity: true)
        for index in cluster where scratch.starts.last != candidates[index].bytes.lowerBound {
            scratch.starts.append(candidates[index].bytes.lowerBound)
        }
        var spans = DisjointSpans(possibleStarts: scratch.starts)
        for rank in scratch.ranks {
            let bytes = candidates[rank.index].bytes
            if let winner = spans.overlap(with: bytes) {
                if context.recordsDecisions, exists(rank.index) {
                    dropped.append((rank, decision(candidates[rank.index], loser: candidates[winner.owner], context)))
                }
            } else if exists(rank.index) {
                spans.insert(bytes, owner: rank.index)
            }
        }
        kept += spans.ownersByStart
    }

    private func decision(_ candidate: Candidate, loser winner: Candidate, _ context: MergeContext) -> Decision {
        let same = candidate.bytes == winner.bytes && candidate.plugin == winner.plugin
        let reason = same ? "same span as a candidate that ranks higher"
            : winner.length > candidate.length ? "overlaps a longer candidate"
            : "overlaps a candidate of equal length that starts earlier or has higher priority"
        return Decision(candidate, in: context, pass: name, reason: reason, winner: winner)
    }
}
