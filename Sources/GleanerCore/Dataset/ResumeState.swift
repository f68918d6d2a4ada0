import Foundation

/// What `glean run --resume` may reuse instead of extracting again: the documents an
/// interrupted run journaled in its partial folder (`.DIR.glean-partial/`), and the documents of the finished dataset in
/// `DIR` made with the same plugins and options. A document is reused only when its content
/// hash is unchanged, so the result equals a clean run.
public struct ResumeState: EarlierResults {
    /// Mentions by document id, with the content hash they were extracted from.
    public private(set) var documents: [String: (sha256: String, mentions: [Mention])] = [:]
    /// Where the reused documents came from, for the summary.
    public private(set) var journaled = 0
    public private(set) var finished = 0

    public init() {}

    /// `fingerprint` is the run's `plugins` and extraction options as JSON text; a finished
    /// dataset made with another one is not reused.
    public static func load(folder: DatasetFolder, fingerprint: String) -> ResumeState {
        var state = ResumeState()
        state.loadFinished(URL(fileURLWithPath: folder.path), fingerprint: fingerprint)
        state.loadJournal(URL(fileURLWithPath: folder.partial), fingerprint: fingerprint)
        return state
    }

    /// Stored mentions for `document`, if it may be reused.
    public func mentions(for document: Document) -> [Mention]? {
        mentions(for: document, sha256: SHA256.hex(document.text))
    }

    /// The same, with the document's content hash already computed.
    public func mentions(for document: Document, sha256: String) -> [Mention]? {
        guard let entry = documents[document.id], document.failure == nil, entry.sha256 == sha256 else { return nil }
        return entry.mentions
    }

    private mutating func loadFinished(_ folder: URL, fingerprint: String) {
        guard let run = try? Self.json(folder.appendingPathComponent("run.json")),
              Self.fingerprint(of: run) == fingerprint,
              let documents = Self.lines(folder.appendingPathComponent("documents.jsonl")) else { return }
        var hashes: [String: String] = [:]
        for record in documents where record["status"]?.stringValue == "ok" {
            if let id = record["id"]?.stringValue, let sha = record["sha256"]?.stringValue { hashes[id] = sha }
        }
        let grouped = Self.mentions(folder.appendingPathComponent("mentions.jsonl"), limit: nil)
        for (id, sha) in hashes {
            self.documents[id] = (sha, grouped[id] ?? [])
        }
        finished = hashes.count
    }

    /// Reads the journal of an interrupted run: only complete lines count, and mentions.jsonl is
    /// read up to the size the last complete line recorded.
    private mutating func loadJournal(_ partial: URL, fingerprint: String) {
        guard let marker = try? String(contentsOf: partial.appendingPathComponent(Self.fingerprintFile), encoding: .utf8),
              marker == fingerprint,
              let data = FileManager.default.contents(atPath: partial.appendingPathComponent(DatasetWriter.journalFile).path) else { return }
        var hashes: [(String, String)] = []
        var limit: Int?
        for line in data.split(separator: 0x0A) where data.last == 0x0A || line.endIndex != data.endIndex {
            guard let entry = try? JSONParser.parse(String(decoding: line, as: UTF8.self)),
                  case .array(let items)? = entry["documents"],
                  case .number(let size)? = entry["sizes"]?["mentions.jsonl"] else { break }
            for item in items {
                if case .array(let pair) = item, pair.count == 2, let id = pair[0].stringValue, let sha = pair[1].stringValue {
                    hashes.append((id, sha))
                }
            }
            limit = Int(size.description)
        }
        guard let limit else { return }
        let grouped = Self.mentions(partial.appendingPathComponent("mentions.jsonl"), limit: limit)
        for (id, sha) in hashes { documents[id] = (sha, grouped[id] ?? []) }
        journaled = hashes.count
    }

    /// The partial folder keeps the fingerprint of the run that wrote it.
    public static let fingerprintFile = "fingerprint"

    public static func fingerprint(of run: JSONValue) -> String {
        JSONWriter.string(.array([run["plugins"] ?? .null, run["options"]?["context"] ?? .bool(false),
                                  run["options"]?["kinds"] ?? .null]))
    }

    private static func json(_ url: URL) throws -> JSONValue {
        guard let data = FileManager.default.contents(atPath: url.path) else { throw CocoaError(.fileNoSuchFile) }
        return try JSONParser.parse(String(decoding: data, as: UTF8.self))
    }

    private static func lines(_ url: URL, limit: Int? = nil) -> [JSONValue]? {
        guard var data = FileManager.default.contents(atPath: url.path) else { return nil }
        if let limit { data = data.prefix(limit) }
        return data.split(separator: 0x0A).compactMap { try? JSONParser.parse(String(decoding: $0, as: UTF8.self)) }
    }

    private static func mentions(_ url: URL, limit: Int?) -> [String: [Mention]] {
        var grouped: [String: [Mention]] = [:]
        for record in lines(url, limit: limit) ?? [] {
            if let mention = Mention(record: record) { grouped[mention.doc, default: []].append(mention) }
        }
        return grouped
    }
}
