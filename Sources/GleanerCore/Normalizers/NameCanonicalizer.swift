/// Canonical spelling of a name (ANNOTATION.md): the lexicon's entry where one matches,
/// folding case, hyphens, spaces and optional head words (`Programme`, `Initiative`);
/// otherwise the name as written, with ordinary words set in capitals title-cased
/// (`AYUSHMAN` → `Ayushman`) and acronyms kept (`SCRI`, `ASEAN`).
public struct NameCanonicalizer: Sendable {
    public let lexicon: Lexicon?
    /// Lower-cased head words that may be dropped to find a lexicon entry.
    public let optionalHeads: [String]
    /// All-caps words at least this long are read as ordinary words, unless the lexicon
    /// lists them as acronyms.
    public let minimumWordLength: Int
    /// The lexicon's acronyms, computed once (they are kept in capitals).
    private let knownAcronyms: Set<String>

    public init(lexicon: Lexicon?, optionalHeads: [String] = [], minimumWordLength: Int = 6) {
        self.lexicon = lexicon
        self.optionalHeads = optionalHeads
        self.minimumWordLength = minimumWordLength
        knownAcronyms = Set(lexicon?.rows.compactMap { $0["acronym"] } ?? [])
    }

    /// The lexicon row for a name, trying it as written and without an optional head word.
    public func entry(for name: String) -> [String: String]? {
        guard let lexicon else { return nil }
        if let row = lexicon.row(for: name) { return row }
        if lexicon.columns.contains("acronym"), let row = lexicon.row(where: "acronym", is: name) { return row }
        let words = name.split(separator: " ")
        if words.count > 1, let last = words.last, optionalHeads.contains(last.lowercased()) {
            return lexicon.row(for: words.dropLast().joined(separator: " "))
        }
        return nil
    }

    public func canonical(_ name: String) -> String {
        if let row = entry(for: name), let canonical = row[lexicon!.columns[0]] { return canonical }
        return titleCased(collapsingSpaces(name))
    }

    func titleCased(_ name: String) -> String {
        var words: [String] = []
        for word in name.split(separator: " ", omittingEmptySubsequences: true) {
            // Hyphenated parts are cased one by one (`DHARMA-GUARDIAN`).
            let parts = word.split(separator: "-", omittingEmptySubsequences: false).map { part -> String in
                let letters = part.unicodeScalars.filter { $0.properties.isAlphabetic }
                let allCaps = !letters.isEmpty && letters.allSatisfy { $0.properties.isUppercase }
                guard allCaps, letters.count >= minimumWordLength, !knownAcronyms.contains(String(part)) else {
                    return String(part)
                }
                return part.prefix(1) + part.dropFirst().lowercased()
            }
            words.append(parts.joined(separator: "-"))
        }
        return words.joined(separator: " ")
    }

    /// Runs of spaces, no-break spaces and line breaks become one space.
    func collapsingSpaces(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" || $0.isNewline || $0 == "\t" })
            .joined(separator: " ")
    }
}
