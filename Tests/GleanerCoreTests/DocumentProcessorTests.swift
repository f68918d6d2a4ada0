import Foundation
import Testing
@testable import GleanerCore

/// DocumentProcessor: one document in, its mentions, record and decisions out, the same for
/// every command.
@Suite struct DocumentProcessorTests {
    static func engine() throws -> Engine {
        Engine(plugins: [try TestPlugins.load(TestPlugins.years), try TestPlugins.load(TestPlugins.exercises)])
    }

    /// Earlier results that hold fixed mentions for some ids, and count the look-ups.
    final class Stored: EarlierResults, @unchecked Sendable {
        let mentions: [String: [Mention]]
        let sha256: [String: String]
        private(set) var lookups = 0
        init(mentions: [String: [Mention]], sha256: [String: String]) {
            self.mentions = mentions
            self.sha256 = sha256
        }
        func mentions(for document: Document, sha256: String) throws -> [Mention]? {
            lookups += 1
            return self.sha256[document.id] == sha256 ? mentions[document.id] : nil
        }
    }

    @Test func extractsAndBuildsTheRecord() throws {
        let engine = try Self.engine()
        let text = "Malabar 2019 was held in 2019. COVID-19 spread."
        let processed = try DocumentProcessor(engine: engine).process(Document(id: "a", source: "a.txt", text: text),
                                                                      scratch: engine.makeScratch())
        let direct = engine.extract(Document(id: "a", source: "a.txt", text: text), scratch: engine.makeScratch())
        #expect(processed.mentions.map(\.text) == direct.mentions.map(\.text))
        #expect(processed.mentions.map(\.kind) == ["exercise", "date"])
        #expect(processed.record.id == "a" && processed.record.source == "a.txt")
        #expect(processed.record.sha256 == SHA256.hex(text))
        #expect(processed.record.bytes == text.utf8.count && processed.record.status == "ok")
        #expect(processed.record.counts.map { "\($0.0)=\($0.1)" } == ["date=1", "exercise=1"])
        #expect(!processed.reused && processed.error == nil)
        // Decisions only when asked for.
        #expect(processed.decisions.isEmpty)
        let explained = try DocumentProcessor(engine: engine, decisions: true)
            .process(Document(id: "a", source: "a.txt", text: text), scratch: engine.makeScratch())
        #expect(!explained.decisions.isEmpty)
        #expect(explained.mentions.map(\.id) == processed.mentions.map(\.id))
    }

    @Test func anUnreadableDocumentFailsWithoutExtractionOrLookUp() throws {
        let engine = try Self.engine()
        let stored = Stored(mentions: [:], sha256: [:])
        let processor = DocumentProcessor(engine: engine, earlier: [stored])
        var document = Document(id: "b", source: "b.bin", text: "", failure: "binary file (NUL byte at offset 4): skipped")
        document.warnings = ["page cut short"]
        let processed = try processor.process(document, scratch: engine.makeScratch())
        #expect(processed.mentions.isEmpty)
        #expect(processed.record.status == "error" && processed.error == "binary file (NUL byte at offset 4): skipped")
        #expect(processed.record.warnings == ["page cut short"])
        #expect(stored.lookups == 0)
    }

    @Test func earlierResultsStandInOnlyForUnchangedContent() throws {
        let engine = try Self.engine()
        let text = "Held in 2019."
        let old = Mention.fixture(doc: "c", kind: "date", text: "2019", start: 8, context: "Held in 2019.")
        let stored = Stored(mentions: ["c": [old]], sha256: ["c": SHA256.hex(text)])
        let processor = DocumentProcessor(engine: engine, context: true, earlier: [stored])
        let same = try processor.process(Document(id: "c", source: "c", text: text), scratch: engine.makeScratch())
        #expect(same.reused && same.mentions.map(\.rule) == [old.rule])
        #expect(same.record.counts.map { "\($0.0)=\($0.1)" } == ["date=1", "exercise=0"])
        let changed = try processor.process(Document(id: "c", source: "c", text: "Held in 2020."), scratch: engine.makeScratch())
        #expect(!changed.reused && changed.mentions.map(\.text) == ["2020"])
        #expect(changed.mentions.map(\.context) == ["Held in 2020."])
        #expect(stored.lookups == 2)
    }

    @Test func storedMentionsOfAKindNoPluginExtractsAreCountedByTheirKind() throws {
        let engine = try Self.engine()
        let old = Mention.fixture(doc: "d", kind: "money", text: "$5", start: 0)
        let stored = Stored(mentions: ["d": [old]], sha256: ["d": SHA256.hex("$5 now")])
        let processed = try DocumentProcessor(engine: engine, earlier: [stored])
            .process(Document(id: "d", source: "d", text: "$5 now"), scratch: engine.makeScratch())
        #expect(processed.counts.map { "\($0.0)=\($0.1)" } == ["money=1"])
    }

    /// Mentions handed over one at a time are the ones `process` returns, and the record and
    /// counts are the same; with `--context` too.
    @Test func mentionsHandedOverOneAtATimeAreTheProcessedOnes() throws {
        let engine = try Self.engine()
        let text = "Malabar 2019 was held in 2019. COVID-19 spread. Malabar 2020 followed in 2020."
        let document = Document(id: "a", source: "a.txt", text: text)
        for context in [false, true] {
            let processor = DocumentProcessor(engine: engine, context: context)
            let whole = try processor.process(document, scratch: engine.makeScratch())
            var handed: [Mention] = []
            let streamed = try processor.process(document, scratch: engine.makeScratch()) { handed.append($0) }
            var expected: [UInt8] = [], got: [UInt8] = []
            RecordEncoder.append(whole.mentions, to: &expected)
            RecordEncoder.append(handed, to: &got)
            #expect(got == expected && handed.count == 4)
            #expect(streamed.mentions.isEmpty)
            #expect(streamed.counts.map { "\($0.0)=\($0.1)" } == whole.counts.map { "\($0.0)=\($0.1)" })
            var record: [UInt8] = [], streamedRecord: [UInt8] = []
            RecordEncoder.append(whole.record, to: &record)
            RecordEncoder.append(streamed.record, to: &streamedRecord)
            #expect(streamedRecord == record)
        }
    }
}

extension Mention {
    /// A stored mention of an ASCII text at code point `start`.
    static func fixture(doc: String, kind: String, text: String, start: Int, context: String? = nil) -> Mention {
        Mention(doc: doc, kind: kind, start: start, end: start + text.count, byteStart: start, byteEnd: start + text.utf8.count,
                text: text, value: .object([("text", .string(text))]), extractor: "stored@1", rule: "stored", context: context)
    }
}
