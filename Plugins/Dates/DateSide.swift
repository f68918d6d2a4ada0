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

    /// The year as a value writes it.
    enum YearText: Equatable {
        case year(Int)
        /// `XXXX`: a yearless date.
        case unknown
        /// Nothing: the year is written by a side that has one.
        case none
    }

    /// Writes the TIMEX-like value of this side, with `yearText` as its year (`2019` or
    /// `XXXX`). False when the side is not a calendar reference on its own.
    func write(yearText: YearText, into text: inout DateTextWriter) -> Bool {
        let hasYear = yearText != .unknown
        if let quarter {
            guard hasYear && (1...4).contains(quarter) && month == nil else { return false }
            text.append(yearText)
            text.append(UInt8(ascii: "-"))
            text.append(UInt8(ascii: "Q"))
            text.append(decimal: quarter)
            return true
        }
        if let half {
            guard hasYear && (1...2).contains(half) && month == nil else { return false }
            text.append(yearText)
            text.append(UInt8(ascii: "-"))
            text.append(UInt8(ascii: "H"))
            text.append(decimal: half)
            return true
        }
        if let season {
            guard hasYear else { return false }
            text.append(yearText)
            text.append(UInt8(ascii: "-"))
            text.append(season)
            return true
        }
        guard let month else {
            guard hasYear && day == nil else { return false }
            text.append(yearText)
            return true
        }
        guard (1...12).contains(month) else { return false }
        guard let day else {
            // A month alone may be yearless (`in June` -> XXXX-06); DateNormalizer.yearText decides.
            text.append(yearText)
            text.append(UInt8(ascii: "-"))
            text.append(twoDigits: month)
            return true
        }
        guard (1...31).contains(day) else { return false }
        text.append(yearText)
        text.append(UInt8(ascii: "-"))
        text.append(twoDigits: month)
        text.append(UInt8(ascii: "-"))
        text.append(twoDigits: day)
        return true
    }
}
