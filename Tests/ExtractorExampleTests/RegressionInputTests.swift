import Foundation
import GleanerCatalog
import GleanerCore
import Testing

/// Replays the fuzzers' inputs (Fuzz/regressions: crashes once found, kept; Fuzz/corpus: the
/// seeds) with the fuzz targets' checks, so a fixed crash stays fixed without running libFuzzer.
/// Here rather than in GleanerCoreTests because the engine target needs the built-in plugins.
@Suite struct RegressionInputTests {
    static let fuzz = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fuzz")

    static func inputs(_ target: String) -> [URL] {
        ["regressions", "corpus"].flatMap { folder -> [URL] in
            let directory = fuzz.appendingPathComponent(folder).appendingPathComponent(target)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            return names.sorted().filter { !$0.hasPrefix(".") && $0 != "README.md" }.map { directory.appendingPathComponent($0) }
        }
    }

    static let engine = Engine(plugins: try! Catalog.plugins())
    static let schemas = PluginLoader.schemas(of: engine.plugins)

    @Test(arguments: inputs("engine")) func engineInputKeepsTheInvariants(_ file: URL) throws {
        let bytes = [UInt8](try Data(contentsOf: file))
        let text = TextDecoder.decode(bytes).text
        for reference in [nil, CalendarDate(year: 2019, month: 6, day: 15)] {
            let result = Self.engine.extract(Document(id: "fuzz", source: file.lastPathComponent, text: text, referenceDate: reference),
                                             scratch: Self.engine.makeScratch())
            #expect(result.validationError == nil)
            #expect(result.ruleFailures == [])
            var utf8 = Array(text.utf8)
            utf8.withUnsafeMutableBufferPointer { buffer in
                let bytes = UnsafeBufferPointer(buffer)
                var previousEnd = 0
                for mention in result.mentions {
                    #expect(mention.byteStart >= previousEnd, "\(mention.id) overlaps or is out of order")
                    #expect(RecordValidator.problem(in: mention, bytes: bytes, schema: Self.schemas[mention.kind]!) == nil, "\(mention.id)")
                    let start = bytes[..<mention.byteStart].count { $0 & 0xC0 != 0x80 }
                    #expect(mention.start == start && mention.end - mention.start == mention.text.unicodeScalars.count, "\(mention.id)")
                    previousEnd = mention.byteEnd
                }
            }
        }
    }

    @Test(arguments: inputs("manifest")) func manifestInputLoadsOrFailsWithAMessage(_ file: URL) throws {
        let bundle = PluginBundle(origin: "fuzz", files: [
            "manifest.yaml": [UInt8](try Data(contentsOf: file)),
            "terms.tsv": Array("Malabar\tMalabar\nRed Flag\tRed Flag\nGaganyaan\n# comment\n\n".utf8),
        ])
        do {
            let plugin = try Catalog.loader.load(bundle)
            let engine = Engine(plugins: [plugin])
            _ = engine.extract(Document(id: "fuzz", source: "fuzz", text: "On 30 November 2019, Malabar 2019 cost ₹90 crore."),
                               scratch: engine.makeScratch(limits: .init(matchLimit: 100_000, jitStackBytes: 64 << 10)))
        } catch {
            #expect(!error.message.isEmpty)
            #expect(error.file == "fuzz/manifest.yaml" || error.file.hasPrefix("fuzz/"))
        }
    }

    /// FuzzValidate's inputs (Fuzz/Sources/FuzzSupport/FuzzedDataset.swift): the dataset files
    /// and a source text separated by 0x1E, validated without trapping, every message naming
    /// its file.
    @Test(arguments: inputs("validate")) func validateInputIsReportedNotTrapped(_ file: URL) throws {
        let parts = [UInt8](try Data(contentsOf: file)).split(separator: 0x1E, omittingEmptySubsequences: false).map(Array.init)
        let names = ["documents.jsonl", "mentions.jsonl", "entities.jsonl", "run.json"]
        var validator = DatasetValidator(
            directory: "fuzz",
            readFile: { name in names.firstIndex(of: name).flatMap { $0 < parts.count ? parts[$0] : nil } },
            readText: { source in
                guard !source.hasPrefix("<stdin>"), parts.count > names.count else { return .failure(.init(reason: "gone")) }
                return .success(TextDecoder.decode(parts[names.count]).text)
            })
        let messages = validator.validate() + validator.notes
        #expect(messages.allSatisfy { $0.hasPrefix("fuzz/") }, "\(messages)")
    }
}
