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
    /// A date's first and last day (`dateStart`, `dateEnd`), nil for other kinds and unknown years.
    public var dateBounds: DateBounds?
    /// The sentence the mention sits in (`sentence`).
    public var sentence: MentionSentence?
    public var context: String?

    public init(doc: String, kind: String, start: Int, end: Int, byteStart: Int, byteEnd: Int,
                text: String, value: JSONValue, extractor: String, rule: String,
                inferred: [String] = [], equivalentOf: String? = nil, links: [MentionLink] = [],
                dateBounds: DateBounds? = nil, sentence: MentionSentence? = nil, context: String? = nil) {
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
        self.dateBounds = dateBounds
        self.sentence = sentence
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
        var dateBounds: DateBounds?
        if let first = record["dateStart"]?.stringValue, let last = record["dateEnd"]?.stringValue {
            dateBounds = DateBounds(start: first, end: last)
        }
        var sentence: MentionSentence?
        if let object = record["sentence"] {
            func field(_ key: String) -> Int? {
                guard case .number(let number)? = object[key], number.exponent >= 0 else { return nil }
                return Int(number.description)
            }
            if let index = field("index"), let start = field("start"), let end = field("end"),
               let byteStart = field("byteStart"), let byteEnd = field("byteEnd") {
                sentence = MentionSentence(index: index, start: start, end: end, byteStart: byteStart, byteEnd: byteEnd)
            }
        }
        self.init(doc: doc, kind: kind, start: start, end: end, byteStart: byteStart, byteEnd: byteEnd, text: text,
                  value: value, extractor: extractor, rule: rule, inferred: inferred, links: links,
                  dateBounds: dateBounds, sentence: sentence, context: record["context"]?.stringValue)
    }
}

/// Where a mention's sentence lies in its document (`SentenceIndex`): its place among the
/// document's sentences (0-based) and its span, in code points and in bytes like the mention's.
public struct MentionSentence: Sendable, Equatable {
    public var index: Int
    public var start: Int
    public var end: Int
    public var byteStart: Int
    public var byteEnd: Int

    public init(index: Int, start: Int, end: Int, byteStart: Int, byteEnd: Int) {
        self.index = index
        self.start = start
        self.end = end
        self.byteStart = byteStart
        self.byteEnd = byteEnd
    }
}
