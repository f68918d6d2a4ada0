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

    static let factory = NormalizerFactory(id: "date", groups: DateGroupReader.allGroups) { context throws(PluginError) in
        DateNormalizer(reader: DateGroupReader(months: try context.lexicon("months"),
                                               ordinals: try context.lexicon("ordinals"),
                                               seasons: try context.lexicon("seasons"),
                                               holidays: try context.lexicon("holidays")))
    }

    func normalize(_ match: RuleMatch) -> Normalization? {
        let reference = match.document.referenceDate?.year
        let value: String
        var inferred: [String] = []
        if let fy = reader.bytes("fy", in: match) {
            // `FY` and the year as written, widened; a two-year label keeps its first year.
            let digits = DateGroupReader.digits(fy)
            guard digits.count == 4 || digits.count == 2 else { return nil }
            let year = Self.widen(DateGroupReader.number(digits), twoDigit: digits.count == 2, reference: reference)
            value = "FY\(year)"
        } else if let decade = reader.bytes("decade", in: match) {
            let digits = DateGroupReader.digits(decade)
            guard digits.count == 4 || digits.count == 2 else { return nil }
            let year = Self.widen(DateGroupReader.number(digits), twoDigit: digits.count == 2, reference: reference)
            value = String(year / 10) + "X"
        } else if reader.bytes("wk", in: match) != nil || reader.bytes("isowk", in: match) != nil
                    || reader.bytes("wb", in: match) != nil {
            guard let week = week(match, reference: reference, inferred: &inferred) else { return nil }
            value = week
        } else {
            guard var start = reader.side(1, in: match) else { return nil }
            if var end = reader.side(2, in: match) {
                guard let range = Self.range(&start, &end, reference: reference, inferred: &inferred) else { return nil }
                value = range
            } else {
                guard let single = Self.single(&start, reference: reference, inferred: &inferred) else { return nil }
                value = single
            }
        }
        guard DateValueSyntax.isValid(value) else { return nil }
        return Normalization(value: .string(value), inferred: inferred)
    }

    /// A week as a day range (conventions in WeekCalendar): an ordinal week of a month or
    /// year, an ISO week of a year, or the seven days from a day.
    func week(_ match: RuleMatch, reference: Int?, inferred: inout [String]) -> String? {
        guard var side = reader.side(1, in: match) else { return nil }
        if let year = side.year { side.year = Self.widen(year, twoDigit: side.twoDigitYear, reference: reference) }
        // Without a written year: the reference year (inferred), else a yearless range.
        if side.year == nil, side.month != nil, let reference {
            side.year = reference
            inferred = ["year"]
        }
        if let iso = reader.bytes("isowk", in: match) {
            guard let year = side.year, side.month == nil, let n = DateGroupReader.leadingNumber(iso) else { return nil }
            return WeekCalendar.iso(week: n, year: year)
        }
        if let wk = reader.bytes("wk", in: match) {
            guard side.day == nil, side.year != nil || side.month != nil else { return nil }
            let word = DateGroupReader.text(wk).lowercased()
            guard let ordinal = word == "last" || word == "final" ? -1 : DateGroupReader.leadingNumber(wk) ?? reader.ordinal(wk)
            else { return nil }
            var count = 1
            if let n = reader.bytes("wkn", in: match) {
                let text = DateGroupReader.text(n).lowercased()
                guard let value = DateGroupReader.leadingNumber(n) ?? ["two": 2, "three": 3, "four": 4][text],
                      ordinal == 1 || ordinal == -1 else { return nil }
                count = value
            }
            return WeekCalendar.ordinal(ordinal, count: count, month: side.month, year: side.year)
        }
        guard let month = side.month, let day = side.day else { return nil }
        return WeekCalendar.from(WeekCalendar.Day(year: side.year, month: month, day: day))
    }

    /// A two-digit year is 20YY when that is at most ten years after the reference year.
    static func widen(_ year: Int, twoDigit: Bool, reference: Int?) -> Int {
        guard twoDigit else { return year }
        let limit = (reference ?? defaultReferenceYear) + 10
        return 2000 + year <= limit ? 2000 + year : 1900 + year
    }

    static func single(_ side: inout DateSide, reference: Int?, inferred: inout [String]) -> String? {
        if let year = side.year { side.year = widen(year, twoDigit: side.twoDigitYear, reference: reference) }
        guard let yearText = yearText(for: [side], reference: reference, inferred: &inferred) else { return nil }
        return side.value(yearText: side.year.map(String.init) ?? yearText)
    }

    /// Year text when no side wrote one: the reference year (inferred), else `XXXX`. A
    /// yearless mention needs a day and a capitalized month name on every side.
    static func yearText(for sides: [DateSide], reference: Int?, inferred: inout [String]) -> String? {
        if sides.contains(where: { $0.year != nil }) { return "" }
        guard sides.allSatisfy({ $0.day != nil && $0.month != nil && $0.monthCapitalized }) else { return nil }
        if let reference {
            inferred = ["year"]
            return String(reference)
        }
        return "XXXX"
    }

    static func range(_ start: inout DateSide, _ end: inout DateSide, reference: Int?,
                      inferred: inout [String]) -> String? {
        // `2011-12`: a two-digit end year takes the start's century and must follow it closely.
        if end.twoDigitYear, let first = start.year, !start.twoDigitYear, let last = end.year {
            guard start.isYearOnly, end.isYearOnly else { return nil }
            var year = first - first % 100 + last
            if year <= first { year += 100 }
            guard (1...9).contains(year - first) else { return nil }
            end.year = year
            end.twoDigitYear = false
        }
        if let year = start.year { start.year = widen(year, twoDigit: start.twoDigitYear, reference: reference) }
        if let year = end.year { end.year = widen(year, twoDigit: end.twoDigitYear, reference: reference) }
        // A bare year on one end needs its own year on the other (`2014 through May 2018`).
        if start.isYearOnly && end.year == nil { return nil }
        if end.isYearOnly && start.year == nil { return nil }
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
        if start.month != nil, start.day == nil, start.year == nil, end.month == nil { return nil }
        // A shared year; where the months run backwards the start takes the year before.
        if start.year == nil, let year = end.year {
            start.year = start.monthBounds.0 > end.monthBounds.0 ? year - 1 : year
        }
        if end.year == nil, let year = start.year { end.year = year }
        guard let shared = yearText(for: [start, end], reference: reference, inferred: &inferred) else { return nil }
        if shared != "" && shared != "XXXX" {
            start.year = Int(shared)
            end.year = Int(shared)
        }
        guard start.key(high: false) <= end.key(high: false), start.key(high: true) <= end.key(high: true),
              let first = start.value(yearText: start.year.map(String.init) ?? shared),
              let last = end.value(yearText: end.year.map(String.init) ?? shared),
              first != last else { return nil }
        return first + "/" + last
    }
}
