/// Expands references in a pattern: `{Name}` is the fragment `Name` (recursively), `{@lex}`
/// an alternation of the lexicon's surfaces, `{@lex.column}` of one column's values, each
/// escaped and longest first. Quantifiers like `{2}` or `{1,3}` are left alone.
struct PatternComposer {
    let fragments: [String: String]
    let lexicons: [String: Lexicon]

    enum CompositionError: Error { case unknownFragment(String), unknownLexicon(String), cycle(String) }

    /// Expands with one lexicon (the largest the pattern refers to) cut into `parts` and only
    /// part `part` used: a rule whose lexicon is too large for one PCRE2 pattern becomes
    /// several patterns that together cover it.
    var split: (lexicon: String, part: Int, parts: Int)?

    init(fragments: [String: String], lexicons: [String: Lexicon]) {
        self.fragments = fragments
        self.lexicons = lexicons
    }

    func expand(_ pattern: String) throws(CompositionError) -> String {
        try expand(pattern, stack: [])
    }

    /// The lexicon reference a rule too large for one pattern is split over: the largest (by
    /// name among equals, so every split of the rule cuts the same one).
    func splitLexicon(of pattern: String) -> String? {
        lexiconReferences(in: pattern).max { ($0.value, $1.key) < ($1.value, $0.key) }.map { String($0.key.dropFirst()) }
    }

    /// The lexicons a pattern refers to, directly or through fragments, with their sizes.
    func lexiconReferences(in pattern: String) -> [String: Int] {
        var found: [String: Int] = [:]
        var pending = [pattern]
        var seen = Set<String>()
        while let text = pending.popLast() {
            var rest = Substring(text)
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                let name = String(rest[rest.index(after: open)..<close])
                if name.hasPrefix("@") {
                    let parts = name.dropFirst().split(separator: ".", maxSplits: 1).map(String.init)
                    if let lexicon = lexicons[parts[0]] {
                        found[name] = parts.count == 2 ? lexicon.values(of: parts[1]).count : lexicon.surfaces.count
                    }
                } else if let fragment = fragments[name], seen.insert(name).inserted {
                    pending.append(fragment)
                }
                rest = rest[rest.index(after: close)...]
            }
        }
        return found
    }

    private func expand(_ pattern: String, stack: [String]) throws(CompositionError) -> String {
        var output = ""
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{") {
            // A backslash-escaped brace is literal.
            if open > rest.startIndex, rest[rest.index(before: open)] == "\\" {
                output += rest[...open]
                rest = rest[rest.index(after: open)...]
                continue
            }
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = rest[rest.index(after: open)..<close]
            output += rest[..<open]
            if name.first == "@" {
                output += try lexiconAlternation(String(name.dropFirst()))
            } else if let first = name.unicodeScalars.first, first.properties.isAlphabetic || first == "_" {
                let key = String(name)
                guard let fragment = fragments[key] else { throw .unknownFragment(key) }
                guard !stack.contains(key) else { throw .cycle(key) }
                output += "(?:" + (try expand(fragment, stack: stack + [key])) + ")"
            } else {
                output += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return output + rest
    }

    private func lexiconAlternation(_ reference: String) throws(CompositionError) -> String {
        let parts = reference.split(separator: ".", maxSplits: 1).map(String.init)
        guard let lexicon = lexicons[parts[0]] else { throw .unknownLexicon(parts[0]) }
        var items = parts.count == 2 ? lexicon.values(of: parts[1]) : lexicon.surfaces
        if let split, split.lexicon == reference {
            // Floor boundaries nest: part p of n parts is parts 2p and 2p + 1 of 2n, so a
            // prefilter expression cut finer than its PCRE2 pattern stays inside it.
            let count = items.count
            items = Array(items[split.part * count / split.parts..<(split.part + 1) * count / split.parts])
            if items.isEmpty { return "(*FAIL)" }
        }
        return LexiconTrie(items.map(Self.atoms)).pattern
    }

    /// Escapes regex metacharacters; a space matches any run of spaces or no-break spaces,
    /// and a hyphen any hyphen or dash, so lexicon entries match their common spellings.
    static func escape(_ literal: String) -> String { atoms(literal).joined() }

    /// The literal as pattern atoms, one per character.
    static func atoms(_ literal: String) -> [String] {
        literal.map { character in
            switch character {
            case " ": "[\\s\\x{00A0}]+"
            case "-", "\u{2010}", "\u{2011}", "\u{2013}", "\u{2014}": "[-\\x{2010}\\x{2011}\\x{2013}\\x{2014}]"
            case "\\", "^", "$", ".", "|", "?", "*", "+", "(", ")", "[", "]", "{", "}", "/": "\\" + String(character)
            default: String(character)
            }
        }
    }
}
