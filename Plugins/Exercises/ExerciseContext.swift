import GleanerCore

/// What the text around a candidate says about it: rules that propose names no list holds
/// (`BALTOPS 24`, a bare `UNITAS`) keep a candidate only when its sentence names an exercise
/// (`drills`, `war games`, …) or when the same name is used as an exercise elsewhere in the
/// document. Works on the document's UTF-8 bytes; every scan is bounded.
struct ExerciseContext: Sendable {
    /// Lowercase trigger words and phrases (`exercise`, `drills`, `war games`).
    let triggers: [[UInt8]]
    /// Trigger indices by their first byte: one pass over a sentence finds every trigger.
    let byFirstByte: [[Int]]
    /// Furthest a sentence is read on each side of a candidate, in bytes.
    static let sentenceReach = 400
    /// Furthest a document is read on each side for another use of the same name, in bytes.
    static let documentReach = 32_768

    init(triggers: [String]) {
        let words = triggers.map { Array($0.lowercased().utf8) }.filter { !$0.isEmpty }
        var table = [[Int]](repeating: [], count: 256)
        for (index, word) in words.enumerated() { table[Int(word[0])].append(index) }
        self.triggers = words
        byFirstByte = table
    }

    /// `a|b|c` (a manifest param) as a trigger list.
    init(list: String) {
        self.init(triggers: list.split(separator: "|").map { String($0) })
    }

    // MARK: - Sentences

    /// The sentence around `span`: from after the previous line break or sentence end to the
    /// next one (`U.S. Navy` and `Aug. 1` do not end a sentence: a stop ends one only after a
    /// lowercase letter or digit and before a space).
    static func sentence(around span: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var start = span.lowerBound
        let floor = max(0, span.lowerBound - sentenceReach)
        while start > floor {
            let byte = bytes[start - 1]
            if byte == 0x0A { break }
            if start >= 2, isStop(at: start - 2, in: bytes), byte == 0x20 { break }
            start -= 1
        }
        var end = span.upperBound
        let ceiling = min(bytes.count, span.upperBound + sentenceReach)
        while end < ceiling {
            let byte = bytes[end]
            if byte == 0x0A { break }
            if end + 1 < bytes.count, isStop(at: end, in: bytes), bytes[end + 1] == 0x20 { break }
            end += 1
        }
        return start..<end
    }

