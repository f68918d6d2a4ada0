/// Writes `mentions.jsonl` lines byte for byte as `RecordEncoder.append(_:to:)` does, with what
/// repeats from line to line escaped once: the document id (twice a line) and, per kind, the
/// bytes from the id's closing quote to the start offset. A mention of another document (or
/// kind) than the ones met gets its own bytes: strings are compared by their bytes, not by
/// `==` (canonically equivalent ids may differ in bytes).
struct MentionLines {
    /// The document id of `head`, as UTF-8 (nil before the first line).
    private var doc: [UInt8]?
    /// `{"id": "` and the escaped id.
    private var head: [UInt8] = []
    /// Per kind met: its UTF-8 and `", "doc": "<id>", "kind": "<kind>", "start": `.
    private var kinds: [(kind: [UInt8], bytes: [UInt8])] = []

    mutating func append(_ mention: Mention, to buffer: inout [UInt8]) {
        var docID = mention.doc
        let sameDocument = doc.map { known in docID.withUTF8 { $0.elementsEqual(known) } } ?? false
        if !sameDocument {
            doc = Array(mention.doc.utf8)
            head.removeAll(keepingCapacity: true)
            JSONWriter.append(raw: "{\"id\": ", to: &head)
            JSONWriter.append(string: mention.doc, to: &head)
            head.removeLast()
            kinds.removeAll(keepingCapacity: true)
        }
        buffer.append(contentsOf: head)
        buffer.append(UInt8(ascii: "#"))
        JSONWriter.append(int: mention.start, to: &buffer)
        buffer.append(UInt8(ascii: "-"))
        JSONWriter.append(int: mention.end, to: &buffer)
        appendKindSegment(mention, to: &buffer)
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
        RecordEncoder.appendTail(of: mention, to: &buffer)
    }

    private mutating func appendKindSegment(_ mention: Mention, to buffer: inout [UInt8]) {
        var kind = mention.kind
        if let known = kind.withUTF8({ utf8 in kinds.firstIndex { $0.kind.elementsEqual(utf8) } }) {
            buffer.append(contentsOf: kinds[known].bytes)
            return
        }
        var bytes: [UInt8] = [UInt8(ascii: "\"")]
        JSONWriter.append(raw: ", \"doc\": ", to: &bytes)
        JSONWriter.append(string: mention.doc, to: &bytes)
        JSONWriter.append(raw: ", \"kind\": ", to: &bytes)
        JSONWriter.append(string: mention.kind, to: &bytes)
        JSONWriter.append(raw: ", \"start\": ", to: &bytes)
        kinds.append((Array(mention.kind.utf8), bytes))
        buffer.append(contentsOf: bytes)
    }
}
