import GleanerCore

/// A dataset folder in one fuzz input: documents.jsonl, mentions.jsonl, entities.jsonl,
/// run.json and the text every document's source reads back as, separated by 0x1E (record
/// separator) bytes. A part that is absent is a missing file (or, for the text, a source that
/// is gone); a source starting with `<stdin>` has no text, as in a real run.
public struct FuzzedDataset {
    public static let files = ["documents.jsonl", "mentions.jsonl", "entities.jsonl", "run.json"]
    public let parts: [[UInt8]]

    public init(_ bytes: [UInt8]) {
        parts = bytes.split(separator: 0x1E, omittingEmptySubsequences: false).map(Array.init)
    }

    public func validator() -> DatasetValidator {
        let parts = parts
        return DatasetValidator(
            directory: "fuzz",
            readFile: { name in Self.files.firstIndex(of: name).flatMap { $0 < parts.count ? parts[$0] : nil } },
            readText: { source in
                guard !source.hasPrefix("<stdin>"), parts.count > Self.files.count else {
                    return .failure(.init(reason: "\(source) is gone"))
                }
                return .success(TextDecoder.decode(parts[Self.files.count]).text)
            })
    }
}
