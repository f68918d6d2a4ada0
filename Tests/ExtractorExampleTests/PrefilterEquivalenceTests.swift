import Foundation
import GleanerCatalog
import GleanerCore
import Testing

/// The Vectorscan prefilter must not change a single result: every candidate (before the
/// merge) and every mention is compared with PCRE2 scanning alone, on the corpus articles,
/// the held-out articles, and a generated corpus that cuts, splices and respaces them.
@Suite struct PrefilterEquivalenceTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let plugins = try! Catalog.plugins()
    static let prefiltered = Engine(plugins: plugins)
    static let alone = Engine(plugins: plugins, prefilter: false)

    static func articles() -> [(String, String)] {
        ["Corpus/articles", "Plugins/Programs/HeldOut"].flatMap { folder -> [(String, String)] in
            let directory = root.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            return names.sorted().filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }.compactMap { name in
                (try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)).map { ("\(folder)/\(name)", $0) }
            }
        }
    }

    /// Deterministic variations of the articles: sentences shuffled and spliced mid-word,
    /// blanks widened to runs of spaces, no-break spaces and line breaks, dashes swapped, case
    /// flipped: the places where a window bound (blank runs, barriers, lengths) could be wrong.
    static func generated(count: Int) -> [(String, String)] {
        var random = SplitMix64(seed: 20_261_121)
        let pieces = articles().flatMap { $0.1.split(omittingEmptySubsequences: true) { $0 == "." || $0 == "\n" } }.map(String.init)
        return (0..<count).map { index in
            var text = ""
            for _ in 0..<40 {
                var piece = pieces[Int(random.next() % UInt64(pieces.count))]
                switch random.next() % 6 {
                case 0: piece = piece.replacingOccurrences(of: " ", with: ["  ", "\u{00A0}", " \n ", "\t", "   \u{00A0} "][Int(random.next() % 5)])
                case 1: piece = piece.replacingOccurrences(of: "-", with: ["\u{2013}", " - ", "--", "\u{2010}"][Int(random.next() % 4)])
                case 2: piece = random.next() % 2 == 0 ? piece.uppercased() : piece.lowercased()
                case 3: piece = String(piece.dropFirst(Int(random.next() % UInt64(max(1, piece.count)))))
                default: break
                }
                text += piece + [". ", ", ", "; ", "\n\n", " (", ") ", " \u{201C}"][Int(random.next() % 7)]
            }
            return ("generated-\(index)", text)
        }
    }

    @Test func prefilterIsActiveWhenBuiltWithVectorscan() {
        #expect((Self.prefiltered.prefilter != nil) == VectorscanDatabase.isAvailable)
    }

    @Test(arguments: articles() + generated(count: 200))
    func prefilteredResultsEqualPCRE2Alone(_ input: (String, String)) {
        let document = Document(id: input.0, source: input.0, text: input.1)
        let fast = Self.prefiltered.extract(document, scratch: Self.prefiltered.makeScratch(), keepCandidates: true)
        let slow = Self.alone.extract(document, scratch: Self.alone.makeScratch(), keepCandidates: true)
        #expect(fast.ruleFailures == slow.ruleFailures)
        #expect(fast.candidates.map(Self.describe) == slow.candidates.map(Self.describe))
        #expect(fast.mentions.map(\.id) == slow.mentions.map(\.id))
        #expect(fast.mentions.map { "\($0.value)" } == slow.mentions.map { "\($0.value)" })
    }

    static func describe(_ candidate: Candidate) -> String {
        "\(candidate.plugin).\(candidate.rule) \(candidate.bytes) \(candidate.value.map { "\($0)" } ?? "block")"
    }
}

/// A small seeded generator, so the generated corpus is the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
