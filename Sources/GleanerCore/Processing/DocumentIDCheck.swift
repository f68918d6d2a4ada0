/// The duplicate-id check of every command that reads many documents (`glean run` before
/// anything is written, `glean stream` line by line): CONTRACT.md makes two documents with
/// one id an error naming both sources. It keeps a fixed-size key per id whatever the id's
/// length, 128 bits of its SHA-256 (two ids collide with probability about n²/2¹²⁹, nil in
/// practice), and the source it was first read from (`<stdin>:LINE` fits in a string's inline
/// storage): about 50 bytes a document.
public struct DocumentIDCheck {
    private struct Key: Hashable {
        let high: UInt64
        let low: UInt64
    }

    private var sources: [Key: String] = [:]

    public init() {}

    /// Records `id`, read from `source`; throws when an earlier document had it.
    public mutating func insert(_ id: String, source: String) throws(DuplicateDocumentID) {
        var text = id
        let digest = text.withUTF8 { SHA256.digest(UnsafeRawBufferPointer($0)) }
        let key = Key(high: UInt64(digest.0) << 32 | UInt64(digest.1), low: UInt64(digest.2) << 32 | UInt64(digest.3))
        if let first = sources[key] { throw DuplicateDocumentID(id: id, first: first, second: source) }
        sources[key] = source
    }
}
