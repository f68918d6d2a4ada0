/// Two documents of one run have one id.
public struct DuplicateDocumentID: Error, CustomStringConvertible, Sendable {
    public let id: String
    /// Where the id was read first and again.
    public let first: String
    public let second: String

    public var description: String { "duplicate document id '\(id)' in \(first) and \(second)" }
}
