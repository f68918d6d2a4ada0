/// What the reader made of one document: the document, or why it could not be read. Problems
/// with one document are values, not thrown errors, so that one bad file never stops a run.
public enum DocumentResult: Sendable {
    /// `replacements` counts the invalid UTF-8 sequences that became U+FFFD (as Python's
    /// `errors="replace"` decodes them).
    case read(Document, replacements: Int)
    /// The document could not be read: unreadable file, broken link, binary file, corrupt gzip,
    /// a JSON Lines record without a string `text`. `id` is nil when the input gave no usable
    /// one (a line that is not JSON, an id that breaks CONTRACT.md's rules).
    case failed(id: String?, source: String, message: String)

    public var id: String? {
        switch self {
        case .read(let document, _): document.id
        case .failed(let id, _, _): id
        }
    }

    public var source: String {
        switch self {
        case .read(let document, _): document.source
        case .failed(_, let source, _): source
        }
    }
}
