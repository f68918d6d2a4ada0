/// Appends JSON to a byte buffer: strings escaped per RFC 8259, objects in their stored key
/// order, numbers exact. Used for every record the tool writes.
public enum JSONWriter {
    public static func string(_ value: JSONValue) -> String {
        var buffer: [UInt8] = []
        append(value, to: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    public static func append(_ value: JSONValue, to buffer: inout [UInt8]) {
        switch value {
        case .string(let text): append(string: text, to: &buffer)
        case .number(let number): append(number: number, to: &buffer)
        case .bool(let flag): append(raw: flag ? "true" : "false", to: &buffer)
        case .null: append(raw: "null", to: &buffer)
        case .array(let items):
            buffer.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { append(raw: ", ", to: &buffer) }
                append(item, to: &buffer)
            }
            buffer.append(UInt8(ascii: "]"))
        case .object(let pairs):
            buffer.append(UInt8(ascii: "{"))
            for index in pairs.indices {
                if index > 0 { append(raw: ", ", to: &buffer) }
                append(string: pairs[index].0, to: &buffer)
                append(raw: ": ", to: &buffer)
                append(pairs[index].1, to: &buffer)
            }
            buffer.append(UInt8(ascii: "}"))
        }
    }

    public static func append(string: String, to buffer: inout [UInt8]) {
        var string = string
        string.withUTF8 { append(escaping: $0, to: &buffer) }
    }

    /// A JSON string of UTF-8 bytes. Runs of bytes that need no escape (most text) are copied
    /// whole, found eight bytes at a time.
    public static func append(escaping bytes: UnsafeBufferPointer<UInt8>, to buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "\""))
        var runStart = 0
        var index = 0
        let count = bytes.count
        while index < count {
            if index + 8 <= count, let base = bytes.baseAddress {
                let special = needsEscape(UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)))
                if special == 0 {
                    index += 8
                    continue
                }
                index += special.trailingZeroBitCount / 8
            }
            let byte = bytes[index]
            if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
                index += 1
                continue
            }
            if runStart < index { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
            switch byte {
            case UInt8(ascii: "\""): append(raw: "\\\"", to: &buffer)
            case UInt8(ascii: "\\"): append(raw: "\\\\", to: &buffer)
            case 0x0A: append(raw: "\\n", to: &buffer)
            case 0x0D: append(raw: "\\r", to: &buffer)
            case 0x09: append(raw: "\\t", to: &buffer)
            default:
                append(raw: "\\u00", to: &buffer)
                buffer.append(hexDigit(byte >> 4))
                buffer.append(hexDigit(byte & 0xF))
            }
            index += 1
            runStart = index
        }
        if runStart < count { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count])) }
        buffer.append(UInt8(ascii: "\""))
    }

    /// The high bit of each byte of `word` that needs an escape: below 0x20, `"` or `\\`
    /// (exact per byte: no carry crosses bytes).
    @inline(__always)
    static func needsEscape(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080, lows = ones &* 0x7F
        func zeroBytes(_ value: UInt64) -> UInt64 { ~(((value & lows) &+ lows) | value) & highs }
        let control = ~((word & lows) &+ ones &* 0x60) & ~word & highs
        return control | zeroBytes(word ^ (ones &* 0x22)) | zeroBytes(word ^ (ones &* 0x5C))
    }

    /// Bytes that are JSON already (keys, punctuation).
    @inline(__always)
    public static func append(raw: StaticString, to buffer: inout [UInt8]) {
        buffer.append(contentsOf: UnsafeBufferPointer(start: raw.utf8Start, count: raw.utf8CodeUnitCount))
    }

    public static func append(int: Int, to buffer: inout [UInt8]) {
        if int < 0 {
            buffer.append(UInt8(ascii: "-"))
            append(digitsOf: int.magnitude, to: &buffer)
        } else {
            append(digitsOf: UInt(int), to: &buffer)
        }
    }

    /// `ExactNumber.description`'s text, without making a string when the significand fits a
    /// machine word. A number whose plain form would not read back (more digits than the
    /// parser's 128 bits: `1e400` from a JSON Lines record's metadata) or would be very long
    /// (`1e-400`) is written in exponent notation instead, which JSON allows.
    public static func append(number: ExactNumber, to buffer: inout [UInt8]) {
        // Fast path: at most 20 digits and 18 zeros, 38 digits, which always read back into 128 bits.
        guard let magnitude = UInt(exactly: number.significand.magnitude), number.exponent > -20, number.exponent < 19 else {
            let digits = String(number.significand.magnitude).utf8.count
            let plain = number.exponent >= 0 ? digits + number.exponent <= 38 : number.exponent >= -40
            buffer.append(contentsOf: (plain ? number.description : "\(number.significand)e\(number.exponent)").utf8)
            return
        }
        if number.significand < 0 { buffer.append(UInt8(ascii: "-")) }
        let start = buffer.count
        append(digitsOf: magnitude, to: &buffer)
        if number.exponent >= 0 {
            if magnitude != 0 { buffer.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: number.exponent)) }
            return
        }
        let digits = buffer.count - start
        let fraction = -number.exponent
        if digits > fraction {
            buffer.insert(UInt8(ascii: "."), at: buffer.count - fraction)
        } else {
            let zeros = [UInt8(ascii: "0"), UInt8(ascii: ".")] + repeatElement(UInt8(ascii: "0"), count: fraction - digits)
            buffer.insert(contentsOf: zeros, at: start)
        }
    }

    static func append(digitsOf value: UInt, to buffer: inout [UInt8]) {
        if value < 10 {
            buffer.append(UInt8(ascii: "0") &+ UInt8(value))
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var rest = value
            var position = 20
            while rest > 0 {
                position -= 1
                digits[position] = UInt8(ascii: "0") &+ UInt8(rest % 10)
                rest /= 10
            }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: digits[position..<20]))
        }
    }

    @inline(__always)
    static func hexDigit(_ nibble: UInt8) -> UInt8 { nibble < 10 ? 0x30 + nibble : 0x57 + nibble }
}
