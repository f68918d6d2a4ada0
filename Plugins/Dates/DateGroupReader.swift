import GleanerCore

/// Reads the date group vocabulary of the manifest (documented at its top) out of a match.
/// One rule may write the same part in several alternatives; since group names must be
/// unique, the alternatives add a suffix (`y1`, `y1_b`, `y1_c`, ...) and this reader takes
/// the first that took part in the match. Parts are `GroupSlots` (resolved once per pattern)
/// and words are looked up by their bytes, so reading a match makes no String.
struct DateGroupReader: Sendable {
    /// A month name or ordinal (`the third month`): its number, and whether the name in lower
    /// case is also a word (months.tsv `word`).
    struct MonthWord: Sendable {
        let number: Int?
        let isWord: Bool
    }

    /// Month names, then ordinals not spelled like one: key -> index in `monthWords`.
    let monthKeys: ByteKeyTable
    let monthWords: [MonthWord]
    /// Rows of each lexicon by surface key, and the column read from each row.
    let ordinals: ByteKeyTable
    let ordinalNumbers: [Int?]
    let seasons: ByteKeyTable
    let seasonCodes: [String?]
    let holidays: ByteKeyTable
    let holidayRules: [String?]
    let slots: GroupSlots

    static let suffixes = [""] + "bcdefghijklmnopq".map { "_\($0)" }
    static let sideParts = ["d", "m", "y", "a", "b", "q", "h", "season", "holiday"]
    /// `wk` ordinal week (`first`, `3rd`, `last`), `wkn` a count of weeks (`first 2 weeks`),
    /// `isowk` an ISO week number, `wb` marks `week beginning <day>`; `fye` the last fiscal
    /// year of a range of them (`FY2023 through FY2029`).
    static let otherParts = ["fy", "fy2", "decade", "wk", "wkn", "isowk", "wb", "fye"]

    /// The slot of each part: side parts first (`d1`, `d2`, `m1`, ...), then the others.
    enum Part: Int {
        case d, m, y, a, b, q, h, season, holiday
        static func slot(_ part: Part, side: Int) -> Int { part.rawValue * 2 + side - 1 }
    }

    enum Other: Int {
        case fy, fy2, decade, wk, wkn, isowk, wb, fye
        var slot: Int { DateGroupReader.sideParts.count * 2 + rawValue }
    }

    /// Every group name the normalizer understands (the loader checks each rule has one).
    static var allGroups: Set<String> { Set(slotNames.joined()) }

    /// Names tried for each slot, in slot order: `[part, part_b, ...]`.
    static let slotNames: [[String]] = {
        var table: [[String]] = []
        for part in sideParts { for side in ["1", "2"] { table.append(suffixes.map { part + side + $0 }) } }
        for part in otherParts { table.append(suffixes.map { part + $0 }) }
        return table
    }()

    init(months: Lexicon, ordinals: Lexicon, seasons: Lexicon, holidays: Lexicon) {
        func monthWord(_ row: [String: String]) -> MonthWord {
            MonthWord(number: row["number"].flatMap { Int($0) }, isWord: !(row["word"] ?? "").isEmpty)
        }
        var monthKeys = ByteKeyTable()
        var monthWords: [MonthWord] = []
        for lexicon in [months, ordinals] {
            for (key, row) in lexicon.rowsBySurfaceKey.pairs where monthKeys.insert(key, monthWords.count) {
                monthWords.append(monthWord(lexicon.rows[row]))
            }
        }
        self.monthKeys = monthKeys
        self.monthWords = monthWords
        self.ordinals = ordinals.rowsBySurfaceKey
        ordinalNumbers = ordinals.rows.map { $0["number"].flatMap { Int($0) } }
        self.seasons = seasons.rowsBySurfaceKey
        seasonCodes = seasons.rows.map { $0["code"] }
        self.holidays = holidays.rowsBySurfaceKey
        holidayRules = holidays.rows.map { $0["rule"] }
        slots = GroupSlots(Self.slotNames)
    }