    /// A `.`, `!` or `?` that ends a sentence: after a lowercase letter, a digit or a quote, and
    /// not the dot of an abbreviation (`Aug. 28 to Sept. 10`, `Gen. Smith`).
    static func isStop(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let byte = bytes[index]
        guard byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") else {
            return false
        }
        guard index > 0 else { return false }
        let before = bytes[index - 1]
        if byte == UInt8(ascii: "."), before >= 0x61, before <= 0x7A, isAbbreviation(endingAt: index, in: bytes) {
            return false
        }
        return (before >= 0x61 && before <= 0x7A) || (before >= 0x30 && before <= 0x39) || before == 0x22 || before == 0x29
            || before >= 0x80
    }

    /// Capitalized abbreviations whose dot ends no sentence, lowercased: months and titles.
    static let abbreviations: Set<[UInt8]> = Set(
        ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
         "gen", "adm", "lt", "col", "capt", "cmdr", "maj", "sgt", "gov", "sen", "rep", "mr", "mrs", "ms", "dr",
         "st", "mt", "no", "inc", "ltd", "corp", "co", "jr", "vs"].map { Array($0.utf8) })

    /// True when the word before the dot at `dot` is a capitalized abbreviation (`Aug`, `Gen`).
    static func isAbbreviation(endingAt dot: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = dot
        while start > 0, dot - start < 5, isWordByte(bytes[start - 1]) { start -= 1 }
        guard start < dot, isWordBoundary(before: start, in: bytes), bytes[start] >= 0x41, bytes[start] <= 0x5A else {
            return false
        }
        return abbreviations.contains(bytes[start..<dot].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 })
    }

    /// True when a trigger word stands in `range` outside `except`.
    func hasTrigger(in range: Range<Int>, except: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = range.lowerBound
        while index < range.upperBound {
            if index >= except.lowerBound, index < except.upperBound {
                index = except.upperBound
                continue
            }
            var byte = bytes[index]
            if byte >= 0x41, byte <= 0x5A { byte |= 0x20 }
            let candidates = byFirstByte[Int(byte)]
            if !candidates.isEmpty, Self.isWordBoundary(before: index, in: bytes) {
                for trigger in candidates {
                    let word = triggers[trigger]
                    let end = index + word.count
                    if end <= range.upperBound, end <= except.lowerBound || index >= except.upperBound,
                       Self.matches(word, at: index, in: bytes), Self.isWordBoundary(after: end, in: bytes) {
                        return true
                    }
                }
            }
            index += 1
        }
        return false
    }

    /// True when `span`'s sentence holds a trigger.
    func sentenceNamesExercise(_ span: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        hasTrigger(in: Self.sentence(around: span, in: bytes), except: span, of: bytes)
    }

    /// True when the sentence before `span`'s, in the same paragraph, holds a trigger
    /// (`… the alliance's largest exercise. It followed Cold Response 2022`).
    func previousSentenceNamesExercise(_ span: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let sentence = Self.sentence(around: span, in: bytes)
        guard sentence.lowerBound >= 3, bytes[sentence.lowerBound - 1] == 0x20 else { return false }
        let before = Self.sentence(around: (sentence.lowerBound - 3)..<(sentence.lowerBound - 2), in: bytes)
        return hasTrigger(in: before.lowerBound..<sentence.lowerBound, except: span, of: bytes)
    }

    // MARK: - Other uses of the name

    /// True when `name` (the bytes of `nameRange`) is used as an exercise somewhere else in the
    /// document: with a year or edition in a sentence that names an exercise (`BALTOPS 24 …
    /// drills`), or after `Exercise`/`Ex`; `listed` names also count before `exercise`/`drills`.
    func documentUsesAsExercise(name nameRange: Range<Int>, listed: Bool, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Compared without case: `Bright Star` is used as `BRIGHT STAR 23` in a heading.
        let name = bytes[nameRange].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        guard name.count >= 3 else { return false }
        let low = max(0, nameRange.lowerBound - Self.documentReach)
        let high = min(bytes.count, nameRange.upperBound + Self.documentReach)
        let first = name[0], count = name.count
        var index = low
        while index + count <= high {
            // Most bytes differ from the name's first byte: test that alone before anything else.
            let byte = bytes[index]
            if byte != first, byte | 0x20 != first || byte < 0x41 || byte > 0x5A {
                index += 1
                continue
            }
            if index != nameRange.lowerBound, Self.matches(name, at: index, in: bytes), Self.isWordBoundary(before: index, in: bytes) {
                let end = index + count
                if let suffixEnd = Self.suffixEnd(after: end, in: bytes),
                   hasTrigger(in: Self.sentence(around: index..<suffixEnd, in: bytes), except: index..<suffixEnd, of: bytes) {
                    return true
                }
                if Self.isWordBoundary(after: end, in: bytes) {
                    if Self.follows(["exercise ", "ex ", "ex. "], before: index, in: bytes) { return true }
                    if listed, Self.precedes([" exercise", " drills", " drill", " war games"], after: end, in: bytes) { return true }
                }
            }
            index += 1
        }
        return false
    }

    /// The end of a year or edition right after a name (` 24`, `-2024`, ` LXV`, ` 23.2`), if any.
    static func suffixEnd(after end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = end
        var separated = false
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == UInt8(ascii: "-") {
            index += 1
            separated = true
        }
        guard separated, index < bytes.count else { return nil }
        var digits = 0
        while index + digits < bytes.count, bytes[index + digits] >= 0x30, bytes[index + digits] <= 0x39 { digits += 1 }
        if digits == 2 || digits == 4 {
            return isWordBoundary(after: index + digits, in: bytes) || bytes[index + digits] == UInt8(ascii: ".")
                ? index + digits : nil
        }
        var roman = 0
        while index + roman < bytes.count, "IVXL".utf8.contains(bytes[index + roman]) { roman += 1 }
        return roman > 0 && isWordBoundary(after: index + roman, in: bytes) ? index + roman : nil
    }

    // MARK: - Byte helpers

    static func matches(_ word: [UInt8], at index: Int, in bytes: UnsafeBufferPointer<UInt8>, caseless: Bool = true) -> Bool {
        guard index >= 0, index + word.count <= bytes.count else { return false }
        for offset in 0..<word.count {
            var byte = bytes[index + offset]
            if caseless, byte >= 0x41, byte <= 0x5A { byte |= 0x20 }
            if byte != word[offset] { return false }
        }
        return true
    }

    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte >= 0x80
    }

    static func isWordBoundary(before index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        index == 0 || !isWordByte(bytes[index - 1])
    }

    /// A curly apostrophe ends a word too (`the US Army’s Arctic Edge 2024`: `army` is a trigger).
    static func isWordBoundary(after index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        index >= bytes.count || !isWordByte(bytes[index])
            || (bytes[index] == 0xE2 && index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x99)
    }

    /// True when one of `words` (lowercase, ending in a space) ends right at `index`.
    static func follows(_ words: [String], before index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        words.contains { word in
            let word = Array(word.utf8)
            let start = index - word.count
            return start >= 0 && matches(word, at: start, in: bytes) && isWordBoundary(before: start, in: bytes)
        }
    }

    /// True when one of `words` (lowercase, starting with a space) starts at `index`.
    static func precedes(_ words: [String], after index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        words.contains { word in
            let word = Array(word.utf8)
            return matches(word, at: index, in: bytes) && isWordBoundary(after: index + word.count, in: bytes)
        }
    }
}
