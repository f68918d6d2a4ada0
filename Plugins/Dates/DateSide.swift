/// One end of a date mention, as read from the named groups of a match: the fields that
/// were written, before sharing with the other end and before any year is inferred.
struct DateSide {
    var year: Int?
    /// A year written with two digits (`'87`, `21/04/16`), still to be widened.
    var twoDigitYear = false
    var month: Int?
    var day: Int?
    var quarter: Int?
    var half: Int?
    var season: String?
    /// False when a month name that is also a word was written in lower case: a yearless
    /// date needs it capitalized (`May 29`, never the verb `may`; `april 22` is fine).
    var monthCapitalized = true

    var isEmpty: Bool {
        year == nil && month == nil && day == nil && quarter == nil && half == nil && season == nil
    }

    /// Only a year: no month, day, quarter, half or season.
    var isYearOnly: Bool {
        year != nil && month == nil && day == nil && quarter == nil && half == nil && season == nil
    }

    /// The first and last month this side covers (for checking a range runs forward).
    var monthBounds: (Int, Int) {
        if let month { return (month, month) }
        if let quarter { return (quarter * 3 - 2, quarter * 3) }
        if let half { return (half * 6 - 5, half * 6) }
        return (1, 12)
    }

    /// A sortable key of the side's first day (`low`) or last day (`high`); yearless sides
    /// sort by month and day alone.
    func key(high: Bool) -> Int {
        let (first, last) = monthBounds
        let month = high ? last : first
        let day = self.day ?? (high ? 31 : 1)
        return (year ?? 0) * 10_000 + month * 100 + day
    }

    /// The TIMEX-like value of this side; `yearText` is the year as written in the value
    /// (`2019` or `XXXX`). Nil when the side is not a calendar reference on its own.
    func value(yearText: String) -> String? {
        let hasYear = yearText != "XXXX"
        if let quarter {
            return hasYear && (1...4).contains(quarter) && month == nil ? "\(yearText)-Q\(quarter)" : nil
        }
        if let half {
            return hasYear && (1...2).contains(half) && month == nil ? "\(yearText)-H\(half)" : nil
        }
        if let season { return hasYear ? "\(yearText)-\(season)" : nil }
        guard let month else { return hasYear && day == nil ? yearText : nil }
        guard (1...12).contains(month) else { return nil }
        let mm = month < 10 ? "0\(month)" : "\(month)"
        guard let day else { return hasYear ? "\(yearText)-\(mm)" : nil }
        guard (1...31).contains(day) else { return nil }
        return "\(yearText)-\(mm)-\(day < 10 ? "0\(day)" : "\(day)")"
    }
}
