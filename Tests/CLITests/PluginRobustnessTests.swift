import Foundation
import Testing

/// A broken plugin stops `glean run` before anything is written: one message naming the file,
/// line and column (and PCRE2's offset for a pattern), exit code 2, no dataset, no partial folder.
@Suite struct PluginRobustnessTests {
    static let header = "id: odd\nversion: \"1\"\nkind: thing\nnormalizer: text\n"

    /// Writes `manifest.yaml` (and `files`) into a new folder and returns its path.
    func plugin(_ yaml: String, files: [String: String] = [:]) throws -> String {
        let folder = GleanProcess.temporaryDirectory()
        try yaml.write(to: folder.appendingPathComponent("manifest.yaml"), atomically: true, encoding: .utf8)
        for (name, text) in files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return folder.path
    }

    /// Runs over the corpus with the plugin folders; checks exit 2, no output, nothing written,
    /// and returns the single error (one line; a pattern error adds the pattern and a caret).
    func failure(_ folders: [String]) throws -> String {
        let out = GleanProcess.temporaryDirectory().appendingPathComponent("dataset")
        let result = try GleanProcess.run(["run", "Corpus/articles", "--out", out.path, "--quiet"] + folders.flatMap { ["--plugins", $0] })
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: out.path))
        #expect(!FileManager.default.fileExists(atPath: out.deletingLastPathComponent().appendingPathComponent(".\(out.lastPathComponent).glean-partial").path))
        #expect(result.stderr.split(separator: "\n").filter { $0.hasPrefix("glean: ") }.count == 1, "\(result.stderr)")
        return result.stderr
    }

    @Test func aBuiltInKindWithAnotherValueShapeIsRefusedAtLoad() throws {
        let cash = try plugin("id: cash\nversion: \"1\"\nkind: money\nnormalizer: text\nrules:\n  - id: d\n    pattern: '\\d+'\n")
        #expect(try failure([cash]) == "glean: \(cash)/manifest.yaml:3:7: error: plugin 'cash' gives kind 'money' another value shape (normalizer 'text': non-empty string) than the built-in plugin 'money' does (normalizer 'money': {amount: number > 0, amountMax?: number > 0 >= amount, currency: 3 capitals}); name another kind, or a normalizer of that shape\n")
    }

    @Test func twoPluginsOfOneKindMustAgreeOnItsValueShape() throws {
        let words = try plugin("id: words\nversion: \"1\"\nkind: tally\nnormalizer: text\nrules:\n  - id: w\n    pattern: 'dozen'\n")
        let digits = try plugin("id: digits\nversion: \"1\"\nkind: tally\nnormalizer: number\nrules:\n  - id: d\n    pattern: '\\d+'\n")
        #expect(try failure([words, digits]) == "glean: \(digits)/manifest.yaml:3:7: error: plugin 'digits' gives kind 'tally' another value shape (normalizer 'number': {value: number, unit?: non-empty string}) than plugin 'words' in \(words)/manifest.yaml does (normalizer 'text': non-empty string); name another kind, or a normalizer of that shape\n")
        // Agreeing plugins load together.
        let more = try plugin("id: more\nversion: \"1\"\nkind: tally\nnormalizer: text\nrules:\n  - id: w\n    pattern: 'score'\n")
        let list = try GleanProcess.run(["plugins", "list", "--plugins", words, "--plugins", more])
        #expect(list.status == 0)
        #expect(list.stdout.contains("words") && list.stdout.contains("more"))
    }

    @Test func malformedYAMLPointsAtTheOpenQuote() throws {
        let folder = try plugin(Self.header + "rules:\n  - id: one\n    pattern: 'abc\n  - id: two\n")
        #expect(try failure([folder]) == "glean: \(folder)/manifest.yaml:9:1: error: malformed YAML: found unexpected end of stream while scanning a quoted scalar started at line 7, column 14\n")
    }

    @Test func tabIndentationIsMalformedYAML() throws {
        let folder = try plugin(Self.header + "rules:\n\t- id: one\n")
        #expect(try failure([folder]) == "glean: \(folder)/manifest.yaml:6:1: error: malformed YAML: found character that cannot start any token\n")
    }

    @Test func unknownKeysAtTopAndInARule() throws {
        let top = try plugin(Self.header + "colour: red\nrules:\n  - id: one\n    pattern: 'abc'\n")
        #expect(try failure([top]) == "glean: \(top)/manifest.yaml:5:1: error: unknown key 'colour' in the manifest (allowed: description, examples, fragments, id, inferYears, kind, lexicons, linkAcronyms, linkEquivalents, linkShortForms, normalizer, params, passes, priority, rules, version)\n")
        let rule = try plugin(Self.header + "rules:\n  - id: one\n    patern: 'abc'\n")
        #expect(try failure([rule]) == "glean: \(rule)/manifest.yaml:7:5: error: unknown key 'patern' in a rule (allowed: action, examples, flags, id, note, params, pattern, prefilter, priority, span)\n")
    }

    @Test func missingFieldsAndARepeatedKey() throws {
        let kind = try plugin("id: odd\nversion: \"1\"\nnormalizer: text\nrules:\n  - id: one\n    pattern: 'abc'\n")
        #expect(try failure([kind]) == "glean: \(kind)/manifest.yaml:1:1: error: missing required key 'kind'\n")
        let pattern = try plugin(Self.header + "rules:\n  - id: one\n    flags: [caseless]\n")
        #expect(try failure([pattern]) == "glean: \(pattern)/manifest.yaml:6:5: error: missing required key 'pattern'\n")
        let repeated = try plugin("id: odd\nversion: \"1\"\nkind: thing\nkind: other\nnormalizer: text\nrules:\n  - id: one\n    pattern: 'abc'\n")
        #expect(try failure([repeated]) == "glean: \(repeated)/manifest.yaml:4:1: error: duplicate key 'kind' (first at line 3)\n")
    }

    @Test func patternThatDoesNotCompileShowsThePatternAsWrittenWithACaret() throws {
        let folder = try plugin(Self.header + "rules:\n  - id: one\n    pattern: 'abc'\n  - id: two\n    pattern: '(?<value>\\d+(?:\\.\\d+)'\n")
        #expect(try failure([folder]) == """
            glean: \(folder)/manifest.yaml:8:5: error: rule 'two': pattern does not compile: missing closing parenthesis, at column 22 of the pattern:
                (?<value>\\d+(?:\\.\\d+)
                                     ^

            """)
    }

    @Test func anErrorInsideAFragmentPointsIntoTheFragment() throws {
        let folder = try plugin(Self.header + "fragments:\n  Num: '\\d+(?<n>x)(?<n>y)'\nrules:\n  - id: one\n    pattern: 'ab {Num} [a-z]'\n")
        #expect(try failure([folder]) == """
            glean: \(folder)/manifest.yaml:8:5: error: rule 'one': pattern does not compile: two named subpatterns have the same name (PCRE2_DUPNAMES not set), at column 16 of fragment {Num}:
                \\d+(?<n>x)(?<n>y)
                               ^

            """)
        // After a fragment, the column is still the one in the rule's pattern as written.
        let after = try plugin(Self.header + "fragments:\n  Num: '\\d+'\nrules:\n  - id: one\n    pattern: 'ab {Num} [a-z'\n")
        #expect(try failure([after]).hasSuffix("missing terminating ] for character class, at column 14 of the pattern:\n    ab {Num} [a-z\n                 ^\n"))
    }

    @Test func groupsTheNormalizerNeedsSpanGroupsAndFragments() throws {
        let money = try plugin("id: odd\nversion: \"1\"\nkind: money\nnormalizer: money\nrules:\n  - id: one\n    pattern: '\\$\\d+'\n")
        #expect(try failure([money]) == "glean: \(money)/manifest.yaml:6:5: error: rule 'one': normalizer 'money' needs one of the named groups (?<num>…), (?<words>…)\n")
        let span = try plugin(Self.header + "rules:\n  - id: one\n    pattern: 'a(?<x>b)c'\n    span: y\n")
        #expect(try failure([span]) == "glean: \(span)/manifest.yaml:6:5: error: rule 'one': span group 'y' is not in the pattern\n")
        let fragment = try plugin(Self.header + "rules:\n  - id: one\n    pattern: 'a{Word}c'\n")
        #expect(try failure([fragment]) == "glean: \(fragment)/manifest.yaml:6:5: error: rule 'one': unknown fragment {Word}\n")
    }

    @Test func duplicateRuleIdsPointAtTheSecond() throws {
        let folder = try plugin(Self.header + "rules:\n  - id: one\n    pattern: 'abc'\n  - id: one\n    pattern: 'def'\n")
        #expect(try failure([folder]) == "glean: \(folder)/manifest.yaml:8:5: error: rule 'one': duplicate rule id\n")
    }

    @Test func duplicatePluginIdsAcrossFoldersAndWithABuiltIn() throws {
        let first = try plugin(Self.header + "rules:\n  - id: one\n    pattern: 'abc'\n")
        let second = try plugin("id: odd\nversion: \"2\"\nkind: thing\nnormalizer: text\nrules:\n  - id: two\n    pattern: 'def'\n")
        #expect(try failure([first, second]) == "glean: \(second)/manifest.yaml:1:5: error: duplicate plugin id 'odd' (also in \(first)/manifest.yaml)\n")
        let dates = try plugin("id: dates\nversion: \"1\"\nkind: thing\nnormalizer: text\nrules:\n  - id: one\n    pattern: 'abc'\n")
        #expect(try failure([dates]) == "glean: \(dates)/manifest.yaml:1:5: error: duplicate plugin id 'dates' (also a built-in plugin)\n")
    }

    @Test func missingLexiconFilePointsAtItsReference() throws {
        let folder = try plugin(Self.header + "lexicons:\n  terms: terms.tsv\nrules:\n  - id: one\n    pattern: '{@terms}'\n")
        #expect(try failure([folder]) == "glean: \(folder)/manifest.yaml:6:10: error: lexicon 'terms': file \(folder)/terms.tsv not found\n")
    }

    @Test func aGoodPluginBesideTheseStillRuns() throws {
        let folder = try plugin(Self.header + "rules:\n  - id: one\n    pattern: 'Malabar'\n")
        let out = GleanProcess.temporaryDirectory().appendingPathComponent("dataset")
        let result = try GleanProcess.run(["run", "Corpus/articles", "--out", out.path, "--quiet", "--plugins", folder])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("mentions.jsonl").path))
    }
}
