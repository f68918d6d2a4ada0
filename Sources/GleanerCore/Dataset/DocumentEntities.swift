/// One document's contribution to the run's `EntityIndex`, gathered mention by mention as the
/// records are made, so that the runner need not keep a document's named mentions until its
/// batch is written (85% of article mentions have a name: a 100 MB document has over a
/// million). One row per kind and name, in the order first met; `EntityIndex.add(document:
/// entities:)` then counts it exactly as it would count the mentions themselves.
public struct DocumentEntities: Sendable {
    struct Row: Sendable {
        var kind: String
        var name: String
        var acronyms: Set<String> = []
        var aliases: Set<String> = []
        var editions: Set<Int> = []
        var mentions = 0
    }

    private(set) var rows: [Row] = []
    /// ASCII names by kind and name; other names by their bytes (canonically equivalent names
    /// may have different entity ids, so they are not one row).
    private var rowByName: [EntityIndex.NameKey: Int] = [:]
    private var rowByBytes: [[UInt8]: Int] = [:]

    public init() {}

    public var isEmpty: Bool { rows.isEmpty }

    /// Adds `mention` when its value has a name.
    public mutating func add(_ mention: Mention) {
        guard let name = mention.value["name"]?.stringValue else { return }
        let key = EntityIndex.NameKey(kind: mention.kind, name: name)
        let row: Int
        if key.isASCII {
            if let known = rowByName[key] { row = known } else {
                row = rows.count
                rowByName[key] = row
                rows.append(Row(kind: mention.kind, name: name))
            }
        } else {
            let bytes = Array(mention.kind.utf8) + [0] + Array(name.utf8)
            if let known = rowByBytes[bytes] { row = known } else {
                row = rows.count
                rowByBytes[bytes] = row
                rows.append(Row(kind: mention.kind, name: name))
            }
        }
        if let acronym = mention.value["acronym"]?.stringValue { rows[row].acronyms.insert(acronym) }
        rows[row].aliases.insert(mention.text)
        if let year = EntityIndex.edition(mention.value["year"]) { rows[row].editions.insert(year) }
        if let edition = EntityIndex.edition(mention.value["edition"]) { rows[row].editions.insert(edition) }
        rows[row].mentions += 1
    }
}
