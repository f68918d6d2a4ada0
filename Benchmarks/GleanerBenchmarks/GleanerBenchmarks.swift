import Benchmark
import Foundation
import GleanerCatalog
import GleanerCore

/// The engine's hot paths on Corpus/articles (5 articles, 34 KB): one iteration is the whole
/// corpus unless the name says otherwise. Patterns are compiled and inputs read in each
/// benchmark's setup, outside the measurement. Run and compare: Benchmarks/README.md.
let benchmarks: @Sendable () -> Void = {
    let extraction = SuiteConfiguration.configuration(perDocument: true)

    Benchmark("Engine.extract, all plugins", configuration: extraction) { benchmark, fixture in
        benchmark.measureRate(bytes: fixture.bytes, documents: fixture.documents.count) {
            blackHole(fixture.extractAll())
        }
    } setup: {
        makeFixture { ExtractionFixture(plugins: try Catalog.plugins(), documents: try BenchmarkCorpus.articles()) }
    }

    // One plugin alone, merge included: where the time of "all plugins" goes.
    for (name, bundle) in Catalog.bundles {
        Benchmark("Engine.extract, \(name) only", configuration: extraction) { (benchmark, fixture: ExtractionFixture) in
            benchmark.measureRate(bytes: fixture.bytes, documents: fixture.documents.count) {
                blackHole(fixture.extractAll())
            }
        } setup: {
            makeFixture {
                let plugins = try Catalog.loader.loadAll(builtIn: [bundle], directories: [], kinds: nil)
                return ExtractionFixture(plugins: plugins, documents: try BenchmarkCorpus.articles())
            }
        }
    }

    // No peak RSS: its sampler thread allocates every few milliseconds, which would be most of
    // the mallocs counted here (a few dozen, against thousands for the engine).
    Benchmark("Reference scan, all plugins", configuration: SuiteConfiguration.configuration(peakMemory: false)) {
        benchmark, fixture in
        benchmark.measureRate(bytes: fixture.bytes) { blackHole(fixture.referenceScanAll()) }
    } setup: {
        makeFixture { ExtractionFixture(plugins: try Catalog.plugins(), documents: try BenchmarkCorpus.articles()) }
    }

    Benchmark("MergePipeline.standard, all plugins' candidates", configuration: SuiteConfiguration.configuration()) {
        (benchmark, state: (fixture: ExtractionFixture, unmerged: [(document: Document, candidates: [Candidate])])) in
        benchmark.measureRate(bytes: state.fixture.bytes) { blackHole(state.fixture.merge(state.unmerged)) }
    } setup: {
        makeFixture {
            let fixture = ExtractionFixture(plugins: try Catalog.plugins(), documents: try BenchmarkCorpus.articles())
            return (fixture: fixture, unmerged: fixture.unmergedCandidates())
        }
    }

    // Bytes are the JSON Lines written, not the text the mentions came from.
    Benchmark("RecordEncoder, mentions to JSON Lines", configuration: SuiteConfiguration.configuration()) {
        (benchmark, state: (mentions: [Mention], encodedBytes: Int)) in
        benchmark.measureRate(bytes: state.encodedBytes) {
            var buffer: [UInt8] = []
            buffer.reserveCapacity(state.encodedBytes)
            for mention in state.mentions { RecordEncoder.append(mention, to: &buffer) }
            blackHole(buffer)
        }
    } setup: {
        makeFixture {
            let fixture = ExtractionFixture(plugins: try Catalog.plugins(), documents: try BenchmarkCorpus.articles())
            let mentions = fixture.extractAll().flatMap(\.mentions)
            var encoded: [UInt8] = []
            for mention in mentions { RecordEncoder.append(mention, to: &encoded) }
            return (mentions: mentions, encodedBytes: encoded.count)
        }
    }

    Benchmark("SHA256.hex, every article", configuration: SuiteConfiguration.configuration()) { benchmark, texts in
        benchmark.measureRate(bytes: texts.reduce(0) { $0 + $1.utf8.count }) {
            for text in texts { blackHole(SHA256.hex(text.utf8)) }
        }
    } setup: {
        makeFixture { try BenchmarkCorpus.articles().map(\.text) }
    }

    // Reading includes opening the file, decoding UTF-8 and, for HTML, libxml2 parsing and
    // dropping the markup; bytes are the file's.
    Benchmark("InputReader, .txt article", configuration: SuiteConfiguration.configuration()) { (benchmark, file: InputFile) in
        benchmark.measureRate(bytes: file.bytes) { blackHole(file.reader.documents(from: file.source)) }
    } setup: {
        makeFixture { try InputFile(path: try BenchmarkCorpus.largestArticle().source) }
    }

    let htmlFolder = FileManager.default.temporaryDirectory.appendingPathComponent("gleaner-bench-html-\(getpid())").path
    Benchmark("InputReader, .html article", configuration: SuiteConfiguration.configuration()) { (benchmark, file: InputFile) in
        benchmark.measureRate(bytes: file.bytes) { blackHole(file.reader.documents(from: file.source)) }
    } setup: {
        makeFixture {
            try FileManager.default.createDirectory(atPath: htmlFolder, withIntermediateDirectories: true)
            let path = htmlFolder + "/article.html"
            try BenchmarkCorpus.writeHTMLPage(of: try BenchmarkCorpus.largestArticle(), to: path)
            return try InputFile(path: path)
        }
    } teardown: {
        try? FileManager.default.removeItem(atPath: htmlFolder)
    }

    // End to end as `glean bench` runs it (extract, merge, validated JSON Lines written to a
    // dataset folder), on one job so that another process on the machine matters less.
    // 0.1 MB: about half a second a round at today's speed.
    let roundFolder = FileManager.default.temporaryDirectory.appendingPathComponent("gleaner-bench-round-\(getpid())").path
    let roundMegabytes = SuiteConfiguration.isSmokeRun ? 0.01 : 0.1
    Benchmark("ThroughputBenchmark.round, generated corpus, 1 job",
              configuration: SuiteConfiguration.configuration(perDocument: true, maxDuration: .seconds(5))) {
        (benchmark, bench: ThroughputBenchmark) in
        // A failed round ends the process, for the reason makeFixture gives.
        do {
            try benchmark.measureRate(bytes: bench.bytes, documents: bench.documents.count) {
                blackHole(try bench.round(in: roundFolder))
            }
        } catch {
            fatalError("GleanerBenchmarks: round failed: \(error)")
        }
    } setup: {
        makeFixture {
            let documents = ThroughputBenchmark.generate(from: try BenchmarkCorpus.articles(), megabytes: roundMegabytes)
            return ThroughputBenchmark(engine: Engine(plugins: try Catalog.plugins()), documents: documents, jobs: 1)
        }
    } teardown: {
        try? FileManager.default.removeItem(atPath: roundFolder)
    }

    // A user's long list: a manifest-only plugin (scripts/make-lexicon-plugin.py) beside the
    // built-ins. Loading is the whole start: manifests read, patterns compiled, the engine built
    // (with a warm ~/.cache/glean after the first iteration: a warm start). Extraction is 1 MB of
    // articles with every plugin on; 1k names beside 100k shows what the length of the list costs.
    let lexiconFolder = FileManager.default.temporaryDirectory.appendingPathComponent("gleaner-bench-lexicon-\(getpid())").path
    let lexiconBytes = SuiteConfiguration.isSmokeRun ? 10_000 : 1_000_000
    for names in SuiteConfiguration.lexiconSizes {
        let label = "\(names / 1000)k names"
        Benchmark("Lexicon plugin, \(label), load and build the engine",
                  configuration: SuiteConfiguration.configuration(maxDuration: .seconds(10), warmup: 1)) { benchmark, plugin in
            do {
                blackHole(Engine(plugins: try Catalog.plugins(directories: [plugin])))
            } catch {
                fatalError("GleanerBenchmarks: \(plugin): \(error)")
            }
        } setup: {
            makeFixture { try GeneratedInputs.lexiconPlugin(names: names, in: lexiconFolder) }
        } teardown: {
            try? FileManager.default.removeItem(atPath: lexiconFolder)
        }

        Benchmark("Lexicon plugin, \(label), extract 1 MB, all plugins",
                  configuration: SuiteConfiguration.configuration(perDocument: true, maxDuration: .seconds(10), warmup: 1)) {
            benchmark, fixture in
            benchmark.measureRate(bytes: fixture.bytes, documents: fixture.documents.count) {
                blackHole(fixture.extractAll())
            }
        } setup: {
            makeFixture {
                let plugin = try GeneratedInputs.lexiconPlugin(names: names, in: lexiconFolder)
                return ExtractionFixture(plugins: try Catalog.plugins(directories: [plugin]),
                                         documents: try GeneratedInputs.documents(bytes: lexiconBytes))
            }
        } teardown: {
            try? FileManager.default.removeItem(atPath: lexiconFolder)
        }
    }

    // One long document (a report, a book, a dump): how its working memory grows with its size.
    // Peak RSS is the number to read; the 20 MB of text itself is about 20 of it.
    let largeBytes = SuiteConfiguration.isSmokeRun ? 100_000 : 20_000_000
    Benchmark("Engine.extract, one 20 MB document, all plugins",
              configuration: SuiteConfiguration.configuration(maxDuration: .seconds(20), warmup: 1)) { benchmark, fixture in
        benchmark.measureRate(bytes: fixture.bytes) { blackHole(fixture.extractAll()) }
    } setup: {
        makeFixture { ExtractionFixture(plugins: try Catalog.plugins(), documents: [try GeneratedInputs.largeDocument(bytes: largeBytes)]) }
    }
}
