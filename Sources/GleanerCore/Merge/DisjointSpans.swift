/// Non-overlapping byte spans, kept by start, where every start a span may have is known up
/// front: inserting and finding the neighbours of a position take O(log n) (a Fenwick tree
/// over the possible starts), so a merge pass stays O(n log n) on any document.
struct DisjointSpans {
    /// Possible starts, sorted and unique.
    private let starts: [Int]
    /// Fenwick tree of kept starts (1-based).
    private var tree: [Int32]
    /// Per possible start: the end of the kept span there (-1: none) and its owner.
    private var ends: [Int]
    private var owners: [Int]
    private var highBit = 1
    private(set) var count = 0

    init(possibleStarts: [Int]) {
        starts = possibleStarts
        tree = Array(repeating: 0, count: possibleStarts.count + 1)
        ends = Array(repeating: -1, count: possibleStarts.count)
        owners = Array(repeating: -1, count: possibleStarts.count)
        while highBit * 2 <= possibleStarts.count { highBit *= 2 }
    }

    /// A kept span: its start, end and owner.
    struct Span {
        var start: Int
        var end: Int
        var owner: Int
    }

    /// Index of the first possible start >= `offset`.
    private func slot(atOrAfter offset: Int) -> Int {
        var low = 0, high = starts.count
        while low < high {
            let mid = (low + high) / 2
            if starts[mid] < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Kept spans that start before `offset`.
    private func rank(before offset: Int) -> Int {
        var position = slot(atOrAfter: offset)
        var sum = 0
        while position > 0 {
            sum += Int(tree[position])
            position &= position - 1
        }
        return sum
    }

    /// The slot of the kept span of 1-based rank `rank`.
    private func slot(ofRank rank: Int) -> Int {
        var position = 0, rest = rank, step = highBit
        while step > 0 {
            let next = position + step
            if next < tree.count, Int(tree[next]) < rest {
                position = next
                rest -= Int(tree[next])
            }
            step >>= 1
        }
        return position
    }

    private func span(at slot: Int) -> Span { Span(start: starts[slot], end: ends[slot], owner: owners[slot]) }

    /// The kept span with the greatest start below `offset`, and the first that starts at or after it.
    func neighbours(of offset: Int) -> (before: Span?, after: Span?) {
        let before = rank(before: offset)
        return (before > 0 ? span(at: slot(ofRank: before)) : nil,
                before < count ? span(at: slot(ofRank: before + 1)) : nil)
    }

    /// The first kept span that overlaps `range`, checking the span before its start first.
    func overlap(with range: Range<Int>) -> Span? {
        let (before, after) = neighbours(of: range.lowerBound)
        if let before, before.end > range.lowerBound { return before }
        if let after, after.start < range.upperBound, range.lowerBound < after.end { return after }
        return nil
    }

    /// Keeps a span; its start must be a possible start not yet taken.
    mutating func insert(_ range: Range<Int>, owner: Int) {
        let slot = slot(atOrAfter: range.lowerBound)
        precondition(slot < starts.count && starts[slot] == range.lowerBound && ends[slot] < 0)
        ends[slot] = range.upperBound
        owners[slot] = owner
        var position = slot + 1
        while position < tree.count {
            tree[position] += 1
            position += position & -position
        }
        count += 1
    }

    /// Owners of the kept spans, by start.
    var ownersByStart: [Int] {
        var result: [Int] = []
        result.reserveCapacity(count)
        for slot in ends.indices where ends[slot] >= 0 { result.append(owners[slot]) }
        return result
    }
}
