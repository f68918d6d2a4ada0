/// Weeks as day ranges (a week is a range of days, ANNOTATION.md `date`). Two conventions,
/// documented in the manifest: an ordinal week of a month or year (`first week of 2015`,
/// `last week of Dec 2016`, `first 2 weeks of 2021`) counts seven-day blocks from the first
/// day of the period (or back from its last); a numbered week (`week 3 of 2027`, `2027-W03`)
/// is the ISO 8601 week, Monday to Sunday; `week beginning 4 February` runs seven days from
/// the day named.
enum WeekCalendar {
    /// A calendar day; `year` nil for a yearless day (computed in a common year).
    struct Day: Equatable {
        var year: Int?
        var month: Int
        var day: Int

        /// `YYYY-MM-DD`, `XXXX` for no year.
        func write(into text: inout DateTextWriter) {
            text.append(year.map { .year($0) } ?? .unknown)
            text.append(UInt8(ascii: "-"))
            text.append(twoDigits: month)
            text.append(UInt8(ascii: "-"))
            text.append(twoDigits: day)
        }
    }

    /// `START/END` of weeks `ordinal ..< ordinal + count` of a month (or of the year when
    /// `month` is nil); `ordinal` -1 counts back from the period's last week.
    static func ordinal(_ ordinal: Int, count: Int, month: Int?, year: Int?, into text: inout DateTextWriter) -> Bool {
        guard count >= 1, ordinal == -1 || (ordinal >= 1 && ordinal + count - 1 <= 5) else { return false }
        let y = year ?? 2001
        let first = serial(y, month ?? 1, 1)
        let last = month.map { serial(y, $0, HolidayCalendar.daysIn(month: $0, year: y)) } ?? serial(y, 12, 31)
        let start = ordinal == -1 ? last - 7 * count + 1 : first + 7 * (ordinal - 1)
        let end = ordinal == -1 ? last : min(start + 7 * count - 1, last)
        guard start >= first, start <= last else { return false }
        return range(start, end, yearless: year == nil, into: &text)
    }

    /// `START/END` (Monday to Sunday) of ISO week `week` of `year`.
    static func iso(week: Int, year: Int, into text: inout DateTextWriter) -> Bool {
        let jan4 = serial(year, 1, 4)
        let monday = jan4 - isoWeekday(jan4) + 1 + 7 * (week - 1)
        // Week 53 exists only where its Thursday still falls in the year.
        guard week >= 1, civil(monday + 3).year == year else { return false }
        return range(monday, monday + 6, yearless: false, into: &text)
    }

    /// `START/END` of the seven days from `day`.
    static func from(_ day: Day, into text: inout DateTextWriter) -> Bool {
        let y = day.year ?? 2001
        guard (1...12).contains(day.month), (1...HolidayCalendar.daysIn(month: day.month, year: y)).contains(day.day) else {
            return false
        }
        let start = serial(y, day.month, day.day)
        return range(start, start + 6, yearless: day.year == nil, into: &text)
    }

    static func range(_ start: Int, _ end: Int, yearless: Bool, into text: inout DateTextWriter) -> Bool {
        var a = civil(start), b = civil(end)
        if yearless {
            // A yearless week may not cross a new year: its two ends would need two years.
            guard a.year == b.year else { return false }
            a.year = nil
            b.year = nil
        }
        a.write(into: &text)
        text.append(UInt8(ascii: "/"))
        b.write(into: &text)
        return true
    }

    /// 1 = Monday ... 7 = Sunday.
    static func isoWeekday(_ serial: Int) -> Int {
        // Serial 0 is 1970-01-01, a Thursday.
        ((serial % 7) + 7 + 3) % 7 + 1
    }

    /// Days since 1970-01-01 (H. Hinnant's `days_from_civil`).
    static func serial(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The calendar day of a serial (H. Hinnant's `civil_from_days`).
    static func civil(_ serial: Int) -> Day {
        let z = serial + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return Day(year: yoe + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }
}
