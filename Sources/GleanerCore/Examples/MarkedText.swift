/// Example text with expected mentions marked `⟦…⟧`: the plain text and the marked spans in
/// code points of the plain text.
public struct MarkedText: Sendable {
    public static let open: Unicode.Scalar = "\u{27E6}"
    public static let close: Unicode.Scalar = "\u{27E7}"

    public let text: String
    public let spans: [Range<Int>]

    public init?(_ marked: String) {
        var plain = String.UnicodeScalarView()
        var spans: [Range<Int>] = []
        var openAt: Int?
        var count = 0
        for scalar in marked.unicodeScalars {
            if scalar == Self.open {
                guard openAt == nil else { return nil }
                openAt = count
            } else if scalar == Self.close {
                guard let start = openAt, start < count else { return nil }
                spans.append(start..<count)
                openAt = nil
            } else {
                plain.append(scalar)
                count += 1
            }
        }
        guard openAt == nil else { return nil }
        text = String(plain)
        self.spans = spans
    }

    /// The text with `spans` marked, for messages.
    public static func mark(_ text: String, _ spans: [Range<Int>]) -> String {
        var output = String.UnicodeScalarView()
        for (index, scalar) in text.unicodeScalars.enumerated() {
            for span in spans where span.lowerBound == index { output.append(open) }
            for span in spans where span.upperBound == index { output.append(close) }
            output.append(scalar)
        }
        for span in spans where span.upperBound == text.unicodeScalars.count { output.append(close) }
        return String(output)
    }
}
