import Testing
@testable import GleanerCore

@Suite struct JSONTests {
    @Test func parsesKeepingKeyOrderAndWritesItBack() throws {
        let text = #"{"id": "a/b", "published": "2024-03-12", "n": 1.50, "list": [true, null, "x\"y\n"], "u": "\u20b9"}"#
        let value = try JSONParser.parse(text)
        #expect(value.objectPairs?.map(\.0) == ["id", "published", "n", "list", "u"])
        #expect(JSONWriter.string(value) == #"{"id": "a/b", "published": "2024-03-12", "n": 1.5, "list": [true, null, "x\"y\n"], "u": "₹"}"#)
    }

    @Test func reportsTheOffsetOfAnError() {
        do {
            _ = try JSONParser.parse(#"{"id": "x", "text": }"#)
            Issue.record("expected an error")
        } catch {
            #expect(error.offset == 20)
        }
    }

    @Test func escapesControlCharacters() {
        #expect(JSONWriter.string(.string("a\u{1}b\tc")) == #""a\u0001b\tc""#)
    }

    @Test func hugeExponentsAreWrittenSoThatTheyReadBack() throws {
        for text in ["1e400", "-25e300", "3e-400", "12345678901234567890123456789e20"] {
            let value = try JSONParser.parse(text)
            let written = JSONWriter.string(value)
            #expect(written.utf8.count < 60, "\(written)")
            #expect(try JSONParser.parse(written) == value, "\(text) -> \(written)")
        }
        // Plain where it reads back: amounts stay without exponent notation.
        #expect(JSONWriter.string(try JSONParser.parse("1.5e30")) == "1500000000000000000000000000000")
        #expect(JSONWriter.string(try JSONParser.parse("4.7")) == "4.7")
    }

    @Test func anExponentPastTheLimitIsAnErrorNotATrap() {
        for text in ["1e99999999999999999999999", "[1e10001]", "-2E+123456789"] {
            #expect(throws: JSONParser.ParseError.self) { try JSONParser.parse(text) }
        }
    }
}
