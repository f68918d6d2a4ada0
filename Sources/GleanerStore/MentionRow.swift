import GleanerCore
import GRDB

/// How a `Mention` maps to a row of `mentions` and back. The value and `inferred` are stored
/// as `JSONWriter` text and parsed back with `JSONParser`, so a round trip is exact; the query
/// columns (`amount`, `currency`, `name`, `year`, `entity`) are derived copies, never read back;
/// `dateStart`…`sentenceByteEnd` are the record's own fields and are read back.
enum MentionRow {
    static let insertSQL = """
        INSERT INTO mentions (id, doc, kind, start, "end", byteStart, byteEnd, text, value,
                              extractor, rule, inferred, equivalentOf, context,
                              amount, amountExact, currency, name, year, entity,
                              dateStart, dateEnd, sentence, sentenceStart, sentenceEnd,
                              sentenceByteStart, sentenceByteEnd)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    static let selectSQL = """
        SELECT doc, kind, start, "end", byteStart, byteEnd, text, value, extractor, rule,
               inferred, equivalentOf, context, dateStart, dateEnd, sentence, sentenceStart,
               sentenceEnd, sentenceByteStart, sentenceByteEnd
        FROM mentions WHERE doc = ? ORDER BY start, "end"
        """

    static func arguments(for mention: Mention) -> StatementArguments {
        let value = mention.value
        var amount: Double?
        var amountExact: String?
        if case .number(let number)? = value["amount"] {
            amountExact = number.description
            amount = Double(number.description)
        }
        var year: Int?
        if case .number(let number)? = value["year"] { year = Int(number.description) }
        let name = value["name"]?.stringValue
        let inferred = mention.inferred.isEmpty
            ? nil : JSONWriter.string(.array(mention.inferred.map(JSONValue.string)))
        let columns: [(any DatabaseValueConvertible)?] = [
            mention.id, mention.doc, mention.kind, mention.start, mention.end,
            mention.byteStart, mention.byteEnd, mention.text, JSONWriter.string(value),
            mention.extractor, mention.rule, inferred, mention.equivalentOf, mention.context,
            amount, amountExact, value["currency"]?.stringValue, name, year,
            name.map { EntityIndex.id(kind: mention.kind, name: $0) },
            mention.dateBounds?.start, mention.dateBounds?.end, mention.sentence?.index, mention.sentence?.start,
            mention.sentence?.end, mention.sentence?.byteStart, mention.sentence?.byteEnd,
        ]
        return StatementArguments(columns)
    }

    /// Rebuilds the mention from a row of `selectSQL` (columns by position: by name is a
    /// case-insensitive search per column, and reuse reads every mention of a dataset).
    static func mention(from row: Row) throws -> Mention {
        let doc: String = row[0], start: Int = row[2], end: Int = row[3]
        let value = try StoreError.context("mention \(doc)#\(start)-\(end): value") { try JSONParser.parse(row[7]) }
        var inferred: [String] = []
        if let text: String = row[10] {
            let parsed = try StoreError.context("mention \(doc)#\(start)-\(end): inferred") { try JSONParser.parse(text) }
            guard case .array(let items) = parsed, items.allSatisfy({ $0.stringValue != nil }) else {
                throw StoreError("mention \(doc)#\(start)-\(end): inferred is not an array of strings: \(text)")
            }
            inferred = items.compactMap(\.stringValue)
        }
        var dateBounds: DateBounds?
        if let first: String = row[13], let last: String = row[14] { dateBounds = DateBounds(start: first, end: last) }
        var sentence: MentionSentence?
        if let index: Int = row[15], let start: Int = row[16], let end: Int = row[17],
           let byteStart: Int = row[18], let byteEnd: Int = row[19] {
            sentence = MentionSentence(index: index, start: start, end: end, byteStart: byteStart, byteEnd: byteEnd)
        }
        return Mention(
            doc: doc, kind: row[1], start: start, end: end, byteStart: row[4], byteEnd: row[5],
            text: row[6], value: value, extractor: row[8], rule: row[9], inferred: inferred,
            equivalentOf: row[11], dateBounds: dateBounds, sentence: sentence, context: row[12])
    }
}
