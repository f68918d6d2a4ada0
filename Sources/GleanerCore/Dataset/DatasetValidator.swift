import Foundation

/// Re-checks a dataset folder (`glean validate DIR`): every record's shape (typed checks that
/// mirror schemas/*.schema.json), offsets and text against the text the run used, and the
/// references between files. Each problem names the file and line; nothing in a dataset,
/// however edited, stops the check (every malformed record is reported).
///
/// The run's text is read back from each document's source the way the run read it (a text,
/// HTML or gzipped file, or `path:line` of a JSON Lines file) and must have the recorded
/// SHA-256; when it cannot be (standard input, a source gone or changed since), that
/// document's offsets are not checked and a note says why. Notes do not make a dataset invalid.
public struct DatasetValidator {
    /// Why a document's text is not available to check offsets against.
    public struct Unavailable: Error {
        public let reason: String
        public init(reason: String) { self.reason = reason }
    }

    /// Reads a dataset file (nil when it is missing), and a document's text from its source.
    public typealias FileReader = (_ name: String) -> [UInt8]?
    public typealias TextReader = (_ source: String) -> Result<String, Unavailable>

    public let directory: String
    public private(set) var problems: [String] = []
    public private(set) var notes: [String] = []
    private let readFile: FileReader
    private let readText: TextReader

    /// Value schemas by kind, from the loaded plugins; a kind none declares needs a JSON
    /// object or string.
    public let schemas: [String: ValueSchema]

    /// The dataset in `directory`, sources read relative to `base` (where the run ran).
    public init(directory: String, base: String = ".", schemas: [String: ValueSchema] = [:]) {
        let sources = SourceTexts(base: base, htmlText: SourceTexts.htmlText(ofDataset: directory))
        self.init(directory: directory, schemas: schemas,
                  readFile: { name in
                      FileManager.default.contents(atPath: (directory as NSString).appendingPathComponent(name)).map { [UInt8]($0) }
                  },
                  readText: { source in
                      sources.text(of: source, sha256: nil).mapError { Unavailable(reason: $0.description) }
                  })
    }

    /// A dataset read through `readFile` and `readText` (the fuzz target's in-memory datasets).
    public init(directory: String, schemas: [String: ValueSchema] = [:], readFile: @escaping FileReader,
                readText: @escaping TextReader) {
        self.directory = directory
        self.schemas = schemas
        self.readFile = readFile
        self.readText = readText
    }

    private mutating func problem(_ file: String, _ line: Int, _ message: String) {
        problems.append("\(directory)/\(file)\(line > 0 ? ":\(line)" : ""): \(message)")
    }

