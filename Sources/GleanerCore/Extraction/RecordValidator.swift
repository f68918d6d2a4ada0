/// Checks a record before it is written: offsets in range and on character boundaries,
/// `text` equal to the document slice, and the value of the shape its plugin declares
/// (`ValueSchema`). A failure is an extractor bug; the document fails with this message.
public enum RecordValidator {
    public static func problem(in mention: Mention, bytes: UnsafeBufferPointer<UInt8>, schema: ValueSchema) -> String? {
        if let problem = spanProblem(start: mention.start, end: mention.end, byteStart: mention.byteStart, byteEnd: mention.byteEnd,
                                     byteCount: bytes.count) { return problem }
        let slice = String(decoding: UnsafeBufferPointer(rebasing: bytes[mention.byteStart..<mention.byteEnd]), as: UTF8.self)
        guard slice == mention.text else { return "text does not equal the document slice" }
        return schema.problem(in: mention.value)
    }

    /// The checks of `problem(in:bytes:schema:)` for a record `MentionBuilder` is making, on
    /// its parts (checked before the record is made): its text is the document slice by
    /// construction, so only the offsets and the value are checked.
    static func problem(inBuiltStart start: Int, end: Int, bytes: Range<Int>, value: JSONValue, byteCount: Int,
                        schema: ValueSchema) -> String? {
        spanProblem(start: start, end: end, byteStart: bytes.lowerBound, byteEnd: bytes.upperBound, byteCount: byteCount)
            ?? schema.problem(in: value)
    }

    static func spanProblem(start: Int, end: Int, byteStart: Int, byteEnd: Int, byteCount: Int) -> String? {
        guard start >= 0, start < end else { return "empty or negative span" }
        guard byteStart >= 0, byteStart < byteEnd, byteEnd <= byteCount else {
            return "byte span \(byteStart)-\(byteEnd) outside the document"
        }
        return nil
    }
}
