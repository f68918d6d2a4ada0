import Testing
@testable import GleanerCore

@Suite struct AmountLinkerTests {
    @Test func amountInParenthesesRestatesThePreviousOne() throws {
        let result = TestPlugins.extract("A loan of ¥50 billion (about $460 million) was signed.",
                                         plugins: [try TestPlugins.load(TestPlugins.amounts)])
        #expect(result.mentions.map(\.text) == ["¥50 billion", "$460 million"])
        #expect(result.mentions[0].equivalentOf == nil)
        #expect(result.mentions[1].equivalentOf == result.mentions[0].id)
    }

    @Test func amountsJoinedByOrdinaryWordsAreNotLinked() throws {
        let result = TestPlugins.extract("Japan gave ¥50 billion and India gave $460 million (in 2019).",
                                         plugins: [try TestPlugins.load(TestPlugins.amounts)])
        #expect(result.mentions.count == 2)
        #expect(result.mentions.allSatisfy { $0.equivalentOf == nil })
    }
}
