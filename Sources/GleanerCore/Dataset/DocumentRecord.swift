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
        self.init(document: document, sha256: SHA256.hex(document.text), kinds: kinds, mentions: mentions,
                  error: error, warnings: warnings)
    }

    /// With the content hash already computed (a batch hashes its documents together).
    public init(document: Document, sha256: String, kinds: [String], mentions: [Mention], error: String?, warnings: [String]) {
        id = document.id
        source = document.source
        self.sha256 = sha256
        bytes = document.text.utf8.count
        codePoints = CodePointCounter.count(document.text)
        var counts = kinds.map { ($0, 0) }
        for mention in mentions.indices {
            if let index = counts.firstIndex(where: { $0.0 == mentions[mention].kind }) { counts[index].1 += 1 }
        }
        self.counts = counts
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
