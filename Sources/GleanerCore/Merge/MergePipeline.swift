/// The merge stage: an explicit, ordered list of passes (Periphery's mutator runner).
public struct MergePipeline: Sendable {
    public let passes: [any MergePass]

    public static let standard = MergePipeline(passes: [
        // Must come first: every later pass works on non-overlapping spans.
        OverlapResolver(),
        // After overlaps: a block rule removes only what it won.
        BlockEliminator(),
    ] + MergePassRegistry.all.map(\.pass))  // the passes plugins switch on by name, in order

    public init(passes: [any MergePass]) { self.passes = passes }

    public func run(_ candidates: inout [Candidate], in context: MergeContext, decisions: inout [Decision]) {
        for pass in passes { pass.apply(to: &candidates, in: context, decisions: &decisions) }
    }
}
