import Testing
@testable import GleanerCore

@Suite struct MentionBuilderTests {
    private static let text = "Tōkyō paid ¥5 billion (about $46 million) in 2021. Then 2022.\nAnd 2023 again; 2021 too."

    /// Candidates out of start order, with block matches and links, over non-ASCII text.
    private static func candidates(_ bytes: [UInt8]) -> [Candidate] {
        func range(of token: String, from: Int = 0) -> Range<Int> {
            let needle = Array(token.utf8)
            for start in from...(bytes.count - needle.count) where Array(bytes[start..<(start + needle.count)]) == needle {
                return start..<(start + needle.count)
            }
            fatalError("no \(token)")
        }
        let yen = range(of: "¥5 billion"), dollars = range(of: "$46 million")
        var linked = Candidate(plugin: 0, rule: 0, bytes: dollars, value: .string("46000000"))
        linked.link = CandidateLink(relation: MentionLink.equivalentOf, target: yen)
        let first2021 = range(of: "2021")
        return [
            Candidate(plugin: 0, rule: 0, bytes: yen, value: .string("5000000000")),
            linked,
            Candidate(plugin: 0, rule: 0, bytes: range(of: "2023"), value: .string("2023"), inferred: ["year"]),
            Candidate(plugin: 0, rule: 0, bytes: first2021, value: .string("2021")),
            Candidate(plugin: 0, rule: 0, bytes: range(of: "Then"), value: nil),
            Candidate(plugin: 0, rule: 0, bytes: range(of: "2022"), value: .string("2022")),
            Candidate(plugin: 0, rule: 0, bytes: range(of: "2021", from: first2021.upperBound), value: .string("2021")),
        ]
    }

    private static func plugin() throws -> Plugin {
        try TestPlugins.load(TestPlugins.manifest("things", rules: "  - id: any\n    pattern: 'x'\n"))
    }

    @Test func recordsMadeOneAtATimeAreTheRecordsBuilt() throws {
        let plugins = [try Self.plugin()]
        let bytes = Array(Self.text.utf8)
        let document = Document(id: "d", source: "d", text: Self.text)
        let candidates = Self.candidates(bytes)
        bytes.withUnsafeBufferPointer { buffer in
            let context = MergeContext(document: document, bytes: buffer, plugins: plugins)
            let (built, problem) = MentionBuilder.build(candidates, in: context)
            #expect(problem == nil)
            #expect(MentionBuilder.validationError(candidates, in: context) == nil)
            var streamed: [Mention] = []
            MentionBuilder.forEach(candidates, in: context) { streamed.append($0) }
            #expect(streamed == built)
            #expect(built.map(\.text) == ["¥5 billion", "$46 million", "2021", "2022", "2023", "2021"])
            #expect(built[1].equivalentOf == built[0].id)
            #expect(built.map { $0.sentence?.index } == [0, 0, 0, 1, 2, 2])
            #expect(built[0].start == 11 && built[0].byteStart == 13)
        }
    }

    @Test func anInvalidRecordFailsTheDocumentBeforeAnyIsMade() throws {
        let plugins = [try Self.plugin()]
        let bytes = Array(Self.text.utf8)
        let document = Document(id: "d", source: "d", text: Self.text)
        // The second byte of `ō`: a span that starts inside a character holds no code point of its own.
        let candidates = Self.candidates(bytes) + [Candidate(plugin: 0, rule: 0, bytes: 2..<3, value: .string("x"))]
        bytes.withUnsafeBufferPointer { buffer in
            let context = MergeContext(document: document, bytes: buffer, plugins: plugins)
            let (built, problem) = MentionBuilder.build(candidates, in: context)
            #expect(built.isEmpty)
            #expect(problem == "record d#2-2 (things@1 rule any) failed validation: empty or negative span")
            #expect(MentionBuilder.validationError(candidates, in: context) == problem)
        }
    }

    @Test func countsFollowTheKindsGivenAndSkipOthers() {
        var counts = DocumentRecord.Counts(kinds: ["money", "date"])
        for kind in ["date", "money", "date", "program"] { counts.add(kind) }
        #expect(counts.pairs.map(\.0) == ["money", "date"])
        #expect(counts.pairs.map(\.1) == [1, 2])
    }
}
