/// A proposed mention, before the merge stage decides which candidates survive.
///
/// Stored flat, 64 bytes a candidate instead of 112 (a long document makes over a million of
/// them, docs/robustness.md): offsets as 32-bit values (a document is at most
/// `InputLimits.maxSupportedDocumentBytes`, 4 GB), plugin and rule indices as 32-bit values,
/// the link as its relation index and its target's offsets. The properties read and write as
/// before.
public struct Candidate: Sendable {
    private var lower: UInt32
    private var upper: UInt32
    private var pluginIndex: Int32
    private var ruleIndex: Int32
    private var linkLower: UInt32 = 0
    private var linkUpper: UInt32 = 0
    public var inferred: [String]
    /// Nil for a `block` rule's match. (Fields are in this order so that the value, aligned to
    /// 16 bytes, starts at 32 and the relation fits in its padding.)
    public var value: JSONValue?
    /// The link's relation (an index into `MergePassRegistry.relations`), -1 for none.
    private var linkRelation: Int8 = -1
    /// The value is not made yet (`value` is nil): the normalizer runs only for the candidates
    /// the overlap pass keeps (`DeferredValues`).
    public internal(set) var isPending = false

    /// Index of the plugin in the engine.
    public var plugin: Int {
        get { Int(pluginIndex) }
        set { pluginIndex = Int32(newValue) }
    }

    /// Index of the rule in its plugin (-1: made by a merge pass, `Decision.acronymRule`).
    public var rule: Int {
        get { Int(ruleIndex) }
        set { ruleIndex = Int32(newValue) }
    }

    public var bytes: Range<Int> {
        get { Int(lower)..<Int(upper) }
        set {
            lower = UInt32(newValue.lowerBound)
            upper = UInt32(newValue.upperBound)
        }
    }

    /// A relation to another candidate a merge pass set (`equivalentOf`).
    public var link: CandidateLink? {
        get {
            linkRelation < 0 ? nil
                : CandidateLink(relationIndex: Int(linkRelation), target: Int(linkLower)..<Int(linkUpper))
        }
        set {
            guard let newValue else {
                linkRelation = -1
                return
            }
            linkRelation = Int8(newValue.relation)
            linkLower = UInt32(newValue.target.lowerBound)
            linkUpper = UInt32(newValue.target.upperBound)
        }
    }

    public var isBlock: Bool { value == nil && !isPending }
    public var length: Int { Int(upper - lower) }

    public init(plugin: Int, rule: Int, bytes: Range<Int>, value: JSONValue?, inferred: [String] = []) {
        lower = UInt32(bytes.lowerBound)
        upper = UInt32(bytes.upperBound)
        pluginIndex = Int32(plugin)
        ruleIndex = Int32(rule)
        self.value = value
        self.inferred = inferred
    }

    /// A candidate whose value is made later, if the overlap pass keeps it (`DeferredValues`).
    static func pending(plugin: Int, rule: Int, bytes: Range<Int>) -> Candidate {
        var candidate = Candidate(plugin: plugin, rule: rule, bytes: bytes, value: nil)
        candidate.isPending = true
        return candidate
    }

    public func overlaps(_ other: Candidate) -> Bool {
        lower < other.upper && other.lower < upper
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
