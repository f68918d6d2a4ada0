/// The date values ANNOTATION.md allows: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `FYYYYY`, decades
/// `YYYX`, quarters `YYYY-Qn`, halves `YYYY-Hn`, seasons `YYYY-SU`, yearless `XXXX-MM(-DD)`,
/// and intervals `START/END` of two of them.
public enum DateValueSyntax {
    public static func isValid(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { isValid(utf8: $0) }
    }

    /// `isValid` on the value's UTF-8 bytes.
    public static func isValid(utf8 value: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let slash = value.firstIndex(of: UInt8(ascii: "/")) else { return isSingle(value) }
        let end = UnsafeBufferPointer(rebasing: value[(slash + 1)...])
        guard !end.contains(UInt8(ascii: "/")) else { return false }
        return isSingle(UnsafeBufferPointer(rebasing: value[..<slash])) && isSingle(end)
    }

    static func isSingle(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        func digits(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= s.count else { return nil }
            var value = 0
            for i in range { guard s[i] >= 48 && s[i] <= 57 else { return nil }; value = value * 10 + Int(s[i] - 48) }
            return value
        }
        let X = UInt8(ascii: "X")
        let yearless = s.count >= 4 && s[0] == X && s[1] == X && s[2] == X && s[3] == X
        let hasYear = digits(0..<4) != nil || yearless
        if s.count == 6, s[0] == UInt8(ascii: "F"), s[1] == UInt8(ascii: "Y") { return digits(2..<6) != nil }
        if s.count == 4, digits(0..<3) != nil, s[3] == X { return true }
        guard hasYear else { return false }
        if s.count == 4 { return !yearless }
        guard s.count >= 7, s[4] == UInt8(ascii: "-") else { return false }
        if s.count == 7 {
            if s[5] == UInt8(ascii: "Q") { return (49...52).contains(s[6]) && !yearless }
            if s[5] == UInt8(ascii: "H") { return (49...50).contains(s[6]) && !yearless }
            if let month = digits(5..<7) { return (1...12).contains(month) }
            let isSeason = switch (s[5], s[6]) {
            case (UInt8(ascii: "S"), UInt8(ascii: "P")), (UInt8(ascii: "S"), UInt8(ascii: "U")),
                 (UInt8(ascii: "F"), UInt8(ascii: "A")), (UInt8(ascii: "W"), UInt8(ascii: "I")): true
            default: false
            }
            return isSeason && !yearless
        }
        guard s.count == 10, s[7] == UInt8(ascii: "-"), let month = digits(5..<7), let day = digits(8..<10),
              (1...12).contains(month) else { return false }
        let days = monthLengths[month - 1]
        guard (1...days).contains(day) else { return false }
        if month == 2, day == 29, let year = digits(0..<4) {
            return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        }
        return true
    }

    private static let monthLengths = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
}
