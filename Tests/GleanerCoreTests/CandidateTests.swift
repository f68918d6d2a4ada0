import Testing
@testable import GleanerCore

@Suite struct CandidateTests {
    @Test func removingKeepsTheOrderAndAsksOncePerCandidateInOrder() {
        for removed in [Set<Int>(), [0], [9], [0, 1, 2], [3, 4, 8], Set(0..<10), [1, 3, 5, 7, 9]] {
            var candidates = (0..<10).map { Candidate(plugin: $0, rule: 0, bytes: $0..<($0 + 1), value: $0 % 2 == 0 ? .int($0) : nil) }
            var asked: [Int] = []
            candidates.removeAllMoving { candidate in
                asked.append(candidate.plugin)
                return removed.contains(candidate.plugin)
            }
            #expect(asked == Array(0..<10))
            #expect(candidates.map(\.plugin) == (0..<10).filter { !removed.contains($0) })
            #expect(candidates.map(\.value) == (0..<10).filter { !removed.contains($0) }.map { $0 % 2 == 0 ? .int($0) : nil })
        }
    }

    @Test func permutingPutsEachCandidateWhereTheOrderSaysAfterTheBase() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let base = Int.random(in: 0...3, using: &generator)
            let count = Int.random(in: 0...12, using: &generator)
            var candidates = (0..<(base + count)).map { Candidate(plugin: $0, rule: 0, bytes: $0..<($0 + 1), value: .int($0)) }
            let order = Array(0..<count).shuffled(using: &generator)
            var working = order
            candidates.permute(from: base, by: &working)
            #expect(candidates.map(\.plugin) == Array(0..<base) + order.map { base + $0 })
            #expect(candidates.map(\.value) == (Array(0..<base) + order.map { base + $0 }).map { .int($0) })
            #expect(working == Array(0..<count))
        }
    }

    @Test func flatStorageReadsBackEveryFieldAsItWasSet() {
        var candidate = Candidate(plugin: 7, rule: -1, bytes: 3_000_000_000..<4_000_000_000, value: .string("x"), inferred: ["year"])
        #expect(candidate.plugin == 7)
        #expect(candidate.rule == -1)
        #expect(candidate.bytes == 3_000_000_000..<4_000_000_000)
        #expect(candidate.length == 1_000_000_000)
        #expect(candidate.link == nil)
        candidate.link = CandidateLink(relation: MentionLink.equivalentOf, target: 10..<25)
        #expect(candidate.link?.relationName == MentionLink.equivalentOf)
        #expect(candidate.link?.target == 10..<25)
        candidate.bytes = 5..<9
        candidate.plugin = 2
        candidate.rule = 4
        #expect(candidate.bytes == 5..<9 && candidate.plugin == 2 && candidate.rule == 4)
        #expect(candidate.value == .string("x") && candidate.inferred == ["year"])
        candidate.link = nil
        #expect(candidate.link == nil)
    }

    /// A long document makes millions of candidates: the layout is what bounds their memory.
    @Test func aCandidateTakesSixtyFourBytes() {
        #expect(MemoryLayout<Candidate>.stride == 64)
    }

    @Test func overlapIsAboutSharedBytes() {
        let a = Candidate(plugin: 0, rule: 0, bytes: 0..<5, value: nil)
        #expect(a.overlaps(Candidate(plugin: 0, rule: 0, bytes: 4..<6, value: nil)))
        #expect(!a.overlaps(Candidate(plugin: 0, rule: 0, bytes: 5..<6, value: nil)))
        #expect(!a.overlaps(Candidate(plugin: 0, rule: 0, bytes: 5..<5, value: nil)))
    }
}
