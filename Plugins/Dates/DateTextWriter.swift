import GleanerCore

/// Writes a date value (`2019-03-21/2019-04-01`) as ASCII bytes into a caller's buffer, so a
/// normalization makes one String at the end instead of one per piece. A value that does
/// not fit is not a valid date value anyway (`DateValueSyntax`): writing past the end only
/// marks the text as overflowed.
struct DateTextWriter {
    /// Longer than any valid value (two 10-byte days and a slash).
    static let capacity = 64

    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0
    private(set) var overflowed = false

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }

    var written: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: buffer[..<count]) }

    /// The bytes written from `start` on.
    func written(from start: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: buffer[start..<count]) }

    mutating func append(_ byte: UInt8) {
        guard count < buffer.count else { overflowed = true; return }
        buffer[count] = byte
        count += 1
    }

    mutating func append(_ text: String) {
        for byte in text.utf8 { append(byte) }
    }

    /// `value` in decimal, as `String(value)` writes it.
    mutating func append(decimal value: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        var digits = 1
        var rest = value.magnitude / 10
        while rest > 0 { digits += 1; rest /= 10 }
        guard count + digits <= buffer.count else { overflowed = true; return }
        var remaining = value.magnitude
        for position in stride(from: count + digits - 1, through: count, by: -1) {
            buffer[position] = UInt8(ascii: "0") + UInt8(remaining % 10)
            remaining /= 10
        }
        count += digits
    }

    mutating func append(_ year: DateSide.YearText) {
        switch year {
        case .year(let value): append(decimal: value)
        case .unknown: append("XXXX")
        case .none: break
        }
    }

    /// `value` with a leading zero below 10 (`03`, `12`).
    mutating func append(twoDigits value: Int) {
        if value < 10 { append(UInt8(ascii: "0")) }
        append(decimal: value)
    }

    /// The text written, if it is a valid date value (DateValueSyntax).
    func validValue() -> String? {
        guard !overflowed, DateValueSyntax.isValid(utf8: written) else { return nil }
        return String(decoding: written, as: UTF8.self)
    }
}
