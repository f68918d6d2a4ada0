/// A proposed mention, before the merge stage decides which candidates survive.
public struct Candidate: Sendable {
    /// Index of the plugin in the engine.
    public var plugin: Int
    /// Index of the rule in its plugin.
    public var rule: Int
    public var bytes: Range<Int>
    /// Nil for a `block` rule's match.
    public var value: JSONValue?
    public var inferred: [String]
    /// A relation to another candidate a merge pass set (`equivalentOf`).
    public var link: CandidateLink?

    public var isBlock: Bool { value == nil }
    public var length: Int { bytes.count }

    public init(plugin: Int, rule: Int, bytes: Range<Int>, value: JSONValue?, inferred: [String] = []) {
        self.plugin = plugin
        self.rule = rule
        self.bytes = bytes
        self.value = value
        self.inferred = inferred
    }

    public func overlaps(_ other: Candidate) -> Bool {
        bytes.lowerBound < other.bytes.upperBound && other.bytes.lowerBound < bytes.upperBound
    }
}

extension Array where Element == Candidate {
    /// `removeAll(where:)`, with the kept candidates moved (swapped through the buffer) where
    /// the array's own swaps copy them, retaining and releasing every reference they hold.
    /// Calls `shouldBeRemoved` once per candidate, in order; the kept ones keep their order.
    mutating func removeAllMoving(where shouldBeRemoved: (Candidate) -> Bool) {
        var kept = 0
        withUnsafeMutableBufferPointer { buffer in
            for index in buffer.indices where !shouldBeRemoved(buffer[index]) {
                if kept != index { buffer.swapAt(kept, index) }
                kept += 1
            }
        }
        removeLast(count - kept)
    }

    /// Puts `self[base + order[p]]` at `base + p` for every `p`, in place, cycle by cycle:
    /// swapped through the buffer, whose swaps move candidates where the array's copy one side
    /// (retaining and releasing every reference it holds). `order` is a permutation of
    /// `0..<order.count`; it is left as the identity.
    mutating func permute(from base: Int, by order: inout [Int]) {
        withUnsafeMutableBufferPointer { buffer in
            for cycleStart in order.indices where order[cycleStart] != cycleStart {
                var position = cycleStart
                while order[position] != cycleStart {
                    let source = order[position]
                    buffer.swapAt(base + position, base + source)
                    order[position] = position
                    position = source
                }
                order[position] = position
            }
        }
    }
}
