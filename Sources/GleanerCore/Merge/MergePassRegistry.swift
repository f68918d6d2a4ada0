/// The merge passes a plugin switches on by name (`passes: [acronyms, short-forms]` in its
/// manifest), in the order they run, after the overlap and block passes that every plugin
/// gets. docs/kinds.md documents each one. The boolean keys older manifests use
/// (`linkAcronyms: true` ...) still load and name the same passes.
public enum MergePassRegistry {
    public struct Entry: Sendable {
        /// The name a manifest lists under `passes:`.
        public let id: String
        /// The older manifest key that switches it on.
        public let flag: String
        public let pass: any MergePass
        /// The relations between mentions the pass sets: each is a key of the records it links.
        public let relations: [String]
        public let summary: String
    }

    public static let all: [Entry] = [
        // After blocks: links names to acronyms and adds bare acronym uses in free text.
        Entry(id: "acronyms", flag: "linkAcronyms", pass: AcronymLinker(), relations: [],
              summary: "`Name (ACR)` puts ACR in the name's value.acronym; a later bare ACR becomes a mention of that name"),
        // After acronyms: a short form takes the full name of an earlier mention.
        Entry(id: "short-forms", flag: "linkShortForms", pass: ShortFormLinker(), relations: [],
              summary: "a name that repeats the end of an earlier, longer name of the document takes that name"),
        // After overlaps: yearless dates look at the dates kept before them.
        Entry(id: "infer-years", flag: "inferYears", pass: YearInferrer(), relations: [],
              summary: "a date without its year (XXXX) takes the year of the reference date or the nearest earlier date"),
        // Last: needs the final, sorted amounts.
        Entry(id: "equivalents", flag: "linkEquivalents", pass: AmountLinker(), relations: [MentionLink.equivalentOf],
              summary: "a mention in parentheses right after another of the plugin (`50 billion JPY (about $460 million)`) restates it: equivalentOf"),
    ]

    public static var ids: [String] { all.map(\.id) }

    /// Every relation a registered pass may set, in the order records write them.
    public static let relations: [String] = all.flatMap(\.relations)
}
