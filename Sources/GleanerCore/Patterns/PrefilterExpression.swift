/// The text Vectorscan compiles for a rule, derived from the rule's PCRE2 pattern so that it
/// matches wherever the rule does (its match ends are a superset of the rule's): lookarounds
/// are dropped (Vectorscan would widen them the same way, but the shorter text stays under its
/// length limit), subroutine calls to `(?(DEFINE)...)` groups and named backreferences are
/// replaced by the groups' patterns (prefilter mode refuses the first and makes the second
/// unbounded), and capture names go (inlined copies would repeat them).
///
/// `collapsed` is the same text — up to the end of the scanned factor, when there is one — with
/// every unbounded repetition of characters from a small alphabet (`[\s\x{00A0}]+`, `\d+`,
/// `(?:,\d{3})+` ...) cut to one repetition. Its longest match bounds how far a match reaches
/// before a candidate end when each run of characters from `elastic` counts as one byte: that
/// is how `CandidateWindow` sizes the window.
struct PrefilterExpression {
    /// The whole pattern, rewritten: windows are sized and bounded from it.
    let text: String
    /// What Vectorscan scans for: a literal factor every match contains (`exercise`, the month
    /// names, `crore|lakh|...`), so that each match holds an occurrence ending inside it and
    /// Vectorscan runs only its literal matcher; `text` itself when there is no factor of
    /// `factorLiteral` characters.
    let scanText: String
    /// Nil: no bound can be derived (the pattern is kept as written).
    let collapsed: String?
    /// The characters of the repetitions `collapsed` cut (ASCII, and U+00A0).
    let elastic: ScalarSet

    /// `extended`: the pattern is in PCRE2's extended mode; the text made from it is not.
    /// `literalFactor: false` scans the whole rewritten pattern even when it has a literal.
    init(_ pattern: String, extended: Bool = false, caseless: Bool = false, literalFactor: Bool = true) {
        var scalars = Array(pattern.unicodeScalars)
        if extended || pattern.hasPrefix("(?x)") {
            // A pattern that turns extended mode off inside is compiled as written, unbounded.
            guard let plain = Self.unextend(extended ? scalars : Array(scalars.dropFirst(4))) else {
                text = extended ? "(?x)" + pattern : pattern
                scanText = text
                collapsed = nil
                elastic = .empty
                return
            }
            scalars = plain
        }
        var definitions: [String: String] = [:]
        _ = Self.rewrite(scalars, definitions: &definitions, collecting: true)
        var rewritten = Array(Self.rewrite(scalars, definitions: &definitions, collecting: false).unicodeScalars)
        if !Self.hasNumberedReference(rewritten) {
            rewritten = Self.inlineBackreferences(rewritten)
            rewritten = Self.uncapture(rewritten)
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: rewritten)
        text = String(view)
        let (found, items) = Self.factor(rewritten, caseless: caseless)
        let best: Factor = literalFactor ? found : ("", 0, nil)
        scanText = best.length >= Self.factorLiteral ? best.text : text
        let whole = Self.collapse(rewritten, caseless: caseless)
        elastic = whole.1
        // A match starts at most as far before its factor's end as the pattern up to the
        // factor reaches (`Rs 50 crore`: the sign opens the amount, so the window is tiny).
        if best.length >= Self.factorLiteral, let through = best.through, through + 1 < items.count {
            collapsed = Self.collapse(Array(rewritten[..<items[through].range.upperBound]), caseless: caseless).0
        } else {
            collapsed = whole.0
        }
    }

    /// Literal characters a factor must have to be scanned for instead of the pattern (a
    /// character rare in running text, `$`, `₹`, counts twice). Two letters (`Rs`, `19`) end
    /// a word every few dozen bytes of English: the pattern itself is the better scan.
    static let factorLiteral = 3

    /// The longest literal (an alternation of literals) that every match contains.
    /// A factor: its pattern, its length in literal characters, and (when the pattern is one
    /// sequence) the index of the top-level item it ends in.
    typealias Factor = (text: String, length: Int, through: Int?)

