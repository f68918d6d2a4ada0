/// Expands references in a pattern: `{Name}` is the fragment `Name` (recursively), `{@lex}`
/// an alternation of the lexicon's surfaces, `{@lex.column}` of one column's values, each
/// escaped and longest first. Quantifiers like `{2}` or `{1,3}` are left alone.
struct PatternComposer {
    let fragments: [String: String]
    let lexicons: [String: Lexicon]

    enum CompositionError: Error { case unknownFragment(String), unknownLexicon(String), cycle(String) }

    func expand(_ pattern: String) throws(CompositionError) -> String {
        try expand(pattern, stack: [])
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
        let items = parts.count == 2 ? lexicon.values(of: parts[1]) : lexicon.surfaces
        return "(?:" + items.map(Self.escape).joined(separator: "|") + ")"
    }

    /// Escapes regex metacharacters; a space matches any run of spaces or no-break spaces,
    /// and a hyphen any hyphen or dash, so lexicon entries match their common spellings.
    static func escape(_ literal: String) -> String {
        var result = ""
        for character in literal {
            switch character {
            case " ": result += "[\\s\\x{00A0}]+"
            case "-", "\u{2010}", "\u{2011}", "\u{2013}", "\u{2014}": result += "[-\\x{2010}\\x{2011}\\x{2013}\\x{2014}]"
            case "\\", "^", "$", ".", "|", "?", "*", "+", "(", ")", "[", "]", "{", "}", "/":
                result += "\\" + String(character)
            default: result.append(character)
            }
        }
        return result
    }
}
