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
        let triggers = context.manifest.params["triggers"] ?? "exercise|exercises|drill|drills"
        var checks: [String: ContextCheck] = [:]
        for rule in context.manifest.rules {
            guard let kind = rule.params["context"] else { continue }
            guard let scope = ContextCheck.Scope(rawValue: kind) else {
                throw PluginError(file: context.manifest.origin,
                                  message: "rule '\(rule.id)': context '\(kind)' is not sentence, document or sentence-or-document")
            }
            let words = [triggers, rule.params["triggers"]].compactMap { $0 }.joined(separator: "|")
            checks[rule.id] = ContextCheck(scope: scope, context: ExerciseContext(list: words),
                                           previous: rule.params["sentences"] == "2" ? ExerciseContext(list: triggers) : nil,
                                           multiword: rule.params["multiword"] == "true")
        }
        let bare = Set((lexicon?.values(of: "bare") ?? []).map { $0.lowercased() })
        return ExerciseNormalizer(lexicon: lexicon, checks: checks, bare: bare)
    }

    /// A rule's `context` param: where the text must say that the candidate is an exercise.
    struct ContextCheck: Sendable {
        enum Scope: String, Sendable {
            /// A trigger word (param `triggers`, plus the rule's own) in the candidate's sentence.
            case sentence
            /// The same name used as an exercise elsewhere in the document.
            case document
            case sentenceOrDocument = "sentence-or-document"
        }
        let scope: Scope
        let context: ExerciseContext
        /// Param `sentences: 2`: the sentence before counts too, for the plugin's own triggers
        /// only (`exercise`, `drills`), not a rule's wider ones (`forces`).
        var previous: ExerciseContext? = nil
        /// Param `multiword: "true"`: one-word names (`Milan`, `Indra`) never pass.
        var multiword = false
    }

    /// Context checks by rule id; rules without a `context` param have none.
    let checks: [String: ContextCheck]

    /// Multi-word names: every all-caps word that the lexicon does not list as an acronym is
    /// an ordinary word in capitals (`DHARMA GUARDIAN`, `COPE INDIA`).
    let words: NameCanonicalizer
    /// One-word names: short or coined all-caps words stay acronyms (`MINEX`, `PASSEX`).
    let single: NameCanonicalizer
    /// Names in mixed case: a capitalized word of four letters or fewer is set so on purpose,
    /// an acronym (`Grand African NEMO`); longer ones are words in capitals (`SHINYUU Maitri`).
    let mixed: NameCanonicalizer

    /// The `name`, `year` and `edition` groups.
    let slots = GroupSlots([["name"], ["year"], ["edition"]])

    /// Listed names that need no context (the lexicon's `bare` column, lowercased): rule
    /// known-bare finds them, so a document check on them would only cost time.
    let bare: Set<String>

    init(lexicon: Lexicon?, checks: [String: ContextCheck] = [:], bare: Set<String> = []) {
        words = NameCanonicalizer(lexicon: lexicon, minimumWordLength: 2)
        single = NameCanonicalizer(lexicon: lexicon, minimumWordLength: 6)
        mixed = NameCanonicalizer(lexicon: lexicon, minimumWordLength: 5)
        self.checks = checks
        self.bare = bare
    }

    func normalize(_ match: RuleMatch) -> Normalization? {
        let groups = match.groups(slots)
        guard let written = groups.bytes(0).map(NameCanonicalizer.collapsingSpaces), !written.isEmpty else { return nil }
        if let check = checks[match.rule.id], !passes(check, match, name: written) { return nil }
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

    /// True when the text around `match` says what the rule's context check asks for.
    func passes(_ check: ContextCheck, _ match: RuleMatch, name: String) -> Bool {
        if check.multiword, !name.contains(" ") { return false }
        let sentence = {
            check.context.sentenceNamesExercise(match.span, in: match.bytes)
                || (check.previous?.previousSentenceNamesExercise(match.span, in: match.bytes) ?? false)
        }
        let document = { () -> Bool in
            guard let nameRange = match.range("name") else { return false }
            return check.context.documentUsesAsExercise(name: nameRange, listed: words.entryIndex(for: name) != nil,
                                                        in: match.bytes)
        }
        switch check.scope {
        case .sentence: return sentence()
        case .document: return !bare.contains(name.lowercased()) && document()
        case .sentenceOrDocument: return sentence() || document()
        }
    }

    func canonical(_ name: String) -> String {
        if let row = words.entryIndex(for: name), let canonical = words.canonicalName(ofRow: row) {
            return canonical
        }
        guard !name.contains(" ") else {
            return name.utf8.contains(where: { $0 >= 0x61 && $0 <= 0x7A }) ? mixed.canonical(name) : words.canonical(name)
        }
        // A one-word all-caps name no list holds is coined (`SITMEX`, `BALTOPS`, `UNITAS`):
        // exercise names are set in capitals as written, at any length.
        let upper = name.uppercased()
        if upper == name, single.entryIndex(for: name) == nil, name.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) {
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
