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
        var counts = DocumentRecord.Counts(kinds: kinds)
        for mention in mentions.indices { counts.add(mentions[mention].kind) }
        self.init(document: document, sha256: sha256, counts: counts, error: error, warnings: warnings)
    }

    /// With the mentions counted as they were made and written (a long document's mentions
    /// are not kept: docs/robustness.md).
    public init(document: Document, sha256: String, counts: Counts, error: String?, warnings: [String]) {
        id = document.id
        source = document.source
        self.sha256 = sha256
        bytes = document.text.utf8.count
        codePoints = CodePointCounter.count(document.text)
        self.counts = counts.pairs
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

    /// Mentions per kind, in the order of the kinds given, counted one at a time (a kind no
    /// plugin extracts is not counted, as in the record).
    public struct Counts: Sendable {
        public private(set) var pairs: [(String, Int)]

        public init(kinds: [String]) { pairs = kinds.map { ($0, 0) } }

        /// Counts a mention of `kind`; false when `kind` is not one of the kinds given.
        @discardableResult
        public mutating func add(_ kind: String) -> Bool {
            guard let index = pairs.firstIndex(where: { $0.0 == kind }) else { return false }
            pairs[index].1 += 1
            return true
        }

        /// Counts a mention of `kind`, adding the kind after the others when it is new.
        public mutating func addKind(_ kind: String) {
            if !add(kind) { pairs.append((kind, 1)) }
        }
    }
}
