import Foundation

/// The entries of one lexicon reference (`{@lex}` or `{@lex.column}`), matched at a position
/// of UTF-8 text with the semantics of `PatternComposer.atoms`: a space in an entry matches a
/// run of `[\s\x{00A0}]`, a hyphen or dash any of `-‐‑–—`, every other character itself (both
/// cases when `caseless`, as PCRE2 folds them). It finds every end of an entry that matches at
/// a start; the pattern's consumer then tries those ends longest first, as the alternation
/// (`LexiconTrie`) does.
///
/// The entries are kept as sorted byte keys (a space is the symbol 0x01, a hyphen 0x02), and a
/// match narrows a range of keys symbol by symbol: a 100,000-name lexicon builds in a sort and
/// costs a few binary searches per character of text it follows.
public final class LexiconMatcher: Sendable {
    public let caseless: Bool
    /// The most atoms in an entry: a match spans at most this many characters or whitespace runs.
    public let longestAtoms: Int
    /// The first characters entries can start with (their first scalars), for a lookahead.
    public let firstScalars: [Unicode.Scalar]
    /// Whether some entry starts with a space or hyphen atom.
    let startsWithSpace: Bool
    let startsWithHyphen: Bool
    private let keyBytes: [UInt8]
    /// Key `i` is `keyBytes[keyStarts[i]..<keyStarts[i + 1]]`.
    private let keyStarts: [Int32]

    static let spaceSymbol: UInt8 = 0x01
    static let hyphenSymbol: UInt8 = 0x02

