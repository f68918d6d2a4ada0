import Foundation

/// Re-checks a dataset folder (`glean validate DIR`): every record's shape (typed checks that
/// mirror schemas/*.schema.json), offsets and text against the source files where they still
/// exist, and the references between files. Each problem names the file and line.
public struct DatasetValidator {
    public let directory: String
    public private(set) var problems: [String] = []

    public init(directory: String) { self.directory = directory }

    private mutating func problem(_ file: String, _ line: Int, _ message: String) {
        problems.append("\(directory)/\(file)\(line > 0 ? ":\(line)" : ""): \(message)")
    }

    private mutating func records(_ file: String, required: Bool = true) -> [(Int, JSONValue)] {
        let path = (directory as NSString).appendingPathComponent(file)
        guard let data = FileManager.default.contents(atPath: path) else {
            if required { problem(file, 0, "missing") }
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

    private static func int(_ value: JSONValue?) -> Int? {
        guard case .number(let number)? = value, number.exponent >= 0 else { return nil }
        return Int(number.description)
    }

    /// `dateStart`/`dateEnd`: both or neither, only on dates, and the bounds of the value.
    static func boundsProblem(_ record: JSONValue, kind: String, value: JSONValue) -> String? {
        let first = record["dateStart"], last = record["dateEnd"]
        if first == nil && last == nil { return nil }
        guard let first = first?.stringValue, let last = last?.stringValue else {
            return "dateStart and dateEnd are two strings, given together"
        }
        guard kind == "date", let text = value.stringValue, let bounds = DateBounds(value: text) else {
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
        var documents: [String: (line: Int, record: JSONValue)] = [:]
        var order: [String] = []
        for (line, record) in records("documents.jsonl") {
            guard let id = record["id"]?.stringValue, !id.isEmpty, let sha = record["sha256"]?.stringValue,
                  sha.utf8.count == 64, Self.int(record["bytes"]) != nil, Self.int(record["codePoints"]) != nil,
                  ["ok", "error"].contains(record["status"]?.stringValue ?? ""), record["counts"]?.objectPairs != nil else {
                problem("documents.jsonl", line, "a document needs id, sha256 (64 hex), bytes, codePoints, counts and status ok|error")
                continue
            }
            if documents[id] != nil { problem("documents.jsonl", line, "duplicate document id '\(id)'") }
            if record["status"]?.stringValue == "error", record["error"] == nil { problem("documents.jsonl", line, "status error without an error message") }
            documents[id] = (line, record)
            order.append(id)
        }
        var texts: [String: [Unicode.Scalar]?] = [:]
        var counted: [String: [String: Int]] = [:]
        var ids = Set<String>()
        var previous: (doc: String, end: Int)?
        var references: [(Int, String)] = []
        var sentences: (doc: String, index: Int, span: Range<Int>)?
        for (line, record) in records("mentions.jsonl") {
            guard let doc = record["doc"]?.stringValue, let kind = record["kind"]?.stringValue,
                  let start = Self.int(record["start"]), let end = Self.int(record["end"]),
                  let byteStart = Self.int(record["byteStart"]), let byteEnd = Self.int(record["byteEnd"]),
                  let text = record["text"]?.stringValue, let value = record["value"],
                  record["extractor"]?.stringValue != nil, record["rule"]?.stringValue != nil else {
                problem("mentions.jsonl", line, "a mention needs doc, kind, start, end, byteStart, byteEnd, text, value, extractor, rule")
                continue
            }
            let mention = Mention(doc: doc, kind: kind, start: start, end: end, byteStart: byteStart, byteEnd: byteEnd,
                                  text: text, value: value, extractor: "", rule: "", inferred: [], equivalentOf: nil, context: nil)
            if record["id"]?.stringValue != mention.id { problem("mentions.jsonl", line, "id must be \(mention.id)") }
            if !ids.insert(mention.id).inserted { problem("mentions.jsonl", line, "duplicate mention id \(mention.id)") }
            if start >= end || byteStart >= byteEnd || text.unicodeScalars.count != end - start || text.utf8.count != byteEnd - byteStart {
                problem("mentions.jsonl", line, "offsets do not fit the text '\(text)'")
            }
            if let issue = RecordValidator.valueProblem(kind: kind, value: value) { problem("mentions.jsonl", line, issue) }
            if let issue = Self.boundsProblem(record, kind: kind, value: value) { problem("mentions.jsonl", line, issue) }
            if let issue = Self.sentenceProblem(record, mention: mention, previous: &sentences) { problem("mentions.jsonl", line, issue) }
            guard let document = documents[doc] else {
                problem("mentions.jsonl", line, "document '\(doc)' is not in documents.jsonl")
                continue
            }
            if let last = previous, last.doc == doc, start < last.end { problem("mentions.jsonl", line, "overlaps or precedes the previous mention") }
            if let last = previous, last.doc != doc, let a = order.firstIndex(of: last.doc), let b = order.firstIndex(of: doc), b < a {
                problem("mentions.jsonl", line, "documents out of input order")
            }
            previous = (doc, end)
            counted[doc, default: [:]][kind, default: 0] += 1
            if let target = record["equivalentOf"]?.stringValue { references.append((line, target)) }
            // Against the source file, where it still exists and is a plain file.
            if texts[doc] == nil {
                let source = document.record["source"]?.stringValue ?? ""
                // `.some(nil)` for a source that is not a readable file (`path:line` of JSON Lines):
                // assigning a plain nil would remove the key instead.
                texts[doc] = .some(FileManager.default.contents(atPath: source).map { Array(String(decoding: $0, as: UTF8.self).unicodeScalars) })
                if let scalars = texts[doc]!, let sha = document.record["sha256"]?.stringValue,
                   SHA256.hex(String(String.UnicodeScalarView(scalars)).utf8) != sha {
                    problem("documents.jsonl", document.line, "source \(source) changed since the run (sha256 differs); offsets not checked")
                    texts[doc] = .some(nil)
                }
            }
            if let scalars = texts[doc] ?? nil {
                if end > scalars.count || String(String.UnicodeScalarView(scalars[start..<end])) != text {
                    problem("mentions.jsonl", line, "text '\(text)' is not the source's text at \(start)-\(end)")
                }
            }
        }
        for (line, target) in references where !ids.contains(target) {
            problem("mentions.jsonl", line, "equivalentOf \(target) names no mention")
        }
        for id in order {
            let stated = (documents[id]!.record["counts"]?.objectPairs ?? []).reduce(into: [String: Int]()) { $0[$1.0] = Self.int($1.1) ?? -1 }
            for (kind, count) in counted[id] ?? [:] where stated[kind] != count {
                problem("documents.jsonl", documents[id]!.line, "counts.\(kind) is \(stated[kind].map(String.init) ?? "missing") but mentions.jsonl has \(count)")
            }
        }
        for (line, record) in records("entities.jsonl") {
            for key in ["firstDocument", "lastDocument"] {
                if let doc = record[key]?.stringValue, documents[doc] == nil { problem("entities.jsonl", line, "\(key) '\(doc)' is not in documents.jsonl") }
            }
        }
        let run = (directory as NSString).appendingPathComponent("run.json")
        if let data = FileManager.default.contents(atPath: run) {
            if (try? JSONParser.parse(String(decoding: data, as: UTF8.self)))?["counts"]?["documents"].flatMap({ Self.int($0) }) != documents.count {
                problem("run.json", 0, "counts.documents does not match documents.jsonl")
            }
        } else {
            problem("run.json", 0, "missing")
        }
        return problems
    }
}
