#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes `mentions.jsonl` lines byte for byte as `RecordEncoder.append(_:to:)` does, with what
/// repeats from line to line escaped once: the document id (twice a line) and, per kind, the
/// bytes from the id's closing quote to the start offset. The repeated bytes are copied from
/// where they were first written in the output buffer, so a document's lines cost no
/// allocation beyond the buffer's growth (and a small list of the kinds met). A mention of
/// another document (or kind) than the ones met gets its own bytes: strings are compared by
/// their bytes, not by `==` (canonically equivalent ids may differ in bytes).
struct MentionLines {
    /// The document id of `head` (nil before the first line).
    private var doc: String?
    /// Where `{"id": "` and the escaped id are in the buffer.
    private var head = 0..<0
    /// Per kind met: where `", "doc": "<id>", "kind": "<kind>", "start": ` is in the buffer.
    private var kinds: [(kind: String, bytes: Range<Int>)] = []

    /// Appends `mention`'s line; `buffer` must be the one of every earlier call.
    mutating func append(_ mention: Mention, to buffer: inout [UInt8]) {
        if !(doc.map { Self.sameBytes(mention.doc, $0) } ?? false) {
            doc = mention.doc
            kinds.removeAll(keepingCapacity: true)
            let start = buffer.count
            JSONWriter.append(raw: "{\"id\": ", to: &buffer)
            JSONWriter.append(string: mention.doc, to: &buffer)
            buffer.removeLast()
            head = start..<buffer.count
        } else {
            Self.repeatBytes(head, in: &buffer)
        }
        buffer.append(UInt8(ascii: "#"))
        JSONWriter.append(int: mention.start, to: &buffer)
        buffer.append(UInt8(ascii: "-"))
        JSONWriter.append(int: mention.end, to: &buffer)
        appendKindSegment(mention, to: &buffer)
        RecordEncoder.appendFromStart(of: mention, to: &buffer)
    }

    private mutating func appendKindSegment(_ mention: Mention, to buffer: inout [UInt8]) {
        if let known = kinds.firstIndex(where: { Self.sameBytes(mention.kind, $0.kind) }) {
            Self.repeatBytes(kinds[known].bytes, in: &buffer)
            return
        }
        let start = buffer.count
        buffer.append(UInt8(ascii: "\""))
        JSONWriter.append(raw: ", \"doc\": ", to: &buffer)
        JSONWriter.append(string: mention.doc, to: &buffer)
        JSONWriter.append(raw: ", \"kind\": ", to: &buffer)
        JSONWriter.append(string: mention.kind, to: &buffer)
        JSONWriter.append(raw: ", \"start\": ", to: &buffer)
        kinds.append((mention.kind, start..<buffer.count))
    }

    /// Appends a copy of the buffer's own earlier bytes `range`.
    private static func repeatBytes(_ range: Range<Int>, in buffer: inout [UInt8]) {
        let end = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: range.count))
        buffer.withUnsafeMutableBufferPointer { bytes in
            (bytes.baseAddress! + end).update(from: bytes.baseAddress! + range.lowerBound, count: range.count)
        }
    }

    /// Whether two strings have the same UTF-8 bytes (lengths first: most strings that
    /// differ stop there).
    private static func sameBytes(_ text: String, _ other: String) -> Bool {
        guard text.utf8.count == other.utf8.count else { return false }
        var text = text, other = other
        return text.withUTF8 { utf8 in
            other.withUTF8 { known in utf8.isEmpty || memcmp(utf8.baseAddress!, known.baseAddress!, utf8.count) == 0 }
        }
    }
}
