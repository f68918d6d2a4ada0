/// `number` and `percent`: a quantity read by `NumberReader` from the `value` group (or the
/// whole span), as `{"value": 7.2, "unit": "percent"}`. `number` takes its unit from the
/// `unit` param (the rule's, else the plugin's) and leaves it out when there is none; `percent`
/// always says `percent`. A match with no number in it is rejected.
struct NumberNormalizer: Normalizer {
    let manifest: PluginManifest
    /// The unit every value has (`percent`), else read from the params.
    let fixedUnit: String?
    let slots = GroupSlots([["value"]])

    func normalize(_ match: RuleMatch) -> Normalization? {
        guard let number = NumberReader.read(match.groups(slots).bytes(0) ?? match.spanBytes) else { return nil }
        guard let unit = fixedUnit ?? match.param("unit", plugin: manifest), !unit.isEmpty else {
            return Normalization(value: .object([("value", .number(number))]))
        }
        return Normalization(value: .object([("value", .number(number)), ("unit", .string(unit))]))
    }
}

/// `lookup`: the value is one column of the lexicon row the `value` group (or the span)
/// names, compared as lexicons compare (`Lexicon.key`). The plugin params `lexicon` and
/// `column` say which (`column` defaults to the lexicon's second column). A text with no row,
/// or whose row leaves the column empty, is rejected.
struct LookupNormalizer: Normalizer {
    let lexicon: Lexicon
    let column: String
    let slots = GroupSlots([["value"]])

    func normalize(_ match: RuleMatch) -> Normalization? {
        guard let row = lexicon.rowIndex(for: match.groups(slots).bytes(0) ?? match.spanBytes),
              let value = lexicon.rows[row][column] else { return nil }
        return Normalization(value: .string(value))
    }
}
