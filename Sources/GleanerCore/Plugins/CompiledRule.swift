/// One rule of a plugin, expanded and compiled: its anchored patterns (candidates are built
/// from these) and the same patterns unanchored with an offset limit (to search a range).
/// A class, not a struct: the hot path reads rules per candidate, and copying a struct of
/// this many references costs a retain and release of each.
public final class CompiledRule: Sendable {
    public let manifest: RuleManifest
    /// The rule after `{fragment}` and `{@lexicon}` expansion: one pattern, or several when
    /// a lexicon is too large for one PCRE2 pattern.
    public let expandedPatterns: [String]
    let anchored: [PCRE2Regex]
    /// The same variants unanchored, with an offset limit: they search a range of starts.
    let windowed: [PCRE2Regex]
    let spanGroups: [Int?]

    init(manifest: RuleManifest, expandedPatterns: [String], anchored: [PCRE2Regex], windowed: [PCRE2Regex],
         spanGroups: [Int?]) {
        self.manifest = manifest
        self.expandedPatterns = expandedPatterns
        self.anchored = anchored
        self.windowed = windowed
        self.spanGroups = spanGroups
    }
}
