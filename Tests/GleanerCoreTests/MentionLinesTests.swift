import Testing
@testable import GleanerCore

/// A document's mention lines written together (the repeated parts escaped once) are the
/// lines written one by one.
@Suite struct MentionLinesTests {
    func mention(_ doc: String, _ kind: String, _ text: String, start: Int) -> Mention {
        Mention(doc: doc, kind: kind, start: start, end: start + 4, byteStart: start + 1, byteEnd: start + 6, text: text,
                value: .object([("name", .string(text))]), extractor: "x@1", rule: "r\"1", inferred: start % 2 == 0 ? ["year"] : [],
                equivalentOf: start % 3 == 0 ? "\(doc)#0-4" : nil, context: start % 5 == 0 ? "a \"sentence\"" : nil)
    }

    @Test func linesTogetherEqualLinesOneByOne() {
        // Ids and kinds that change, need escapes, are empty, or are equal as strings but not as bytes.
        let mentions = [
            mention("", "date", "2019", start: 0), mention("", "money", "$5", start: 1),
            mention("doc \"1\"\\", "date", "2020", start: 2), mention("doc \"1\"\\", "program", "Quad", start: 3),
            mention("doc \"1\"\\", "date", "2021", start: 4), mention("doc \"1\"\\", "program", "AHWIN\n", start: 5),
            mention("caf\u{E9}", "pro\u{E9}", "a", start: 6), mention("cafe\u{301}", "pro\u{E9}", "b", start: 7),
            mention("cafe\u{301}", "proe\u{301}", "c", start: 8), mention("caf\u{E9}", "pro\u{E9}", "d", start: 9),
        ]
        var together: [UInt8] = []
        RecordEncoder.append(mentions, to: &together)
        var oneByOne: [UInt8] = []
        for mention in mentions { RecordEncoder.append(mention, to: &oneByOne) }
        #expect(together == oneByOne)
        #expect(String(decoding: oneByOne, as: UTF8.self).hasPrefix(
            ##"{"id": "#0-4", "doc": "", "kind": "date", "start": 0, "end": 4, "byteStart": 1, "byteEnd": 6, "text": "2019", "value": {"name": "2019"}, "extractor": "x@1", "rule": "r\"1", "inferred": ["year"], "equivalentOf": "#0-4", "context": "a \"sentence\""}"## + "\n"))
    }
}
