/// Turns one rule match into a normalized value. Built-in normalizers live in the core
/// (`name`, `text`) or in a compiled extractor module (`date`, `money`, `exercise`); any
/// manifest, compiled in or loaded with `--plugins`, may name any of them.
public protocol Normalizer: Sendable {
    /// Returns the value, or nil to reject the match (it is then not a mention).
    func normalize(_ match: RuleMatch) -> Normalization?
}

public struct Normalization: Sendable {
    public var value: JSONValue
    /// What was filled in from context (`["year"]`), written as the record's `inferred`.
    public var inferred: [String]

    public init(value: JSONValue, inferred: [String] = []) {
        self.value = value
        self.inferred = inferred
    }
}

/// Everything a normalizer may use when it is built: the plugin's manifest and lexicons.
public struct NormalizerContext: Sendable {
    public let manifest: PluginManifest
    public let lexicons: [String: Lexicon]

    /// A lexicon the manifest must declare; the error names the manifest file.
    public func lexicon(_ id: String) throws(PluginError) -> Lexicon {
        guard let lexicon = lexicons[id] else {
            throw PluginError(file: manifest.origin, message: "normalizer '\(manifest.normalizer)' needs a lexicon '\(id)' (declare it under `lexicons:`)")
        }
        return lexicon
    }
}

/// A named way to build a normalizer, registered with the plugin loader.
public struct NormalizerFactory: Sendable {
    public let id: String
    /// Named groups of which every extract rule must define at least one: the loader checks
    /// this before any document is read.
    public let groups: Set<String>
    /// The shape of every value the normalizer makes: the shape of its plugins' kind.
    public let schema: ValueSchema
    public let make: @Sendable (NormalizerContext) throws(PluginError) -> any Normalizer

    /// `schema` defaults to "any JSON object or string" for normalizers written before value
    /// schemas; declare it, so that the kind's records and JSON Schema say what they hold.
    public init(id: String, groups: Set<String> = [], schema: ValueSchema = .objectOrString,
                make: @escaping @Sendable (NormalizerContext) throws(PluginError) -> any Normalizer) {
        self.id = id
        self.groups = groups
        self.schema = schema
        self.make = make
    }
}
