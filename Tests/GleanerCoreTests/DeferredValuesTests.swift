import Testing
@testable import GleanerCore

/// Values made after the overlap pass, for the candidates it keeps (`DeferredValues`), give the
/// mentions and decisions of values made for every candidate as it is found (what `extract`
/// does when it keeps the candidates), including where the normalizer rejects matches.
@Suite struct DeferredValuesTests {
    /// Rejects every match with an `x`; the value is the text, upper-cased.
    struct Picky: Normalizer {
        func normalize(_ match: RuleMatch) -> Normalization? {
            let text = match.text
            return text.contains("x") ? nil : Normalization(value: .string(text.uppercased()))
        }
    }

    static let picky = """
        id: picky
        version: "1"
        kind: thing
        normalizer: picky
        rules:
          - id: pair
            pattern: '\\b[a-z]+ [a-z]+\\b'
          - id: word
            pattern: '\\b[a-z]+\\b'
          - id: tagged
            pattern: '#(?<tag>[a-z]+)'
            span: tag
          - id: stop
            action: block
            pattern: '\\bstop\\b'
        """

    static func lines(_ result: Engine.Result) -> [String] {
        var bytes: [UInt8] = []
        RecordEncoder.append(result.mentions, to: &bytes)
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    static func decisions(_ result: Engine.Result) -> [String] {
        result.decisions.map { decision in
            var bytes: [UInt8] = []
            RecordEncoder.append(decision, doc: "t", to: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    @Test func valuesMadeForKeptCandidatesGiveTheSameMentionsAndDecisions() throws {
        let factory = NormalizerFactory(id: "picky") { _ in Picky() }
        let plugin = try TestPlugins.load(Self.picky, normalizers: [factory])
        let engine = Engine(plugins: [plugin, try TestPlugins.load(TestPlugins.years)])
        let words = ["ab", "xy", "cd", "box", "stop", "ef", "#gh", "#xa", "2019", "tax", "ij"]
        var generator = SystemRandomNumberGenerator()
        var deferredSomewhere = false
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 0...14, using: &generator)).map { _ in words.randomElement(using: &generator)! }
                .joined(separator: [" ", " ", ", "].randomElement(using: &generator)!)
            let document = Document(id: "t", source: "t", text: text)
            let eager = engine.extract(document, scratch: engine.makeScratch(), keepCandidates: true)
            let deferred = engine.extract(document, scratch: engine.makeScratch())
            #expect(Self.lines(deferred) == Self.lines(eager), "\(text)")
            #expect(Self.decisions(deferred) == Self.decisions(eager), "\(text)")
            #expect(eager.candidates.allSatisfy { !$0.isPending })
            if text.contains("x") { deferredSomewhere = true }
        }
        #expect(deferredSomewhere)
    }

    @Test func onlyRulesWhoseMatchIsTheirCandidateDeferTheirValues() throws {
        let factory = NormalizerFactory(id: "picky") { _ in Picky() }
        let plugin = try TestPlugins.load(Self.picky, normalizers: [factory])
        let deferring = plugin.rules.map { plugin.defersValue(of: $0) }
        // `tagged` has a span group; a block rule has no value at all.
        #expect(deferring == [true, true, false, false])
    }
}
