/// Finds sentences in UTF-8 text. A sentence ends at `.`, `!` or `?` followed by a space (unless
/// a lowercase letter comes next: `Rs. 500`, `approx. the`… stay one sentence less often
/// broken) or at a line break. Simple on purpose: the same rule for `--context` and the
/// mentions' `sentence`, cheap enough for the hot path.
public enum SentenceLocator {
    @inline(__always) static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// Whether the byte at `index` ends a sentence.
    @inline(__always) static func endsSentence(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let byte = bytes[index]
        if byte == 0x0A { return true }
        guard byte == 0x2E || byte == 0x21 || byte == 0x3F else { return false }
        guard index + 1 < bytes.count else { return true }
        guard isSpace(bytes[index + 1]) else { return false }
        var next = index + 1
        while next < bytes.count, bytes[next] == 0x20 || bytes[next] == 0x09 { next += 1 }
        return next >= bytes.count || !(0x61...0x7A).contains(bytes[next])
    }

    /// The sentence around a span (byte offsets), trimmed of surrounding white space; a sentence
    /// end inside the span does not count.
    public static func sentence(around span: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var start = span.lowerBound
        while start > 0, !endsSentence(at: start - 1, in: bytes) { start -= 1 }
        var end = span.upperBound
        while end < bytes.count, !endsSentence(at: end, in: bytes) { end += 1 }
        return trimmed(start..<end, around: span, in: bytes)
    }

    /// `start` is where the sentence begins, `end` the byte that ends it (or the text's end):
    /// the range that includes a final `.`, `!`, `?` and leaves out spaces and line breaks.
    static func trimmed(_ found: Range<Int>, around span: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var start = found.lowerBound, end = found.upperBound
        if end < bytes.count, bytes[end] != 0x0A { end += 1 }
        while start < span.lowerBound, isSpace(bytes[start]) { start += 1 }
        while end > span.upperBound, isSpace(bytes[end - 1]) { end -= 1 }
        return start..<end
    }
}
