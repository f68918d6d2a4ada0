import Foundation

/// A dataset folder read back for `glean report`: each document with its mentions and, where
/// its source can still be read and is unchanged (same SHA-256), its text.
public struct ReportDataset: Sendable {
    public struct Mention: Sendable {
        public var id: String
        public var kind: String
        public var start: Int
        public var end: Int
        public var text: String
        /// The value as compact JSON.
        public var value: String
        public var extractor: String
        public var rule: String

        /// The plugin id, without `@version`.
        public var plugin: String { String(extractor.prefix { $0 != "@" }) }
    }

    public struct Document: Sendable {
        public var id: String
        public var source: String
        public var status: String
        public var error: String?
        /// Nil when the source is gone, unreadable or changed since the run.
        public var text: String?
        /// Why `text` is nil.
        public var note: String?
        public var mentions: [Mention]
    }

    public struct LoadError: Error, CustomStringConvertible {
        public let description: String
    }

    public var documents: [Document]
    /// The run's kinds in plugin order (from each document's `counts`), then any others.
    public var kinds: [String]
    public var plugins: [String] { Set(documents.flatMap { $0.mentions.map(\.plugin) }).sorted() }
    public var mentionCount: Int { documents.reduce(0) { $0 + $1.mentions.count } }

    /// Reads `documents.jsonl` and `mentions.jsonl` from `folder`; sources are resolved
    /// against `base` when relative.
    public static func load(folder: String, base: String = ".") throws(LoadError) -> ReportDataset {
        let documentLines = try lines(folder, "documents.jsonl")
        let mentionLines = try lines(folder, "mentions.jsonl")
        var mentions: [String: [Mention]] = [:]
        for (number, record) in mentionLines {
            guard let doc = record["doc"]?.stringValue, let kind = record["kind"]?.stringValue,
                  let start = int(record["start"]), let end = int(record["end"]), start <= end else {
                throw LoadError(description: "\(folder)/mentions.jsonl:\(number): not a mention record")
            }
            mentions[doc, default: []].append(Mention(
                id: record["id"]?.stringValue ?? "\(doc)#\(start)-\(end)", kind: kind, start: start, end: end,
                text: record["text"]?.stringValue ?? "", value: record["value"].map(JSONWriter.string) ?? "null",
                extractor: record["extractor"]?.stringValue ?? "?", rule: record["rule"]?.stringValue ?? "?"))
        }
        // HTML is read back the way the run read it (its article or its page text).
        let runOptions = (try? lines(folder, "run.json"))?.first?.1["options"]
        let htmlText = runOptions?["htmlText"]?.stringValue.flatMap(HTMLTextMode.init(rawValue:)) ?? .article
        let texts = SourceTexts(base: base, htmlText: htmlText)
        var documents: [Document] = []
        var kinds: [String] = []
        for (number, record) in documentLines {
            kinds += (record["counts"]?.objectPairs ?? []).map(\.0)
            guard let id = record["id"]?.stringValue, let source = record["source"]?.stringValue else {
                throw LoadError(description: "\(folder)/documents.jsonl:\(number): not a document record")
            }
            var document = Document(id: id, source: source, status: record["status"]?.stringValue ?? "ok",
                                    error: record["error"]?.stringValue, text: nil, note: nil,
                                    mentions: (mentions[id] ?? []).sorted { ($0.start, $0.end) < ($1.start, $1.end) })
            switch texts.text(of: source, sha256: record["sha256"]?.stringValue) {
            case .success(let text): document.text = text
            case .failure(let problem): document.note = problem.description
            }
            documents.append(document)
        }
        kinds += documents.flatMap { $0.mentions.map(\.kind) }
        var seen = Set<String>()
        return ReportDataset(documents: documents, kinds: kinds.filter { seen.insert($0).inserted })
    }

    private static func lines(_ folder: String, _ name: String) throws(LoadError) -> [(Int, JSONValue)] {
        let path = (folder as NSString).appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LoadError(description: "\(path): cannot read the file (is \(folder) a dataset folder written by glean run?)")
        }
        var records: [(Int, JSONValue)] = []
        for (index, line) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            do {
                records.append((index + 1, try JSONParser.parse(String(decoding: line, as: UTF8.self))))
            } catch {
                throw LoadError(description: "\(path):\(index + 1): not JSON: \(error)")
            }
        }
        return records
    }

    private static func int(_ value: JSONValue?) -> Int? {
        guard case .number(let number)? = value else { return nil }
        return Int(number.description)
    }
}
