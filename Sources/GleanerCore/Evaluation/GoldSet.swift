import Foundation

/// Gold mentions from a file or a folder of `.jsonl` files, in either shape score.py reads:
/// flat (one mention a line) or documents (one `{"doc", "text", "mentions"}` a line, whose
/// texts can be extracted from directly).
public struct GoldSet {
    public var items: [Scorer.Item] = []
    /// Documents of a documents-shaped gold: all of them count, even with no mention.
    public var documents: [Document] = []

    public init(path: String) throws(InputReader.InputError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputReader.InputError(source: path, message: "no such file or folder")
        }
        let files = isDirectory.boolValue
            ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { $0.hasSuffix(".jsonl") }.sorted()
                .map { (path as NSString).appendingPathComponent($0) }
            : [path]
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw InputReader.InputError(source: file, message: "cannot read the file")
            }
            for (number, line) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated()
            where !line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) {
                let record: JSONValue
                do { record = try JSONParser.parse(String(decoding: line, as: UTF8.self)) } catch {
                    throw InputReader.InputError(source: "\(file):\(number + 1)", message: "not JSON: \(error)")
                }
                if case .array(let mentions)? = record["mentions"], let doc = record["doc"]?.stringValue {
                    documents.append(Document(id: doc, source: "\(file):\(number + 1)", text: record["text"]?.stringValue ?? ""))
                    items += mentions.compactMap { Scorer.Item($0, doc: doc) }
                } else if let item = Scorer.Item(record) {
                    items.append(item)
                } else {
                    throw InputReader.InputError(source: "\(file):\(number + 1)", message: "not a gold mention")
                }
            }
        }
    }
}