    public init(entries: [String], caseless: Bool) {
        self.caseless = caseless
        // Every key into one buffer (no array per entry), then their offsets sorted by memcmp.
        var all: [UInt8] = []
        var ranges: [(start: Int32, end: Int32)] = []
        ranges.reserveCapacity(entries.count)
        var longest = 0
        var first = Set<Unicode.Scalar>()
        var space = false, hyphen = false
        for entry in entries {
            let keyStart = all.count
            var atoms = 0
            var entry = entry
            // ASCII (most names): one byte per character, no grapheme breaking.
            let ascii: Bool = entry.withUTF8 { bytes in
                guard bytes.allSatisfy({ $0 < 0x80 }) else { return false }
                for byte in bytes {
                    switch byte {
                    case 0x20: all.append(Self.spaceSymbol)
                    case 0x2D: all.append(Self.hyphenSymbol)
                    case 0x41...0x5A where caseless: all.append(byte | 0x20)
                    default: all.append(byte)
                    }
                }
                if let lead = bytes.first {
                    if lead == 0x20 { space = true } else if lead == 0x2D { hyphen = true } else { first.insert(Unicode.Scalar(lead)) }
                }
                atoms = bytes.count
                return true
            }
            if !ascii {
                for character in entry {
                    atoms += 1
                    switch character {
                    case " ":
                        all.append(Self.spaceSymbol)
                        if atoms == 1 { space = true }
                    case "-", "\u{2010}", "\u{2011}", "\u{2013}", "\u{2014}":
                        all.append(Self.hyphenSymbol)
                        if atoms == 1 { hyphen = true }
                    default:
                        if atoms == 1, let scalar = character.unicodeScalars.first { first.insert(scalar) }
                        for scalar in character.unicodeScalars {
                            all.append(contentsOf: Self.utf8(caseless ? Self.fold(scalar) : scalar))
                        }
                    }
                }
            }
            guard all.count > keyStart else { continue }
            longest = max(longest, atoms)
            ranges.append((Int32(keyStart), Int32(all.count)))
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(all.count)
        var starts: [Int32] = [0]
        starts.reserveCapacity(ranges.count + 1)
        all.withUnsafeBufferPointer { all in
            guard let base = all.baseAddress else { return }
            func order(_ a: (start: Int32, end: Int32), _ b: (start: Int32, end: Int32)) -> Int32 {
                let left = Int(a.end - a.start), right = Int(b.end - b.start)
                let common = memcmp(base + Int(a.start), base + Int(b.start), min(left, right))
                return common != 0 ? common : Int32(left - right)
            }
            ranges.sort { order($0, $1) < 0 }
            var previous: (start: Int32, end: Int32)?
            for range in ranges {
                if let last = previous, order(last, range) == 0 { continue }
                bytes.append(contentsOf: all[Int(range.start)..<Int(range.end)])
                starts.append(Int32(bytes.count))
                previous = range
            }
        }
        keyBytes = bytes
        keyStarts = starts
        longestAtoms = longest
        firstScalars = first.sorted { $0.value < $1.value }
        startsWithSpace = space
        startsWithHyphen = hyphen
    }

    public var isEmpty: Bool { keyStarts.count == 1 }

    /// Every end of an entry matching at byte `start` of `text`, longest first, into `ends`.
    public func ends(in text: UnsafeBufferPointer<UInt8>, from start: Int, into ends: inout [Int]) {
        ends.removeAll(keepingCapacity: true)
        guard !isEmpty else { return }
        keyBytes.withUnsafeBufferPointer { keys in
            keyStarts.withUnsafeBufferPointer { starts in
                let walk = Walk(text: text, keys: keys, starts: starts, caseless: caseless)
                walk.visit(low: 0, high: starts.count - 1, depth: 0, at: start, ends: &ends)
            }
        }
        if ends.count > 1 {
            ends.sort(by: >)
            var last = -1
            ends.removeAll { end in
                defer { last = end }
                return end == last
            }
        }
    }

    /// One search: the text, the keys, and the narrowing of a key range symbol by symbol.
    private struct Walk {
        let text: UnsafeBufferPointer<UInt8>
        let keys: UnsafeBufferPointer<UInt8>
        let starts: UnsafeBufferPointer<Int32>
        let caseless: Bool

        @inline(__always)
        func length(_ key: Int) -> Int { Int(starts[key + 1] - starts[key]) }

        @inline(__always)
        func byte(_ key: Int, _ depth: Int) -> UInt8 { keys[Int(starts[key]) + depth] }

        /// Keys in `low..<high` (all longer than `depth`, sharing `depth` bytes) whose byte at
        /// `depth` is `value`.
        @inline(__always)
        func narrow(_ low: Int, _ high: Int, depth: Int, to value: UInt8) -> (Int, Int) {
            var from = low, to = high
            while from < to {
                let middle = (from + to) >> 1
                if byte(middle, depth) < value { from = middle + 1 } else { to = middle }
            }
            var end = from, limit = high
            while end < limit {
                let middle = (end + limit) >> 1
                if byte(middle, depth) <= value { end = middle + 1 } else { limit = middle }
            }
            return (from, end)
        }

        func visit(low: Int, high: Int, depth: Int, at position: Int, ends: inout [Int]) {
            var low = low
            // Sorted keys put the one that ends here (if any) first.
            if length(low) == depth {
                ends.append(position)
                low += 1
            }
            guard low < high, position < text.count else { return }
            let lead = text[position]
            // Whitespace: a space atom takes a run of any length.
            let whitespaceLength = Self.whitespaceLength(text, at: position)
            if whitespaceLength > 0 {
                let (from, to) = narrow(low, high, depth: depth, to: LexiconMatcher.spaceSymbol)
                if from < to {
                    var end = position + whitespaceLength
                    while true {
                        visit(low: from, high: to, depth: depth + 1, at: end, ends: &ends)
                        let next = Self.whitespaceLength(text, at: end)
                        if next == 0 { break }
                        end += next
                    }
                }
            }
            let characterLength = LexiconMatcher.sequenceLength(lead)
            guard position + characterLength <= text.count else { return }
            if Self.isHyphen(text, at: position, length: characterLength) {
                let (from, to) = narrow(low, high, depth: depth, to: LexiconMatcher.hyphenSymbol)
                if from < to { visit(low: from, high: to, depth: depth + 1, at: position + characterLength, ends: &ends) }
                return
            }
            // The character itself (folded when caseless).
            var from = low, to = high
            var depth = depth
            if lead < 0x80 {
                let value = caseless && lead >= 0x41 && lead <= 0x5A ? lead | 0x20 : lead
                (from, to) = narrow(from, to, depth: depth, to: value)
                depth += 1
            } else if !caseless {
                for offset in 0..<characterLength {
                    if from == to { return }
                    (from, to) = narrow(from, to, depth: depth, to: text[position + offset])
                    depth += 1
                }
            } else {
                let scalar = LexiconMatcher.decode(text, at: position, length: characterLength)
                for value in LexiconMatcher.utf8(LexiconMatcher.fold(scalar)) {
                    while from < to, length(from) <= depth { from += 1 }
                    if from == to { return }
                    (from, to) = narrow(from, to, depth: depth, to: value)
                    depth += 1
                }
            }
            if from < to { visit(low: from, high: to, depth: depth, at: position + characterLength, ends: &ends) }
        }

        /// The byte length of the whitespace character at `position` (`\s` or NBSP), else 0.
        @inline(__always)
        static func whitespaceLength(_ text: UnsafeBufferPointer<UInt8>, at position: Int) -> Int {
            guard position < text.count else { return 0 }
            switch text[position] {
            case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: return 1
            case 0xC2: return position + 1 < text.count && text[position + 1] == 0xA0 ? 2 : 0
            default: return 0
            }
        }

        /// Whether the character at `position` is one of `-‐‑–—`.
        @inline(__always)
        static func isHyphen(_ text: UnsafeBufferPointer<UInt8>, at position: Int, length: Int) -> Bool {
            if length == 1 { return text[position] == 0x2D }
            guard length == 3, text[position] == 0xE2, text[position + 1] == 0x80 else { return false }
            let last = text[position + 2]
            return last == 0x90 || last == 0x91 || last == 0x93 || last == 0x94
        }
    }

    /// The byte length of a UTF-8 sequence from its lead byte.
    @inline(__always)
    static func sequenceLength(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    static func decode(_ text: UnsafeBufferPointer<UInt8>, at position: Int, length: Int) -> Unicode.Scalar {
        var value = UInt32(text[position]) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length { value = value << 6 | UInt32(text[position + offset] & 0x3F) }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    static func utf8(_ scalar: Unicode.Scalar) -> [UInt8] {
        Array(String(scalar).utf8)
    }

    /// One representative of the scalars PCRE2 matches caselessly with `scalar` (UTF mode:
    /// Unicode simple case folding, so `K`, `k` and the Kelvin sign are one).
    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.value < 0x80 {
            return scalar.value >= 0x41 && scalar.value <= 0x5A ? Unicode.Scalar(scalar.value | 0x20)! : scalar
        }
        // PCRE2 pairs dotless ı with I and dotted İ with nothing, but i with I only: each
        // matches itself (and ı's entries miss I, a Turkish corner left as it is).
        if scalar == "\u{0131}" || scalar == "\u{0130}" { return scalar }
        let upper = scalar.properties.uppercaseMapping.unicodeScalars
        if upper.count == 1, let single = upper.first {
            let lower = single.properties.lowercaseMapping.unicodeScalars
            if lower.count == 1, let folded = lower.first { return folded }
        }
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? lower.first! : scalar
    }
}
