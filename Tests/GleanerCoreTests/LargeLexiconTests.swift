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

    @Test func aLexiconOfFiftyThousandNamesCompilesAsOnePatternAndMatchesEveryEntry() throws {
        // As an alternation, 50,000 names were far past PCRE2's pattern size limit.
        let names = (0..<50_000).map { "Project Number \($0) Alpha" }
        let plugin = try Self.plugin(names)
        #expect(plugin.rules[0].expandedPatterns.count == 1)
        #expect(plugin.rules[0].expandedPatterns[0].utf8.count < 300)
        let result = TestPlugins.extract("Both Project Number 17 Alpha and Project  Number 49999 Alpha began; Project Number 5 Alphas did not.",
                                         plugins: [plugin])
        #expect(result.mentions.map(\.text) == ["Project Number 17 Alpha", "Project  Number 49999 Alpha"])
    }

    @Test func aLexiconMatchedByCalloutsIsPrefilteredByItsEntries() throws {
        // 3,000 names are past the alternation limit: PCRE2 calls out, but Vectorscan gets
        // the names themselves, split into expressions short enough for it.
        let plugin = try Self.plugin((0..<3_000).map { "Company \($0) Holdings" })
        #expect(plugin.rules[0].expandedPatterns[0].contains("(?C\""))
        let expressions = plugin.prefilterExpressions(rule: 0, variant: 0)
        #expect(expressions.count > 1)
        #expect(expressions.allSatisfy { $0.text.utf8.count <= VectorscanDatabase.maxPatternLength })
        #expect(expressions.allSatisfy { $0.text.contains("Holdings") && !$0.text.contains("[^\\s") })
        let engine = Engine(plugins: [plugin])
        #expect(engine.prefilter != nil || !VectorscanDatabase.isAvailable)
        let result = engine.extract(Document(id: "t", source: "test", text: "Company 2999 Holdings and Company  7 Holdings rose; Company 3000 Holdings did not."),
                                    scratch: engine.makeScratch())
        #expect(result.mentions.map(\.text) == ["Company 2999 Holdings", "Company  7 Holdings"])
        #expect(plugin.prefilterBypass(rule: 0) == nil)
        // Past 250,000 characters the prefilter could only read the callouts as any text of
        // their length: the rule is left to PCRE2 alone, and still finds its names.
        let huge = try Self.plugin((0..<12_000).map { "Project Number \($0) Alpha Beta" })
        #expect(huge.prefilterExpressions(rule: 0, variant: 0).map(\.text).allSatisfy { !$0.contains("Alpha") })
        #expect(huge.prefilterBypass(rule: 0)?.contains("more than the prefilter writes out") == true)
        let found = TestPlugins.extract("Project Number 11999 Alpha Beta began.", plugins: [huge, try TestPlugins.load(TestPlugins.years)])
        #expect(found.mentions.map(\.text) == ["Project Number 11999 Alpha Beta"])
    }

    @Test func aPatternWithLexiconReferencesCannotReferToGroupsByNumber() throws {
        #expect {
            try Self.pluginWithPattern(#"(a)\1{@names}"#)
        } throws: { error in
            "\(error)".contains("'\\1") && "\(error)".contains("refers to a group by number")
        }
        #expect(try Self.pluginWithPattern(#"(?<x>a)\k<x>{@names}"#).rules.count == 1)
    }

    static func pluginWithPattern(_ pattern: String) throws -> Plugin {
        try TestPlugins.load("""
            id: big
            version: "1"
            kind: program
            normalizer: name
            lexicons:
              names: names.tsv
            rules:
              - id: known
                pattern: '\(pattern)'
            """, files: ["names.tsv": "name\nAlpha\n"])
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