    private mutating func records(_ file: String) -> [(Int, JSONValue)] {
        guard let data = readFile(file) else {
            problem(file, 0, "missing")
            return []
        }
        var result: [(Int, JSONValue)] = []
        for (index, line) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            do { result.append((index + 1, try JSONParser.parse(String(decoding: line, as: UTF8.self)))) } catch {
                problem(file, index + 1, "not JSON: \(error)")
            }
        }
        return result
    }

    /// A non-negative integer, or nil (a fraction, an exponent, a negative or huge number).
    private static func count(_ value: JSONValue?) -> Int? {
        guard case .number(let number)? = value, number.exponent >= 0, let int = Int(number.description), int >= 0 else { return nil }
        return int
    }

    /// A document's text as code points, or why it is not checked.
    private enum SourceText {
        case scalars([Unicode.Scalar])
        case unchecked
    }

    /// `dateStart`/`dateEnd`: both or neither, only on dates, and the bounds of the value.
    static func boundsProblem(_ record: JSONValue, schema: ValueSchema, value: JSONValue) -> String? {
        let first = record["dateStart"], last = record["dateEnd"]
        if first == nil && last == nil { return nil }
        guard let first = first?.stringValue, let last = last?.stringValue else {
            return "dateStart and dateEnd are two strings, given together"
        }
        guard schema.isDateValue, let text = value.stringValue, let bounds = DateBounds(value: text) else {
            return "dateStart/dateEnd on a mention whose value has no date bounds"
        }
        return bounds == DateBounds(start: first, end: last)
            ? nil : "dateStart/dateEnd are \(first)..\(last) but the value '\(text)' gives \(bounds.start)..\(bounds.end)"
    }

    /// `sentence`: it holds the mention, and mentions of one document have non-decreasing
    /// indices, one span per index.
    static func sentenceProblem(_ record: JSONValue, mention: Mention,
                                previous: inout (doc: String, index: Int, span: Range<Int>)?) -> String? {
        guard let object = record["sentence"] else { return nil }
        guard let sentence = Mention(record: record)?.sentence, object.objectPairs?.count == 5 else {
            return "sentence needs index, start, end, byteStart and byteEnd, non-negative integers"
        }
        guard sentence.index >= 0, sentence.start <= mention.start, sentence.end >= mention.end,
              sentence.byteStart <= mention.byteStart, sentence.byteEnd >= mention.byteEnd else {
            return "sentence \(sentence.start)-\(sentence.end) does not hold the mention"
        }
        defer { previous = (mention.doc, sentence.index, sentence.start..<sentence.end) }
        guard let last = previous, last.doc == mention.doc else { return nil }
        if sentence.index < last.index { return "sentence index \(sentence.index) after \(last.index)" }
        if sentence.index == last.index, sentence.start..<sentence.end != last.span {
            return "sentence \(sentence.index) has two spans"
        }
        if sentence.index > last.index, sentence.start < last.span.upperBound { return "sentence \(sentence.index) overlaps the one before" }
        return nil
    }

    public mutating func validate() -> [String] {
        problems = []
        notes = []
        var documents: [String: (line: Int, record: JSONValue)] = [:]
        var order: [String: Int] = [:]
        var orderedIDs: [String] = []
        for (line, record) in records("documents.jsonl") {
            guard let id = record["id"]?.stringValue, !id.isEmpty, let sha = record["sha256"]?.stringValue,
                  sha.utf8.count == 64, Self.count(record["bytes"]) != nil, Self.count(record["codePoints"]) != nil,
                  ["ok", "error"].contains(record["status"]?.stringValue ?? ""), record["counts"]?.objectPairs != nil else {
                problem("documents.jsonl", line, "a document needs id, sha256 (64 hex), bytes, codePoints, counts and status ok|error")
                continue
            }
            if documents[id] != nil {
                problem("documents.jsonl", line, "duplicate document id '\(id)'")
                continue
            }
            if record["status"]?.stringValue == "error", record["error"] == nil { problem("documents.jsonl", line, "status error without an error message") }
            documents[id] = (line, record)
            order[id] = orderedIDs.count
            orderedIDs.append(id)
        }
        var texts: [String: SourceText] = [:]
        var counted: [String: [String: Int]] = [:]
        var ids = Set<String>()
        var previous: (doc: String, end: Int)?
        var references: [(Int, String, String)] = []
        var sentences: (doc: String, index: Int, span: Range<Int>)?
        for (line, record) in records("mentions.jsonl") {
            guard let doc = record["doc"]?.stringValue, let kind = record["kind"]?.stringValue,
                  let start = Self.count(record["start"]), let end = Self.count(record["end"]),
                  let byteStart = Self.count(record["byteStart"]), let byteEnd = Self.count(record["byteEnd"]),
                  let text = record["text"]?.stringValue, let value = record["value"],
                  record["extractor"]?.stringValue != nil, record["rule"]?.stringValue != nil else {
                problem("mentions.jsonl", line, "a mention needs doc, kind, start, end, byteStart, byteEnd (non-negative integers), text, value, extractor, rule")
                continue
            }
            let mention = Mention(doc: doc, kind: kind, start: start, end: end, byteStart: byteStart, byteEnd: byteEnd,
                                  text: text, value: value, extractor: "", rule: "", inferred: [], context: nil)
            if record["id"]?.stringValue != mention.id { problem("mentions.jsonl", line, "id must be \(mention.id)") }
            if !ids.insert(mention.id).inserted { problem("mentions.jsonl", line, "duplicate mention id \(mention.id)") }
            let fits = start < end && byteStart < byteEnd && text.unicodeScalars.count == end - start && text.utf8.count == byteEnd - byteStart
            if !fits { problem("mentions.jsonl", line, "offsets do not fit the text '\(text)'") }
            let schema = schemas[kind] ?? .objectOrString
            if let issue = schema.problem(in: value) { problem("mentions.jsonl", line, issue) }
            if let issue = Self.boundsProblem(record, schema: schema, value: value) { problem("mentions.jsonl", line, issue) }
            if let issue = Self.sentenceProblem(record, mention: mention, previous: &sentences) { problem("mentions.jsonl", line, issue) }
            guard let document = documents[doc] else {
                problem("mentions.jsonl", line, "document '\(doc)' is not in documents.jsonl")
                continue
            }
            if let last = previous, last.doc == doc, start < last.end { problem("mentions.jsonl", line, "overlaps or precedes the previous mention") }
            if let last = previous, last.doc != doc, let a = order[last.doc], let b = order[doc], b < a {
                problem("mentions.jsonl", line, "documents out of input order")
            }
            previous = (doc, end)
            counted[doc, default: [:]][kind, default: 0] += 1
            for relation in MergePassRegistry.relations {
                if let target = record[relation]?.stringValue { references.append((line, relation, target)) }
            }
            if texts[doc] == nil { texts[doc] = sourceText(of: document) }
            if fits, case .scalars(let scalars)? = texts[doc] {
                if end > scalars.count || String(String.UnicodeScalarView(scalars[start..<end])) != text {
                    problem("mentions.jsonl", line, "text '\(text)' is not the source's text at \(start)-\(end)")
                }
            }
        }
        for (line, relation, target) in references where !ids.contains(target) {
            problem("mentions.jsonl", line, "\(relation) \(target) names no mention")
        }
        for id in orderedIDs {
            let document = documents[id]!
            let stated = (document.record["counts"]?.objectPairs ?? []).reduce(into: [String: Int]()) { $0[$1.0] = Self.count($1.1) ?? -1 }
            for (kind, count) in (counted[id] ?? [:]).sorted(by: { $0.key < $1.key }) where stated[kind] != count {
                problem("documents.jsonl", document.line, "counts.\(kind) is \(stated[kind].map(String.init) ?? "missing") but mentions.jsonl has \(count)")
            }
        }
        for (line, record) in records("entities.jsonl") {
            for key in ["firstDocument", "lastDocument"] {
                if let doc = record[key]?.stringValue, documents[doc] == nil { problem("entities.jsonl", line, "\(key) '\(doc)' is not in documents.jsonl") }
            }
        }
        if let data = readFile("run.json") {
            let run = try? JSONParser.parse(String(decoding: data, as: UTF8.self))
            if run?["counts"]?["documents"].flatMap({ Self.count($0) }) != documents.count {
                problem("run.json", 0, "counts.documents does not match documents.jsonl")
            }
        } else {
            problem("run.json", 0, "missing")
        }
        return problems
    }

    /// The text the run used for `document`, or a note saying why its offsets are not checked.
    private mutating func sourceText(of document: (line: Int, record: JSONValue)) -> SourceText {
        guard document.record["status"]?.stringValue == "ok" else { return .unchecked }
        let source = document.record["source"]?.stringValue ?? ""
        switch readText(source) {
        case .success(let text) where SHA256.hex(text.utf8) == document.record["sha256"]?.stringValue:
            return .scalars(Array(text.unicodeScalars))
        case .success:
            notes.append("\(directory)/documents.jsonl:\(document.line): offsets not checked: \(source) changed since the run (sha256 differs)")
            return .unchecked
        case .failure(let unavailable):
            notes.append("\(directory)/documents.jsonl:\(document.line): offsets not checked: \(unavailable.reason)")
            return .unchecked
        }
    }
}
