import GleanerCore

/// The `date` normalizer: builds the TIMEX-like values of ANNOTATION.md (`2019-03-21`,
/// `2019-09/2019-10`, `FY2019`, `199X`, `2017-Q1`, `XXXX-03-03`) from the named groups of
/// the manifest's rules, sharing a month or year between the two ends of a range, widening
/// two-digit years and taking a missing year from the document's reference date; weeks
/// become day ranges (WeekCalendar).
struct DateNormalizer: Normalizer {
    let reader: DateGroupReader

    /// The year two-digit years and yearless dates count from when a document has no date.
    static let defaultReferenceYear = 2026

    static let factory = NormalizerFactory(id: "date", groups: DateGroupReader.allGroups,
                                           schema: .string(.dateValue)) { context throws(PluginError) in
        DateNormalizer(reader: DateGroupReader(months: try context.lexicon("months"),
                                               ordinals: try context.lexicon("ordinals"),
                                               seasons: try context.lexicon("seasons"),
                                               holidays: try context.lexicon("holidays")))
    }

    /// `inferred` for a year taken from the reference date (one shared array).
    static let inferredYear = ["year"]

    func normalize(_ match: RuleMatch) -> Normalization? {
        let groups = match.groups(reader.slots)
        let reference = match.document.referenceDate?.year
        var inferred = false
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: DateTextWriter.capacity) { buffer in
            var text = DateTextWriter(buffer)
            guard write(groups, reference: reference, inferred: &inferred, into: &text),
                  let value = text.validValue() else { return nil }
            return Normalization(value: .string(value), inferred: inferred ? Self.inferredYear : [])
        }
    }

    /// Writes the value of a match; false when the match is no date.
    func write(_ groups: MatchGroups, reference: Int?, inferred: inout Bool, into text: inout DateTextWriter) -> Bool {
        if let fy = groups.bytes(DateGroupReader.Other.fy.slot) {
            // `FY` and the year as written, widened; a two-year label keeps its first year.
            let (digits, count) = DateGroupReader.digits(fy)
            guard count == 4 || count == 2 else { return false }
            let start = Self.widen(digits, twoDigit: count == 2, reference: reference)
            text.append("FY")
            text.append(decimal: start)
            // A range of fiscal years (`FY2023 through FY2029`): `FY2023/FY2029`, forwards only.
            if let last = groups.bytes(DateGroupReader.Other.fye.slot) {
                let (digits, count) = DateGroupReader.digits(last)
                guard count == 4 || count == 2 else { return false }
                let end = Self.widen(digits, twoDigit: count == 2, reference: reference)
                guard end > start else { return false }
                text.append("/FY")
                text.append(decimal: end)
            }
            return true
        }
        if let decade = groups.bytes(DateGroupReader.Other.decade.slot) {
            let (digits, count) = DateGroupReader.digits(decade)
            guard count == 4 || count == 2 else { return false }
            text.append(decimal: Self.widen(digits, twoDigit: count == 2, reference: reference) / 10)
            text.append(UInt8(ascii: "X"))
            return true
        }
        if groups.has(DateGroupReader.Other.wk.slot) || groups.has(DateGroupReader.Other.isowk.slot)
            || groups.has(DateGroupReader.Other.wb.slot) {
            return week(groups, reference: reference, inferred: &inferred, into: &text)
        }
        guard var start = reader.side(1, in: groups) else { return false }
        if var end = reader.side(2, in: groups) {
            return Self.range(&start, &end, reference: reference, inferred: &inferred, into: &text)
        }
        return Self.single(&start, reference: reference, inferred: &inferred, into: &text)
    }

    /// A week as a day range (conventions in WeekCalendar): an ordinal week of a month or
    /// year, an ISO week of a year, or the seven days from a day.
    func week(_ groups: MatchGroups, reference: Int?, inferred: inout Bool, into text: inout DateTextWriter) -> Bool {
        guard var side = reader.side(1, in: groups) else { return false }
        if let year = side.year { side.year = Self.widen(year, twoDigit: side.twoDigitYear, reference: reference) }
        // Without a written year: the reference year (inferred), else a yearless range.
        if side.year == nil, side.month != nil, let reference {
            side.year = reference
            inferred = true
        }
        if let iso = groups.bytes(DateGroupReader.Other.isowk.slot) {
            guard let year = side.year, side.month == nil, let n = DateGroupReader.leadingNumber(iso) else { return false }
            return WeekCalendar.iso(week: n, year: year, into: &text)
        }
        if let wk = groups.bytes(DateGroupReader.Other.wk.slot) {
            guard side.day == nil, side.year != nil || side.month != nil else { return false }
            let last = DateGroupReader.isWord(wk, "last") || DateGroupReader.isWord(wk, "final")
            guard let ordinal = last ? -1 : DateGroupReader.leadingNumber(wk) ?? reader.ordinal(wk) else { return false }
            var count = 1
            if let n = groups.bytes(DateGroupReader.Other.wkn.slot) {
                guard let value = DateGroupReader.leadingNumber(n) ?? Self.weekCount(n),
                      ordinal == 1 || ordinal == -1 else { return false }
                count = value
            }
            return WeekCalendar.ordinal(ordinal, count: count, month: side.month, year: side.year, into: &text)
        }
        guard let month = side.month, let day = side.day else { return false }
        return WeekCalendar.from(WeekCalendar.Day(year: side.year, month: month, day: day), into: &text)
    }

    /// A count of weeks in words (`two weeks`).
    static func weekCount(_ word: UnsafeBufferPointer<UInt8>) -> Int? {
        if DateGroupReader.isWord(word, "two") { return 2 }
        if DateGroupReader.isWord(word, "three") { return 3 }
        if DateGroupReader.isWord(word, "four") { return 4 }
        return nil
    }

    /// A two-digit year is 20YY when that is at most ten years after the reference year.
    static func widen(_ year: Int, twoDigit: Bool, reference: Int?) -> Int {
        guard twoDigit else { return year }
        let limit = (reference ?? defaultReferenceYear) + 10
        return 2000 + year <= limit ? 2000 + year : 1900 + year
    }

    static func single(_ side: inout DateSide, reference: Int?, inferred: inout Bool,
                       into text: inout DateTextWriter) -> Bool {
        if let year = side.year { side.year = widen(year, twoDigit: side.twoDigitYear, reference: reference) }
        guard let yearText = yearText(side, nil, reference: reference, inferred: &inferred) else { return false }
        return side.write(yearText: side.year.map { .year($0) } ?? yearText, into: &text)
    }

    /// Year text when no side wrote one: the reference year (inferred), else `XXXX`. A
    /// yearless mention needs a capitalized month name on every side, and either a day on
    /// every side (`March 3 to 7`) or on none (`June`, `June to August`); never `June to 5`.
    static func yearText(_ start: DateSide, _ end: DateSide?, reference: Int?,
                         inferred: inout Bool) -> DateSide.YearText? {
        if start.year != nil || end?.year != nil { return DateSide.YearText.none }
        func isMonthNamed(_ side: DateSide) -> Bool {
            side.month != nil && side.monthCapitalized && side.quarter == nil && side.half == nil && side.season == nil
        }
        let withDay = start.day != nil
        guard isMonthNamed(start), end.map({ isMonthNamed($0) && ($0.day != nil) == withDay }) ?? true else { return nil }
        if let reference {
            inferred = true
            return .year(reference)
        }
        return .unknown
    }

    static func range(_ start: inout DateSide, _ end: inout DateSide, reference: Int?,
                      inferred: inout Bool, into text: inout DateTextWriter) -> Bool {
        // `2011-12`: a two-digit end year takes the start's century and must follow it closely.
        if end.twoDigitYear, let first = start.year, !start.twoDigitYear, let last = end.year {
            guard start.isYearOnly, end.isYearOnly else { return false }
            var year = first - first % 100 + last
            if year <= first { year += 100 }
            guard (1...9).contains(year - first) else { return false }
            end.year = year
            end.twoDigitYear = false
        }
        if let year = start.year { start.year = widen(year, twoDigit: start.twoDigitYear, reference: reference) }
        if let year = end.year { end.year = widen(year, twoDigit: end.twoDigitYear, reference: reference) }
        // A bare year on one end needs its own year on the other (`2014 through May 2018`).
        if start.isYearOnly && end.year == nil { return false }
        if end.isYearOnly && start.year == nil { return false }
        // A shared month goes to the end that has only a day (`4 to 22 January`, `November 1 to 14`).
        if start.month == nil, start.day != nil {
            start.month = end.month
            start.monthCapitalized = end.monthCapitalized
        }
        if end.month == nil, end.day != nil {
            end.month = start.month
            end.monthCapitalized = start.monthCapitalized
        }
        // A month alone at the start needs a month at the end (`September-October 2019`).
        if start.month != nil, start.day == nil, start.year == nil, end.month == nil { return false }
        // A shared year; where the months run backwards the start takes the year before.
        if start.year == nil, let year = end.year {
            start.year = start.monthBounds.0 > end.monthBounds.0 ? year - 1 : year
        }
        if end.year == nil, let year = start.year { end.year = year }
        guard let shared = yearText(start, end, reference: reference, inferred: &inferred) else { return false }
        if case .year(let year) = shared {
            start.year = year
            end.year = year
        }
        let begin = text.count
        guard start.key(high: false) <= end.key(high: false), start.key(high: true) <= end.key(high: true),
              start.write(yearText: start.year.map { .year($0) } ?? shared, into: &text) else { return false }
        let first = text.count
        text.append(UInt8(ascii: "/"))
        guard end.write(yearText: end.year.map { .year($0) } ?? shared, into: &text) else { return false }
        // The two ends differ.
        return !text.written(from: first + 1).elementsEqual(text.written(from: begin).prefix(first - begin))
    }
}
