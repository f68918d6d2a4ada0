#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        if !(doc.map { Self.utf8(of: mention.doc, is: $0) } ?? false) {
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
        RecordEncoder.appendFromStart(of: mention, to: &buffer)
    }

    private mutating func appendKindSegment(_ mention: Mention, to buffer: inout [UInt8]) {
        if let known = kinds.firstIndex(where: { Self.utf8(of: mention.kind, is: $0.kind) }) {
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

    /// Whether `text`'s UTF-8 is `bytes` (lengths first: most strings that differ stop there).
    private static func utf8(of text: String, is bytes: [UInt8]) -> Bool {
        guard text.utf8.count == bytes.count else { return false }
        guard !bytes.isEmpty else { return true }
        var text = text
        return text.withUTF8 { utf8 in bytes.withUnsafeBufferPointer { memcmp(utf8.baseAddress!, $0.baseAddress!, $0.count) == 0 } }
    }
}
