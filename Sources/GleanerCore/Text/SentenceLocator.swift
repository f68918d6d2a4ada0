/// Finds the sentence around a span, for `--context`: from after the previous sentence end
/// (`.`, `!`, `?` followed by a space, or a line break) to the next one, trimmed.
public enum SentenceLocator {
    public static func sentence(around span: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        func endsSentence(at index: Int) -> Bool {
            let byte = bytes[index]
            if byte == 0x0A { return true }
            guard byte == 0x2E || byte == 0x21 || byte == 0x3F else { return false }
            return index + 1 >= bytes.count || isSpace(bytes[index + 1])
        }
        var start = span.lowerBound
        while start > 0, !endsSentence(at: start - 1) { start -= 1 }
        var end = span.upperBound
        while end < bytes.count, !endsSentence(at: end) { end += 1 }
        if end < bytes.count, bytes[end] != 0x0A { end += 1 }
        while start < span.lowerBound, isSpace(bytes[start]) { start += 1 }
        while end > span.upperBound, isSpace(bytes[end - 1]) { end -= 1 }
        return start..<end
    }
}
