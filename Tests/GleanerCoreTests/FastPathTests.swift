import Testing
@testable import GleanerCore

/// The byte-level fast paths give what the plain definitions give.
@Suite struct FastPathTests {
    @Test func codePointsAreUnicodeScalars() {
        for text in ["", "a", "é", "₹ — é 2019", String(repeating: "ab€😀", count: 300) + "x", String(repeating: "\u{301}", count: 70)] {
            #expect(CodePointCounter.count(text) == text.unicodeScalars.count)
        }
    }

    @Test func codePointsBetweenAnyTwoOffsetsAreTheBytesThatStartOne() {
        let bytes = Array((String(repeating: "ab€😀 é", count: 40) + "x" + String(repeating: "\u{301}", count: 90)).utf8)
        bytes.withUnsafeBufferPointer { buffer in
            for start in [0, 1, 5, 31, 33, 100] {
                for end in [start, start + 7, start + 32, start + 65, start + 300, bytes.count] where end <= bytes.count {
                    let expected = bytes[start..<end].filter { $0 & 0xC0 != 0x80 }.count
                    #expect(CodePointCounter.count(buffer, from: start, to: end) == expected, "\(start)..<\(end)")
                }
            }
        }
    }

    /// Plain decimals where they read back into 128 bits (every amount), exponent notation past
    /// that (`1e400` in metadata), so that a written number always parses again.
    @Test func numbersAreWrittenAsTheirDescriptionWhileTheyReadBack() throws {
        let significands: [Int128] = [0, 1, -1, 7, 10, 45, -4500, 123_456_789, Int128(Int64.max), Int128(UInt64.max) + 1, -Int128(UInt64.max) * 1000]
        for significand in significands {
            for exponent in [-25, -12, -3, -1, 0, 1, 2, 9, 30] {
                let number = ExactNumber(significand: significand, exponent: exponent)
                var bytes: [UInt8] = []
                JSONWriter.append(number: number, to: &bytes)
                let written = String(decoding: bytes, as: UTF8.self)
                let parsed = try JSONParser.parse(written)
                #expect(parsed == .number(number), "\(written)")
                if String(significand.magnitude).count + max(exponent, 0) <= 38 { #expect(written == number.description) }
            }
        }
    }

    @Test func escapingEqualsTheCharacterRules() {
        let text = "plain \"quoted\" back\\slash\n\r\t\u{1}\u{1F} é ₹ end"
        var bytes: [UInt8] = []
        JSONWriter.append(string: text, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == #""plain \"quoted\" back\\slash\n\r\t\u0001\u001f é ₹ end""#)
    }

    @Test func escapingEightBytesAtATimeFindsEveryByteThatNeedsOne() {
        func reference(_ bytes: [UInt8]) -> [UInt8] {
            var out: [UInt8] = [0x22]
            for byte in bytes {
                switch byte {
                case 0x22: out += Array("\\\"".utf8)
                case 0x5C: out += Array("\\\\".utf8)
                case 0x0A: out += Array("\\n".utf8)
                case 0x0D: out += Array("\\r".utf8)
                case 0x09: out += Array("\\t".utf8)
                case ..<0x20: out += Array("\\u00".utf8) + Array(String(byte, radix: 16).leftPadded(2).utf8)
                default: out.append(byte)
                }
            }
            return out + [0x22]
        }
        for byte in 0...255 {
            for position in [0, 3, 7, 8, 13, 22] {
                var bytes = Array(repeating: UInt8(ascii: "a"), count: 23)
                bytes[position] = UInt8(byte)
                bytes[(position + 9) % 23] = UInt8(255 - byte)
                var written: [UInt8] = []
                bytes.withUnsafeBufferPointer { JSONWriter.append(escaping: $0, to: &written) }
                #expect(written == reference(bytes), "byte \(byte) at \(position)")
            }
        }
    }

    @Test func disjointSpansFindTheNeighbourThatOverlaps() {
        var spans = DisjointSpans(possibleStarts: [0, 3, 5, 10, 12, 20])
        var kept: [(Range<Int>, Int)] = []
        for (owner, range) in [3..<5, 10..<12, 20..<30, 0..<4, 5..<10, 12..<21].enumerated() {
            let expected = kept.first { $0.0.lowerBound < range.lowerBound && $0.0.overlaps(range) }
                ?? kept.filter { $0.0.lowerBound >= range.lowerBound }.min { $0.0.lowerBound < $1.0.lowerBound }.flatMap { $0.0.overlaps(range) ? $0 : nil }
            #expect(spans.overlap(with: range)?.owner == expected?.1, "\(range)")
            if expected == nil {
                spans.insert(range, owner: owner)
                kept.append((range, owner))
            }
        }
        #expect(spans.ownersByStart == kept.sorted { $0.0.lowerBound < $1.0.lowerBound }.map(\.1))
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