    /// The longest literal (an alternation of literals) that every match contains.
    static func factor(_ scalars: [Unicode.Scalar], caseless: Bool) -> (factor: Factor, items: [PatternSyntax.Item]) {
        guard !setsInlineOptions(scalars) else { return (("", 0, nil), []) }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        let root = PatternSyntax(String(view), caseless: caseless).root
        return (factor(of: root), root.count == 1 ? root[0] : [])
    }

    private static func factor(of alternatives: [[PatternSyntax.Item]]) -> Factor {
        let parts = alternatives.map { factor(of: $0) }
        guard parts.count > 1 else { return parts.first ?? ("", 0, nil) }
        return ("(?:" + parts.map(\.text).joined(separator: "|") + ")", parts.map(\.length).min() ?? 0, nil)
    }

    private static func factor(of items: [PatternSyntax.Item]) -> Factor {
        var best: Factor = ("", 0, nil)
        func isLiteral(_ item: PatternSyntax.Item) -> Bool {
            if case .character(let set) = item.node { return item.min >= 1 && set.isLiteral }
            return false
        }
        for index in items.indices {
            // Inside a run of literal characters the prefix from the run's start is longer.
            if index == 0 || !(isLiteral(items[index]) && isLiteral(items[index - 1])) {
                let prefix = prefixFactor(items, from: index)
                if prefix.length > best.length { best = prefix }
            }
            if items[index].min >= 1, case .group(.plain, let inner) = items[index].node {
                let inside = factor(of: inner)
                if inside.length > best.length { best = (inside.text, inside.length, index) }
            }
        }
        return best
    }

    /// The literal every match of the sequence from `index` starts with, as a pattern.
    private static func prefixFactor(_ items: [PatternSyntax.Item], from index: Int) -> Factor {
        var text = ""
        var length = 0
        var through = index
        for position in index..<items.count {
            let item = items[position]
            switch item.node {
            case .zeroWidth: continue
            case .character(let set) where set.isLiteral && item.min >= 1:
                text += String(repeating: set.literalPattern, count: item.min)
                length += item.min * (set.isRareInText ? 2 : 1)
                through = position
                if item.max != item.min { return (text, length, through) }
            case .group(.plain, let inner) where item.min >= 1:
                let parts = inner.map { prefixFactor($0, from: 0) }
                guard let shortest = parts.map(\.length).min(), shortest > 0 else { return (text, length, through) }
                return (text + "(?:" + parts.map(\.text).joined(separator: "|") + ")", length + shortest, position)
            default: return (text, length, through)
            }
        }
        return (text, length, through)
    }

    /// Whether an option setting such as `(?i)` applies to what follows it (cutting the text
    /// before it would drop it).
    private static func setsInlineOptions(_ scalars: [Unicode.Scalar]) -> Bool {
        var index = 0
        while index + 2 < scalars.count {
            switch scalars[index] {
            case "\\": index = escapeEnd(scalars, at: index)
            case "[": index = classEnd(scalars, at: index)
            case "(" where scalars[index + 1] == "?":
                var end = index + 2
                while end < scalars.count, scalars[end].properties.isAlphabetic || scalars[end] == "-" || scalars[end] == "^" { end += 1 }
                if end > index + 2, end < scalars.count, scalars[end] == ")" { return true }
                index += 1
            default: index += 1
            }
        }
        return false
    }

    /// Whether the text refers to a group by number (`\1`, `\g2`, `(?1)`): names cannot go then.
    private static func hasNumberedReference(_ scalars: [Unicode.Scalar]) -> Bool {
        var index = 0
        while index < scalars.count {
            switch scalars[index] {
            case "\\":
                if index + 1 < scalars.count, ("1"..."9").contains(scalars[index + 1]) || scalars[index + 1] == "g" { return true }
                index = escapeEnd(scalars, at: index)
            case "[": index = classEnd(scalars, at: index)
            case "(":
                if index + 2 < scalars.count, scalars[index + 1] == "?",
                   ("0"..."9").contains(scalars[index + 2]) || scalars[index + 2] == "R"
                    || ((scalars[index + 2] == "+" || scalars[index + 2] == "-")
                        && index + 3 < scalars.count && ("0"..."9").contains(scalars[index + 3])) {
                    return true
                }
                index += 1
            default: index += 1
            }
        }
        return false
    }

