/// The `infer-years` pass, for plugins that list it (or say `inferYears: true`; dates): a date written without its year (`March 3 to
/// 7`, value `XXXX-03-03/XXXX-03-07`) takes the year of the document's reference date (a JSON
/// Lines `published` field, else the dateline: a full date standing alone on a line, perhaps
/// after `Published`/`Updated`, or after a place as wire copy and press releases write it,
/// `NAIROBI, March 12, 2024 (Reuters) —`, `New Delhi, 27 March 2025`; or a newsletter's issue
/// date ending a line at the head, `Issue 34, September 2024`), else of the nearest
/// earlier date with a year; it is then marked `inferred: ["year"]`. With neither, the year
/// stays `XXXX` (ANNOTATION.md). The dateline comes first even when another year is nearer.
public struct YearInferrer: MergePass {
    public let name = "year"

    public init() {}

    static let datelineWords: Set<String> = ["published", "updated", "posted", "last", "on", "date", "dated", "by",
                                             "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                             "mon", "tue", "wed", "thu", "fri", "sat", "sun", "ist", "gmt", "utc"]
    static let datelineWordBytes: [[UInt8]] = datelineWords.map { Array($0.utf8) }

    public func apply(to candidates: inout [Candidate], in context: MergeContext, decisions: inout [Decision]) {
        guard context.traits.contains(where: \.inferYears) else { return }
        let inferring = candidates.indices.filter { context.traits[candidates[$0].plugin].inferYears }
        guard inferring.contains(where: { candidates[$0].value?.stringValue.map(Self.isYearless) ?? false }) else { return }
        let reference = context.document.referenceDate?.year ?? dateline(candidates, inferring, context)
        var previousYear: Int?
        for index in inferring {
            guard let value = candidates[index].value?.stringValue else { continue }
            if Self.isYearless(value) {
                guard let year = reference ?? previousYear else { continue }
                candidates[index].value = .string(value.replacingXXXX(with: year))
                if !candidates[index].inferred.contains("year") { candidates[index].inferred.append("year") }
            } else if let year = Self.year(of: value) {
                previousYear = year
            }
        }
    }

    /// `value.contains("XXXX")`, on the bytes when the value is ASCII (date values are).
    static func isYearless(_ value: String) -> Bool {
        var run = 0
        for byte in value.utf8 {
            if byte >= 0x80 { return value.contains("XXXX") }
            run = byte == UInt8(ascii: "X") ? run + 1 : 0
            if run == 4 { return true }
        }
        return false
    }

    /// The year of the first full date (`YYYY-MM-DD`) that stands alone on its line or follows a
    /// place, or of the first month, season or quarter that ends a short line at the head of
    /// the document (an issue date: `Defence Brief — Issue 34, September 2024`).
    func dateline(_ candidates: [Candidate], _ indices: [Int], _ context: MergeContext) -> Int? {
        for index in indices {
            guard let value = candidates[index].value?.stringValue, let year = Self.year(of: value) else { continue }
            let bytes = candidates[index].bytes
            guard value.utf8.count == 10 else {
                if Self.isSinglePeriod(value), endsHeadLine(bytes, context.bytes) { return year }
                continue
            }
            if followsPlace(bytes, context.bytes) { return year }
            if let alone = standsAlone(bytes, context.bytes) {
                if alone { return year }
                continue
            }
            var start = bytes.lowerBound, end = bytes.upperBound
            while start > 0, context.bytes[start - 1] != 0x0A { start -= 1 }
            while end < context.bytes.count, context.bytes[end] != 0x0A { end += 1 }
            let rest = context.text(start..<bytes.lowerBound) + " " + context.text(bytes.upperBound..<end)
            let words = rest.lowercased().split(whereSeparator: { !$0.isLetter })
            if words.allSatisfy({ Self.datelineWords.contains(String($0)) }) { return year }
        }
        return nil
    }

    /// Whether every word on the span's line around it is a dateline word, read on the bytes
    /// and stopping at the first other word (a word of ASCII letters that is not one is not
    /// one as a string either); nil when a non-ASCII byte comes first (then the string rules
    /// of `dateline` decide).
    func standsAlone(_ span: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 97 && (byte | 0x20) <= 122 }
        func isDatelineWord(_ word: Range<Int>) -> Bool { self.isDatelineWord(word, bytes) }
        // Left of the span, towards the line start.
        var position = span.lowerBound
        var wordEnd = -1
        while position > 0, bytes[position - 1] != 0x0A {
            let byte = bytes[position - 1]
            if byte >= 0x80 { return nil }
            if isLetter(byte) {
                if wordEnd < 0 { wordEnd = position }
            } else if wordEnd >= 0 {
                if !isDatelineWord(position..<wordEnd) { return false }
                wordEnd = -1
            }
            position -= 1
        }
        if wordEnd >= 0, !isDatelineWord(position..<wordEnd) { return false }
        // Right of the span, towards the line end.
        position = span.upperBound
        var wordStart = -1
        while position < bytes.count, bytes[position] != 0x0A {
            let byte = bytes[position]
            if byte >= 0x80 { return nil }
            if isLetter(byte) {
                if wordStart < 0 { wordStart = position }
            } else if wordStart >= 0 {
                if !isDatelineWord(wordStart..<position) { return false }
                wordStart = -1
            }
            position += 1
        }
        if wordStart >= 0, !isDatelineWord(wordStart..<position) { return false }
        return true
    }

