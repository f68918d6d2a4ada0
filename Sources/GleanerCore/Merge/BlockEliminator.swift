/// Removes the spans won by `block` rules: negative evidence such as `COVID-19`, phone
/// numbers or `Quad Leadership Summit`, which must not yield a mention.
public struct BlockEliminator: MergePass {
    public let name = "block"

    public init() {}

    public func apply(to candidates: inout [Candidate], in context: MergeContext, decisions: inout [Decision]) {
        guard candidates.contains(where: \.isBlock) else { return }
        candidates.removeAllMoving { candidate in
            guard candidate.isBlock else { return false }
            if context.recordsDecisions {
                decisions.append(Decision(candidate, in: context, pass: name,
                                          reason: "matched block rule '\(context.ruleID(of: candidate))': not a mention"))
            }
            return true
        }
    }
}
