import GleanerCore

/// Reads the date group vocabulary of the manifest (documented at its top) out of a match.
/// One rule may write the same part in several alternatives; since group names must be
/// unique, the alternatives add a suffix (`y1`, `y1_b`, `y1_c`, ...) and this reader takes
/// the first that took part in the match.
struct DateGroupReader: Sendable {
    let months: Lexicon
    let ordinals: Lexicon
    let seasons: Lexicon
    let holidays: Lexicon

    static let suffixes = [""] + "bcdefghijklmnopq".map { "_\($0)" }
    static let sideParts = ["d", "m", "y", "a", "b", "q", "h", "season", "holiday"]
    /// `wk` ordinal week (`first`, `3rd`, `last`), `wkn` a count of weeks (`first 2 weeks`),
    /// `isowk` an ISO week number, `wb` marks `week beginning <day>`.
    static let otherParts = ["fy", "fy2", "decade", "wk", "wkn", "isowk", "wb"]

    /// Every group name the normalizer understands (the loader checks each rule has one).
    static var allGroups: Set<String> {
        var names = Set<String>()
        for part in sideParts { for side in ["1", "2"] { for s in suffixes { names.insert(part + side + s) } } }
        for part in otherParts { for s in suffixes { names.insert(part + s) } }
        return names
    }

    /// Names tried for one part, computed once: `part -> [part, part_b, ...]`.
    private static let names: [String: [String]] = {
        var table: [String: [String]] = [:]
        for part in sideParts { for side in ["1", "2"] { table[part + side] = suffixes.map { part + side + $0 } } }
        for part in otherParts { table[part] = suffixes.map { part + $0 } }
        return table
    }()

    func bytes(_ part: String, in match: RuleMatch) -> Slice<UnsafeBufferPointer<UInt8>>? {
        for name in Self.names[part] ?? [part] {
            if let slice = match.slice(name) { return slice }
        }
        return nil
    }

    /// The side `n` (1 or 2), or nil when the match wrote none of its parts.
    func side(_ n: Int, in match: RuleMatch) -> DateSide? {
        var side = DateSide()
        let s = String(n)
        if let y = bytes("y" + s, in: match) {
            let digits = Self.digits(y)
            guard digits.count == 4 || digits.count == 2 else { return nil }
            side.year = Self.number(digits)
            side.twoDigitYear = digits.count == 2
        }
        if let m = bytes("m" + s, in: match) {
            if let value = Self.leadingNumber(m) {
                side.month = value
            } else {
                // A month name, or an ordinal (`the third month of 2021`).
                let row = months.row(for: Self.text(m)) ?? ordinals.row(for: Self.text(m))
                guard let value = row?["number"].flatMap({ Int($0) }), (1...12).contains(value) else { return nil }
                side.month = value
                // Lower case is a date only for names that are not also words (months.tsv `word`).
                let capitalized = m.first.map { $0 >= 65 && $0 <= 90 } ?? false
                side.monthCapitalized = capitalized || (row?["word"] ?? "").isEmpty
            }
        }
        if let d = bytes("d" + s, in: match) {
            guard let value = Self.leadingNumber(d) ?? ordinal(d) else { return nil }
            side.day = value
        }
        if let a = bytes("a" + s, in: match), let b = bytes("b" + s, in: match) {
            // Numeric day and month: month first as in US usage, unless the first is over 12.
            guard let first = Self.leadingNumber(a), let second = Self.leadingNumber(b) else { return nil }
            if first > 12 { side.day = first; side.month = second } else { side.month = first; side.day = second }
        }
        if let q = bytes("q" + s, in: match) {
            guard let value = Self.firstDigit(q) ?? ordinal(q) else { return nil }
            side.quarter = value
        }
        if let h = bytes("h" + s, in: match) {
            guard let value = Self.firstDigit(h) ?? ordinal(h) else { return nil }
            side.half = value
        }
        if let season = bytes("season" + s, in: match) {
            guard let code = seasons.row(for: Self.text(season))?["code"] else { return nil }
            side.season = code
        }
        if let holiday = bytes("holiday" + s, in: match) {
            guard let year = side.year, !side.twoDigitYear, let rule = holidays.row(for: Self.text(holiday))?["rule"],
                  let (month, day) = HolidayCalendar.day(rule: rule, year: year) else { return nil }
            side.month = month
            side.day = day
        }
        return side.isEmpty ? nil : side
    }

    func ordinal(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        ordinals.row(for: Self.text(bytes))?["number"].flatMap { Int($0) }
    }

    static func text(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes), as: UTF8.self)
    }

    /// The ASCII digits of a group, in order (`'87` -> 87's digits).
    static func digits(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> [UInt8] {
        bytes.filter { $0 >= 48 && $0 <= 57 }
    }

    static func number(_ digits: [UInt8]) -> Int {
        digits.reduce(0) { $0 * 10 + Int($1 - 48) }
    }

    /// The number a group starts with (`30th` -> 30), or nil when it starts with a letter.
    static func leadingNumber(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        let lead = bytes.prefix { $0 >= 48 && $0 <= 57 }
        return lead.isEmpty || lead.count > 4 ? nil : number(Array(lead))
    }

    /// The first digit anywhere in a group (`Q3`, `3rd` -> 3).
    static func firstDigit(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        bytes.first { $0 >= 48 && $0 <= 57 }.map { Int($0 - 48) }
    }
}