    /// The side `n` (1 or 2), or nil when the match wrote none of its parts.
    func side(_ n: Int, in groups: MatchGroups) -> DateSide? {
        var side = DateSide()
        if let y = groups.bytes(Part.slot(.y, side: n)) {
            let (value, count) = Self.digits(y)
            guard count == 4 || count == 2 else { return nil }
            side.year = value
            side.twoDigitYear = count == 2
        }
        if let m = groups.bytes(Part.slot(.m, side: n)) {
            if let value = Self.leadingNumber(m) {
                side.month = value
            } else {
                // A month name, or an ordinal (`the third month of 2021`).
                let word = Lexicon.value(in: monthKeys, for: m).map { monthWords[$0] }
                guard let value = word?.number, (1...12).contains(value) else { return nil }
                side.month = value
                // Lower case is a date only for names that are not also words (months.tsv `word`).
                let capitalized = m.first.map { $0 >= 65 && $0 <= 90 } ?? false
                side.monthCapitalized = capitalized || !(word?.isWord ?? false)
            }
        }
        if let d = groups.bytes(Part.slot(.d, side: n)) {
            guard let value = Self.leadingNumber(d) ?? ordinal(d) else { return nil }
            side.day = value
        }
        if let a = groups.bytes(Part.slot(.a, side: n)), let b = groups.bytes(Part.slot(.b, side: n)) {
            // Numeric day and month: month first as in US usage, unless the first is over 12.
            guard let first = Self.leadingNumber(a), let second = Self.leadingNumber(b) else { return nil }
            if first > 12 { side.day = first; side.month = second } else { side.month = first; side.day = second }
        }
        if let q = groups.bytes(Part.slot(.q, side: n)) {
            guard let value = Self.firstDigit(q) ?? ordinal(q) else { return nil }
            side.quarter = value
        }
        if let h = groups.bytes(Part.slot(.h, side: n)) {
            guard let value = Self.firstDigit(h) ?? ordinal(h) else { return nil }
            side.half = value
        }
        if let season = groups.bytes(Part.slot(.season, side: n)) {
            guard let code = Lexicon.value(in: seasons, for: season).flatMap({ seasonCodes[$0] }) else { return nil }
            side.season = code
        }
        if let holiday = groups.bytes(Part.slot(.holiday, side: n)) {
            guard let year = side.year, !side.twoDigitYear,
                  let rule = Lexicon.value(in: holidays, for: holiday).flatMap({ holidayRules[$0] }),
                  let (month, day) = HolidayCalendar.day(rule: rule, year: year) else { return nil }
            side.month = month
            side.day = day
        }
        return side.isEmpty ? nil : side
    }

    func ordinal(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        Lexicon.value(in: ordinals, for: bytes).flatMap { ordinalNumbers[$0] }
    }

    /// The number made of a group's ASCII digits, in order (`'87` -> 87), and how many
    /// digits there are (the number is only read for 2 or 4).
    static func digits(_ bytes: UnsafeBufferPointer<UInt8>) -> (value: Int, count: Int) {
        var value = 0, count = 0
        for byte in bytes where byte >= 48 && byte <= 57 {
            if count < 4 { value = value * 10 + Int(byte - 48) }
            count += 1
        }
        return (value, count)
    }

    /// The number a group starts with (`30th` -> 30), or nil when it starts with a letter.
    static func leadingNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var value = 0, count = 0
        for byte in bytes {
            guard byte >= 48 && byte <= 57 else { break }
            count += 1
            if count > 4 { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return count == 0 ? nil : value
    }

    /// The first digit anywhere in a group (`Q3`, `3rd` -> 3).
    static func firstDigit(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        bytes.first { $0 >= 48 && $0 <= 57 }.map { Int($0 - 48) }
    }

    /// Whether a group is `word` in any case (`word` is lower-case ASCII without `k`, so no
    /// non-ASCII letter lower-cases to one of its letters, as `lowercased()` would compare).
    static func isWord(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard bytes.count == word.utf8CodeUnitCount else { return false }
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for (byte, letter) in zip(bytes, expected) where byte | 0x20 != letter || byte >= 0x80 { return false }
        return true
    }
}
