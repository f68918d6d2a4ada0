import Testing
@testable import GleanerCore

@Suite struct LargeLexiconTests {
    @Test func aLexiconTooLargeForOnePatternIsSplitAndStillMatchesEveryEntry() throws {
        // 6,000 names make an alternation far past PCRE2's pattern size limit.
        let names = (0..<6000).map { "Project Number \($0) Alpha" }
        let plugin = try TestPlugins.load("""
            id: big
            version: "1"
            kind: program
            normalizer: name
            params:
              lexicon: names
            lexicons:
              names: names.tsv
            rules:
              - id: known
                pattern: '\\b{@names}\\b'
            """, files: ["names.tsv": "name\n" + names.joined(separator: "\n") + "\n"])
        #expect(plugin.rules[0].expandedPatterns.count > 1)
        let result = TestPlugins.extract("Both Project Number 17 Alpha and Project Number 5999 Alpha began.", plugins: [plugin])
        #expect(result.mentions.map(\.text) == ["Project Number 17 Alpha", "Project Number 5999 Alpha"])
    }

    @Test func shortFormTakesTheEarlierFullName() throws {
        let plugin = try TestPlugins.load("""
            id: dialogues
            version: "1"
            kind: program
            normalizer: name
            linkShortForms: true
            rules:
              - id: dialogue
                pattern: '(?!The )(?<name>(?:[A-Z][a-z]+[- ])+Dialogue)'
            """)
        let result = TestPlugins.extract("The India-Japan Defence Policy Dialogue met; the Defence Policy Dialogue agreed.", plugins: [plugin])
        #expect(result.mentions.map(\.text) == ["India-Japan Defence Policy Dialogue", "Defence Policy Dialogue"])
        #expect(result.mentions[1].value == .object([("name", .string("India-Japan Defence Policy Dialogue"))]))
    }
}
