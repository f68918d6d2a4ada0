import Foundation
import GleanerCore
import Testing

/// Yearless dates take the year of the dateline, the JSON Lines `published` field, or the
/// nearest earlier dated mention, and say so in `inferred`.
@Suite struct YearInferenceTests {
    func dates(_ stdin: String) throws -> [JSONValue] {
        let out = GleanProcess.temporaryDirectory().appendingPathComponent("d")
        let result = try GleanProcess.run(["run", "-", "--out", out.path, "--kinds", "date"], stdin: stdin)
        #expect(result.status == 0, "\(result.stderr)")
        return try String(contentsOf: out.appendingPathComponent("mentions.jsonl"), encoding: .utf8)
            .split(separator: "\n").map { try JSONParser.parse(String($0)) }
    }

    func json(_ text: String, published: String? = nil) -> String {
        var record: [(String, JSONValue)] = [("id", .string("a")), ("text", .string(text))]
        if let published { record.append(("published", .string(published))) }
        return JSONWriter.string(.object(record)) + "\n"
    }

    @Test func datelineGivesTheYear() throws {
        let found = try dates(json("Updated: 12 March 2024\nTalks ran from March 3 to 7."))
        #expect(found.last?["value"] == .string("2024-03-03/2024-03-07"))
        #expect(found.last?["inferred"] == .array([.string("year")]))
    }

    @Test func publishedFieldGivesTheYear() throws {
        let found = try dates(json("Talks ran from March 3 to 7.", published: "2023-05-01"))
        #expect(found.map { $0["value"] } == [.string("2023-03-03/2023-03-07")])
        #expect(found.first?["inferred"] == .array([.string("year")]))
    }

    @Test func nearestEarlierDateGivesTheYearElseXXXX() throws {
        let found = try dates(json("The pact of 14 May 2019 was followed by talks on June 2."))
        #expect(found.map { $0["value"] } == [.string("2019-05-14"), .string("2019-06-02")])
        let alone = try dates(json("Talks were held on June 2."))
        #expect(alone.map { $0["value"] } == [.string("XXXX-06-02")])
        #expect(alone.first?["inferred"] == nil)
    }
}
