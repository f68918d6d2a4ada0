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

    @Test func wireDatelineYearBeatsANearerEarlierYear() throws {
        let wire = try dates(json("NAIROBI, March 12, 2024 (Reuters) — Kenya revived the 2019 accord; talks resume on June 2."))
        #expect(wire.map { $0["value"] } == [.string("2024-03-12"), .string("2019"), .string("2024-06-02")])
        #expect(wire.last?["inferred"] == .array([.string("year")]))
        let release = try dates(json("Press release\nNew Delhi, 27 March 2025\nThe 2019 pact was renewed and ministers meet in June."))
        #expect(release.map { $0["value"] } == [.string("2025-03-27"), .string("2019"), .string("2025-06")])
    }

    @Test func anIssueDateAtTheHeadIsTheDateline() throws {
        let brief = try dates(json("DEFENCE BRIEF — Issue 34, September 2024\n\nThe 1979 treaty was cited; drills ran on May 23-24."))
        #expect(brief.last?["value"] == .string("2024-05-23/2024-05-24"))
        let late = try dates(json(String(repeating: "Filler text without dates. ", count: 30) + "\nIssue of September 2024\nThe 1979 treaty; drills on May 23."))
        #expect(late.last?["value"] == .string("1979-05-23"))
    }

    @Test func aTimelineEntryOrASentenceIsNoDateline() throws {
        let timeline = try dates(json("12 March 2024 — Talks opened.\nThe 2019 pact was cited on June 2."))
        #expect(timeline.last?["value"] == .string("2019-06-02"))
        let sentence = try dates(json("Talks opened in Nairobi, 12 March 2024 — after the 2019 pact.\nThey resume on June 2."))
        #expect(sentence.last?["value"] == .string("2019-06-02"))
    }

    @Test func nearestEarlierDateGivesTheYearElseXXXX() throws {
        let found = try dates(json("The pact of 14 May 2019 was followed by talks on June 2."))
        #expect(found.map { $0["value"] } == [.string("2019-05-14"), .string("2019-06-02")])
        let alone = try dates(json("Talks were held on June 2."))
        #expect(alone.map { $0["value"] } == [.string("XXXX-06-02")])
        #expect(alone.first?["inferred"] == nil)
    }
}
