/// Normalizers that ship with the core, for manifest-only plugins and the built-in ones.
public enum CoreNormalizers {
    public static let all: [NormalizerFactory] = [text, name]

    /// `text`: the value is the mention's text (or the `value` group's), spaces collapsed.
    public static let text = NormalizerFactory(id: "text") { _ in TextNormalizer() }

    /// `name`: `{"name": canonical}` from the `name` group (or the whole span), with
    /// `acronym` from an `acronym` group; canonical names come from the lexicon named by the
    /// plugin param `lexicon`, folding the head words listed in `optionalHeads`.
    public static let name = NormalizerFactory(id: "name") { context throws(PluginError) in
        let lexicon = try context.manifest.params["lexicon"].map { id throws(PluginError) in try context.lexicon(id) }
        let heads = context.manifest.params["optionalHeads"]?.lowercased().split(separator: "|").map(String.init) ?? []
        return NameNormalizer(canonicalizer: NameCanonicalizer(lexicon: lexicon, optionalHeads: heads))
    }
}

struct TextNormalizer: Normalizer {
    let slots = GroupSlots([["value"]])

    func normalize(_ match: RuleMatch) -> Normalization? {
        let text = match.groups(slots).bytes(0) ?? match.spanBytes
        return Normalization(value: .string(NameCanonicalizer.collapsingSpaces(text)))
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
