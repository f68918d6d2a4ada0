import Testing
@testable import GleanerCore

/// The overlap pass makes the plain greedy choice over the whole document, whatever the
/// cluster sizes (small clusters and large ones are searched differently).
@Suite struct OverlapResolverTests {
    @Test func clustersOfEverySizeGiveTheGreedyChoice() throws {
        let plugins = [try TestPlugins.load(TestPlugins.years), try TestPlugins.load(TestPlugins.exercises)]
        var state: UInt64 = 7
        func random(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        let text = String(repeating: "abcdefghij", count: 40)
        let bytes = Array(text.utf8)
        let document = Document(id: "t", source: "t", text: text)
        for trial in 0..<60 {
            // Sparse trials make clusters of one to a few candidates; dense ones clusters of dozens.
            let count = 1 + random(trial % 2 == 0 ? 12 : 90)
            let candidates = (0..<count).map { _ -> Candidate in
                let start = random(380)
                return Candidate(plugin: random(2), rule: 0, bytes: start..<(start + 1 + random(trial % 2 == 0 ? 6 : 20)),
                                 value: .string("v"))
            }
            bytes.withUnsafeBufferPointer { buffer in
                let context = MergeContext(document: document, bytes: buffer, plugins: plugins)
                var merged = candidates
                var decisions: [Decision] = []
                OverlapResolver().apply(to: &merged, in: context, decisions: &decisions)
                let expected = greedy(candidates, context)
                #expect(merged.map(\.bytes) == expected.kept.map { candidates[$0].bytes }, "trial \(trial)")
                #expect(merged.map(\.plugin) == expected.kept.map { candidates[$0].plugin }, "trial \(trial)")
                #expect(decisions.map(\.bytes) == expected.dropped.map { candidates[$0.loser].bytes }, "trial \(trial)")
                #expect(decisions.map { $0.winner?.bytes } == expected.dropped.map { candidates[$0.winner].bytes }, "trial \(trial)")
            }
        }
    }

    /// Longest, leftmost, best ranked, first: each candidate is kept unless it overlaps one
    /// kept before it (the winner named is the leftmost of those). Kept ones by start.
    func greedy(_ candidates: [Candidate], _ context: MergeContext) -> (kept: [Int], dropped: [(loser: Int, winner: Int)]) {
        let order = candidates.indices.sorted { a, b in
            let x = candidates[a], y = candidates[b]
            let rankX = context.traits[x.plugin].rank(ofRule: x.rule), rankY = context.traits[y.plugin].rank(ofRule: y.rule)
            return (-x.length, x.bytes.lowerBound, rankX, a) < (-y.length, y.bytes.lowerBound, rankY, b)
        }
        var kept: [Int] = []
        var dropped: [(loser: Int, winner: Int)] = []
        for index in order {
            let winners = kept.filter { candidates[$0].bytes.overlaps(candidates[index].bytes) }
            if let winner = winners.min(by: { candidates[$0].bytes.lowerBound < candidates[$1].bytes.lowerBound }) {
                dropped.append((index, winner))
            } else {
                kept.append(index)
            }
        }
        return (kept.sorted { candidates[$0].bytes.lowerBound < candidates[$1].bytes.lowerBound }, dropped)
    }
}
