/// What the merge and record stages read of a plugin, gathered once per engine so that the
/// per-candidate work does no manifest look-ups and builds no strings.
public struct PluginTraits: Sendable {
    public let id: String
    public let kind: String
    /// `<plugin id>@<version>`, the records' `extractor`.
    public let extractorName: String
    public let priority: Int
    public let linkAcronyms: Bool
    public let linkEquivalents: Bool
    public let linkShortForms: Bool
    public let inferYears: Bool
    /// Rule ids and priorities, by rule index.
    public let ruleIDs: [String]
    public let rulePriorities: [Int]
    /// The value shape records of this kind must have.
    let shape: RecordValidator.ValueShape

    public init(_ plugin: Plugin) {
        let manifest = plugin.manifest
        id = manifest.id
        kind = manifest.kind
        extractorName = plugin.extractorName
        priority = manifest.priority
        linkAcronyms = manifest.linkAcronyms
        linkEquivalents = manifest.linkEquivalents
        linkShortForms = manifest.linkShortForms
        inferYears = manifest.inferYears
        ruleIDs = plugin.rules.map(\.manifest.id)
        rulePriorities = plugin.rules.map(\.manifest.priority)
        shape = RecordValidator.ValueShape(kind: manifest.kind)
    }
}
