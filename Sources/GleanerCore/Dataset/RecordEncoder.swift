/// Serializes records as JSON Lines with keys in the fixed order of CONTRACT.md, into a
/// reusable byte buffer.
public enum RecordEncoder {
    public static func append(_ mention: Mention, to buffer: inout [UInt8]) {
        JSONWriter.append(raw: "{\"id\": ", to: &buffer)
        appendID(doc: mention.doc, start: mention.start, end: mention.end, to: &buffer)
        JSONWriter.append(raw: ", \"doc\": ", to: &buffer)
        JSONWriter.append(string: mention.doc, to: &buffer)
        JSONWriter.append(raw: ", \"kind\": ", to: &buffer)
        JSONWriter.append(string: mention.kind, to: &buffer)
        JSONWriter.append(raw: ", \"start\": ", to: &buffer)
        appendFromStart(of: mention, to: &buffer)
    }

    /// A mention line from the start offset's value on.
    static func appendFromStart(of mention: Mention, to buffer: inout [UInt8]) {
        JSONWriter.append(int: mention.start, to: &buffer)
        JSONWriter.append(raw: ", \"end\": ", to: &buffer)
        JSONWriter.append(int: mention.end, to: &buffer)
        JSONWriter.append(raw: ", \"byteStart\": ", to: &buffer)
        JSONWriter.append(int: mention.byteStart, to: &buffer)
        JSONWriter.append(raw: ", \"byteEnd\": ", to: &buffer)
        JSONWriter.append(int: mention.byteEnd, to: &buffer)
        JSONWriter.append(raw: ", \"text\": ", to: &buffer)
        JSONWriter.append(string: mention.text, to: &buffer)
        JSONWriter.append(raw: ", \"value\": ", to: &buffer)
        JSONWriter.append(mention.value, to: &buffer)
        appendTail(of: mention, to: &buffer)
    }

    /// Mentions' lines, the same bytes as `append(_:to:)` for each (what repeats from line
    /// to line is escaped once: `MentionLines`).
    public static func append(_ mentions: [Mention], to buffer: inout [UInt8]) {
        var lines = MentionLines()
        for index in mentions.indices { lines.append(mentions[index], to: &buffer) }
    }

    /// A mention line from `"extractor"` on.
    static func appendTail(of mention: Mention, to buffer: inout [UInt8]) {
        JSONWriter.append(raw: ", \"extractor\": ", to: &buffer)
        JSONWriter.append(string: mention.extractor, to: &buffer)
        JSONWriter.append(raw: ", \"rule\": ", to: &buffer)
        JSONWriter.append(string: mention.rule, to: &buffer)
        if !mention.inferred.isEmpty {
            JSONWriter.append(raw: ", \"inferred\": [", to: &buffer)
            for (index, item) in mention.inferred.enumerated() {
                if index > 0 { JSONWriter.append(raw: ", ", to: &buffer) }
                JSONWriter.append(string: item, to: &buffer)
            }
            buffer.append(UInt8(ascii: "]"))
        }
        for link in mention.links {
            JSONWriter.append(raw: ", ", to: &buffer)
            JSONWriter.append(string: link.relation, to: &buffer)
            JSONWriter.append(raw: ": ", to: &buffer)
            JSONWriter.append(string: link.target, to: &buffer)
        }
        if let bounds = mention.dateBounds {
            JSONWriter.append(raw: ", \"dateStart\": ", to: &buffer)
            JSONWriter.append(string: bounds.start, to: &buffer)
            JSONWriter.append(raw: ", \"dateEnd\": ", to: &buffer)
            JSONWriter.append(string: bounds.end, to: &buffer)
        }
        if let sentence = mention.sentence {
            JSONWriter.append(raw: ", \"sentence\": {\"index\": ", to: &buffer)
            JSONWriter.append(int: sentence.index, to: &buffer)
            JSONWriter.append(raw: ", \"start\": ", to: &buffer)
            JSONWriter.append(int: sentence.start, to: &buffer)
            JSONWriter.append(raw: ", \"end\": ", to: &buffer)
            JSONWriter.append(int: sentence.end, to: &buffer)
            JSONWriter.append(raw: ", \"byteStart\": ", to: &buffer)
            JSONWriter.append(int: sentence.byteStart, to: &buffer)
            JSONWriter.append(raw: ", \"byteEnd\": ", to: &buffer)
            JSONWriter.append(int: sentence.byteEnd, to: &buffer)
            buffer.append(UInt8(ascii: "}"))
        }
        if let context = mention.context {
            JSONWriter.append(raw: ", \"context\": ", to: &buffer)
            JSONWriter.append(string: context, to: &buffer)
        }
        JSONWriter.append(raw: "}\n", to: &buffer)
    }

    /// `Mention.id` as a JSON string, without making the string: `#`, `-` and digits need no
    /// escape, so escaping the document id is enough.
    static func appendID(doc: String, start: Int, end: Int, to buffer: inout [UInt8]) {
        JSONWriter.append(string: doc, to: &buffer)
        buffer[buffer.count - 1] = UInt8(ascii: "#")
        JSONWriter.append(int: start, to: &buffer)
        buffer.append(UInt8(ascii: "-"))
        JSONWriter.append(int: end, to: &buffer)
        buffer.append(UInt8(ascii: "\""))
    }

