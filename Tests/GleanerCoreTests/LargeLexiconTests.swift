import Testing
@testable import GleanerCore

@Suite struct LargeLexiconTests {
    /// A plugin whose one rule is the whole-word lexicon of `names`.
    static func plugin(_ names: [String]) throws -> Plugin {
        try TestPlugins.load("""
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
    }

    @Test func aLexiconTooLargeForOnePatternIsSplitAndStillMatchesEveryEntry() throws {
        // 6,000 names make an alternation far past PCRE2's pattern size limit.
        let names = (0..<6000).map { "Project Number \($0) Alpha" }
        let plugin = try Self.plugin(names)
        #expect(plugin.rules[0].expandedPatterns.count > 1)
        let result = TestPlugins.extract("Both Project Number 17 Alpha and Project Number 5999 Alpha began.", plugins: [plugin])
        #expect(result.mentions.map(\.text) == ["Project Number 17 Alpha", "Project Number 5999 Alpha"])
    }

    @Test func eachPatternOfASplitRuleIsPrefilteredForItsOwnPartOfTheLexicon() throws {
        // Alphabetic tails, so that a part's entries share no literal with another part's.
        let tails = (0..<6000).map { number in
            String(String(number, radix: 26).map { Character(UnicodeScalar(UInt8(ascii: "a") + UInt8(String($0), radix: 26)!)) })
        }
        let names = tails.map { "Project Q\($0)x Alpha" }
        let plugin = try Self.plugin(names)
        let parts = plugin.rules[0].expandedPatterns.count
        #expect(parts > 1)
        #expect(plugin.unitCount == parts)
        // A name is scanned for only by the part whose pattern holds it (PCRE2's cut and Vectorscan's nest).
        let scanned = try (0..<parts).map { try plugin.prefilterExpressions(rule: 0, variant: $0).map { try PCRE2Regex($0.text) } }
        let cut = try plugin.rules[0].expandedPatterns.map { try PCRE2Regex($0) }
        func matches(_ regexes: [PCRE2Regex], _ name: String) throws -> Bool {
            var text = name
            return try text.withUTF8 { bytes in
                try regexes.contains { try $0.firstMatch(in: bytes, from: 0, scratch: PCRE2Scratch(maxCaptureCount: 0)) }
            }
        }
        for name in stride(from: 0, to: names.count, by: 499).map({ names[$0] }) {
            let scanning = try (0..<parts).filter { try matches(scanned[$0], name) }
            let matching = try (0..<parts).filter { try matches([cut[$0]], name) }
            #expect(scanning.count == 1 && scanning == matching, "\(name)")
        }
        // One name from every part: the prefiltered engine finds each, as PCRE2 alone does.
        let picked = (0..<parts).map { names[$0 * names.count / parts + 7] }
        let text = picked.joined(separator: " met; ") + "."
        let alone = Engine(plugins: [plugin], prefilter: false)
        let expected = alone.extract(Document(id: "t", source: "test", text: text), scratch: alone.makeScratch())
        #expect(expected.mentions.map(\.text) == picked)
        #expect(TestPlugins.extract(text, plugins: [plugin]).mentions.map(\.text) == picked)
        if VectorscanDatabase.isAvailable {
            let plans = CandidatePrefilter.plans(for: [plugin])
            #expect(plans.map(\.part) == Array(0..<parts))
            #expect(plans.allSatisfy { $0.parts == parts && $0.rejection == nil })
        }
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
