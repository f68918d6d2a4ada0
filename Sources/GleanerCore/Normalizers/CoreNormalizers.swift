/// Normalizers that ship with the core, for manifest-only plugins and the built-in ones
/// (docs/kinds.md lists them with their value shapes).
public enum CoreNormalizers {
    public static let all: [NormalizerFactory] = [text, name, number, percent, lookup]

    /// `number`: `{"value": 7200000, "unit"?: …}` from digits or words with scale words; the
    /// unit is the `unit` param.
    public static let number = NormalizerFactory(
        id: "number",
        schema: .object([.init("value", .number(.any)), .init("unit", .string(.nonEmpty), required: false)])
    ) { context in NumberNormalizer(manifest: context.manifest, fixedUnit: nil) }

    /// `percent`: `{"value": 7.2, "unit": "percent"}`.
    public static let percent = NormalizerFactory(
        id: "percent",
        schema: .object([.init("value", .number(.any)), .init("unit", .string(.oneOf(["percent"])))])
    ) { context in NumberNormalizer(manifest: context.manifest, fixedUnit: "percent") }

    /// `lookup`: the `column` of the `lexicon` row the text names, a string.
    public static let lookup = NormalizerFactory(id: "lookup", schema: .string(.nonEmpty)) { context throws(PluginError) in
        guard let id = context.manifest.params["lexicon"] else {
            throw PluginError(file: context.manifest.origin, message: "normalizer 'lookup' needs the param `lexicon` (the lexicon whose column is the value)")
        }
        let lexicon = try context.lexicon(id)
        guard let column = context.manifest.params["column"] ?? (lexicon.columns.count > 1 ? lexicon.columns[1] : nil),
              lexicon.columns.contains(column) else {
            throw PluginError(file: context.manifest.origin, message: "normalizer 'lookup': lexicon '\(id)' has no column '\(context.manifest.params["column"] ?? "")' (columns: \(lexicon.columns.joined(separator: ", ")))")
        }
        return LookupNormalizer(lexicon: lexicon, column: column)
    }

    /// `text`: the value is the mention's text (or the `value` group's), spaces collapsed.
    public static let text = NormalizerFactory(id: "text", schema: .string(.nonEmpty)) { _ in TextNormalizer() }

    /// `name`: `{"name": canonical}` from the `name` group (or the whole span), with
    /// `acronym` from an `acronym` group; canonical names come from the lexicon named by the
    /// plugin param `lexicon`, folding the head words listed in `optionalHeads`.
    public static let name = NormalizerFactory(
        id: "name",
        schema: .object([.init("name", .string(.nonEmpty)), .init("acronym", .string(.nonEmpty), required: false)])
    ) { context throws(PluginError) in
        let lexicon = try context.manifest.params["lexicon"].map { id throws(PluginError) in try context.lexicon(id) }
        let heads = context.manifest.params["optionalHeads"]?.lowercased().split(separator: "|").map(String.init) ?? []
        return NameNormalizer(canonicalizer: NameCanonicalizer(lexicon: lexicon, optionalHeads: heads))
    }
}

struct TextNormalizer: Normalizer {
    let slots = GroupSlots([["value"]])

    func normalize(_ match: RuleMatch) -> Normalization? {
        let text = NameCanonicalizer.collapsingSpaces(match.groups(slots).bytes(0) ?? match.spanBytes)
        // A match of nothing but spaces is no mention.
        return text.isEmpty ? nil : Normalization(value: .string(text))
    }
}

public struct NameNormalizer: Normalizer {
    public let canonicalizer: NameCanonicalizer
    /// The `name` and `acronym` groups.
    public let slots = GroupSlots([["name"], ["acronym"]])

    public init(canonicalizer: NameCanonicalizer) { self.canonicalizer = canonicalizer }

    /// A name as written and read: the canonical (or title-cased) name, and the acronym.
    public struct Reading {
        public var name: String
        public var acronym: String?
        /// The lexicon row the name was found in.
        public var row: Int?
    }

    public func normalize(_ match: RuleMatch) -> Normalization? {
        let reading = read(match.groups(slots), span: match.spanBytes)
        return Normalization(value: Self.value(reading))
    }

    /// Reads the groups of a match (`slots`).
    public func read(_ groups: MatchGroups, span: UnsafeBufferPointer<UInt8>) -> Reading {
        let (name, row, shortForm) = canonicalizer.read(groups.bytes(0) ?? span)
        // A bare acronym or short form (`SCRI`, `Quad`) is itself the acronym.
        return Reading(name: name, acronym: shortForm ?? groups.string(1), row: row)
    }

    /// `{"name", "acronym"?}`.
    public static func value(_ reading: Reading) -> JSONValue {
        guard let acronym = reading.acronym else { return .object([("name", .string(reading.name))]) }
        return .object([("name", .string(reading.name)), ("acronym", .string(acronym))])
    }
}
