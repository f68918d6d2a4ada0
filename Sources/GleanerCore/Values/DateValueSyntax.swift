/// The date values ANNOTATION.md allows: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `FYYYYY`, decades
/// `YYYX`, quarters `YYYY-Qn`, halves `YYYY-Hn`, seasons `YYYY-SU`, yearless `XXXX-MM(-DD)`,
/// and intervals `START/END` of two of them.
public enum DateValueSyntax {
    public static func isValid(_ value: String) -> Bool {
        let parts = value.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2 else { return false }
        return parts.allSatisfy { isSingle(Array($0.utf8)) }
    }

    static func isSingle(_ s: [UInt8]) -> Bool {
        func digits(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= s.count else { return nil }
            var value = 0
            for i in range { guard s[i] >= 48 && s[i] <= 57 else { return nil }; value = value * 10 + Int(s[i] - 48) }
            return value
        }
        let yearless = s.count >= 4 && s[0..<4].elementsEqual("XXXX".utf8)
        let hasYear = digits(0..<4) != nil || yearless
        if s.count == 6, s[0] == UInt8(ascii: "F"), s[1] == UInt8(ascii: "Y") { return digits(2..<6) != nil }
        if s.count == 4, digits(0..<3) != nil, s[3] == UInt8(ascii: "X") { return true }
        guard hasYear else { return false }
        if s.count == 4 { return !yearless }
        guard s.count >= 7, s[4] == UInt8(ascii: "-") else { return false }
        if s.count == 7 {
            if s[5] == UInt8(ascii: "Q") { return (49...52).contains(s[6]) && !yearless }
            if s[5] == UInt8(ascii: "H") { return (49...50).contains(s[6]) && !yearless }
            if let month = digits(5..<7) { return (1...12).contains(month) }
            let season = String(decoding: s[5..<7], as: UTF8.self)
            return ["SP", "SU", "FA", "WI"].contains(season) && !yearless
        }
        guard s.count == 10, s[7] == UInt8(ascii: "-"), let month = digits(5..<7), let day = digits(8..<10),
              (1...12).contains(month) else { return false }
        let days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard (1...days).contains(day) else { return false }
        if month == 2, day == 29, let year = digits(0..<4) {
            return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        }
        return true
    }
}
