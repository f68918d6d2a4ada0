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
    public var equivalentOf: String?
    public var context: String?

    public init(doc: String, kind: String, start: Int, end: Int, byteStart: Int, byteEnd: Int,
                text: String, value: JSONValue, extractor: String, rule: String,
                inferred: [String] = [], equivalentOf: String? = nil, context: String? = nil) {
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
        self.equivalentOf = equivalentOf
        self.context = context
    }

    /// `<doc>#<start>-<end>`.
    public var id: String { "\(doc)#\(start)-\(end)" }
}
