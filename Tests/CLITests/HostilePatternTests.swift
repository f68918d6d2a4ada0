import Foundation
import GleanerCore
import Testing

/// A user pattern that backtracks catastrophically or recurses deeply must not hang a run:
/// PCRE2's limits stop it, the failure is a warning on the document, the other plugins'
/// results are kept and the run exits 0. Under JIT only the match limit and the JIT stack size
/// apply (PCRE2Scratch.Limits); both are pinned here, for PCRE2 scanning alone and behind the
/// Vectorscan prefilter (which usually keeps such a pattern from running where it cannot match).
@Suite(.timeLimit(.minutes(2))) struct HostilePatternTests {
    /// A manifest of kind `thing` with the `text` normalizer and these rules (YAML list items).
    static func manifest(_ id: String, rules: String) -> String {
        "id: \(id)\nversion: \"1\"\nkind: thing\nnormalizer: text\nrules:\n" + rules
    }

    static let hostile = manifest("hostile", rules: """
        - id: nested
          pattern: '(a+)+b'
        - id: words
          flags: [multiline]
          pattern: '^(\\w+\\s?)+$'
        - id: ship
          pattern: 'INS [A-Z][a-z]+'
        """)
    static let deep = manifest("deep", rules: """
        - id: parens
          pattern: '\\((?:[^()]|(?R))*\\)'
        - id: ship
          pattern: 'INS [A-Z][a-z]+'
        """)

    func load(_ yaml: String) throws -> Plugin {
        try PluginLoader(normalizers: []).load(PluginBundle(origin: "fixture", files: ["manifest.yaml": Array(yaml.utf8)]))
    }

    func extract(_ text: String, _ yaml: String, limits: PCRE2Scratch.Limits, prefilter: Bool = false) throws -> Engine.Result {
        let engine = Engine(plugins: [try load(yaml)], prefilter: prefilter)
        return engine.extract(Document(id: "t", source: "t", text: text), scratch: engine.makeScratch(limits: limits))
    }

    /// Runs `glean run` on one document with the plugin; returns its documents.jsonl record and mentions.
    func run(_ text: String, plugin yaml: String, prefilter: Bool = false) throws -> (status: Int32, document: JSONValue, mentions: [JSONValue]) {
        let folder = GleanProcess.temporaryDirectory()
        try yaml.write(to: folder.appendingPathComponent("manifest.yaml"), atomically: true, encoding: .utf8)
        let input = JSONWriter.string(.object([("id", .string("doc")), ("text", .string(text))])) + "\n"
        let out = GleanProcess.temporaryDirectory().appendingPathComponent("dataset")
        let result = try GleanProcess.run(["run", "-", "--out", out.path, "--quiet", "--plugins", folder.path]
                                          + (prefilter ? [] : ["--no-prefilter"]), stdin: input)
        let document = try JSONParser.parse(String(contentsOf: out.appendingPathComponent("documents.jsonl"), encoding: .utf8))
        let mentions = try String(contentsOf: out.appendingPathComponent("mentions.jsonl"), encoding: .utf8)
            .split(separator: "\n").map { try JSONParser.parse(String($0)) }
        return (result.status, document, mentions)
    }

    static let text = "INS Vikrant sailed on 30 November 2019 with $90 billion. " + String(repeating: "a", count: 40)
        + "! then b. INS Kolkata followed."

    @Test func patternsAreJITCompiled() throws {
        // The limits below are the JIT's; the interpreter would also need a depth limit.
        #expect(try PCRE2Regex("(a+)+b").isJIT)
    }

    @Test func catastrophicBacktrackingIsAWarningAndOtherPluginsKeepTheirResults() throws {
        let (status, document, mentions) = try run(Self.text, plugin: Self.hostile)
        #expect(status == 0)
        #expect(document["status"]?.stringValue == "ok")
        // The scan pattern fails first; then the rules run one by one and only the hostile one is dropped.
        guard case .array(let warnings)? = document["warnings"] else { Issue.record("no warnings"); return }
        #expect(warnings.first == .string("plugin 'hostile': match limit exceeded while scanning at byte 0; its rules ran one by one from there"))
        #expect(warnings.dropFirst().allSatisfy { $0.stringValue?.hasPrefix("rule 'hostile.") ?? false })
        #expect(mentions.map { $0["text"]?.stringValue ?? "" }.filter { !$0.hasPrefix("INS") } == ["30 November 2019", "$90 billion"])
        #expect(mentions.compactMap { $0["text"]?.stringValue }.filter { $0.hasPrefix("INS") } == ["INS Vikrant", "INS Kolkata"])
    }

    @Test func behindThePrefilterTheSameMentionsComeOut() throws {
        let alone = try run(Self.text, plugin: Self.hostile)
        let prefiltered = try run(Self.text, plugin: Self.hostile, prefilter: true)
        #expect(prefiltered.status == 0)
        #expect(prefiltered.mentions.map { $0["text"]?.stringValue ?? "" } == alone.mentions.map { $0["text"]?.stringValue ?? "" })
    }

    @Test func behindThePrefilterTheMatchLimitStopsOnlyTheHostileRule() throws {
        // Vectorscan ignores the lookahead, so PCRE2 is asked to confirm the candidate and
        // backtracks through every split of the a's.
        let yaml = Self.manifest("hostile", rules: """
            - id: nested
              pattern: '(a+)+(?=c)b'
            - id: ship
              pattern: 'INS [A-Z][a-z]+'
            """)
        let result = try extract(String(repeating: "a", count: 30) + "b INS Vikrant", yaml, limits: .init(matchLimit: 1000),
                                 prefilter: true)
        #expect(result.ruleFailures == ["rule 'hostile.nested': match limit exceeded while confirming candidates"])
        #expect(result.mentions.map(\.text) == ["INS Vikrant"])
    }

    @Test func deepRecursionHitsTheJITStackAndTheRunGoesOn() throws {
        let text = "INS Vikrant sailed on 30 November 2019. " + String(repeating: "(", count: 100_000) + " INS Kolkata."
        let (status, document, mentions) = try run(text, plugin: Self.deep)
        #expect(status == 0)
        #expect(document["warnings"] == .array([.string("plugin 'deep': JIT stack limit reached while scanning at byte 1; its rules ran one by one from there")]))
        let texts = mentions.compactMap { $0["text"]?.stringValue }
        #expect(texts.contains("30 November 2019"))
        #expect(texts.contains("INS Kolkata"))
    }

    @Test func theMatchLimitIsWhatStopsBacktracking() throws {
        let text = String(repeating: "a", count: 16) + "!b"
        // 2^16 paths: within the default limit, far beyond a limit of 1000.
        #expect(try extract(text, Self.hostile, limits: .init()).ruleFailures == [])
        #expect(try extract(text, Self.hostile, limits: .init(matchLimit: 1000)).ruleFailures.first
                == "plugin 'hostile': match limit exceeded while scanning at byte 0; its rules ran one by one from there")
    }

    @Test func theJITStackSizeIsWhatStopsDeepRecursion() throws {
        let text = String(repeating: "(", count: 3000) + String(repeating: ")", count: 3000)
        let roomy = try extract(text, Self.deep, limits: .init())
        #expect(roomy.ruleFailures == [])
        #expect(roomy.mentions.map(\.byteEnd) == [6000])
        // The smallest JIT stack the scratch allows (32 KiB) cannot hold 3000 levels.
        #expect(try extract(text, Self.deep, limits: .init(jitStackBytes: 0)).ruleFailures.first
                == "plugin 'deep': JIT stack limit reached while scanning at byte 0; its rules ran one by one from there")
    }
}
