/// A mention as the dataset records it (CONTRACT.md): code-point and byte offsets, the text,
/// the normalized value and its provenance.
public struct Mention: Sendable, Equatable {
    public var doc: String
    public var kind: String
    public var start: Int
    public var end: Int
    public var byteStart: Int
    public var byteEnd: Int
    public var text: String
    public var value: JSONValue
    /// `<plugin id>@<version>`.
    public var extractor: String
    public var rule: String
    public var inferred: [String]
    /// Relations to other mentions of the document, set by merge passes (`MentionLink`).
    public var links: [MentionLink]
    public var context: String?

    public init(doc: String, kind: String, start: Int, end: Int, byteStart: Int, byteEnd: Int,
                text: String, value: JSONValue, extractor: String, rule: String,
                inferred: [String] = [], equivalentOf: String? = nil, links: [MentionLink] = [], context: String? = nil) {
        self.doc = doc
        self.kind = kind
        self.start = start
        self.end = end
        self.byteStart = byteStart
        self.byteEnd = byteEnd
        self.text = text
        self.value = value
        self.extractor = extractor
        self.rule = rule
        self.inferred = inferred
        self.links = equivalentOf.map { [MentionLink(relation: MentionLink.equivalentOf, target: $0)] + links } ?? links
        self.context = context
    }

    /// `<doc>#<start>-<end>`.
    public var id: String { "\(doc)#\(start)-\(end)" }

    /// The target of this mention's link of `relation`, if any.
    public func link(_ relation: String) -> String? {
        links.first { $0.relation == relation }?.target
    }

    /// The amount this one restates (the `equivalentOf` link).
    public var equivalentOf: String? { link(MentionLink.equivalentOf) }
}

extension Mention {
    /// Reads a `mentions.jsonl` record back (for `--resume` and stores): nil when a field is
    /// missing or of the wrong type.
    public init?(record: JSONValue) {
        func int(_ key: String) -> Int? {
            guard case .number(let number)? = record[key], number.exponent >= 0 else { return nil }
            return Int(number.description)
        }
        guard let doc = record["doc"]?.stringValue, let kind = record["kind"]?.stringValue,
              let start = int("start"), let end = int("end"), let byteStart = int("byteStart"),
              let byteEnd = int("byteEnd"), let text = record["text"]?.stringValue, let value = record["value"],
              let extractor = record["extractor"]?.stringValue, let rule = record["rule"]?.stringValue else { return nil }
        var inferred: [String] = []
        if case .array(let items)? = record["inferred"] { inferred = items.compactMap(\.stringValue) }
        let links = MergePassRegistry.relations.compactMap { relation in
            record[relation]?.stringValue.map { MentionLink(relation: relation, target: $0) }
        }
        self.init(doc: doc, kind: kind, start: start, end: end, byteStart: byteStart, byteEnd: byteEnd, text: text,
                  value: value, extractor: extractor, rule: rule, inferred: inferred, links: links,
                  context: record["context"]?.stringValue)
    }
}
