import GleanerCore

/// The flat columns of `glean export`: one row per record of `mentions.jsonl` (or of
/// `entities.jsonl`), each value as text — numbers exactly as the dataset writes them, a
/// missing field empty. A mention's value is flattened into the columns of the built-in kinds'
/// keys (`amount` … `code`); `value` keeps the whole value (the string itself for a date, JSON
/// text for an object), so an open kind's keys are never lost.
public struct ExportTable: Sendable {
    public let columns: [String]
    private let cells: @Sendable (JSONValue) -> [String]

    public func row(_ record: JSONValue) -> [String] { cells(record) }

    /// Keys of ANNOTATION.md's values, one column each, in this order.
    static let valueKeys = ["amount", "amountMax", "currency", "name", "acronym", "year", "edition", "type", "code"]

    public static let mentions = ExportTable(
        columns: ["id", "doc", "kind", "start", "end", "byteStart", "byteEnd", "text", "value"] + valueKeys
            + ["dateStart", "dateEnd", "sentence", "sentenceStart", "sentenceEnd", "equivalentOf", "inferred",
               "extractor", "rule", "context"],
        cells: { record in
            let value = record["value"]
            let sentence = record["sentence"]
            return ["id", "doc", "kind", "start", "end", "byteStart", "byteEnd", "text"].map { cell(record[$0]) }
                + [value.map { $0.stringValue ?? JSONWriter.string($0) } ?? ""]
                + valueKeys.map { cell(value?[$0]) }
                + [cell(record["dateStart"]), cell(record["dateEnd"]), cell(sentence?["index"]), cell(sentence?["start"]),
                   cell(sentence?["end"]), cell(record["equivalentOf"]), cell(record["inferred"]),
                   cell(record["extractor"]), cell(record["rule"]), cell(record["context"])]
        })

    public static let entities = ExportTable(
        columns: ["id", "kind", "name", "acronyms", "aliases", "editions", "mentions", "documents", "firstDocument", "lastDocument"],
        cells: { record in
            ["id", "kind", "name", "acronyms", "aliases", "editions", "mentions", "documents", "firstDocument", "lastDocument"]
                .map { cell(record[$0]) }
        })

    /// A field as text: strings as they are, numbers exact, arrays of scalars joined by `; `
    /// (`inferred`, `aliases`), anything else as JSON.
    static func cell(_ value: JSONValue?) -> String {
        switch value {
        case nil, .null?: ""
        case .string(let text)?: text
        case .number(let number)?: number.description
        case .bool(let flag)?: flag ? "true" : "false"
        case .array(let items)? where items.allSatisfy({ if case .array = $0 { false } else if case .object = $0 { false } else { true } }):
            items.map { cell($0) }.joined(separator: "; ")
        case let other?: JSONWriter.string(other)
        }
    }
}
