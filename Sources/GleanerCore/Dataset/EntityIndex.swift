/// Gathers the run's entities: one row per distinct named thing (any mention whose value has a
/// `name`: programs, exercises, and plugin kinds shaped alike), keyed by kind and canonical
/// name, with the acronyms and surface forms seen, counts, and first and last document.
/// Fed in input order, so `entities.jsonl` is the same whatever `--jobs` is.
public struct EntityIndex: Sendable {
    struct Entry: Sendable {
        var id: String
        var kind: String
        var name: String
        var acronyms: Set<String> = []
        var aliases: Set<String> = []
        var editions: Set<Int> = []
        var mentions = 0
        var documents = 0
        var firstDocument: String
        var lastDocument: String
        /// The `add` call that last counted this entry's document.
        var lastCall = 0
    }

    private var entries: [Entry] = []
    private var entryByID: [String: Int] = [:]
    /// Entry by kind and name: a name is slugged once per run, not at every mention.
    private var entryByName: [NameKey: Int] = [:]
    /// Counts `add` calls: an entry seen in the current call is not counted again.
    private var calls = 0

    public init() {}

    struct NameKey: Hashable, Sendable {
        var kind: String
        var name: String

        var isASCII: Bool { kind.utf8.allSatisfy { $0 < 0x80 } && name.utf8.allSatisfy { $0 < 0x80 } }
    }

    /// The entity id of a named mention: `kind:slug-of-name`.
    public static func id(kind: String, name: String) -> String {
        var slug: [UInt8] = []
        slug.reserveCapacity(name.utf8.count)
        var dash = false
        for byte in name.utf8 {
            if byte >= 0x80 { return unicodeID(kind: kind, name: name) }
            let lower = byte | 0x20
            if (lower >= 97 && lower <= 122) || (byte >= 48 && byte <= 57) {
                if dash, !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
                slug.append(byte >= 48 && byte <= 57 ? byte : lower)
                dash = false
            } else {
                dash = true
            }
        }
        return kind + ":" + String(decoding: slug, as: UTF8.self)
    }

    /// `id(kind:name:)` for a name that is not ASCII: Unicode letters, lower-cased.
    static func unicodeID(kind: String, name: String) -> String {
        var slug = ""
        var dash = false
        for scalar in name.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if dash, !slug.isEmpty { slug += "-" }
                slug += String(scalar).lowercased()
                dash = false
            } else {
                dash = true
            }
        }
        return "\(kind):\(slug)"
    }

    public mutating func add(document: String, mentions: [Mention]) {
        calls += 1
        let call = calls
        for index in mentions.indices {
            guard let name = mentions[index].value["name"]?.stringValue else { continue }
            // Only ASCII keys are cached: strings that differ in bytes but are canonically
            // equivalent compare equal, and may still have different ids.
            let key = NameKey(kind: mentions[index].kind, name: name)
            let cached = key.isASCII
            let entry: Int
            if cached, let known = entryByName[key] {
                entry = known
            } else {
                let id = Self.id(kind: mentions[index].kind, name: name)
                if let known = entryByID[id] {
                    entry = known
                } else {
                    entry = entries.count
                    entries.append(Entry(id: id, kind: mentions[index].kind, name: name, firstDocument: document, lastDocument: document))
                    entryByID[id] = entry
                }
                if cached { entryByName[key] = entry }
            }
            Self.update(&entries[entry], with: mentions[index], document: document, call: call)
        }
    }

    /// Adds one document's entities, gathered as its mentions were made: the same as
    /// `add(document:mentions:)` with those mentions.
    public mutating func add(document: String, entities: DocumentEntities) {
        calls += 1
        let call = calls
        for row in entities.rows {
            let key = NameKey(kind: row.kind, name: row.name)
            let cached = key.isASCII
            let entry: Int
            if cached, let known = entryByName[key] {
                entry = known
            } else {
                let id = Self.id(kind: row.kind, name: row.name)
                if let known = entryByID[id] {
                    entry = known
                } else {
                    entry = entries.count
                    entries.append(Entry(id: id, kind: row.kind, name: row.name, firstDocument: document, lastDocument: document))
                    entryByID[id] = entry
                }
                if cached { entryByName[key] = entry }
            }
            entries[entry].acronyms.formUnion(row.acronyms)
            entries[entry].aliases.formUnion(row.aliases)
            entries[entry].editions.formUnion(row.editions)
            entries[entry].mentions += row.mentions
            if entries[entry].lastCall != call {
                entries[entry].lastCall = call
                entries[entry].documents += 1
                entries[entry].lastDocument = document
            }
        }
    }

    private static func update(_ entry: inout Entry, with mention: Mention, document: String, call: Int) {
        if let acronym = mention.value["acronym"]?.stringValue { entry.acronyms.insert(acronym) }
        entry.aliases.insert(mention.text)
        if let year = edition(mention.value["year"]) { entry.editions.insert(year) }
        if let edition = edition(mention.value["edition"]) { entry.editions.insert(edition) }
        entry.mentions += 1
        if entry.lastCall != call {
            entry.lastCall = call
            entry.documents += 1
            entry.lastDocument = document
        }
    }

    static func edition(_ value: JSONValue?) -> Int? {
        guard case .number(let number)? = value else { return nil }
        return Int(number.description)
    }

    public var count: Int { entries.count }

    /// The records of `entities.jsonl`, sorted by id.
    public var records: [JSONValue] {
        entries.sorted { $0.id < $1.id }.map { entry in
            let id = entry.id
            var pairs: [(String, JSONValue)] = [
                ("id", .string(id)), ("kind", .string(entry.kind)), ("name", .string(entry.name)),
                ("acronyms", .array(entry.acronyms.sorted().map(JSONValue.string))),
                ("aliases", .array(entry.aliases.sorted().map(JSONValue.string))),
            ]
            if !entry.editions.isEmpty { pairs.append(("editions", .array(entry.editions.sorted().map(JSONValue.int)))) }
            pairs += [("mentions", .int(entry.mentions)), ("documents", .int(entry.documents)),
                      ("firstDocument", .string(entry.firstDocument)), ("lastDocument", .string(entry.lastDocument))]
            return .object(pairs)
        }
    }
}
