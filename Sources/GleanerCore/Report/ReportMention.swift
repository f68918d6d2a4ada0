/// A mention record as the report reads it from `mentions.jsonl`.
struct ReportMention {
    var id: String
    var doc: String
    var kind: String
    var start: Int
    var end: Int
    var text: String
    var value: JSONValue
    var extractor: String
    var rule: String
    var equivalentOf: String?
    var dateStart: String?
    /// The sentence index, nil in a dataset written before mentions had one.
    var sentence: Int?

    /// The plugin id, without `@version`.
    var plugin: String { String(extractor.prefix { $0 != "@" }) }

    init?(_ record: JSONValue) {
        func int(_ value: JSONValue?) -> Int? {
            guard case .number(let number)? = value, number.exponent >= 0 else { return nil }
            return Int(number.description)
        }
        guard let doc = record["doc"]?.stringValue, let kind = record["kind"]?.stringValue,
              let start = int(record["start"]), let end = int(record["end"]), start <= end else { return nil }
        self.doc = doc
        self.kind = kind
        self.start = start
        self.end = end
        id = record["id"]?.stringValue ?? "\(doc)#\(start)-\(end)"
        text = record["text"]?.stringValue ?? ""
        value = record["value"] ?? .null
        extractor = record["extractor"]?.stringValue ?? "?"
        rule = record["rule"]?.stringValue ?? "?"
        equivalentOf = record["equivalentOf"]?.stringValue
        dateStart = record["dateStart"]?.stringValue
        sentence = int(record["sentence"]?["index"])
    }
}
