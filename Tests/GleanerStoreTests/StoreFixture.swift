import Foundation
import GleanerCore
import GleanerStore

/// A small dataset for the store tests: documents assembled from plain text and marked
/// mentions, so every offset (code points and UTF-8 bytes, past `£`, `€`, `¥`) is the real one.
struct StoreFixture {
    enum Piece {
        case plain(String)
        case mention(String, kind: String, value: String, rule: String, inferred: [String] = [], equivalentOf: Int? = nil)
    }

    static let kinds = ["date", "money", "program", "exercise"]
    static let fingerprint = "plugins-v1"

    /// Builds a document and its mentions; `equivalentOf: n` points at the n-th mention.
    static func document(_ id: String, _ pieces: [Piece]) throws -> (record: DocumentRecord, mentions: [Mention]) {
        var text = ""
        var mentions: [Mention] = []
        for piece in pieces {
            switch piece {
            case .plain(let plain):
                text += plain
            case .mention(let surface, let kind, let value, let rule, let inferred, let equivalentOf):
                // The money plugin's id is `money`; the others are plural (`dates`, `programs`).
                let start = text.unicodeScalars.count, byteStart = text.utf8.count
                text += surface
                mentions.append(Mention(
                    doc: id, kind: kind, start: start, end: text.unicodeScalars.count,
                    byteStart: byteStart, byteEnd: text.utf8.count, text: surface,
                    value: try JSONParser.parse(value), extractor: "\(kind == "money" ? kind : kind + "s")@1.0.0", rule: rule,
                    inferred: inferred, equivalentOf: equivalentOf.map { mentions[$0].id },
                    context: kind == "money" ? "Context of \(surface)." : nil))
            }
        }
        // One sentence per document; dates with their bounds (both stored as columns).
        for index in mentions.indices {
            mentions[index].sentence = MentionSentence(index: 0, start: 0, end: text.unicodeScalars.count, byteStart: 0, byteEnd: text.utf8.count)
            if mentions[index].kind == "date" { mentions[index].dateBounds = mentions[index].value.stringValue.flatMap(DateBounds.init(value:)) }
        }
        let document = Document(id: id, source: "corpus/\(id).txt", text: text, meta: [("published", .string("2019-12-01"))])
        let record = DocumentRecord(document: document, kinds: kinds, mentions: mentions, error: nil, warnings: [])
        return (record, mentions)
    }

    static func one() throws -> (record: DocumentRecord, mentions: [Mention]) {
        try document("a/one", [
            .plain("On "), .mention("30 November", kind: "date", value: #""2019-11-30""#, rule: "day-month", inferred: ["year"]),
            .plain(" the Pentagon asked for "),
            .mention("$118.4 billion", kind: "money", value: #"{"amount": 118400000000, "currency": "USD"}"#, rule: "symbol-amount"),
            .plain(" and London pledged "),
            .mention("£10 billion", kind: "money", value: #"{"amount": 10000000000, "currency": "GBP"}"#, rule: "symbol-amount"),
            .plain(" ("),
            .mention("$13 billion", kind: "money", value: #"{"amount": 13000000000, "currency": "USD"}"#, rule: "symbol-amount", equivalentOf: 2),
            .plain(") for the "),
            .mention("Joint Strike Fighter (JSF)", kind: "program", value: #"{"name": "Joint Strike Fighter", "acronym": "JSF"}"#, rule: "defined"),
            .plain(", the "), .mention("Golden Dome", kind: "program", value: #"{"name": "Golden Dome"}"#, rule: "known"),
            .plain(" and "), .mention("Golden Dome", kind: "program", value: #"{"name": "Golden Dome"}"#, rule: "known"),
            .plain(" again, after "),
            .mention("Malabar 2019", kind: "exercise", value: #"{"name": "Malabar", "year": 2019}"#, rule: "known"),
            .plain("."),
        ])
    }

    static func two(changed: Bool = false) throws -> (record: DocumentRecord, mentions: [Mention]) {
        try document("b/two", [
            .plain("Berlin spent "),
            .mention("4.7 €", kind: "money", value: #"{"amount": 4.7, "currency": "EUR"}"#, rule: "amount-symbol"),
            .plain(" per "), .mention("JSF", kind: "program", value: #"{"name": "Joint Strike Fighter", "acronym": "JSF"}"#, rule: "acronym"),
            .plain(changed ? " hour, and dropped " : " hour, and bought "),
            .mention("Aegis Ashore", kind: "program", value: #"{"name": "Aegis Ashore"}"#, rule: "known"),
            .plain(" before "), .mention("Malabar 2020", kind: "exercise", value: #"{"name": "Malabar", "year": 2020}"#, rule: "known"),
        ] + (changed ? [] : [
            .plain(" and "), .mention("Nomadic Elephant XV", kind: "exercise", value: #"{"name": "Nomadic Elephant", "edition": 15}"#, rule: "known-edition"),
        ]))
    }

    static func three() throws -> (record: DocumentRecord, mentions: [Mention]) {
        try document("c/three", [
            .plain("Tokyo set aside "),
            .mention("¥500 billion", kind: "money", value: #"{"amount": 500000000000, "currency": "JPY"}"#, rule: "symbol-amount"),
            .plain(" and "), .mention("$2 million", kind: "money", value: #"{"amount": 2000000, "currency": "USD"}"#, rule: "symbol-amount"),
            .plain(" for "), .mention("Aegis Ashore", kind: "program", value: #"{"name": "Aegis Ashore"}"#, rule: "known"),
            .plain(" and the "), .mention("JSF", kind: "program", value: #"{"name": "Joint Strike Fighter", "acronym": "JSF"}"#, rule: "acronym"),
            .plain("."),
        ])
    }

    static func corpus() throws -> [(record: DocumentRecord, mentions: [Mention])] {
        [try one(), try two(), try three()]
    }

    /// A fresh store in its own temporary folder, with one run begun.
    static func store() throws -> (store: DatasetStore, run: Int64) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gleaner-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = try DatasetStore(path: folder.appendingPathComponent("dataset.sqlite").path)
        return (store, try begin(store, fingerprint: fingerprint))
    }

    static func begin(_ store: DatasetStore, fingerprint: String) throws -> Int64 {
        try store.beginRun(
            tool: "glean 0.1.0", pluginFingerprint: fingerprint,
            plugins: .array([.object([("id", .string("money")), ("version", .string("1.0.0"))])]),
            options: .object([("jobs", .int(2))]))
    }

    /// The store written with the corpus, a finished run and its entity index.
    static func populated() throws -> DatasetStore {
        let (store, run) = try store()
        let corpus = try corpus()
        try store.write(batch: corpus, runID: run)
        var index = EntityIndex()
        for (record, mentions) in corpus { index.add(document: record.id, mentions: mentions) }
        try store.replaceEntities(index.records)
        try store.finishRun(run, counts: .object([("documents", .int(corpus.count))]))
        return store
    }
}
