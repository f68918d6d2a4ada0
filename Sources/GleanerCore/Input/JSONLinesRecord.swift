/// One line of a JSON Lines input as a document: `id` and `text` required, every other field
/// kept as `meta`, `published` (ISO 8601 date) the reference date.
enum JSONLinesRecord {
    static func parse(_ line: ArraySlice<UInt8>, source: String) -> DocumentResult {
        let (json, replacements) = TextDecoder.decode(line)
        let record: JSONValue
        do {
            record = try JSONParser.parse(json)
        } catch {
            return .failed(id: nil, source: source, message: "not a JSON document record: \(error)")
        }
        guard let id = record["id"]?.stringValue, DocumentID.isValid(id) else {
            return .failed(id: nil, source: source,
                           message: "`id` must be a non-empty string with no NUL, no `..` segment, not starting with `/`")
        }
        guard let text = record["text"]?.stringValue else {
            return .failed(id: id, source: source, message: "`text` must be a string")
        }
        let meta = (record.objectPairs ?? []).filter { $0.0 != "id" && $0.0 != "text" }
        let published = record["published"]?.stringValue.flatMap(DocumentID.isoDate)
        return .read(Document(id: id, source: source, text: text, meta: meta, referenceDate: published),
                     replacements: replacements)
    }
}
