import Foundation
import GleanerCore
import Testing

/// The money plugin links an amount that restates another (`equivalentOf`, docs/dataset.md).
@Suite struct EquivalentAmountTests {
    func mentions(_ text: String) throws -> [JSONValue] {
        let input = JSONWriter.string(.object([("id", .string("d")), ("text", .string(text))])) + "\n"
        let result = try GleanProcess.run(["stream"], stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        return try result.stdout.split(separator: "\n").map { try JSONParser.parse(String($0)) }.filter { $0["kind"] != nil }
    }

    @Test func theReadmeExampleLinksTheRestatedAmountToTheFirst() throws {
        let found = try mentions("Japan will lend 50 billion JPY (about $460 million USD) for the metro.")
        let money = found.filter { $0["kind"]?.stringValue == "money" }
        #expect(money.map { $0["text"]?.stringValue } == ["50 billion JPY", "$460 million USD"])
        #expect(money[0]["equivalentOf"] == nil)
        #expect(money[1]["equivalentOf"]?.stringValue == money[0]["id"]?.stringValue)
        #expect(money[1]["equivalentOf"]?.stringValue == "d#16-30")
    }

    @Test func twoAmountsThatDoNotRestateEachOtherStayUnlinked() throws {
        let found = try mentions("Japan gave 50 billion JPY and India $460 million for the line.")
        #expect(found.filter { $0["kind"]?.stringValue == "money" }.count == 2)
        #expect(found.allSatisfy { $0["equivalentOf"] == nil })
    }
}
