import Testing
@testable import GleanerCore

@Suite struct ShortFormLinkerTests {
    static let named = """
        id: named
        version: "1"
        kind: program
        normalizer: name
        linkShortForms: true
        rules:
          - id: any
            pattern: 'Dialogue'
        """

    /// Each name in turn, for a plugin that links short forms (`plugin` 0) or not (1); the
    /// names after the pass.
    func link(_ names: [(plugin: Int, name: String)]) throws -> [String?] {
        let plugins = [try TestPlugins.load(Self.named), try TestPlugins.load(TestPlugins.years)]
        var candidates = names.enumerated().map { index, item in
            Candidate(plugin: item.plugin, rule: 0, bytes: index..<(index + 1), value: .object([("name", .string(item.name))]))
        }
        candidates.append(Candidate(plugin: 0, rule: 0, bytes: 90..<91, value: .string("Policy Dialogue")))
        let bytes = Array(repeating: UInt8(ascii: "x"), count: 100)
        var decisions: [Decision] = []
        bytes.withUnsafeBufferPointer { buffer in
            let context = MergeContext(document: Document(id: "t", source: "t", text: ""), bytes: buffer, plugins: plugins)
            ShortFormLinker().apply(to: &candidates, in: context, decisions: &decisions)
        }
        #expect(candidates.last?.value == .string("Policy Dialogue"))
        #expect(decisions.isEmpty)
        return candidates.dropLast().map { $0.value?["name"]?.stringValue }
    }

    @Test func shortFormTakesTheLatestLongerNameItEnds() throws {
        let linked = try link([
            (0, "India-Japan Defence Policy Dialogue"),
            (0, "Defence Policy Dialogue"),
            (0, "Policy Dialogue"),
            (0, "Maritime Policy Dialogue"),
            (0, "policy DIALOGUE"),
            (0, "Dialogue"),
            (0, "Defence Policy Dialogue"),
            (1, "Policy Dialogue"),
        ])
        #expect(linked == [
            "India-Japan Defence Policy Dialogue",
            "India-Japan Defence Policy Dialogue",
            "India-Japan Defence Policy Dialogue",
            "Maritime Policy Dialogue",
            "Maritime Policy Dialogue",
            "Dialogue",
            "India-Japan Defence Policy Dialogue",
            "Policy Dialogue",
        ])
    }

    @Test func namesThatAreNotASCIIAreComparedAsWords() throws {
        let linked = try link([
            (0, "Sécurité Maritime Forum"),
            (0, "maritime forum"),
            (0, "Défense Policy Dialogue"),
            (0, "India Policy Dialogue"),
            (0, "Policy\u{2013}Dialogue"),
            (0, "Sud Défense Policy Dialogue"),
            (0, "policy dialogue"),
        ])
        #expect(linked == [
            "Sécurité Maritime Forum",
            "Sécurité Maritime Forum",
            "Défense Policy Dialogue",
            "India Policy Dialogue",
            "India Policy Dialogue",
            "Sud Défense Policy Dialogue",
            "Sud Défense Policy Dialogue",
        ])
    }

    @Test func suffixTableKeepsTheLatestLinkPerHash() {
        var table = ShortFormLinker.EarlierNames.SuffixTable()
        var expected: [UInt64: Int] = [:]
        #expect(table[42] == -1)
        var state: UInt64 = 3
        for link in 0..<500 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            // Few distinct hashes, many sharing their low bits (the same slot).
            let hash = (state >> 60) << 40 | (state >> 33) % 7
            table[hash] = link
            expected[hash] = link
        }
        for (hash, link) in expected { #expect(table[hash] == link) }
        #expect(table[1 << 63] == -1)
    }
}
