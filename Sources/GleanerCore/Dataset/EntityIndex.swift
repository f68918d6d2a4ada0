/// Gathers the run's entities: one row per distinct named thing (any mention whose value has a
/// `name`: programs, exercises, and plugin kinds shaped alike), keyed by kind and canonical
/// name, with the acronyms and surface forms seen, counts, and first and last document.
/// Fed in input order, so `entities.jsonl` is the same whatever `--jobs` is.
public struct EntityIndex: Sendable {
    struct Entry: Sendable {
        var kind: String
        var name: String
        var acronyms: Set<String> = []
        var aliases: Set<String> = []
        var editions: Set<Int> = []
        var mentions = 0
        var documents = 0
        var firstDocument: String
        var lastDocument: String
    }

    private var entries: [String: Entry] = [:]

    public init() {}

    /// The entity id of a named mention: `kind:slug-of-name`.
    public static func id(kind: String, name: String) -> String {
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
        var seenHere = Set<String>()
        for mention in mentions {
            guard let name = mention.value["name"]?.stringValue else { continue }
            let id = Self.id(kind: mention.kind, name: name)
            var entry = entries[id] ?? Entry(kind: mention.kind, name: name, firstDocument: document, lastDocument: document)
            if let acronym = mention.value["acronym"]?.stringValue { entry.acronyms.insert(acronym) }
            entry.aliases.insert(mention.text)
            for key in ["year", "edition"] {
                if case .number(let number)? = mention.value[key], let value = Int(number.description) { entry.editions.insert(value) }
            }
            entry.mentions += 1
            if seenHere.insert(id).inserted {
                entry.documents += 1
                entry.lastDocument = document
            }
            entries[id] = entry
        }
    }

    public var count: Int { entries.count }

    /// The records of `entities.jsonl`, sorted by id.
    public var records: [JSONValue] {
        entries.keys.sorted().map { id in
            let entry = entries[id]!
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
