import Foundation
import GleanerCore
import Testing

@Suite struct PluginsCommandTests {
    static let percentage = "Tests/ExtractorExampleTests/Fixtures/percentage"

    @Test func listShowsBuiltInAndFolderSources() throws {
        let result = try GleanProcess.run(["plugins", "list", "--plugins", Self.percentage])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(rows.first == ["id", "version", "kind", "rules", "examples", "source"])
        #expect(rows.first { $0.first == "dates" }?.last == "built-in")
        #expect(rows.last == ["percentage", "0.2.0", "percentage", "2", "3", Self.percentage])
    }

    @Test func newScaffoldsAFolderThatPassesItsOwnTestsAndChecks() throws {
        let parent = GleanProcess.temporaryDirectory()
        let created = try GleanProcess.run(["plugins", "new", "vessel", "--kind", "vessel", "--dir", parent.path])
        #expect(created.status == 0, "\(created.stderr)")
        let folder = parent.appendingPathComponent("vessel")
        #expect(created.stdout.hasPrefix("created \(folder.path)/: manifest.yaml, terms.tsv, README.md\n"))
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)) == ["manifest.yaml", "terms.tsv", "README.md"])
        let tested = try GleanProcess.run(["plugins", "test", "--plugins", folder.path, "vessel"])
        #expect(tested.status == 0)
        #expect(tested.stdout == "vessel: 2/2 examples pass\nall 2 examples pass\n")
        let checked = try GleanProcess.run(["plugins", "check", folder.path])
        #expect(checked.stdout == "ok: \(folder.path): 1 plugin, 1 rule, 0 warnings\n")
    }

    @Test func newRefusesAnExistingFolderABadNameAndABuiltInId() throws {
        let parent = GleanProcess.temporaryDirectory()
        let folder = parent.appendingPathComponent("vessel")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "mine".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let existing = try GleanProcess.run(["plugins", "new", "vessel", "--kind", "vessel", "--dir", parent.path])
        #expect(existing.status == 2)
        #expect(existing.stderr == "glean: error: \(folder.path) already exists; nothing was written (pick another name or --dir)\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.txt"])
        let bad = try GleanProcess.run(["plugins", "new", "Vessel", "--kind", "vessel", "--dir", parent.path])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("plugin name 'Vessel' must start with a lowercase letter"))
        let builtIn = try GleanProcess.run(["plugins", "new", "dates", "--kind", "date", "--dir", parent.path])
        #expect(builtIn.status == 2)
        #expect(!FileManager.default.fileExists(atPath: parent.appendingPathComponent("dates").path))
    }

    @Test func testPrintsASpanDiffAndTheRulesNoExampleFires() throws {
        let folder = GleanProcess.temporaryDirectory()
        try """
            id: ships
            version: "1"
            kind: ship
            normalizer: text
            rules:
              - id: greedy
                pattern: 'INS(?: [A-Za-z]+)+'
                examples:
                  - text: "The ⟦INS Vikrant⟧ sailed."
                    values: ["INS Vikrant"]
              - id: never
                pattern: 'QQQ'
                examples:
                  - "No ship."
            """.write(to: folder.appendingPathComponent("manifest.yaml"), atomically: true, encoding: .utf8)
        let result = try GleanProcess.run(["plugins", "test", "--plugins", folder.path, "ships"])
        #expect(result.status == 1)
        #expect(result.stdout == """
            ships: 1/2 examples pass
              FAIL \(folder.path)/manifest.yaml:9 (rule greedy)
                expected: The ⟦INS Vikrant⟧ sailed.
                actual:   The ⟦INS Vikrant sailed⟧.
                - missing ⟦INS Vikrant⟧ at [4,15) = "INS Vikrant"
                    overlapped by ⟦INS Vikrant sailed⟧ (ships@1 rule greedy): the rule matched other text than the marked span
                + extra ⟦INS Vikrant sailed⟧ at [4,22) = "INS Vikrant sailed" (ships@1 rule greedy)
              rules no example fires: never
            1 of 2 examples fail

            """)
        let unknown = try GleanProcess.run(["plugins", "test", "nosuch"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.hasPrefix("glean: error: no plugin 'nosuch' (loaded: dates, money, programs, exercises"))
    }

    @Test func checkWarnsAboutRiskyPatternsButExitsZeroAndFailsOnErrors() throws {
        let folder = GleanProcess.temporaryDirectory()
        try """
            id: risky
            version: "1"
            kind: thing
            normalizer: text
            fragments:
              Word: '[a-z]+'
            rules:
              - id: nested
                pattern: '(?:{Word}\\s?)+!'
            """.write(to: folder.appendingPathComponent("manifest.yaml"), atomically: true, encoding: .utf8)
        let warned = try GleanProcess.run(["plugins", "check", folder.path])
        #expect(warned.status == 0)
        #expect(warned.stdout == """
            warning: \(folder.path)/manifest.yaml:8: rule 'nested': nested quantifiers: `(?:(?:[a-z]+)\\s?)+`
            ok: \(folder.path): 1 plugin, 1 rule, 1 warning

            """)
        try "id: broken\nversion: \"1\"\nkind: k\nnormalizer: text\nrules:\n  - id: r\n    pattern: '(?<value>x'\n"
            .write(to: folder.appendingPathComponent("manifest.yaml"), atomically: true, encoding: .utf8)
        let broken = try GleanProcess.run(["plugins", "check", folder.path])
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("rule 'r': pattern does not compile"))
    }
}

/// PatternRiskChecker on patterns that can and cannot backtrack catastrophically.
@Suite struct PatternRiskCheckerTests {
    let checker = PatternRiskChecker()

    func kinds(_ pattern: String, caseless: Bool = false) -> [PatternRiskChecker.Risk.Kind] {
        checker.risks(in: pattern, caseless: caseless).map(\.kind)
    }

    @Test(arguments: [#"(a+)+"#, #"(\w+\s?)+"#, #"(.*)*"#, #"(?:\d{1,3},?)+$"#, #"x(?:(?:[a-z]+)-?)*y"#,
                      #"((a+)b?)+"#, #"(?<name>[a-z]+)*"#, #"(?:\p{L}+ ?)+"#])
    func nestedQuantifiersAreFound(pattern: String) {
        #expect(kinds(pattern) == [.nestedQuantifiers], "\(pattern)")
    }

    @Test(arguments: [#"(a|ab)*c"#, #"(?:\w|\d)+"#, #"(?:Mr|MR)+"#, #"(?:[\x{2013}-]|\x{2013})+"#])
    func overlappingBranchesUnderAQuantifierAreFound(pattern: String) {
        #expect(kinds(pattern) == [.overlappingAlternation], "\(pattern)")
    }

    @Test func caselessFoldsLettersWhenComparingBranches() {
        #expect(kinds(#"(?:a|A)+"#).isEmpty)
        #expect(kinds(#"(?:a|A)+"#, caseless: true) == [.overlappingAlternation])
        #expect(kinds(#"(?i)(?:a|A)+"#) == [.overlappingAlternation])
        #expect(kinds(#"(?:(?i)a|A)+"#) == [.overlappingAlternation])
    }

    @Test(arguments: [#"\d+\.?\d+"#, #".*.*"#, #"[\s\x{00A0}]*-?\s*"#])
    func adjacentOverlappingRepeatsAreFound(pattern: String) {
        #expect(kinds(pattern) == [.adjacentRepeats], "\(pattern)")
    }

    @Test(arguments: [
        #"(?:\w+\s)+"#, #"[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}"#, #"(?:[A-Z][a-z]+\s?)+"#, #"(?:a++)+"#, #"(?>a+)+"#,
        #"\d+(?:\.\d+)?"#, #"(?:\d{1,3}(?:,\d{3})+)"#, #"(?:a|b)+"#, #"[(a+)+]"#, #"\(a+\)+"#, #"\Q(a+)+\E"#,
        #"(?#(a+)+)x"#, #"(?x) ( a + ) # (b+)+ in a comment"#, #"(?:\s|\x{00A0})+"#, #"(?:[a-z]|-)+"#,
        #"(?&tok)(?: (?&tok))*(?(DEFINE)(?<tok>[A-Z]\w*))"#, #"a{2,}b{1,3}"#, #"(?:ab|cd){2}"#, #"[\d\-]+x"#,
    ])
    func safePatternsAreNotWarnedAbout(pattern: String) {
        #expect(kinds(pattern).isEmpty, "\(pattern)")
    }

    @Test func risksInsideLookaroundsAndConditionsAreFound() {
        #expect(kinds(#"x(?=(a+)+y)"#) == [.nestedQuantifiers])
        #expect(kinds(#"(?(DEFINE)(?<t>(\w+\s?)+))(?&t)"#) == [.nestedQuantifiers])
    }

    @Test(arguments: ["", "\\", "[", "[^", "(", "(?", "(?<n", "(*", "\\x{", "\\Q(a+)+", "a{", "a{2,", ")(", "[a-\\", "(?x)#"])
    func malformedPatternsEndTheParseWithoutCrashing(pattern: String) {
        #expect(kinds(pattern).isEmpty, "\(pattern)")
    }

    @Test func aRiskNamesTheOffendingPieceAndItsOffset() {
        let risks = checker.risks(in: #"(?<![A-Za-z])INS (?:[A-Za-z]+\s?)+\."#)
        #expect(risks == [PatternRiskChecker.Risk(kind: .nestedQuantifiers, excerpt: #"(?:[A-Za-z]+\s?)+"#, offset: 17)])
        #expect(risks.first?.description == #"nested quantifiers: `(?:[A-Za-z]+\s?)+` at offset 17"#)
    }
}

/// `plugins test` runs examples without compiling the Vectorscan prefilter (PCRE2 alone gives
/// the same results), and with `--prefilter` says when it has to compile it.
@Suite struct PluginsTestPrefilterTests {
    @Test func examplesRunWithoutCompilingThePrefilterUnlessAsked() throws {
        let cache = GleanProcess.temporaryDirectory()
        let environment = ["GLEAN_CACHE_DIR": cache.path]
        let plain = try GleanProcess.run(["plugins", "test", "money"], environment: environment)
        #expect(plain.status == 0)
        #expect(plain.stderr.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.path).isEmpty)

        let first = try GleanProcess.run(["plugins", "test", "--prefilter", "money"], environment: environment)
        #expect(first.status == 0)
        #expect(first.stdout == plain.stdout)
        guard VectorscanDatabase.isAvailable else { return }
        #expect(first.stderr == "glean: compiling the Vectorscan prefilter for these rules (a few seconds; cached for the next run)\n")
        let second = try GleanProcess.run(["plugins", "test", "--prefilter", "money"], environment: environment)
        #expect(second.stderr.isEmpty)
        #expect(second.stdout == plain.stdout)
    }
}