    public static func append(_ decision: Decision, doc: String, to buffer: inout [UInt8]) {
        JSONWriter.append(raw: "{\"doc\": ", to: &buffer)
        JSONWriter.append(string: doc, to: &buffer)
        JSONWriter.append(raw: ", \"pass\": ", to: &buffer)
        JSONWriter.append(string: decision.pass, to: &buffer)
        JSONWriter.append(raw: ", \"reason\": ", to: &buffer)
        JSONWriter.append(string: decision.reason, to: &buffer)
        JSONWriter.append(raw: ", \"plugin\": ", to: &buffer)
        JSONWriter.append(string: decision.plugin, to: &buffer)
        JSONWriter.append(raw: ", \"kind\": ", to: &buffer)
        JSONWriter.append(string: decision.kind, to: &buffer)
        JSONWriter.append(raw: ", \"rule\": ", to: &buffer)
        JSONWriter.append(string: decision.rule, to: &buffer)
        JSONWriter.append(raw: ", \"byteStart\": ", to: &buffer)
        JSONWriter.append(int: decision.bytes.lowerBound, to: &buffer)
        JSONWriter.append(raw: ", \"byteEnd\": ", to: &buffer)
        JSONWriter.append(int: decision.bytes.upperBound, to: &buffer)
        JSONWriter.append(raw: ", \"text\": ", to: &buffer)
        JSONWriter.append(string: decision.text, to: &buffer)
        if let value = decision.value {
            JSONWriter.append(raw: ", \"value\": ", to: &buffer)
            JSONWriter.append(value, to: &buffer)
        }
        if let winner = decision.winner {
            JSONWriter.append(raw: ", \"winner\": {\"kind\": ", to: &buffer)
            JSONWriter.append(string: winner.kind, to: &buffer)
            JSONWriter.append(raw: ", \"rule\": ", to: &buffer)
            JSONWriter.append(string: winner.rule, to: &buffer)
            JSONWriter.append(raw: ", \"text\": ", to: &buffer)
            JSONWriter.append(string: winner.text, to: &buffer)
            JSONWriter.append(raw: ", \"byteStart\": ", to: &buffer)
            JSONWriter.append(int: winner.bytes.lowerBound, to: &buffer)
            JSONWriter.append(raw: ", \"byteEnd\": ", to: &buffer)
            JSONWriter.append(int: winner.bytes.upperBound, to: &buffer)
            buffer.append(UInt8(ascii: "}"))
        }
        JSONWriter.append(raw: "}\n", to: &buffer)
    }
}

extension RecordEncoder {
    /// A `documents.jsonl` line: the bytes of `JSONWriter.append(record.json)` and a newline,
    /// without building the JSON value.
    public static func append(_ record: DocumentRecord, to buffer: inout [UInt8]) {
        JSONWriter.append(raw: "{\"id\": ", to: &buffer)
        JSONWriter.append(string: record.id, to: &buffer)
        JSONWriter.append(raw: ", \"source\": ", to: &buffer)
        JSONWriter.append(string: record.source, to: &buffer)
        JSONWriter.append(raw: ", \"sha256\": ", to: &buffer)
        JSONWriter.append(string: record.sha256, to: &buffer)
        JSONWriter.append(raw: ", \"bytes\": ", to: &buffer)
        JSONWriter.append(int: record.bytes, to: &buffer)
        JSONWriter.append(raw: ", \"codePoints\": ", to: &buffer)
        JSONWriter.append(int: record.codePoints, to: &buffer)
        if record.replacements > 0 {
            JSONWriter.append(raw: ", \"replacements\": ", to: &buffer)
            JSONWriter.append(int: record.replacements, to: &buffer)
        }
        JSONWriter.append(raw: ", \"counts\": {", to: &buffer)
        for (index, (kind, count)) in record.counts.enumerated() {
            if index > 0 { JSONWriter.append(raw: ", ", to: &buffer) }
            JSONWriter.append(string: kind, to: &buffer)
            JSONWriter.append(raw: ": ", to: &buffer)
            JSONWriter.append(int: count, to: &buffer)
        }
        JSONWriter.append(raw: "}, \"status\": ", to: &buffer)
        JSONWriter.append(string: record.status, to: &buffer)
        if let error = record.error {
            JSONWriter.append(raw: ", \"error\": ", to: &buffer)
            JSONWriter.append(string: error, to: &buffer)
        }
        if !record.warnings.isEmpty {
            JSONWriter.append(raw: ", \"warnings\": [", to: &buffer)
            for (index, warning) in record.warnings.enumerated() {
                if index > 0 { JSONWriter.append(raw: ", ", to: &buffer) }
                JSONWriter.append(string: warning, to: &buffer)
            }
            buffer.append(UInt8(ascii: "]"))
        }
        if !record.meta.isEmpty {
            JSONWriter.append(raw: ", \"meta\": ", to: &buffer)
            JSONWriter.append(.object(record.meta), to: &buffer)
        }
        JSONWriter.append(raw: "}\n", to: &buffer)
    }
}
