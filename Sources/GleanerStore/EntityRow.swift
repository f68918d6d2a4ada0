import GleanerCore
import GRDB

/// How a record of `EntityIndex.records` maps to a row of `entities`. Records are JSON (that is
/// what the index hands out), so a missing or mistyped field is reported by name.
enum EntityRow {
    static let insertSQL = """
        INSERT INTO entities (id, kind, name, acronyms, aliases, editions, mentions, documents,
                              firstDocument, lastDocument)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    static func arguments(for record: JSONValue) throws(StoreError) -> StatementArguments {
        let id = record["id"]?.stringValue ?? "?"
        func string(_ key: String) throws(StoreError) -> String {
            guard let text = record[key]?.stringValue else { throw StoreError("entity \(id): no string \"\(key)\"") }
            return text
        }
        func int(_ key: String) throws(StoreError) -> Int {
            guard case .number(let number)? = record[key], let count = Int(number.description) else {
                throw StoreError("entity \(id): no integer \"\(key)\"")
            }
            return count
        }
        func array(_ key: String, optional: Bool = false) throws(StoreError) -> String? {
            switch record[key] {
            case .array(let items)?: return JSONWriter.string(.array(items))
            case nil where optional: return nil
            default: throw StoreError("entity \(id): no array \"\(key)\"")
            }
        }
        let columns: [(any DatabaseValueConvertible)?] = [
            try string("id"), try string("kind"), try string("name"), try array("acronyms"),
            try array("aliases"), try array("editions", optional: true), try int("mentions"),
            try int("documents"), try string("firstDocument"), try string("lastDocument"),
        ]
        return StatementArguments(columns)
    }
}
