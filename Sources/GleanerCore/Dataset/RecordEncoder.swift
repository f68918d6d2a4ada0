/// Serializes records as JSON Lines with keys in the fixed order of CONTRACT.md, into a
/// reusable byte buffer.
public enum RecordEncoder {
    public static func append(_ mention: Mention, to buffer: inout [UInt8]) {
        buffer.append(contentsOf: "{\"id\": ".utf8)
        JSONWriter.append(string: mention.id, to: &buffer)
        buffer.append(contentsOf: ", \"doc\": ".utf8)
        JSONWriter.append(string: mention.doc, to: &buffer)
        buffer.append(contentsOf: ", \"kind\": ".utf8)
        JSONWriter.append(string: mention.kind, to: &buffer)
        for (key, number) in [("start", mention.start), ("end", mention.end),
                              ("byteStart", mention.byteStart), ("byteEnd", mention.byteEnd)] {
            buffer.append(contentsOf: ", \"\(key)\": ".utf8)
            JSONWriter.append(int: number, to: &buffer)
        }
        buffer.append(contentsOf: ", \"text\": ".utf8)
        JSONWriter.append(string: mention.text, to: &buffer)
        buffer.append(contentsOf: ", \"value\": ".utf8)
        JSONWriter.append(mention.value, to: &buffer)
        buffer.append(contentsOf: ", \"extractor\": ".utf8)
        JSONWriter.append(string: mention.extractor, to: &buffer)
        buffer.append(contentsOf: ", \"rule\": ".utf8)
        JSONWriter.append(string: mention.rule, to: &buffer)
        if !mention.inferred.isEmpty {
            buffer.append(contentsOf: ", \"inferred\": ".utf8)
            JSONWriter.append(.array(mention.inferred.map(JSONValue.string)), to: &buffer)
        }
        if let equivalent = mention.equivalentOf {
            buffer.append(contentsOf: ", \"equivalentOf\": ".utf8)
            JSONWriter.append(string: equivalent, to: &buffer)
        }
        if let context = mention.context {
            buffer.append(contentsOf: ", \"context\": ".utf8)
            JSONWriter.append(string: context, to: &buffer)
        }
        buffer.append(contentsOf: "}\n".utf8)
    }

    public static func append(_ decision: Decision, doc: String, to buffer: inout [UInt8]) {
        var pairs: [(String, JSONValue)] = [
            ("doc", .string(doc)), ("pass", .string(decision.pass)), ("reason", .string(decision.reason)),
            ("plugin", .string(decision.plugin)), ("kind", .string(decision.kind)), ("rule", .string(decision.rule)),
            ("byteStart", .int(decision.bytes.lowerBound)), ("byteEnd", .int(decision.bytes.upperBound)),
            ("text", .string(decision.text)),
        ]
        if let value = decision.value { pairs.append(("value", value)) }
        if let winner = decision.winner {
            pairs.append(("winner", .object([
                ("kind", .string(winner.kind)), ("rule", .string(winner.rule)), ("text", .string(winner.text)),
                ("byteStart", .int(winner.bytes.lowerBound)), ("byteEnd", .int(winner.bytes.upperBound)),
            ])))
        }
        JSONWriter.append(.object(pairs), to: &buffer)
        buffer.append(0x0A)
    }
}
