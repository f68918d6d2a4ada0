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

    /// `<doc>#<start>-<end>`.
    public var id: String { "\(doc)#\(start)-\(end)" }
}
