/// The callouts of one lexicon reference in a compiled pattern (`PatternComposer` writes them):
///
///     (?=[first characters])(?C"S…")(?<_lx…>)(?:[^\s\x{A0}]|[\s\x{A0}]++){1,M}(?C"E…")
///
/// At `start` the matcher computes every end of an entry at this position (none: backtrack);
/// the consumer then takes up to M characters or whitespace runs, greedily, and `end` accepts
/// only the positions that end an entry. Backtracking gives the ends longest first, as the
/// alternation does. The empty group marks where this lexicon match began, so the end check is
/// right even inside a repetition, where a later start may have replaced the memo.
final class LexiconCallout: PatternCallout {
    enum Role { case start, end }

    let matcher: LexiconMatcher
    let role: Role
    /// The empty group right after the start callout.
    let group: Int

    init(matcher: LexiconMatcher, role: Role, group: Int) {
        self.matcher = matcher
        self.role = role
        self.group = group
    }

    func proceed(at point: PatternCalloutPoint, memo: inout PatternCalloutMemo) -> Bool {
        let owner = ObjectIdentifier(matcher)
        switch role {
        case .start:
            memo.owner = owner
            memo.start = point.position
            matcher.ends(in: point.subject, from: point.position, into: &memo.ends)
            return !memo.ends.isEmpty
        case .end:
            guard let start = point.start(ofGroup: group) else { return false }
            if memo.owner != owner || memo.start != start {
                memo.owner = owner
                memo.start = start
                matcher.ends(in: point.subject, from: start, into: &memo.ends)
            }
            return memo.ends.contains(point.position)
        }
    }
}
