/// The first and last day (ISO `YYYY-MM-DD`, both inclusive) a date value covers, so dates can
/// be filtered and sorted as days: `2019-09/2019-10` → 2019-09-01…2019-10-31. Conventions
/// (docs/dataset.md): a fiscal year `FY2019` runs April to March from the year as written
/// (India's and Japan's, which the value's first-year label follows); quarters and halves are
/// calendar ones; seasons are meteorological, northern hemisphere (winter = December of the
/// year to February of the next); a decade `199X` is 1990…1999. A value with an unknown year
/// (`XXXX-03-03`) has no bounds.
public struct DateBounds: Sendable, Equatable {
    public let start: String
    public let end: String

    public init(start: String, end: String) {
        self.start = start
        self.end = end
    }

    /// Nil for a value with an unknown year or one that is not a date value.
    public init?(value: String) {
        let sides = value.split(separator: "/", omittingEmptySubsequences: false)
        guard sides.count <= 2, let first = Self.days(of: Array(sides[0].utf8)),
              let last = sides.count == 2 ? Self.days(of: Array(sides[1].utf8)) : first,
              first.start <= last.end else { return nil }
        start = first.start.iso
        end = last.end.iso
    }

    /// A calendar day, ordered by (year, month, day).
    struct Day: Comparable {
        var year: Int, month: Int, day: Int

        static func < (a: Day, b: Day) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

        var iso: String {
            func pad(_ n: Int, _ width: Int) -> String {
                let digits = String(n)
                return String(repeating: "0", count: max(0, width - digits.count)) + digits
            }
            return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        }

        static func last(ofMonth month: Int, year: Int) -> Day {
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            return Day(year: year, month: month, day: lengths[month - 1])
        }
    }

    /// One side of a value (no `/`), by `DateValueSyntax`'s forms.
    static func days(of s: [UInt8]) -> (start: Day, end: Day)? {
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= s.count else { return nil }
            var value = 0
            for i in range { guard (48...57).contains(s[i]) else { return nil }; value = value * 10 + Int(s[i] - 48) }
            return value
        }
        func months(_ year: Int, _ first: Int, _ last: Int) -> (Day, Day) {
            // `last` may run into the next year (13 = January of year + 1).
            let endYear = year + (last - 1) / 12, endMonth = (last - 1) % 12 + 1
            return (Day(year: year, month: first, day: 1), Day.last(ofMonth: endMonth, year: endYear))
        }
        if s.count == 6, s[0] == UInt8(ascii: "F"), s[1] == UInt8(ascii: "Y"), let year = number(2..<6) {
            return months(year, 4, 15)
        }
        if s.count == 4, let decade = number(0..<3), s[3] == UInt8(ascii: "X") {
            return (Day(year: decade * 10, month: 1, day: 1), Day(year: decade * 10 + 9, month: 12, day: 31))
        }
        guard let year = number(0..<4) else { return nil }  // `XXXX-…`: the year is unknown
        if s.count == 4 { return months(year, 1, 12) }
        guard s.count >= 7, s[4] == UInt8(ascii: "-") else { return nil }
        if s.count == 7 {
            switch (s[5], s[6]) {
            case (UInt8(ascii: "Q"), let n) where (49...52).contains(n):
                let quarter = Int(n - 48)
                return months(year, quarter * 3 - 2, quarter * 3)
            case (UInt8(ascii: "H"), let n) where (49...50).contains(n):
                let half = Int(n - 48)
                return months(year, half * 6 - 5, half * 6)
            case (UInt8(ascii: "S"), UInt8(ascii: "P")): return months(year, 3, 5)
            case (UInt8(ascii: "S"), UInt8(ascii: "U")): return months(year, 6, 8)
            case (UInt8(ascii: "F"), UInt8(ascii: "A")): return months(year, 9, 11)
            case (UInt8(ascii: "W"), UInt8(ascii: "I")): return months(year, 12, 14)
            default:
                guard let month = number(5..<7), (1...12).contains(month) else { return nil }
                return months(year, month, month)
            }
        }
        guard s.count == 10, s[7] == UInt8(ascii: "-"), let month = number(5..<7), let day = number(8..<10),
              (1...12).contains(month), day >= 1, day <= Day.last(ofMonth: month, year: year).day else { return nil }
        let date = Day(year: year, month: month, day: day)
        return (date, date)
    }
}
