/// The words of a number or scale phrase (`two lakh crore`, `forty-five`): split at spaces,
/// no-break spaces, line breaks, tabs and dashes, as `split(whereSeparator:)` over Characters
/// splits the phrase's text. Phrases of ASCII and those separators are split on their bytes;
/// anything else (a carriage return, a combining mark) goes through String.
struct PhraseWords {
    private let text: UnsafeBufferPointer<UInt8>
    private let ranges: UnsafeMutableBufferPointer<Range<Int>>
    private(set) var count = 0

    subscript(index: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: text[ranges[index]]) }

    private init(text: UnsafeBufferPointer<UInt8>, ranges: UnsafeMutableBufferPointer<Range<Int>>) {
        self.text = text
        self.ranges = ranges
    }

    /// The separators as Characters, for the String path.
    static let separators: Set<Character> = [" ", "\u{00A0}", "\t", "\n", "-", "\u{2010}", "\u{2011}", "\u{2013}", "\u{2014}"]

    /// Calls `body` with the words of the UTF-8 `phrase`, lower-cased first when `lowercased`
    /// (as `String.lowercased()`).
    static func withWords<Result>(of phrase: UnsafeBufferPointer<UInt8>, lowercased: Bool,
                                  _ body: (PhraseWords) -> Result) -> Result {
        let fast: Result? = withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: phrase.count / 2 + 1) { ranges in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(phrase.count, 1)) { buffer in
                splitBytes(phrase, lowercased: lowercased, into: buffer, ranges: ranges).map(body)
            }
        }
        if let fast { return fast }
        var text = String(decoding: phrase, as: UTF8.self)
        if lowercased { text = text.lowercased() }
        var ranges = text.split(whereSeparator: { separators.contains($0) }).map { part in
            let start = text.utf8.distance(from: text.utf8.startIndex, to: part.utf8.startIndex)
            return start..<start + part.utf8.count
        }
        return text.withUTF8 { bytes in
            ranges.withUnsafeMutableBufferPointer { ranges in
                var words = PhraseWords(text: bytes, ranges: ranges)
                words.count = ranges.count
                return body(words)
            }
        }
    }

    /// The byte path: nil when the phrase has a byte it does not handle.
    private static func splitBytes(_ phrase: UnsafeBufferPointer<UInt8>, lowercased: Bool,
                                   into buffer: UnsafeMutableBufferPointer<UInt8>,
                                   ranges: UnsafeMutableBufferPointer<Range<Int>>) -> PhraseWords? {
        var words = PhraseWords(text: UnsafeBufferPointer(buffer), ranges: ranges)
        var start = 0
        var index = 0
        func endWord(at end: Int) {
            if end > start {
                ranges[words.count] = start..<end
                words.count += 1
            }
        }
        while index < phrase.count {
            let byte = phrase[index]
            var separator = 0
            switch byte {
            case 0x20, 0x09, 0x0A, UInt8(ascii: "-"): separator = 1
            case 0x0D: return nil
            case 0xC2 where index + 1 < phrase.count && phrase[index + 1] == 0xA0: separator = 2
            case 0xE2 where index + 2 < phrase.count && phrase[index + 1] == 0x80
                && (phrase[index + 2] == 0x90 || phrase[index + 2] == 0x91
                    || phrase[index + 2] == 0x93 || phrase[index + 2] == 0x94): separator = 3
            default:
                guard byte < 0x80 else { return nil }
            }
            if separator > 0 {
                endWord(at: index)
                index += separator
                start = index
                continue
            }
            buffer[index] = lowercased && byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
            index += 1
        }
        endWord(at: phrase.count)
        return words
    }
}
