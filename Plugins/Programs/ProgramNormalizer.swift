import GleanerCore

/// `{"name", "acronym"?}` for a program: the core `name` normalizer, plus title case for an
/// unlisted name set wholly in capitals (`CHENNAI PERIPHERAL RING ROAD` in a press-release
/// heading → `Chennai Peripheral Ring Road`). The core keeps short all-caps words as
/// acronyms; in an all-caps heading only words of three letters or fewer can be acronyms.
struct ProgramNormalizer: Normalizer {
    static let factory = NormalizerFactory(id: "program") { context throws(PluginError) in
        guard let base = try CoreNormalizers.name.make(context) as? NameNormalizer else {
            throw PluginError(file: context.manifest.origin, message: "the core `name` normalizer changed type")
        }
        let acronyms = Set(base.canonicalizer.lexicon?.values(of: "acronym") ?? [])
        return ProgramNormalizer(base: base, acronyms: acronyms)
    }

    let base: NameNormalizer
    /// Listed acronyms stay upper case even in a heading (`SCRI`, `BIMSTEC`).
    let acronyms: Set<String>

    /// Joining words that title case writes in lower case inside a name.
    static let small: Set<String> = ["of", "and", "for", "the", "in", "on", "to", "at", "by"]

    func normalize(_ match: RuleMatch) -> Normalization? {
        guard var result = base.normalize(match) else { return nil }
        let written = match.string("name") ?? match.text
        guard Self.isAllCaps(written), let name = result.value["name"]?.stringValue,
              base.canonicalizer.entry(for: name) == nil else { return result }
        result.value = result.value.setting("name", to: .string(titleCased(name)))
        return result
    }

    /// Two or more words, and every letter a capital.
    static func isAllCaps(_ text: String) -> Bool {
        let letters = text.unicodeScalars.filter { $0.properties.isAlphabetic }
        return text.contains(" ") && !letters.isEmpty && letters.allSatisfy { $0.properties.isUppercase }
    }

    func titleCased(_ name: String) -> String {
        var words: [String] = []
        for word in name.split(separator: " ") {
            let parts = word.split(separator: "-", omittingEmptySubsequences: false).map { part -> String in
                let lower = part.lowercased()
                if !words.isEmpty, Self.small.contains(lower) { return lower }
                guard part.count > 3, !acronyms.contains(String(part)) else { return String(part) }
                return String(part.prefix(1)) + lower.dropFirst()
            }
            words.append(parts.joined(separator: "-"))
        }
        return words.joined(separator: " ")
    }
}
