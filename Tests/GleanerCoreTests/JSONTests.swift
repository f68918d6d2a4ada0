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
}
