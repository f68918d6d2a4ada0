/// A plugin's manifest (`manifest.yaml`): what it extracts, its patterns, lexicons and
/// examples. Pure data; `PluginLoader` reads it and `Plugin` compiles it.
public struct PluginManifest: Sendable {
    public var id: String
    public var version: String
    public var kind: String
    public var description: String
    /// Id of the normalizer that turns a match into a value (`date`, `money`, `name`, ...).
    public var normalizer: String
    /// Cross-kind precedence: when two candidates of equal length and start compete, the
    /// plugin with the higher priority wins.
    public var priority: Int
    /// The merge passes this plugin's candidates go through, by id (`MergePassRegistry`):
    /// `acronyms`, `short-forms`, `infer-years`, `equivalents`.
    public var passes: [String] = []
    /// Free-form options handed to the normalizer.
    public var params: [String: String]
    /// Reusable pattern pieces, referenced as `{Name}` in patterns and other fragments.
    public var fragments: [String: String]
    public var lexicons: [LexiconReference]
    public var rules: [RuleManifest]
    public var examples: [ExampleManifest]
    /// Where the manifest came from: `built-in` or a file path.
    public var origin: String
}

extension PluginManifest {
    /// Link `Name (ACR)` definitions and later bare uses of `ACR` in the same document.
    public var linkAcronyms: Bool { passes.contains("acronyms") }
    /// Mark an amount in parentheses right after another as its `equivalentOf`.
    public var linkEquivalents: Bool { passes.contains("equivalents") }
    /// Resolve a name that repeats the end of an earlier, longer name in the same document.
    public var linkShortForms: Bool { passes.contains("short-forms") }
    /// Fill in missing years (`XXXX`) from the reference date or the nearest earlier date.
    public var inferYears: Bool { passes.contains("infer-years") }
}

/// A lexicon the manifest names: a TSV file beside it, or entries written inline.
public struct LexiconReference: Sendable {
    public var id: String
    /// The TSV file; empty for an inline lexicon.
    public var file: String
    public var line: Int
    /// An inline lexicon's entries (`stop: [The, A, An]`), nil for a file.
    public var entries: [String]?

    public init(id: String, file: String, line: Int, entries: [String]? = nil) {
        self.id = id
        self.file = file
        self.line = line
        self.entries = entries
    }
}

public struct RuleManifest: Sendable {
    public enum Action: String, Sendable {
        /// A match is a candidate mention.
        case extract
        /// A match is negative evidence: if it wins the overlap resolution, the span yields
        /// no mention (`COVID-19`, phone numbers, event names that contain a program name).
        case block
    }

    public var id: String
    public var pattern: String
    public var options: PatternOptions
    /// Named group whose range is the mention's span; the whole match when nil.
    public var spanGroup: String?
    public var action: Action
    /// Breaks ties between candidates of the same length and start within a plugin.
    public var priority: Int
    public var params: [String: String]
    /// What the Vectorscan prefilter scans for this rule (see docs/manifest-format.md).
    public var prefilter: Prefilter = .literal
    public var examples: [ExampleManifest]
    public var line: Int

    public enum Prefilter: String, Sendable {
        /// The longest literal every match contains, when it has three characters or more
        /// (else the pattern): the fastest scan, unless the literal is a common word.
        case literal
        /// The whole pattern, lookarounds dropped: fewer candidates for rules whose literals
        /// are common words (`and`, `India`), at some cost to the scan.
        case pattern
    }
}

/// An example: text with the expected mentions marked `⟦…⟧`, and optionally their values in
/// span order. Text with no marker must yield no mention.
public struct ExampleManifest: Sendable {
    public var text: String
    public var values: [JSONValue]?
    /// The rule the example is written for (examples under a rule), for coverage reports.
    public var ruleID: String?
    public var line: Int
}