    /// The name a group opening at `index` captures under, and where its body starts.
    private static func captureName(_ scalars: [Unicode.Scalar], at index: Int) -> (name: String, body: Int)? {
        guard index + 3 < scalars.count, scalars[index] == "(", scalars[index + 1] == "?" else { return nil }
        var nameStart = index + 3
        let close: Unicode.Scalar
        switch (scalars[index + 2], scalars[index + 3]) {
        case ("<", let next) where next != "=" && next != "!": close = ">"
        case ("'", _): close = "'"
        case ("P", "<"): close = ">"; nameStart = index + 4
        default: return nil
        }
        guard nameStart < scalars.count, let end = scalars[nameStart...].firstIndex(of: close) else { return nil }
        var name = String.UnicodeScalarView()
        name.append(contentsOf: scalars[nameStart..<end])
        return (String(name), end + 1)
    }

    /// Replaces `\k<name>`, `\k{name}`, `\k'name'` and `(?P=name)` by `(?:` the group's pattern `)`.
    private static func inlineBackreferences(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var bodies: [String: ArraySlice<Unicode.Scalar>] = [:]
        var index = 0
        while index < scalars.count {
            switch scalars[index] {
            case "\\": index = escapeEnd(scalars, at: index)
            case "[": index = classEnd(scalars, at: index)
            case "(":
                if let (name, body) = captureName(scalars, at: index) {
                    bodies[name] = scalars[body..<max(body, groupEnd(scalars, at: index) - 1)]
                }
                index += 1
            default: index += 1
            }
        }
        guard !bodies.isEmpty else { return scalars }
        var output: [Unicode.Scalar] = []
        index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            var reference: (name: String, end: Int)?
            if scalar == "\\", index + 2 < scalars.count, scalars[index + 1] == "k" {
                let end = escapeEnd(scalars, at: index)
                var name = String.UnicodeScalarView()
                name.append(contentsOf: scalars[(index + 3)..<max(index + 3, end - 1)])
                reference = (String(name), end)
            } else if scalar == "(", index + 4 < scalars.count, scalars[index + 1] == "?", scalars[index + 2] == "P",
                      scalars[index + 3] == "=", let close = scalars[(index + 4)...].firstIndex(of: ")") {
                var name = String.UnicodeScalarView()
                name.append(contentsOf: scalars[(index + 4)..<close])
                reference = (String(name), close + 1)
            }
            if let reference, let body = bodies[reference.name] {
                output += "(?:".unicodeScalars
                output += body
                output.append(")")
                index = reference.end
                continue
            }
            let end = scalar == "\\" ? escapeEnd(scalars, at: index) : scalar == "[" ? classEnd(scalars, at: index) : index + 1
            output += scalars[index..<end]
            index = end
        }
        return output
    }

    /// Turns every named group into a plain one.
    private static func uncapture(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var output: [Unicode.Scalar] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "(", let (_, body) = captureName(scalars, at: index) {
                output += "(?:".unicodeScalars
                index = body
                continue
            }
            let end = scalar == "\\" ? escapeEnd(scalars, at: index) : scalar == "[" ? classEnd(scalars, at: index) : index + 1
            output += scalars[index..<end]
            index = end
        }
        return output
    }

    /// Cuts each unbounded repetition whose characters are all ASCII (or U+00A0) to one
    /// repetition (`X+` to `X`, `X*` to `X?`, `X{n,}` to `X`); returns the text and the union of
    /// those characters.
    private static func collapse(_ scalars: [Unicode.Scalar], caseless: Bool) -> (String, ScalarSet) {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        let syntax = PatternSyntax(String(view), caseless: caseless)
        var cuts: [(range: Range<Int>, replacement: String)] = []
        var elastic = ScalarSet.empty
        let allowed = ScalarSet.scalars(0...0x7F).union(.scalars(0xA0...0xA0))
        func characters(_ node: PatternSyntax.Node) -> ScalarSet? {
            switch node {
            case .character(let set): set
            case .zeroWidth: .empty
            case .reference: nil
            case .group(.lookaround, _): .empty
            case .group(_, let alternatives):
                alternatives.joined().reduce(ScalarSet.empty as ScalarSet?) { result, item in
                    guard let result, let inner = characters(item.node) else { return nil }
                    return result.union(inner)
                }
            }
        }
        func walk(_ alternatives: [[PatternSyntax.Item]]) {
            for item in alternatives.joined() {
                if item.max == nil, !item.quantifier.isEmpty, let set = characters(item.node), !set.isEmpty,
                   set.union(allowed) == allowed {
                    cuts.append((item.quantifier, item.min == 0 ? "?" : ""))
                    elastic = elastic.union(set)
                    continue  // everything inside goes with it
                }
                if case .group(_, let inner) = item.node { walk(inner) }
            }
        }
        walk(syntax.root)
        var output = scalars
        for cut in cuts.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            output.replaceSubrange(cut.range, with: Array(cut.replacement.unicodeScalars))
        }
        var collapsed = String.UnicodeScalarView()
        collapsed.append(contentsOf: output)
        return (String(collapsed), elastic)
    }

    /// The pattern without extended mode's blanks and `#` comments (nil when it switches the
    /// mode inside, which this does not follow).
    private static func unextend(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        var output: [Unicode.Scalar] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "\\":
                let end = escapeEnd(scalars, at: index)
                output += scalars[index..<end]
                index = end
            case "[":
                let end = classEnd(scalars, at: index)
                output += scalars[index..<end]
                index = end
            case "#":
                while index < scalars.count, scalars[index] != "\n" { index += 1 }
            case " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}":
                index += 1
            case "(" where index + 2 < scalars.count && scalars[index + 1] == "?"
                    && (scalars[index + 2] == "#" || scalars[index + 2] == "-" || scalars[index + 2] == "^"):
                if scalars[index + 2] != "#" { return nil }
                while index < scalars.count, scalars[index] != ")" { index += 1 }
                index += 1
            default:
                output.append(scalar)
                index += 1
            }
        }
        return output
    }

    /// Copies the pattern, dropping lookarounds and DEFINE blocks and inlining `(?&name)`.
    /// With `collecting`, records each DEFINE group's body (rewritten) in `definitions`.
    private static func rewrite(_ scalars: [Unicode.Scalar], definitions: inout [String: String],
                                collecting: Bool, depth: Int = 0) -> String {
        var output = String.UnicodeScalarView()
        var index = 0
        func starts(with prefix: String, at position: Int) -> Bool {
            var offset = position
            for scalar in prefix.unicodeScalars {
                guard offset < scalars.count, scalars[offset] == scalar else { return false }
                offset += 1
            }
            return true
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\" {
                let end = escapeEnd(scalars, at: index)
                output.append(contentsOf: scalars[index..<end])
                index = end
            } else if scalar == "[" {
                let end = classEnd(scalars, at: index)
                output.append(contentsOf: scalars[index..<end])
                index = end
            } else if depth == 0, !collecting, starts(with: "(?=", at: index),
                      scalars[groupEnd(scalars, at: index)...].allSatisfy({ ")?*+{},0123456789".unicodeScalars.contains($0) }) {
                // A lookahead that ends the pattern is matched as text: the prefilter then ends
                // its candidates after it (windows reach back over it), and the lookahead's words
                // (`exercise` after a name) make the candidates rarer.
                let end = groupEnd(scalars, at: index)
                output.append(contentsOf: "(?:".unicodeScalars)
                output.append(contentsOf: rewrite(Array(scalars[(index + 3)..<max(index + 3, end - 1)]),
                                                  definitions: &definitions, collecting: false, depth: 1).unicodeScalars)
                output.append(")")
                index = end
            } else if starts(with: "(?=", at: index) || starts(with: "(?!", at: index)
                        || starts(with: "(?<=", at: index) || starts(with: "(?<!", at: index) {
                index = groupEnd(scalars, at: index)
                // A quantified lookaround keeps an empty group for its quantifier to apply to.
                if index < scalars.count, "?*+{".unicodeScalars.contains(scalars[index]) {
                    output.append(contentsOf: "(?:)".unicodeScalars)
                }
            } else if starts(with: "(?(DEFINE)", at: index) {
                let end = groupEnd(scalars, at: index)
                if collecting {
                    collectDefinitions(Array(scalars[(index + 10)..<max(index + 10, end - 1)]), into: &definitions)
                }
                index = end
            } else if starts(with: "(?&", at: index) || starts(with: "(?P>", at: index) {
                let nameStart = index + (scalars[index + 2] == "&" ? 3 : 4)
                var nameEnd = nameStart
                while nameEnd < scalars.count, scalars[nameEnd] != ")" { nameEnd += 1 }
                var name = String.UnicodeScalarView()
                name.append(contentsOf: scalars[nameStart..<nameEnd])
                if let body = definitions[String(name)], depth < 8 {
                    output.append(contentsOf: "(?:".unicodeScalars)
                    output.append(contentsOf: body.unicodeScalars)
                    output.append(")")
                } else {
                    output.append(contentsOf: scalars[index..<min(nameEnd + 1, scalars.count)])
                }
                index = min(nameEnd + 1, scalars.count)
            } else {
                output.append(scalar)
                index += 1
            }
        }
        return String(output)
    }

    /// Records `(?<name>body)` groups at the top level of a DEFINE block.
    private static func collectDefinitions(_ scalars: [Unicode.Scalar], into definitions: inout [String: String]) {
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "(" else { index += 1; continue }
            let end = groupEnd(scalars, at: index)
            if index + 3 < scalars.count, scalars[index + 1] == "?", scalars[index + 2] == "<",
               let close = scalars[(index + 3)..<end].firstIndex(of: ">") {
                var name = String.UnicodeScalarView()
                name.append(contentsOf: scalars[(index + 3)..<close])
                var ignored = definitions
                let body = rewrite(Array(scalars[(close + 1)..<max(close + 1, end - 1)]), definitions: &ignored,
                                   collecting: false, depth: 1)
                definitions[String(name)] = body
            }
            index = end
        }
    }

    /// End of the escape at `index` (`\x{..}`, `\p{..}`, `\k<..>`, `\Q..\E`, or two characters).
    static func escapeEnd(_ scalars: [Unicode.Scalar], at index: Int) -> Int {
        guard index + 1 < scalars.count else { return scalars.count }
        let next = scalars[index + 1]
        let closer: Unicode.Scalar? = switch next {
        case "x", "o", "p", "P", "g": index + 2 < scalars.count && scalars[index + 2] == "{" ? "}" : nil
        case "k": index + 2 < scalars.count ? (scalars[index + 2] == "<" ? ">" : scalars[index + 2] == "{" ? "}" : scalars[index + 2] == "'" ? "'" : nil) : nil
        default: nil
        }
        if next == "Q" {
            var end = index + 2
            while end + 1 < scalars.count, !(scalars[end] == "\\" && scalars[end + 1] == "E") { end += 1 }
            return min(end + 2, scalars.count)
        }
        if let closer {
            var end = index + 3
            while end < scalars.count, scalars[end] != closer { end += 1 }
            return min(end + 1, scalars.count)
        }
        if next == "x", index + 2 < scalars.count {
            // `\xhh`: up to two hex digits.
            var end = index + 2
            while end < min(index + 4, scalars.count), scalars[end].properties.isASCIIHexDigit { end += 1 }
            return end
        }
        return index + 2
    }

    /// End of the character class at `index` (a `]` right after `[` or `[^` is a literal).
    static func classEnd(_ scalars: [Unicode.Scalar], at index: Int) -> Int {
        var end = index + 1
        if end < scalars.count, scalars[end] == "^" { end += 1 }
        if end < scalars.count, scalars[end] == "]" { end += 1 }
        while end < scalars.count {
            switch scalars[end] {
            case "\\": end = escapeEnd(scalars, at: end)
            case "[" where end + 1 < scalars.count && scalars[end + 1] == ":":
                while end < scalars.count, scalars[end] != "]" { end += 1 }
                end += 1
            case "]": return end + 1
            default: end += 1
            }
        }
        return scalars.count
    }

    /// End of the group opening at `index` (past its `)`), escapes and classes skipped.
    static func groupEnd(_ scalars: [Unicode.Scalar], at index: Int) -> Int {
        var depth = 0
        var end = index
        while end < scalars.count {
            switch scalars[end] {
            case "\\": end = escapeEnd(scalars, at: end)
            case "[": end = classEnd(scalars, at: end)
            case "(":
                depth += 1
                end += 1
            case ")":
                depth -= 1
                end += 1
                if depth == 0 { return end }
            default: end += 1
            }
        }
        return scalars.count
    }
}
