/// How much one input may cost (docs/robustness.md), so that no input can exhaust the machine:
/// a document larger than `maxDocumentBytes` (a file, a JSON Lines line, a gzip member's
/// inflated text) fails with a message instead of being read, and a gzip stream that inflates
/// more than `maxGzipRatio` times its compressed size (a "zip bomb") is cut off.
public struct InputLimits: Sendable, Equatable {
    /// Bytes of one document: a text or HTML file (inflated, for `.gz`) or one JSON Lines line.
    public var maxDocumentBytes: Int
    /// Inflated bytes per compressed byte, checked once `ratioFloor` bytes have been inflated.
    public var maxGzipRatio: Int

    public static let defaultMaxDocumentBytes = 256 << 20
    public static let defaultMaxGzipRatio = 100
    /// Small inputs may compress far better than text usually does (a file of one repeated
    /// line); below this size the ratio costs nothing worth guarding against.
    public static let ratioFloor = 16 << 20

    /// The largest document any limit allows: offsets inside a document are stored in 32 bits
    /// (`Candidate`, 64 bytes each instead of 112), so a document is at most 4 GB.
    public static let maxSupportedDocumentBytes = Int(UInt32.max)

    public init(maxDocumentBytes: Int = defaultMaxDocumentBytes, maxGzipRatio: Int = defaultMaxGzipRatio) {
        self.maxDocumentBytes = min(maxDocumentBytes, Self.maxSupportedDocumentBytes)
        self.maxGzipRatio = maxGzipRatio
    }

    /// A size in words: "256 MB", "1.5 GB", "900 bytes" (binary units, as the options take them).
    public static func describe(bytes: Int) -> String {
        let units: [(Int, String)] = [(1 << 30, "GB"), (1 << 20, "MB"), (1 << 10, "KB")]
        for (size, unit) in units where bytes >= size {
            let value = Double(bytes) / Double(size)
            return value == value.rounded() ? "\(Int(value)) \(unit)" : "\((value * 10).rounded() / 10) \(unit)"
        }
        return "\(bytes) bytes"
    }

    /// Parses a size option: a number of bytes with an optional K, M or G (powers of 1024).
    public static func parseSize(_ text: String) -> Int? {
        let upper = String(text.uppercased().filter { $0 != "B" })
        let multiplier: Int
        var digits = Substring(upper)
        switch upper.last {
        case "K": multiplier = 1 << 10
        case "M": multiplier = 1 << 20
        case "G": multiplier = 1 << 30
        default: multiplier = 1
        }
        if multiplier > 1 { digits = digits.dropLast() }
        guard let value = Int(digits), value > 0, value <= Int.max / multiplier else { return nil }
        return value * multiplier
    }
}
