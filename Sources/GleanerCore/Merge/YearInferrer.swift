/// The `infer-years` pass, for plugins that list it (or say `inferYears: true`; dates): a date written without its year (`March 3 to
/// 7`, value `XXXX-03-03/XXXX-03-07`) takes the year of the document's reference date (a JSON
/// Lines `published` field, else the dateline: a full date standing alone on a line, perhaps
/// after `Published`/`Updated`), else of the nearest earlier date with a year; it is then marked
/// `inferred: ["year"]`. With neither, the year stays `XXXX` (ANNOTATION.md).
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

    /// The year of the first full date (`YYYY-MM-DD`) that stands alone on its line.
    func dateline(_ candidates: [Candidate], _ indices: [Int], _ context: MergeContext) -> Int? {
        for index in indices {
            guard let value = candidates[index].value?.stringValue, value.utf8.count == 10,
                  let year = Self.year(of: value) else { continue }
            let bytes = candidates[index].bytes
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
        func isDatelineWord(_ word: Range<Int>) -> Bool {
            guard word.count <= 9 else { return false }
            return Self.datelineWordBytes.contains { known in
                known.count == word.count && known.indices.allSatisfy { known[$0] == bytes[word.lowerBound + $0] | 0x20 }
            }
        }
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
