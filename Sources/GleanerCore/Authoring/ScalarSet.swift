/// A set of Unicode scalars, as much of it as `PatternRiskChecker` needs: exact for ASCII
/// (a 128-bit mask), ranges above it. Only union, complement and "do they share a scalar?".
struct ScalarSet: Sendable, Equatable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0
    /// Sorted, disjoint, non-adjacent ranges of scalars ≥ 0x80.
    private var ranges: [ClosedRange<UInt32>] = []

    static let empty = ScalarSet()
    static let all = ScalarSet.empty.inverted

    static func scalars(_ range: ClosedRange<UInt32>, caseless: Bool = false) -> ScalarSet {
        var set = ScalarSet()
        set.insert(range, caseless: caseless)
        return set
    }

    static func ascii(_ characters: String) -> ScalarSet {
        var set = ScalarSet()
        for scalar in characters.unicodeScalars { set.insert(scalar.value...scalar.value) }
        return set
    }

    static let digits = ascii("0123456789")
    static let word = digits.union(.scalars(0x41...0x5A)).union(.scalars(0x61...0x7A)).union(.ascii("_"))
    static let space = ascii(" \t\n\r\u{0B}\u{0C}")
    static let horizontalSpace = ascii(" \t").union(.scalars(0xA0...0xA0)).union(.scalars(0x2000...0x200A))
    static let verticalSpace = ascii("\n\r\u{0B}\u{0C}").union(.scalars(0x85...0x85)).union(.scalars(0x2028...0x2029))

    /// Whether the ASCII character `value` (< 0x80) is in the set.
    func contains(ascii value: UInt8) -> Bool {
        value < 64 ? low & (1 << UInt64(value)) != 0 : value < 128 && high & (1 << UInt64(value - 64)) != 0
    }

    /// Whether the scalar `value` (≥ 0x80) is in the set.
    func contains(scalar value: UInt32) -> Bool {
        value < 0x80 ? contains(ascii: UInt8(value)) : ranges.contains { $0.contains(value) }
    }

    /// One character, or one letter in both cases: a literal for a literal matcher.
    var isLiteral: Bool {
        let ascii = low.nonzeroBitCount + high.nonzeroBitCount
        let others = ranges.reduce(0) { $0 + Int($1.upperBound - $1.lowerBound) + 1 }
        switch ascii + others {
        case 1: return true
        case 2 where others == 0:
            // Two ASCII characters: a case pair differs in bit 0x20 only.
            let members = (0..<128).filter { contains(ascii: UInt8($0)) }
            return members[1] - members[0] == 0x20 && (0x41...0x5A).contains(members[0])
        case 2 where ascii == 0: return true
        default: return false
        }
    }

    /// A currency sign or other character outside ASCII: rare enough in running text that a
    /// prefilter may look for it alone.
    var isRareInText: Bool { self == .ascii("$") || (low == 0 && high == 0 && !ranges.isEmpty) }

    /// A pattern for a literal set (`isLiteral`): `a`, `[Aa]`, `\x{2019}`, `[\x{E9}\x{C9}]`.
    var literalPattern: String {
        var members: [UInt32] = []
        for bit in 0..<64 where low & (1 << UInt64(bit)) != 0 { members.append(UInt32(bit)) }
        for bit in 0..<64 where high & (1 << UInt64(bit)) != 0 { members.append(UInt32(bit + 64)) }
        for range in ranges { members += Array(range) }
        func escaped(_ value: UInt32) -> String {
            let isAlphanumeric = (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
            return isAlphanumeric ? String(UnicodeScalar(UInt8(value))) : "\\x{\(String(value, radix: 16, uppercase: true))}"
        }
        return members.count == 1 ? escaped(members[0]) : "[" + members.map(escaped).joined() + "]"
    }

    var isEmpty: Bool { low == 0 && high == 0 && ranges.isEmpty }

    mutating func insert(_ range: ClosedRange<UInt32>, caseless: Bool = false) {
        if range.lowerBound <= 0x7F {
            for value in range.lowerBound...min(range.upperBound, 0x7F) {
                setASCII(value)
                if caseless, let other = Self.otherCase(value) { setASCII(other) }
            }
        }
        guard range.upperBound >= 0x80 else { return }
        ranges.append(max(range.lowerBound, 0x80)...range.upperBound)
        // PCRE2 in UTF mode folds case beyond ASCII too (`é` and `É`, KELVIN SIGN and `k`).
        if caseless, range.upperBound - max(range.lowerBound, 0x80) < 1024 {
            for value in max(range.lowerBound, 0x80)...range.upperBound {
                guard let scalar = Unicode.Scalar(value) else { continue }
                for mapping in [scalar.properties.lowercaseMapping, scalar.properties.uppercaseMapping]
                where mapping.unicodeScalars.count == 1 {
                    let other = mapping.unicodeScalars.first!.value
                    if other < 0x80 { setASCII(other) } else if other != value { ranges.append(other...other) }
                }
            }
        }
        normalize()
    }

    func union(_ other: ScalarSet) -> ScalarSet {
        var result = ScalarSet(low: low | other.low, high: high | other.high, ranges: ranges + other.ranges)
        result.normalize()
        return result
    }

    func intersects(_ other: ScalarSet) -> Bool {
        if low & other.low != 0 || high & other.high != 0 { return true }
        var i = 0, j = 0
        while i < ranges.count, j < other.ranges.count {
            if ranges[i].overlaps(other.ranges[j]) { return true }
            if ranges[i].upperBound < other.ranges[j].upperBound { i += 1 } else { j += 1 }
        }
        return false
    }

    var inverted: ScalarSet {
        var gaps: [ClosedRange<UInt32>] = []
        var next: UInt32 = 0x80
        for range in ranges {
            if range.lowerBound > next { gaps.append(next...(range.lowerBound - 1)) }
            next = range.upperBound &+ 1
        }
        if next <= 0x10FFFF, next >= 0x80 { gaps.append(next...0x10FFFF) }
        return ScalarSet(low: ~low, high: ~high, ranges: gaps)
    }

    private mutating func setASCII(_ value: UInt32) {
        if value < 64 { low |= 1 << UInt64(value) } else { high |= 1 << UInt64(value - 64) }
    }

    private static func otherCase(_ value: UInt32) -> UInt32? {
        switch value {
        case 0x41...0x5A: value + 0x20
        case 0x61...0x7A: value - 0x20
        default: nil
        }
    }

    private mutating func normalize() {
        guard ranges.count > 1 else { return }
        ranges.sort { $0.lowerBound < $1.lowerBound }
        var merged: [ClosedRange<UInt32>] = [ranges[0]]
        for range in ranges.dropFirst() {
            let last = merged[merged.count - 1]
            if range.lowerBound <= last.upperBound &+ 1 {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        ranges = merged
    }
}
