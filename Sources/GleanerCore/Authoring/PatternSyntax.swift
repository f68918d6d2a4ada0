/// A PCRE2 pattern parsed just far enough to reason about repetition: which characters each
/// piece can match, how often it repeats, and how groups nest. Anything the checker need not
/// understand (backreferences, recursion, verbs, conditions) becomes a zero-width node.
struct PatternSyntax {
    enum GroupKind: Equatable, Sendable { case plain, atomic, lookaround }

    indirect enum Node: Sendable {
        /// One character from the set.
        case character(ScalarSet)
        /// Matches no character: anchors, `\b`, option settings, verbs.
        case zeroWidth
        case group(GroupKind, alternatives: [[Item]])
        /// A backreference or a subroutine call: text the parser does not follow. The checker
        /// takes it as one character of any kind (it consumes, and is not a repetition by
        /// itself); it can only consume what some other part of the pattern matches.
        case reference
    }

    static let opaque = Node.reference

    struct Item: Sendable {
        var node: Node
        var min = 1
        var max: Int? = 1
        var possessive = false
        /// Where the item (with its quantifier) is in the pattern, in scalars.
        var range: Range<Int>
        /// Where its quantifier is (empty when it has none).
        var quantifier: Range<Int> = 0..<0
    }

    let scalars: [Unicode.Scalar]
    private(set) var root: [[Item]] = []
    var position = 0
    var caseless: Bool
    private var extended: Bool

    init(_ pattern: String, caseless: Bool = false, extended: Bool = false) {
        scalars = Array(pattern.unicodeScalars)
        self.caseless = caseless
        self.extended = extended
        root = parseAlternatives()
    }

    func text(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range.clamped(to: 0..<scalars.count)])
        return String(view)
    }

    var currentScalar: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    func peekScalar(_ offset: Int) -> Unicode.Scalar? {
        position + offset < scalars.count ? scalars[position + offset] : nil
    }

    mutating func advance(_ count: Int = 1) { position += count }

    private mutating func parseAlternatives() -> [[Item]] {
        let saved = (caseless, extended)  // inline options end with their group
        defer { (caseless, extended) = saved }
        var alternatives: [[Item]] = [[]]
        while let scalar = currentScalar, scalar != ")" {
            if scalar == "|" {
                position += 1
                alternatives.append([])
                continue
            }
            if extended, skipExtendedSpace() { continue }
            let start = position
            guard let node = parseAtom() else { continue }
            var item = Item(node: node, range: start..<position)
            let quantifierStart = position
            parseQuantifier(into: &item)
            item.range = start..<position
            item.quantifier = quantifierStart..<position
            alternatives[alternatives.count - 1].append(item)
        }
        return alternatives
    }

    /// Skips white space and `#` comments in extended mode; true when it skipped something.
    private mutating func skipExtendedSpace() -> Bool {
        guard let scalar = currentScalar else { return false }
        if scalar.properties.isWhitespace { position += 1; return true }
        guard scalar == "#" else { return false }
        while let next = currentScalar, next != "\n" { position += 1 }
        return true
    }

    private mutating func parseAtom() -> Node? {
        let scalar = scalars[position]
        position += 1
        switch scalar {
        case "\\": return parseEscape(inClass: false).node
        case "[": return .character(parseClass())
        case "(": return parseGroup()
        case ".": return .character(ScalarSet.ascii("\n").inverted)
        case "^", "$": return .zeroWidth
        default: return .character(.scalars(scalar.value...scalar.value, caseless: caseless))
        }
    }

    private mutating func parseQuantifier(into item: inout Item) {
        while extended, let scalar = currentScalar, scalar.properties.isWhitespace || scalar == "#" { _ = skipExtendedSpace() }
        guard let scalar = currentScalar else { return }
        switch scalar {
        case "*": (item.min, item.max) = (0, nil); position += 1
        case "+": (item.min, item.max) = (1, nil); position += 1
        case "?": (item.min, item.max) = (0, 1); position += 1
        case "{":
            guard let (min, max, length) = braceQuantifier() else { return }
            (item.min, item.max) = (min, max)
            position += length
        default: return
        }
        if currentScalar == "+" { item.possessive = true; position += 1 } else if currentScalar == "?" { position += 1 }
    }

    /// `{n}`, `{n,}`, `{n,m}` at the currentScalar position: bounds and length; nil for a literal brace.
    private func braceQuantifier() -> (Int, Int?, Int)? {
        var index = position + 1
        func number() -> Int? {
            var digits = ""
            while index < scalars.count, ("0"..."9").contains(scalars[index]) { digits.unicodeScalars.append(scalars[index]); index += 1 }
            return Int(digits)
        }
        guard let min = number(), index < scalars.count else { return nil }
        if scalars[index] == "}" { return (min, min, index + 1 - position) }
        guard scalars[index] == "," else { return nil }
        index += 1
        let max = number()
        guard index < scalars.count, scalars[index] == "}" else { return nil }
        return (min, max, index + 1 - position)
    }

    private mutating func parseGroup() -> Node {
        var kind = GroupKind.plain
        if currentScalar == "*" {  // (*VERB) or (*VERB:NAME)
            skip(past: ")")
            return .zeroWidth
        }
        if currentScalar == "?" {
            position += 1
            let isDigit = { (scalar: Unicode.Scalar?) in scalar.map { ("0"..."9").contains($0) } ?? false }
            switch currentScalar ?? ")" {
            case "#": skip(past: ")"); return .zeroWidth
            case ":", "|": position += 1
            case ">": kind = .atomic; position += 1
            case "=", "!": kind = .lookaround; position += 1
            case "<" where peekScalar(1) == "=" || peekScalar(1) == "!": kind = .lookaround; position += 2
            case "<", "'":
                let close: Unicode.Scalar = currentScalar == "<" ? ">" : "'"
                position += 1
                skip(past: close)
            case "P" where peekScalar(1) == "<": skip(past: ">")
            case "(":
                // A condition `(?(1)yes|no)`, `(?(DEFINE)...)`: checked inside, taken as
                // matching nothing outside (DEFINE's groups only run when called).
                position += 1
                skipGroup()
                kind = .lookaround
            case "P", "R", "&", "0"..."9", "+":
                skipGroup()
                return Self.opaque
            case "-" where isDigit(peekScalar(1)):
                skipGroup()
                return Self.opaque
            default:
                if parseOptions() { return .zeroWidth }
            }
        }
        let alternatives = parseAlternatives()
        if currentScalar == ")" { position += 1 }
        return .group(kind, alternatives: alternatives)
    }

    /// `(?i)`, `(?x-i)` set options for the rest of the enclosing group (true); `(?i:` opens a
    /// group with them (false, position after the colon).
    private mutating func parseOptions() -> Bool {
        var on = true
        while let scalar = currentScalar {
            position += 1
            switch scalar {
            case "-": on = false
            case "i": caseless = on
            case "x": extended = on
            case ")": return true
            case ":": return false
            default: continue
            }
        }
        return true
    }

    mutating func skip(past end: Unicode.Scalar) {
        while let scalar = currentScalar { position += 1; if scalar == end { return } }
    }

    /// Skips a group whose inside is not parsed, nested parentheses included.
    private mutating func skipGroup() {
        var depth = 1
        while let scalar = currentScalar {
            position += 1
            if scalar == "\\" { position += 1 } else if scalar == "(" { depth += 1 } else if scalar == ")" {
                depth -= 1
                if depth == 0 { return }
            }
        }
    }
}
