/// Rewrites alternations so PCRE2 tests one branch per distinct first character instead of
/// every branch: `(?:The|This|That|A|An)` becomes `(?:Th(?:e|is|at)|A(?:|n))`. PCRE2 (and its
/// JIT) tries alternatives one after the other, so a word list of 400 stop words costs 400
/// tests wherever it is tried; factored, it costs one per distinct letter, then a few.
///
/// Matches are unchanged, groups and their numbers too:
/// - only branches that start with a plain ASCII character (no quantifier) move, and only
///   past branches whose first character differs from theirs even ignoring case: two such
///   branches never match at the same position, so their order cannot matter;
/// - branches sharing a first character keep their order (`A|An` → `A(?:|n)` tries `A` first);
/// - any other branch (a class, a group, an empty branch, a non-ASCII letter that may fold
///   case) stays where it is and nothing moves across it;
/// - groups whose branches carry special meaning (conditionals, branch reset) or that set
///   options for the following branches (`(?i)`) are left as written, and a pattern in
///   extended mode or with `\Q…\E` is returned as is.
enum AlternationFactoring {
    static func factor(_ pattern: String) -> String {
        let scalars = Array(pattern.unicodeScalars)
        if pattern.contains("(?x") || pattern.contains("\\Q") || pattern.contains("(?#") { return pattern }
        var parser = Parser(scalars: scalars)
        guard let branches = parser.branches(), parser.position == scalars.count else { return pattern }
        return join(factor(branches))
    }

    /// One element of a branch: its text (quantifier included) and, when it is one plain
    /// ASCII character without a quantifier, that character.
    struct Atom {
        var text: String
        var literal: Unicode.Scalar?
        /// An inline option setting such as `(?i)`, which changes the branches after it.
        var setsOptions = false
    }

    typealias Branch = [Atom]

    static func join(_ branches: [Branch]) -> String {
        branches.map { $0.map(\.text).joined() }.joined(separator: "|")
    }

    /// The branches, factored by first character where that keeps every match.
    static func factor(_ branches: [Branch]) -> [Branch] {
        guard branches.count > 1, !branches.contains(where: { $0.contains(where: \.setsOptions) }) else { return branches }
        var output: [Branch] = []
        var segment: [Branch] = []
        func flush() {
            // Keys: the first character, lower-cased; members keep their order.
            var keys: [UInt32] = []
            var members: [UInt32: [Branch]] = [:]
            for branch in segment {
                let key = folded(branch[0].literal!)
                if members[key] == nil { keys.append(key) }
                members[key, default: []].append(branch)
            }
            for key in keys {
                let group = members[key]!
                let first = group[0][0].literal!
                guard group.count > 1, group.allSatisfy({ $0[0].literal == first }) else {
                    output += group
                    continue
                }
                let rest = factor(group.map { Array($0.dropFirst()) })
                var merged: Branch = [group[0][0]]
                if rest.count == 1 {
                    merged += rest[0]
                } else {
                    merged.append(Atom(text: "(?:" + join(rest) + ")"))
                }
                output.append(merged)
            }
            segment.removeAll()
        }
        for branch in branches {
            if let first = branch.first, first.literal != nil {
                segment.append(branch)
            } else {
                flush()
                output.append(branch)
            }
        }
        flush()
        return output
    }

    private static func folded(_ scalar: Unicode.Scalar) -> UInt32 {
        (0x41...0x5A).contains(scalar.value) ? scalar.value + 0x20 : scalar.value
    }

    /// Reads a pattern into branches of atoms; factors the inside of every group whose
    /// branches are plain alternatives. Nil: something it does not understand (the caller
    /// keeps the pattern as written).
    struct Parser {
        let scalars: [Unicode.Scalar]
        var position = 0
        /// Lookbehinds the parser is inside.
        var lookbehinds = 0

        init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

        private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
            position + offset < scalars.count ? scalars[position + offset] : nil
        }

        private func text(_ range: Range<Int>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            return String(view)
        }

        /// Branches up to (not including) a closing parenthesis or the end.
        mutating func branches() -> [Branch]? {
            var branches: [Branch] = [[]]
            while let scalar = peek(), scalar != ")" {
                if scalar == "|" {
                    branches.append([])
                    position += 1
                    continue
                }
                guard var atom = atom() else { return nil }
                if !atom.setsOptions, let quantifier = quantifier() {
                    atom.text += quantifier
                    atom.literal = nil
                }
                branches[branches.count - 1].append(atom)
            }
            return branches
        }

