import Foundation
import Testing
@testable import GleanerCore

@Suite struct ManifestReaderTests {
    func error(_ yaml: String, files: [String: String] = [:]) -> PluginError? {
        do { _ = try TestPlugins.load(yaml, files: files); return nil } catch { return error as? PluginError }
    }

    @Test func unknownKeyNamesFileLineAndColumn() throws {
        let problem = try #require(error("id: x\nversion: \"1\"\nkind: k\nnormalizer: text\nrulez: []\n"))
        #expect(problem.description == "fixture/manifest.yaml:5:1: error: unknown key 'rulez' in the manifest (allowed: description, examples, fragments, id, inferYears, kind, lexicons, linkAcronyms, linkEquivalents, linkShortForms, normalizer, params, passes, priority, rules, version)")
    }

    @Test func passesAreNamedAndTheOlderBooleansMapOntoThem() throws {
        let head = "id: x\nversion: \"1\"\nkind: k\nnormalizer: text\n"
        let rules = "rules:\n  - id: r\n    pattern: 'abc'\n"
        // Listed in any order, they run in the registry's order.
        let listed = try TestPlugins.load(head + "passes: [equivalents, acronyms]\n" + rules)
        #expect(listed.manifest.passes == ["acronyms", "equivalents"])
        let flags = try TestPlugins.load(head + "linkShortForms: true\ninferYears: true\nlinkAcronyms: false\n" + rules)
        #expect(flags.manifest.passes == ["short-forms", "infer-years"])
        #expect(flags.manifest.linkShortForms && !flags.manifest.linkAcronyms)
        let unknown = try #require(error(head + "passes: [acronyms, shortforms]\n" + rules))
        #expect(unknown.description == "fixture/manifest.yaml:5:20: error: unknown pass 'shortforms' (passes: acronyms, short-forms, infer-years, equivalents)")
    }

    @Test func prefilterChoiceIsReadAndCheckedAndScansTheWholePattern() throws {
        let yaml = "id: x\nversion: \"1\"\nkind: k\nnormalizer: text\nrules:\n  - id: r\n    prefilter: %@\n    pattern: '(?<![a-z])Rs and \\d+'\n"
        let plugin = try TestPlugins.load(yaml.replacingOccurrences(of: "%@", with: "pattern"))
        #expect(plugin.rules[0].manifest.prefilter == .pattern)
        #expect(plugin.prefilterExpressions(rule: 0, variant: 0).map(\.scanText) == [#"Rs and \d+"#])
        let literal = try TestPlugins.load(yaml.replacingOccurrences(of: "%@", with: "literal"))
        #expect(literal.prefilterExpressions(rule: 0, variant: 0).map(\.scanText) == [#"Rs\x{20}and\x{20}"#])
        let problem = try #require(error(yaml.replacingOccurrences(of: "%@", with: "whole")))
        #expect(problem.message == "prefilter must be 'literal' or 'pattern'")
    }

    @Test func malformedYAMLGivesPosition() throws {
        let problem = try #require(error("id: x\nrules: [\n"))
        #expect(problem.line != nil)
        #expect(problem.message.hasPrefix("malformed YAML"))
    }

    @Test func patternThatDoesNotCompileGivesPCRE2MessageAndOffset() throws {
        let problem = try #require(error("id: x\nversion: \"1\"\nkind: k\nnormalizer: text\nrules:\n  - id: bad\n    pattern: 'a(b'\n"))
        #expect(problem.line == 6)
        #expect(problem.message == "rule 'bad': pattern does not compile: missing closing parenthesis, at column 4 of the pattern:\n    a(b\n       ^")
    }

