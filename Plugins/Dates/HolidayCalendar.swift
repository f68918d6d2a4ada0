/// The day of a holiday in a given year, from the rule its lexicon row gives: `MM-DD`,
/// `easter±N`, or `MM/n/Wkd[+N]` (the n-th, or last `L`, weekday of a month, plus N days).
enum HolidayCalendar {
    static let weekdays = ["Sun": 0, "Mon": 1, "Tue": 2, "Wed": 3, "Thu": 4, "Fri": 5, "Sat": 6]

    /// `(month, day)` of the holiday in `year`, or nil for a rule this does not understand.
    static func day(rule: String, year: Int) -> (Int, Int)? {
        if rule.hasPrefix("easter") {
            guard let offset = Int(rule.dropFirst(6).replacingPlus()) else { return nil }
            let (month, day) = easter(year)
            return shift(year: year, month: month, day: day, by: offset)
        }
        let slash = rule.split(separator: "/").map(String.init)
        if slash.count == 3, let month = Int(slash[0]) {
            let parts = slash[2].split(separator: "+").map(String.init)
            guard let weekday = weekdays[parts[0]] else { return nil }
            let offset = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
            let firstWeekday = dayOfWeek(year: year, month: month, day: 1)
            let first = 1 + (weekday - firstWeekday + 7) % 7
            var day: Int
            if slash[1] == "L" {
                day = first
                while day + 7 <= daysIn(month: month, year: year) { day += 7 }
            } else {
                guard let n = Int(slash[1]), (1...5).contains(n) else { return nil }
                day = first + 7 * (n - 1)
            }
            return shift(year: year, month: month, day: day, by: offset)
        }
        let dash = rule.split(separator: "-").compactMap { Int($0) }
        return dash.count == 2 ? (dash[0], dash[1]) : nil
    }

    /// Western Easter Sunday (the anonymous Gregorian algorithm).
    static func easter(_ year: Int) -> (Int, Int) {
        let a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4
        let f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1
        return (month, day)
    }

    /// 0 = Sunday (Sakamoto's method).
    static func dayOfWeek(year: Int, month: Int, day: Int) -> Int {
        let t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let y = month < 3 ? year - 1 : year
        return (y + y / 4 - y / 100 + y / 400 + t[month - 1] + day) % 7
    }

    static func daysIn(month: Int, year: Int) -> Int {
        if month == 2 { return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28 }
        return [4, 6, 9, 11].contains(month) ? 30 : 31
    }

    /// Moves a day by a few days, across month ends within the year.
    static func shift(year: Int, month: Int, day: Int, by offset: Int) -> (Int, Int)? {
        var (m, d) = (month, day + offset)
        while d < 1 { m -= 1; guard m >= 1 else { return nil }; d += daysIn(month: m, year: year) }
        while d > daysIn(month: m, year: year) { d -= daysIn(month: m, year: year); m += 1; guard m <= 12 else { return nil } }
        return (m, d)
    }
}

private extension Substring {
    func replacingPlus() -> Substring { first == "+" ? dropFirst() : self }
}
