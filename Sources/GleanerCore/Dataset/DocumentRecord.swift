/// One line of `documents.jsonl`: the document's identity, content hash, size, mention counts
/// per kind, status, and metadata.
public struct DocumentRecord: Sendable {
    public var id: String
    public var source: String
    public var sha256: String
    public var bytes: Int
    public var codePoints: Int
    public var counts: [(String, Int)]
    public var status: String
    public var error: String?
    public var warnings: [String]
    public var meta: [(String, JSONValue)]
    public var replacements: Int

    public init(document: Document, kinds: [String], mentions: [Mention], error: String?, warnings: [String]) {
        id = document.id
        source = document.source
        sha256 = SHA256.hex(document.text.utf8)
        bytes = document.text.utf8.count
        codePoints = document.text.unicodeScalars.count
        counts = kinds.map { kind in (kind, mentions.count { $0.kind == kind }) }
        status = error == nil ? "ok" : "error"
        self.error = error
        self.warnings = warnings
        meta = document.meta
        replacements = document.replacements
    }

    public var json: JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("id", .string(id)), ("source", .string(source)), ("sha256", .string(sha256)),
            ("bytes", .int(bytes)), ("codePoints", .int(codePoints)),
        ]
        if replacements > 0 { pairs.append(("replacements", .int(replacements))) }
        pairs += [
            ("counts", .object(counts.map { ($0.0, .int($0.1)) })), ("status", .string(status)),
        ]
        if let error { pairs.append(("error", .string(error))) }
        if !warnings.isEmpty { pairs.append(("warnings", .array(warnings.map(JSONValue.string)))) }
        if !meta.isEmpty { pairs.append(("meta", .object(meta))) }
        return .object(pairs)
    }
}
