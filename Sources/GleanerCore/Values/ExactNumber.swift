/// An exact decimal number, `significand × 10^exponent`, for money amounts: `118.4 billion`
/// is exactly 118400000000 and `4.7` stays 4.7, with none of Double's rounding.
public struct ExactNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    public private(set) var significand: Int128
    public private(set) var exponent: Int

    public init(_ value: Int) { self.init(significand: Int128(value), exponent: 0) }

    public init(significand: Int128, exponent: Int) {
        self.significand = significand
        self.exponent = exponent
        normalize()
    }

    /// Parses plain decimal digits with an optional fraction (`"1500"`, `"3.25"`, `".5"`);
    /// grouping separators must already be removed. Nil for anything else or an overflow.
    public init?<Bytes: Collection>(digits: Bytes) where Bytes.Element == UInt8 {
        var significand: Int128 = 0
        var exponent = 0
        var seenPoint = false
        var seenDigit = false
        for byte in digits {
            if byte == UInt8(ascii: ".") {
                if seenPoint { return nil }
                seenPoint = true
            } else if byte >= 48 && byte <= 57 {
                let (times, overflow1) = significand.multipliedReportingOverflow(by: 10)
                let (plus, overflow2) = times.addingReportingOverflow(Int128(byte - 48))
                if overflow1 || overflow2 { return nil }
                significand = plus
                seenDigit = true
                if seenPoint { exponent -= 1 }
            } else {
                return nil
            }
        }
        guard seenDigit else { return nil }
        self.init(significand: significand, exponent: exponent)
    }

    private mutating func normalize() {
        if significand == 0 { exponent = 0; return }
        // 64-bit division where the significand fits: Int128 division is a library call.
        if let small = Int64(exactly: significand) {
            var value = small
            while value % 10 == 0 { value /= 10; exponent += 1 }
            significand = Int128(value)
            return
        }
        while significand % 10 == 0 { significand /= 10; exponent += 1 }
    }

    public func multiplied(byPowerOfTen power: Int) -> ExactNumber {
        ExactNumber(significand: significand, exponent: exponent + power)
    }

    public func multiplied(by other: ExactNumber) -> ExactNumber? {
        let (product, overflow) = significand.multipliedReportingOverflow(by: other.significand)
        return overflow ? nil : ExactNumber(significand: product, exponent: exponent + other.exponent)
    }

    public func adding(_ other: ExactNumber) -> ExactNumber? {
        let exp = min(exponent, other.exponent)
        guard let a = Self.scale(significand, by: exponent - exp),
              let b = Self.scale(other.significand, by: other.exponent - exp) else { return nil }
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? nil : ExactNumber(significand: sum, exponent: exp)
    }

    private static func scale(_ value: Int128, by power: Int) -> Int128? {
        var result = value
        for _ in 0..<power {
            let (next, overflow) = result.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            result = next
        }
        return result
    }

    public var isZero: Bool { significand == 0 }

    /// JSON text: an integer where the value is integral (`460000000`), else a plain decimal
    /// (`4.7`), never exponent notation.
    public var description: String {
        let sign = significand < 0 ? "-" : ""
        let digits = String(significand.magnitude)
        if exponent >= 0 {
            return significand == 0 ? "0" : sign + digits + String(repeating: "0", count: exponent)
        }
        let fraction = -exponent
        if digits.count > fraction {
            let split = digits.index(digits.endIndex, offsetBy: -fraction)
            return sign + digits[..<split] + "." + digits[split...]
        }
        return sign + "0." + String(repeating: "0", count: fraction - digits.count) + digits
    }

    public static func < (lhs: ExactNumber, rhs: ExactNumber) -> Bool {
        let exp = min(lhs.exponent, rhs.exponent)
        guard let a = scale(lhs.significand, by: lhs.exponent - exp),
              let b = scale(rhs.significand, by: rhs.exponent - exp) else {
            return Double(lhs.description)! < Double(rhs.description)!
        }
        return a < b
    }
}
