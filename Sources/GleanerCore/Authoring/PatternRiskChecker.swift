/// Finds patterns that can backtrack catastrophically, by looking at the expanded pattern text.
/// A heuristic, not a proof: it warns about three shapes and misses subtler ones.
///
/// - **Nested quantifiers**: a group repeated without bound whose body can be matched by one
///   variable repetition alone, so a run of input splits between the iterations in
///   exponentially many ways: `(a+)+`, `(\w+\s?)+`, `(.*)*`, `(?:\d{1,3},?)+`. Not when the
///   body needs something else the inner repetition cannot absorb: `(?:\w+\s)+` is fine.
/// - **Overlapping alternation**: a group repeated without bound whose branches can start
///   with the same character: `(a|ab)*`, `(?:\w|\d)+`. (`(?:ab|ac)+` is safe but warned.)
/// - **Adjacent repeats**: two unbounded repetitions with only optional pieces between them,
///   where the first can match what the second starts with: `\d+\.?\d+`, `.*\s*.*`.
///   Quadratic per start position, and rules run anchored at every candidate position.
///
/// Possessive quantifiers (`a++`) and atomic groups (`(?>…)`) never backtrack and are not
/// warned about. Lookarounds are checked inside. Escapes, classes, `\Q…\E`, inline options
/// (`(?i)`, `(?x)`) and comments are parsed as PCRE2 does; backreferences, recursion and
/// subroutine calls count as one character of any kind; a condition is checked inside and
/// counts as matching nothing.
public struct PatternRiskChecker: Sendable {
    public struct Risk: Sendable, Equatable, CustomStringConvertible {
        public enum Kind: String, Sendable {
            case nestedQuantifiers = "nested quantifiers"
            case overlappingAlternation = "overlapping alternation under a quantifier"
            case adjacentRepeats = "adjacent repeats that overlap"
        }

        public let kind: Kind
        /// The offending piece of the pattern (shortened when long).
        public let excerpt: String
        /// Its offset in the pattern, in Unicode scalars.
        public let offset: Int

        public init(kind: Kind, excerpt: String, offset: Int) {
            self.kind = kind
            self.excerpt = excerpt
            self.offset = offset
        }

        public var description: String { "\(kind.rawValue): `\(excerpt)` at offset \(offset)" }
    }

    public init() {}

    public func risks(in pattern: String, caseless: Bool = false, extended: Bool = false) -> [Risk] {
        let syntax = PatternSyntax(pattern, caseless: caseless, extended: extended)
        var found: [Risk] = []
        func report(_ kind: Risk.Kind, _ range: Range<Int>) {
            var excerpt = syntax.text(range)
            if excerpt.unicodeScalars.count > 60 { excerpt = String(excerpt.unicodeScalars.prefix(57)) + "…" }
            found.append(Risk(kind: kind, excerpt: excerpt, offset: range.lowerBound))
        }
        func visit(_ alternatives: [[PatternSyntax.Item]]) {
            for sequence in alternatives {
                checkAdjacent(sequence, report: report)
                for item in sequence {
                    guard case .group(let kind, let inner) = item.node else { continue }
                    if kind == .plain, item.max == nil, !item.possessive {
                        if inner.contains(where: splittable) {
                            report(.nestedQuantifiers, item.range)
                        } else if branchesOverlap(inner) {
                            report(.overlappingAlternation, item.range)
                        }
                    }
                    visit(inner)
                }
            }
        }
        visit(syntax.root)
        return found
    }

    /// Whether one iteration of the sequence can be a variable repetition alone (everything
    /// else optional), so that consecutive iterations can share out a run of input.
    private func splittable(_ sequence: [PatternSyntax.Item]) -> Bool {
        sequence.indices.contains { index in
            let item = sequence[index]
            guard sequence.indices.allSatisfy({ $0 == index || nullable(sequence[$0]) }) else { return false }
            if repeatsVariably(item) { return true }
            if case .group(.plain, let inner) = item.node { return inner.contains(where: splittable) }
            return false
        }
    }

    private func repeatsVariably(_ item: PatternSyntax.Item) -> Bool {
        guard !item.possessive, consumes(item.node) else { return false }
        if case .group(.atomic, _) = item.node { return false }
        guard let max = item.max else { return true }
        return max >= 2 && max > item.min
    }

    private func branchesOverlap(_ alternatives: [[PatternSyntax.Item]]) -> Bool {
        guard alternatives.count > 1 else { return false }
        var seen = ScalarSet.empty
        for branch in alternatives {
            let first = firstSet(branch)
            if first.intersects(seen) { return true }
            seen = seen.union(first)
        }
        return false
    }

    private func checkAdjacent(_ sequence: [PatternSyntax.Item], report: (Risk.Kind, Range<Int>) -> Void) {
        for (index, item) in sequence.enumerated() where item.max == nil && repeatsVariably(item) {
            let tail = characters(item.node)
            for next in sequence[(index + 1)...] {
                if next.max == nil, repeatsVariably(next), tail.intersects(firstSet(of: next.node)) {
                    report(.adjacentRepeats, item.range.lowerBound..<next.range.upperBound)
                    break
                }
                if !nullable(next) { break }
            }
        }
    }

    private func nullable(_ item: PatternSyntax.Item) -> Bool { item.min == 0 || nullable(item.node) }

    private func nullable(_ node: PatternSyntax.Node) -> Bool {
        switch node {
        case .character, .reference: false
        case .zeroWidth: true
        case .group(.lookaround, _): true
        case .group(_, let alternatives): alternatives.contains { $0.allSatisfy(nullable) }
        }
    }

    private func consumes(_ node: PatternSyntax.Node) -> Bool { !characters(node).isEmpty }

    /// Every character the node can match anywhere.
    private func characters(_ node: PatternSyntax.Node) -> ScalarSet {
        switch node {
        case .character(let set): set
        case .reference: .all
        case .zeroWidth, .group(.lookaround, _): .empty
        case .group(_, let alternatives):
            alternatives.joined().reduce(ScalarSet.empty) { $0.union(characters($1.node)) }
        }
    }

    /// The characters a match of the sequence can start with.
    private func firstSet(_ sequence: [PatternSyntax.Item]) -> ScalarSet {
        var set = ScalarSet.empty
        for item in sequence {
            set = set.union(firstSet(of: item.node))
            if !nullable(item) { break }
        }
        return set
    }

    private func firstSet(of node: PatternSyntax.Node) -> ScalarSet {
        switch node {
        case .character(let set): set
        case .reference: .all
        case .zeroWidth, .group(.lookaround, _): .empty
        case .group(_, let alternatives): alternatives.reduce(ScalarSet.empty) { $0.union(firstSet($1)) }
        }
    }
}