    /// Whether the span is a wire or press-release dateline: on its line, only a place before it
    /// (words that start with a capital, or dateline words, at most eight, at least one
    /// capitalized), and after it nothing, or an agency in parentheses and a dash (`NAIROBI,
    /// March 12, 2024 (Reuters) — Kenya ...`). A timeline entry (`12 March 2024 — Talks`) has no
    /// place; a sentence has lower-case words.
    func followsPlace(_ span: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 97 && (byte | 0x20) <= 122 }
        var lineStart = span.lowerBound
        while lineStart > 0, bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
        guard span.lowerBound - lineStart <= 80 else { return false }
        var words = 0, capitalized = 0
        var position = lineStart
        while position < span.lowerBound {
            let byte = bytes[position]
            guard isLetter(byte) || byte >= 0x80 else {
                // Between words: spaces and the punctuation of a place line only.
                switch byte {
                case 0x20, 0x09, 0x0D, UInt8(ascii: ","), UInt8(ascii: "|"), UInt8(ascii: "/"),
                     UInt8(ascii: "-"), UInt8(ascii: ":"), UInt8(ascii: "."), UInt8(ascii: "'"): position += 1
                default: return false
                }
                continue
            }
            var end = position
            while end < span.lowerBound, isLetter(bytes[end]) || bytes[end] >= 0x80 { end += 1 }
            words += 1
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") || byte >= 0x80 {
                capitalized += 1
            } else if !isDatelineWord(position..<end, bytes) {
                return false
            }
            position = end
        }
        guard capitalized > 0, words <= 8 else { return false }
        // After the date: nothing, else `(Agency)` and/or a dash (`-`, `–`, `—`) or a colon.
        position = span.upperBound
        func skipSpaces() { while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 || bytes[position] == 0x0D { position += 1 } }
        skipSpaces()
        if position < bytes.count, bytes[position] == UInt8(ascii: "(") {
            var close = position + 1
            while close < bytes.count, close - position <= 40, bytes[close] != UInt8(ascii: ")"), bytes[close] != 0x0A { close += 1 }
            guard close < bytes.count, bytes[close] == UInt8(ascii: ")") else { return false }
            position = close + 1
            skipSpaces()
        }
        if position == bytes.count || bytes[position] == 0x0A { return true }
        if bytes[position] == UInt8(ascii: "-") || bytes[position] == UInt8(ascii: ":") { return true }
        // En and em dashes: E2 80 93, E2 80 94.
        if position + 2 < bytes.count, bytes[position] == 0xE2, bytes[position + 1] == 0x80,
           bytes[position + 2] == 0x93 || bytes[position + 2] == 0x94 { return true }
        return false
    }

    /// Whether the span ends a line of at most 160 bytes that starts in the document's first
    /// 500 bytes (only spaces and closing punctuation after it).
    func endsHeadLine(_ span: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var lineStart = span.lowerBound
        while lineStart > 0, bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
        guard lineStart < 500 else { return false }
        var end = span.upperBound
        while end < bytes.count, bytes[end] != 0x0A {
            switch bytes[end] {
            case 0x20, 0x09, 0x0D, UInt8(ascii: "."), UInt8(ascii: ")"), UInt8(ascii: "]"): end += 1
            default: return false
            }
        }
        return end - lineStart <= 160
    }

    /// A single month, season, quarter or half with its year (`2024-09`, `2024-FA`), not a range.
    static func isSinglePeriod(_ value: String) -> Bool {
        let bytes = value.utf8
        return bytes.count > 5 && bytes.count <= 7 && bytes[bytes.index(bytes.startIndex, offsetBy: 4)] == UInt8(ascii: "-")
    }

    private func isDatelineWord(_ word: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard word.count <= 9 else { return false }
        return Self.datelineWordBytes.contains { known in
            known.count == word.count && known.indices.allSatisfy { known[$0] == bytes[word.lowerBound + $0] | 0x20 }
        }
    }

    static func year(of value: String) -> Int? {
        var year = 0, digits = 0
        for byte in value.utf8 {
            guard byte >= 48 && byte <= 57 else { return nil }
            year = year * 10 + Int(byte - 48)
            digits += 1
            if digits == 4 { return year }
        }
        return nil
    }
}

extension String {
    fileprivate func replacingXXXX(with year: Int) -> String {
        split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("XXXX") ? String(year) + $0.dropFirst(4) : String($0) }
            .joined(separator: "/")
    }
}
