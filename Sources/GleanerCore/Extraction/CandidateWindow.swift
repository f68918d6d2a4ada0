/// Where, before a candidate match end, a rule's match can start. Two exact bounds:
/// - no match contains a barrier byte (`MatchAlphabet`), so it starts after the last one;
/// - no match costs more than `maxCost`, where a match's cost is its length in bytes with
///   each run of elastic characters counted as one. `maxCost` is the longest match of the
///   rule's `PrefilterExpression.collapsed` (each unbounded repetition of elastic characters
///   cut to one), so runs of any length stay inside the bound.
struct CandidateWindow: Sendable, Equatable {
    static let plain: UInt8 = 0
    static let barrier: UInt8 = 1
    static let elastic: UInt8 = 2

    /// Nil: no length bound (a repetition without a limit over other characters).
    let maxCost: Int?
    /// Per byte: plain, barrier or elastic (ASCII bytes only; others are plain).
    let classes: [UInt8]
    /// Whether U+00A0 is elastic.
    let elasticNoBreakSpace: Bool

    init(maxCost: Int?, barriers: [Bool], elastic: ScalarSet) {
        self.maxCost = maxCost
        // A character a repetition can match is never a barrier.
        classes = (0..<256).map { byte in
            byte < 128 && elastic.contains(ascii: UInt8(byte)) ? Self.elastic : barriers[byte] ? Self.barrier : Self.plain
        }
        elasticNoBreakSpace = elastic.contains(scalar: 0xA0)
    }

    /// A window read back from the prefilter cache.
    init(maxCost: Int?, classes: [UInt8], elasticNoBreakSpace: Bool) {
        self.maxCost = maxCost
        self.classes = classes
        self.elasticNoBreakSpace = elasticNoBreakSpace
    }

    /// The first offset where a match ending at `end` can start, never below `floor` (a
    /// character boundary). `table` is `classes`, borrowed once by the caller: the walk is the
    /// prefilter's innermost loop, run over every byte of every window.
    @inline(__always)
    func start(before end: Int, notBefore floor: Int, in bytes: UnsafeBufferPointer<UInt8>,
               table: UnsafeBufferPointer<UInt8>) -> Int {
        var offset = end
        var cost = 0
        var followedByElastic = false
        let limit = maxCost ?? Int.max
        while offset > floor {
            let last = bytes[offset - 1]
            if last < 0x80 {
                // ASCII, one byte a character: a loop of its own. Folded into the general body
                // below, the walk took 9 % of a run instead of 6 % (perf, same corpus).
                let kind = table[Int(last)]
                if kind == Self.barrier { return offset }
                let elastic = kind == Self.elastic
                let charge = elastic && followedByElastic ? 0 : 1
                if cost + charge > limit { return offset }
                cost += charge
                followedByElastic = elastic
                offset -= 1
                continue
            }
            var lead = offset - 1
            while lead > floor, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
            let byte = bytes[lead]
            let kind = table[Int(byte)]
            if kind == Self.barrier { return offset }
            let elastic = kind == Self.elastic
                || (elasticNoBreakSpace && byte == 0xC2 && offset - lead == 2 && bytes[lead + 1] == 0xA0)
            let charge = elastic ? (followedByElastic ? 0 : 1) : offset - lead
            if cost + charge > limit { return offset }
            cost += charge
            followedByElastic = elastic
            offset = lead
        }
        return floor
    }
}