    @Test func missingGroupForNormalizerIsAnError() throws {
        let loader = PluginLoader(normalizers: [NormalizerFactory(id: "needs-num", groups: ["num"]) { _ in TextNormalizer() }])
        let yaml = "id: x\nversion: \"1\"\nkind: k\nnormalizer: needs-num\nrules:\n  - id: r\n    pattern: 'abc'\n"
        #expect(throws: PluginError.self) {
            try loader.load(PluginBundle(origin: "fixture", files: ["manifest.yaml": Array(yaml.utf8)]))
        }
    }

    @Test func missingLexiconFileAndDuplicateRuleIds() throws {
        let missing = try #require(error("id: x\nversion: \"1\"\nkind: k\nnormalizer: text\nlexicons:\n  l: l.tsv\nrules:\n  - id: r\n    pattern: '{@l}'\n"))
        #expect(missing.message == "lexicon 'l': file fixture/l.tsv not found")
        let duplicate = try #require(error("id: x\nversion: \"1\"\nkind: k\nnormalizer: text\nrules:\n  - id: r\n    pattern: 'a'\n  - id: r\n    pattern: 'b'\n"))
        #expect(duplicate.message == "rule 'r': duplicate rule id")
    }

    @Test func inlineLexiconsAreReadAndMatchedLikeFiles() throws {
        let plugin = try TestPlugins.load("""
            id: x
            version: "1"
            kind: k
            normalizer: text
            lexicons:
              stop: [The, 'No', A Few, Non-Aligned]
            rules:
              - id: r
                pattern: '\\b(?i:{@stop})\\b'
            """)
        #expect(plugin.lexicons["stop"]?.surfaces.sorted() == ["A Few", "No", "Non-Aligned", "The"])
        let found = TestPlugins.extract("THE non\u{2013}aligned a  few nope", plugins: [plugin]).mentions.map(\.text)
        #expect(found == ["THE", "non\u{2013}aligned", "a  few"])
    }

    @Test func aBadInlineLexiconEntryNamesItsLineAndColumn() throws {
        let empty = try #require(error("id: x\nversion: \"1\"\nkind: k\nnormalizer: text\nlexicons:\n  stop: [The, '', A]\nrules:\n  - id: r\n    pattern: '{@stop}'\n"))
        #expect(empty.description == "fixture/manifest.yaml:6:15: error: lexicon 'stop': an inline entry must be a non-empty string")
        let nested = try #require(error("id: x\nversion: \"1\"\nkind: k\nnormalizer: text\nlexicons:\n  stop:\n    - The\n    - [A]\nrules:\n  - id: r\n    pattern: '{@stop}'\n"))
        #expect(nested.description == "fixture/manifest.yaml:8:7: error: lexicon 'stop': an inline entry must be a non-empty string")
    }

    @Test func fragmentsAndLexiconsExpand() throws {
        var composer = PatternComposer(fragments: ["Year": #"\d{4}"#, "Range": "{Year}-{Year}"],
                                       lexicons: ["m": try Lexicon(id: "m", tsv: "surface\tn\nSept.\t9\nSep\t9\n", file: "m.tsv")])
        #expect(try composer.expand("{Range}") == #"(?:(?:\d{4})-(?:\d{4}))"#)
        // A short list is an alternation; with inlineCharacters 0 (and for long lists), callouts.
        #expect(try composer.expand("{@m} x{2,3}") == #"(?:Sep(?:t\.)?) x{2,3}"#)
        composer.inlineCharacters = 0
        var alternations = composer
        alternations.lexiconsAsAlternations = true
        #expect(try alternations.expand("{@m} x{2,3}") == #"(?:Sep(?:t\.)?) x{2,3}"#)
        // Callouts into the lexicon's matcher, caseless where the reference stands caselessly.
        #expect(try composer.expand("{@m} x{2,3}")
            == #"(?=[\x{53}])(?C"S:s:_lx_0:m")(?<_lx_0>)(?:[^\s\x{A0}]|[\s\x{A0}]++){1,5}(?C"E:s:_lx_0:m") x{2,3}"#)
        #expect(try composer.expand("a(?i:b{@m})(?-i){@m}", options: .caseless).contains(#"(?C"S:i:_lx_0:m")"#))
        #expect(try composer.expand("a(?i:b{@m})(?-i){@m}", options: .caseless).contains(#"(?C"S:s:_lx_1:m")"#))
    }
}
