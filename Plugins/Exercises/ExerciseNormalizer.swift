import GleanerCore

/// `{"name", "year"?, "edition"?}` for a military exercise (ANNOTATION.md `exercise`): the
/// canonical name from the plugin's lexicon (param `lexicon`) through the core
/// NameCanonicalizer, a 2- or 4-digit `year` group widened to four digits, and an `edition`
/// group in Roman numerals or digits read as an integer.
struct ExerciseNormalizer: Normalizer {
    /// ANNOTATION.md's exercise value.
    static let schema = ValueSchema.object([
        .init("name", .string(.nonEmpty)),
        .init("year", .number(.integer), required: false),
        .init("edition", .number(.init(integer: true, minimum: 1)), required: false),
    ])

    static let factory = NormalizerFactory(id: "exercise", groups: ["name"], schema: schema) { context throws(PluginError) in
        let lexicon = try context.manifest.params["lexicon"].map { id throws(PluginError) in try context.lexicon(id) }
        return ExerciseNormalizer(lexicon: lexicon)
    }

    /// Multi-word names: every all-caps word that the lexicon does not list as an acronym is
    /// an ordinary word in capitals (`DHARMA GUARDIAN`, `COPE INDIA`).
    let words: NameCanonicalizer
    /// One-word names: short or coined all-caps words stay acronyms (`MINEX`, `PASSEX`).
    let single: NameCanonicalizer

    /// The `name`, `year` and `edition` groups.
    let slots = GroupSlots([["name"], ["year"], ["edition"]])

    init(lexicon: Lexicon?) {
        words = NameCanonicalizer(lexicon: lexicon, minimumWordLength: 2)
        single = NameCanonicalizer(lexicon: lexicon, minimumWordLength: 6)
    }

    func normalize(_ match: RuleMatch) -> Normalization? {
        let groups = match.groups(slots)
        guard let written = groups.bytes(0).map(NameCanonicalizer.collapsingSpaces), !written.isEmpty else { return nil }
        var pairs: [(String, JSONValue)] = [("name", .string(canonical(written)))]
        if let digits = groups.string(1) {
            guard let year = Self.year(digits) else { return nil }
            pairs.append(("year", .number(ExactNumber(year))))
        }
        if let text = groups.string(2) {
            guard let edition = Int(text) ?? Self.roman(text), edition > 0 else { return nil }
            pairs.append(("edition", .number(ExactNumber(edition))))
        }
        return Normalization(value: .object(pairs))
    }

    func canonical(_ name: String) -> String {
        if let row = words.entryIndex(for: name), let canonical = words.canonicalName(ofRow: row) {
            return canonical
        }
        guard !name.contains(" ") else { return words.canonical(name) }
        // A one-word coined name (`SITMEX`, `VINBAX`) reads as an acronym at any length.
        let upper = name.uppercased()
        if upper == name, upper.hasSuffix("EX") || upper.hasSuffix("AX") || upper.hasSuffix("AT") {
            return name
        }
        return single.canonical(name)
    }

    /// `2019` → 2019; `18` → 2018 and `92` → 1992 (two digits up to 50 read as 20YY).
    static func year(_ digits: String) -> Int? {
        guard let value = Int(digits) else { return nil }
        switch digits.utf8.count {
        case 4: return value
        case 2: return value <= 50 ? 2000 + value : 1900 + value
        default: return nil
        }
    }

    static let romanDigits: [Character: Int] = ["I": 1, "V": 5, "X": 10, "L": 50, "C": 100]

    /// Roman numerals up to a few hundred (`XV` → 15, `IV` → 4); nil when malformed.
    static func roman(_ text: String) -> Int? {
        let digits = text.uppercased().compactMap { romanDigits[$0] }
        guard digits.count == text.count, !digits.isEmpty else { return nil }
        var total = 0
        for (index, value) in digits.enumerated() {
            if index + 1 < digits.count, value < digits[index + 1] { total -= value } else { total += value }
        }
        return total
    }
}
