import Foundation
import Testing
@testable import GleanerCore

/// Cases where the prefilter must step aside or widen, checked against PCRE2 scanning alone.
@Suite struct CandidatePrefilterTests {
    func compare(_ yaml: String, _ text: String) throws {
        let plugin = try TestPlugins.load(yaml)
        let prefiltered = Engine(plugins: [plugin])
        let alone = Engine(plugins: [plugin], prefilter: false)
        #expect((prefiltered.prefilter != nil) == VectorscanDatabase.isAvailable)
        let document = Document(id: "t", source: "test", text: text)
        let fast = prefiltered.extract(document, scratch: prefiltered.makeScratch(), keepCandidates: true)
        let slow = alone.extract(document, scratch: alone.makeScratch(), keepCandidates: true)
        #expect(fast.candidates.map { "\($0.rule) \($0.bytes)" } == slow.candidates.map { "\($0.rule) \($0.bytes)" })
        #expect(!slow.candidates.isEmpty)
    }

    @Test func aDocumentWithTooManyCandidatesIsScannedByPCRE2Alone() throws {
        // Five rules that may end at every byte: more events than the budget per byte.
        try compare(TestPlugins.manifest("dense", rules: """
                - {id: a, pattern: '\\w'}
                - {id: b, pattern: '\\w\\w'}
                - {id: c, pattern: '[a-z]'}
                - {id: d, pattern: '[a-z]{2}'}
                - {id: e, pattern: '\\w{3}'}
                """), "every byte here may end a match of every rule")
    }

    @Test func caselessTextBeyondASCIIIsFound() throws {
        try compare(TestPlugins.manifest("accords", rules: """
                - {id: inline, pattern: '(?i)élysée accord'}
                - {id: group, pattern: '(?i:traité) de \\w+'}
                - {id: flag, flags: [caseless], pattern: 'ÉLYSÉE TREATY'}
                """), "The ÉLYSÉE ACCORD, the Traité de Rome and the élysée treaty; TRAITÉ DE Paris.")
    }

    @Test func ruleVectorscanCannotCompileIsScannedByPCRE2Alone() throws {
        try compare(TestPlugins.manifest("nested", rules: """
                - {id: parens, pattern: '\\((?:[^()]|(?R))*\\)'}
                - {id: word, pattern: 'INS \\w+'}
                """), "INS Vikrant (a (nested (group)) here) and INS Kolkata")
    }

    @Test func prefilterCacheKeepsOnlyTheNewestDatabases() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("glean-prune-\(getpid())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let count = PrefilterCache.kept + 6
        for index in 0..<count {
            let path = "\(directory)/prefilter-\(index).hsdb"
            #expect(FileManager.default.createFile(atPath: path, contents: Data([1])))
            _ = FileManager.default.createFile(atPath: path + ".lock", contents: Data())
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: Double(1_000_000 + index))],
                                                  ofItemAtPath: path)
        }
        _ = FileManager.default.createFile(atPath: "\(directory)/unrelated.txt", contents: Data([2]))
        // The database just written is kept even when it is not among the newest.
        PrefilterCache.prune(directory, keeping: "\(directory)/prefilter-0.hsdb")
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: directory))
        let expected = Set((6..<count).flatMap { ["prefilter-\($0).hsdb", "prefilter-\($0).hsdb.lock"] })
            .union(["prefilter-0.hsdb", "prefilter-0.hsdb.lock", "unrelated.txt"])
        #expect(left == expected)
    }
}