        private mutating func atom() -> Atom? {
            let start = position
            guard let scalar = peek() else { return nil }
            switch scalar {
            case "\\":
                guard let next = peek(1) else { return nil }
                position += 2
                // \x{..}, \p{..}, \o{..}, \N{..}, \g{..}, \k{..}, \k<..>, \g<..>, \k'..'
                if let open = peek(), open == "{" || ((next == "k" || next == "g") && (open == "<" || open == "'")) {
                    let close: Unicode.Scalar = open == "{" ? "}" : open == "<" ? ">" : "'"
                    guard let end = scalars[position...].firstIndex(of: close) else { return nil }
                    position = end + 1
                    return Atom(text: text(start..<position))
                }
                if next == "c" {
                    // \cX
                    position += 1
                    return Atom(text: text(start..<min(position, scalars.count)))
                }
                if next == "x" {
                    // \xhh
                    while let digit = peek(), position - start < 4, digit.properties.isASCIIHexDigit { position += 1 }
                    return Atom(text: text(start..<position))
                }
                let isPunctuation = next.isASCII && !next.properties.isAlphabetic && !("0"..."9").contains(next)
                    && next != " "
                return Atom(text: text(start..<position), literal: isPunctuation ? next : nil)
            case "[":
                position += 1
                if peek() == "^" { position += 1 }
                if peek() == "]" { position += 1 }
                while let current = peek(), current != "]" {
                    if current == "\\" {
                        position += 2
                    } else if current == "[", peek(1) == ":" {
                        guard let end = scalars[(position + 2)...].firstIndex(of: "]") else { return nil }
                        position = end + 1
                    } else {
                        position += 1
                    }
                }
                guard peek() == "]" else { return nil }
                position += 1
                return Atom(text: text(start..<position))
            case "(":
                return group()
            case "*", "+", "?", "{":
                // A quantifier with nothing before it: leave the pattern alone.
                if scalar == "{", quantifier() == nil {
                    position = start + 1
                    return Atom(text: "{")
                }
                return nil
            default:
                position += 1
                let plain = scalar.isASCII && scalar != "." && scalar != "^" && scalar != "$"
                return Atom(text: String(scalar), literal: plain ? scalar : nil)
            }
        }

        /// A group, its inside factored where that is safe.
        private mutating func group() -> Atom? {
            let start = position
            position += 1
            var opener = "("
            var factorsInside = true
            if peek() == "*" {
                // (*VERB) or (*VERB:NAME): no inside.
                guard let end = scalars[position...].firstIndex(of: ")") else { return nil }
                position = end + 1
                return Atom(text: text(start..<position))
            }
            if peek() == "?" {
                position += 1
                guard let kind = peek() else { return nil }
                // Subroutine call or recursion ((?&name), (?R), (?1), (?+1), (?-1)): no inside.
                let followedByDigit = peek(1).map { ("0"..."9").contains($0) } ?? false
                if "&R+".unicodeScalars.contains(kind) || ("0"..."9").contains(kind) || (kind == "-" && followedByDigit) {
                    guard let end = scalars[position...].firstIndex(of: ")") else { return nil }
                    position = end + 1
                    return Atom(text: text(start..<position))
                }
                switch kind {
                case ":", "=", "!", ">":
                    position += 1
                case "<" where peek(1) == "=" || peek(1) == "!":
                    // A lookbehind must keep fixed-length branches: nothing inside it is factored.
                    position += 2
                    factorsInside = false
                    lookbehinds += 1
                case "<", "'", "P":
                    // Named group (?<name>, (?'name', (?P<name>; (?P=name) and (?P>name) have no inside.
                    if kind == "P", peek(1) == "=" || peek(1) == ">" {
                        guard let end = scalars[position...].firstIndex(of: ")") else { return nil }
                        position = end + 1
                        return Atom(text: text(start..<position))
                    }
                    let close: Unicode.Scalar = kind == "'" ? "'" : ">"
                    guard let end = scalars[(position + 1)...].firstIndex(of: close) else { return nil }
                    position = end + 1
                case "|":
                    position += 1
                    factorsInside = false
                case "(":
                    // A conditional: only (?(name)...) / (?(DEFINE)...) forms, never factored.
                    guard let end = scalars[position...].firstIndex(of: ")"),
                          scalars[(position + 1)..<end].allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || "<>'_+-&".unicodeScalars.contains($0) })
                    else { return nil }
                    position = end + 1
                    factorsInside = false
                default:
                    // Options: (?i) sets them for what follows; (?i:...) scopes them.
                    var cursor = position
                    while cursor < scalars.count, scalars[cursor].properties.isAlphabetic || scalars[cursor] == "-" || scalars[cursor] == "^" {
                        cursor += 1
                    }
                    guard cursor < scalars.count, cursor > position || scalars[cursor] == ")" else { return nil }
                    if scalars[cursor] == ")" {
                        position = cursor + 1
                        return Atom(text: text(start..<position), setsOptions: true)
                    }
                    guard scalars[cursor] == ":" else { return nil }
                    position = cursor + 1
                }
            }
            opener = text(start..<position)
            let closesLookbehind = !factorsInside && opener.hasPrefix("(?<") && opener.count == 4
            guard let inside = branches(), peek() == ")" else { return nil }
            position += 1
            if closesLookbehind { lookbehinds -= 1 }
            let factors = factorsInside && lookbehinds == 0
            return Atom(text: opener + join(factors ? AlternationFactoring.factor(inside) : inside) + ")")
        }

        /// `?`, `*`, `+`, `{n}`, `{n,}`, `{n,m}`, `{,m}`, each optionally lazy or possessive.
        private mutating func quantifier() -> String? {
            let start = position
            guard let scalar = peek() else { return nil }
            switch scalar {
            case "?", "*", "+":
                position += 1
            case "{":
                var cursor = position + 1
                var digits = 0, commas = 0
                while cursor < scalars.count, ("0"..."9").contains(scalars[cursor]) || scalars[cursor] == "," {
                    if scalars[cursor] == "," { commas += 1 } else { digits += 1 }
                    cursor += 1
                }
                guard cursor < scalars.count, scalars[cursor] == "}", digits > 0, commas <= 1 else { return nil }
                position = cursor + 1
            default:
                return nil
            }
            if let suffix = peek(), suffix == "?" || suffix == "+" { position += 1 }
            return text(start..<position)
        }
    }
}
