import Testing
@testable import GleanerCore

@Suite struct PCRE2RegexTests {
    func matches(_ regex: PCRE2Regex, in text: String) throws -> [String] {
        var copy = text
        return try copy.withUTF8 { bytes in
            let scratch = PCRE2Scratch(maxCaptureCount: regex.captureCount)
            var found: [String] = []
            var offset = 0
            while offset <= bytes.count, try regex.firstMatch(in: bytes, from: offset, scratch: scratch) {
                let range = scratch.range(0)!
                found.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
                offset = max(range.upperBound, range.lowerBound + 1)
            }
            return found
        }
    }

    @Test func compilesWithJITAndIteratesMatchesInUTF8() throws {
        let regex = try PCRE2Regex(#"\b\d{4}\b"#)
        #expect(regex.isJIT)
        #expect(try matches(regex, in: "Tokyo — 2019, Delhi ₹ 2020 and 12345") == ["2019", "2020"])
    }

    @Test func reportsNamedGroupsAndTheirByteRanges() throws {
        let regex = try PCRE2Regex(#"(?<amount>\d+) (?<unit>crore|lakh)"#)
        #expect(regex.groupNumbers == ["amount": 1, "unit": 2])
        var text = "₹ 50 crore"
        try text.withUTF8 { bytes in
            let scratch = PCRE2Scratch(maxCaptureCount: 2)
            let found = try regex.firstMatch(in: bytes, from: 0, scratch: scratch)
            #expect(found)
            // `₹` is 3 bytes and a space: the amount starts at byte 4.
            #expect(scratch.range(1) == 4..<6)
            #expect(scratch.range(2) == 7..<12)
        }
    }

    @Test func compileErrorCarriesMessageAndOffset() {
        #expect(throws: PatternCompileError.self) { try PCRE2Regex("abc(def") }
        do {
            _ = try PCRE2Regex("ab[c")
            Issue.record("expected a compile error")
        } catch {
            #expect(error.message.contains("missing terminating ]"))
            #expect(error.offset == 4)
        }
    }

    @Test func classesStayASCIIWithoutUCP() throws {
        // No PCRE2_UCP: `\d` does not match Devanagari digits and `\w` not accented letters.
        let regex = try PCRE2Regex(#"\d+|\w+"#)
        #expect(try matches(regex, in: "२०१९ café") == ["caf"])
    }

    @Test func catastrophicBacktrackingHitsTheMatchLimitInsteadOfHanging() throws {
        let regex = try PCRE2Regex(#"^(\w+\s?)+$"#)
        var text = String(repeating: "a", count: 40) + "!"
        text.withUTF8 { bytes in
            let scratch = PCRE2Scratch(maxCaptureCount: regex.captureCount, limits: .init(matchLimit: 100_000))
            #expect(throws: PatternMatchError.self) { try regex.firstMatch(in: bytes, from: 0, scratch: scratch) }
        }
    }

    @Test func caselessAndAnchoredOptions() throws {
        let regex = try PCRE2Regex("yen", options: [.caseless, .anchored])
        #expect(try matches(regex, in: "YEN loan") == ["YEN"])
        #expect(try matches(regex, in: "a yen").isEmpty)
    }
}
