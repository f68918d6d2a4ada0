/// What the merge and record stages read of a plugin, gathered once per engine so that the
/// per-candidate work does no manifest look-ups and builds no strings. A class, so that
/// reading one costs a single reference count, not one per field. (Unchecked: the ranks are
/// set once, in `of(_:)`, before the traits are shared.)
public final class PluginTraits: @unchecked Sendable {
    public let id: String
    public let kind: String
    /// `<plugin id>@<version>`, the records' `extractor`.
    public let extractorName: String
    public let priority: Int
    /// Which registered passes (`MergePassRegistry`) this plugin's candidates go through; each
    /// pass reads its own switch, one load per candidate.
    public let linkAcronyms: Bool
    public let linkEquivalents: Bool
    public let linkShortForms: Bool
    public let inferYears: Bool
    /// Rule ids and priorities, by rule index.
    public let ruleIDs: [String]
    public let rulePriorities: [Int]
    /// The value shape records of this plugin must have.
    let schema: ValueSchema
    /// Values are date strings (`dateStart`/`dateEnd` are derived from them).
    let hasDateValues: Bool
    /// Each rule's place among all plugins' rules in the overlap tie-break order (plugin
    /// priority, rule priority, plugin order, rule order), by rule index; `acronymRank` for
    /// the candidates the acronym pass adds (rule -1, priority 0).
    private(set) var ruleRanks: [Int] = []
    private(set) var acronymRank = 0

    /// The traits of an engine's plugins, with the rule ranks filled in.
    public static func of(_ plugins: [Plugin]) -> [PluginTraits] {
        let traits = plugins.map(PluginTraits.init)
        var rules: [(plugin: Int, rule: Int, pluginPriority: Int, rulePriority: Int)] = []
        for (plugin, trait) in traits.enumerated() {
            rules.append((plugin, -1, trait.priority, 0))
            for (rule, priority) in trait.rulePriorities.enumerated() { rules.append((plugin, rule, trait.priority, priority)) }
        }
        rules.sort { a, b in
            if a.pluginPriority != b.pluginPriority { return a.pluginPriority > b.pluginPriority }
            if a.rulePriority != b.rulePriority { return a.rulePriority > b.rulePriority }
            return (a.plugin, a.rule) < (b.plugin, b.rule)
        }
        for trait in traits { trait.ruleRanks = Array(repeating: 0, count: trait.ruleIDs.count) }
        for (rank, entry) in rules.enumerated() {
            if entry.rule < 0 { traits[entry.plugin].acronymRank = rank } else { traits[entry.plugin].ruleRanks[entry.rule] = rank }
        }
        return traits
    }

    /// A candidate's rank in the tie-break order (see `ruleRanks`).
    @inline(__always) func rank(ofRule rule: Int) -> Int { rule >= 0 ? ruleRanks[rule] : acronymRank }

    init(_ plugin: Plugin) {
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
        schema = plugin.valueSchema
        hasDateValues = plugin.valueSchema.isDateValue
    }
}
