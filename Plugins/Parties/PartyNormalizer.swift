import GleanerCore

/// A party's value (ANNOTATION.md `party`). A `country` group is looked up in the countries
/// lexicon (param `countries`): `{"name": short name, "type": "country", "code": ISO alpha-2}`;
/// a name not listed there is no mention. Otherwise the `name` group (and `acronym`) is an
/// organization read by the core name canonicalizer over the organizations lexicon (param
/// `organizations`): `{"name", "type": "organization", "acronym"?}`, an unlisted name written
/// wholly in capitals (a heading) title-cased.
struct PartyNormalizer: Normalizer {
    /// ANNOTATION.md's two shapes: a country with its ISO 3166-1 alpha-2 code, or an organization.
    static let schema = ValueSchema.oneOf([
        .object([.init("name", .string(.nonEmpty)), .init("type", .string(.oneOf(["country"]))), .init("code", .string(.capitals(2)))]),
        .object([.init("name", .string(.nonEmpty)), .init("type", .string(.oneOf(["organization"]))),
                 .init("acronym", .string(.nonEmpty), required: false)]),
    ])

    static let factory = NormalizerFactory(id: "party", groups: ["country", "name"], schema: schema) { context throws(PluginError) in
        func lexicon(_ param: String) throws(PluginError) -> Lexicon {
            guard let id = context.manifest.params[param] else {
                throw PluginError(file: context.manifest.origin, message: "the `party` normalizer needs the param `\(param)` (a lexicon id)")
            }
            return try context.lexicon(id)
        }
        let countries = try lexicon("countries")
        guard countries.columns.contains("code") else {
            throw PluginError(file: context.manifest.origin, message: "the countries lexicon needs a `code` column (ISO 3166-1 alpha-2)")
        }
        return PartyNormalizer(countries: countries, organizations: NameNormalizer(
            canonicalizer: NameCanonicalizer(lexicon: try lexicon("organizations"))))
    }

    let countries: Lexicon
    let organizations: NameNormalizer
    /// The `country` group, then the organization's `name` and `acronym` groups.
    let slots = GroupSlots([["country"], ["name"], ["acronym"]])

    func normalize(_ match: RuleMatch) -> Normalization? {
        let groups = match.groups(slots)
        if let written = groups.bytes(0) {
            guard let row = countries.rowIndex(for: written), let name = countries.rows[row][countries.columns[0]],
                  let code = countries.rows[row]["code"] else { return nil }
            return Normalization(value: .object([("name", .string(name)), ("type", .string("country")), ("code", .string(code))]))
        }
        let written = groups.bytes(1) ?? match.spanBytes
        let (canonical, row, shortForm) = organizations.canonicalizer.read(written)
        var name = canonical
        if row == nil, ASCIINameCaser.isAllCapsHeading(written) { name = Self.titleCased(canonical) }
        var pairs: [(String, JSONValue)] = [("name", .string(name)), ("type", .string("organization"))]
        if let acronym = shortForm ?? groups.string(2) { pairs.append(("acronym", .string(acronym))) }
        return Normalization(value: .object(pairs))
    }

    /// Words of four letters or more capitalized, joining words lower case, short words (acronyms
    /// such as `JICA`'s neighbours `US`, `UN`) kept.
    static func titleCased(_ name: String) -> String {
        var name = name
        return name.withUTF8 { bytes in
            ASCIINameCaser.recase(bytes) { part, firstWord in
                let word = String(decoding: part, as: UTF8.self).lowercased()
                if !firstWord && ["of", "and", "for", "the", "in", "on", "to", "at", "by"].contains(word) { return .lower }
                return part.count > 3 ? .capitalized : .asWritten
            }
        } ?? name
    }
}
