import Foundation
import GleanerCore
import Testing

/// What a mention record carries for analysts (docs/dataset.md): `dateStart`/`dateEnd` on
/// dates and the `sentence` every mention sits in.
@Suite struct AnswerFieldsTests {
    func mentions(_ text: String) throws -> [JSONValue] {
        let input = JSONWriter.string(.object([("id", .string("d")), ("text", .string(text))])) + "\n"
        let result = try GleanProcess.run(["stream"], stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        return try result.stdout.split(separator: "\n").map { try JSONParser.parse(String($0)) }.filter { $0["kind"] != nil }
    }

    func int(_ value: JSONValue?) -> Int? {
        guard case .number(let number)? = value else { return nil }
        return Int(number.description)
    }

    @Test func datesCarryTheirInclusiveDayBoundsAfterTheFixedKeys() throws {
        let found = try mentions("Talks ran September-October 2019, in FY2019 and the 1990s, on March 3 to 7.")
        let dates = found.filter { $0["kind"]?.stringValue == "date" }
        #expect(dates.map { $0["value"]?.stringValue } == ["2019-09/2019-10", "FY2019", "199X", "2019-03-03/2019-03-07"])
        #expect(dates.map { $0["dateStart"]?.stringValue } == ["2019-09-01", "2019-04-01", "1990-01-01", "2019-03-03"])
        #expect(dates.map { $0["dateEnd"]?.stringValue } == ["2019-10-31", "2020-03-31", "1999-12-31", "2019-03-07"])
        let keys = try #require(dates.first?.objectPairs?.map(\.0))
        #expect(keys == ["id", "doc", "kind", "start", "end", "byteStart", "byteEnd", "text", "value", "extractor", "rule",
                         "dateStart", "dateEnd", "sentence"])
    }

    @Test func aDateWithAnUnknownYearHasNoBounds() throws {
        let found = try mentions("Talks were held on March 3 to 7.")
        let date = try #require(found.first { $0["kind"]?.stringValue == "date" })
        #expect(date["value"]?.stringValue == "XXXX-03-03/XXXX-03-07")
        #expect(date["dateStart"] == nil && date["dateEnd"] == nil)
    }

    @Test func mentionsOfOneSentenceShareItsIndexAndSpan() throws {
        let text = "Intro line here.\n\nJapan pledged Rs. 500 crore for Make in India in 2019. The minister spoke!  Then on 4 May 2020 more."
        let found = try mentions(text)
        let scalars = Array(text.unicodeScalars)
        func sentence(_ m: JSONValue) -> (Int, String) {
            let s = m["sentence"]!
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[int(s["start"])!..<int(s["end"])!])
            return (int(s["index"])!, String(view))
        }
        let byText = Dictionary(found.map { ($0["text"]!.stringValue!, sentence($0)) }, uniquingKeysWith: { a, _ in a })
        let first = (1, "Japan pledged Rs. 500 crore for Make in India in 2019.")
        #expect(byText["Rs. 500 crore"]! == first)
        #expect(byText["Make in India"]! == first)
        #expect(byText["2019"]! == first)
        #expect(byText["4 May 2020"]! == (3, "Then on 4 May 2020 more."))
        // Byte offsets of the same span.
        let money = try #require(found.first { $0["kind"]?.stringValue == "money" })
        let bytes = Array(text.utf8)
        let s = try #require(money["sentence"])
        #expect(String(decoding: bytes[int(s["byteStart"])!..<int(s["byteEnd"])!], as: UTF8.self) == first.1)
    }

    @Test func contextIsTheSentenceText() throws {
        let folder = GleanProcess.temporaryDirectory()
        let source = folder.appendingPathComponent("d.jsonl")
        try #"{"id": "d", "text": "First. Japan lent Rs. 500 crore in 2019. Last."}"#.appending("\n").write(to: source, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("dataset")
        let run = try GleanProcess.run(["run", source.path, "--out", out.path, "--context", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = try String(contentsOf: out.appendingPathComponent("mentions.jsonl"), encoding: .utf8).split(separator: "\n")
            .map { try JSONParser.parse(String($0)) }
        // `Japan` (party), `Rs. 500 crore`, `2019`: one sentence, a sentence end inside the amount.
        #expect(lines.map { $0["context"]?.stringValue } == Array(repeating: "Japan lent Rs. 500 crore in 2019.", count: 3))
        let validate = try GleanProcess.run(["validate", out.path])
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
    }
}
