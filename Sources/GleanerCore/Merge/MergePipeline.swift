/// The merge stage: an explicit, ordered list of passes (Periphery's mutator runner).
public struct MergePipeline: Sendable {
    public let passes: [any MergePass]

    public static let standard = MergePipeline(passes: [
        // Must come first: every later pass works on non-overlapping spans.
        OverlapResolver(),
        // After overlaps: a block rule removes only what it won.
        BlockEliminator(),
        // After blocks: links names to acronyms and adds bare acronym uses in free text.
        AcronymLinker(),
        // After acronyms: a short form takes the full name of an earlier mention.
        ShortFormLinker(),
        // After overlaps: yearless dates look at the dates kept before them.
        YearInferrer(),
        // Last: needs the final, sorted amounts.
        AmountLinker(),
    ])

    public init(passes: [any MergePass]) { self.passes = passes }

    public func run(_ candidates: inout [Candidate], in context: MergeContext, decisions: inout [Decision]) {
        for pass in passes { pass.apply(to: &candidates, in: context, decisions: &decisions) }
    }
}
