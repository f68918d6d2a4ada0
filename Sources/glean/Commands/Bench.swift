import ArgumentParser
import Foundation
import GleanerCore

extension Glean {
    struct Bench: GleanCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure throughput end to end (read, extract, merge, validated JSON Lines written).",
            discussion: """
                Builds a corpus in memory by replicating the documents of --source into --mb megabytes of \
                separate documents (or reads --corpus as is), runs --warmup rounds then --rounds timed rounds, \
                and prints median and spread of MB/s, documents/s and mentions/s, the time share per plugin \
                and per stage, peak RSS, and the ratio to a reference scan (the same rules as plain PCRE2-JIT \
                alternations, one pass per plugin, counting matches) on the same documents.
                """)

        @Option(help: "Use these files or folders as the corpus instead of generating one.")
        var corpus: [String] = []

        @Option(help: "Documents to replicate when generating (default: Corpus/articles where there is one, else the plugins' example texts).")
        var source: String?

        @Option(help: "Size of the generated corpus in MB.")
        var mb: Double = 10

        @Option(help: "Timed rounds.")
        var rounds = 5

        @Option(help: "Untimed warm-up rounds.")
        var warmup = 1

        @Flag(help: "Print one JSON object instead of a table.")
        var json = false

        @Flag(help: "Match once, then time only what follows matching in every round (merge, records, hashes, JSON Lines written).")
        var afterMatching = false

        @Flag(help: "Also print what each rule costs: PCRE2 time in prefilter windows, candidate ends, confirmed starts, bytes searched.")
        var rules = false

        @Flag(help: "Also compile each rule's prefilter alone and time Vectorscan scanning the corpus with it once: which rules make the shared scan slow (compiling takes a while).")
        var scanCosts = false

        @OptionGroup var options: ExtractionOptions

        @OptionGroup var htmlText: HTMLTextOptions


        func execute() throws {
            let engine = try options.loadEngine()
            let readStarted = EngineProfile.now()
            let documents = corpus.isEmpty
                ? ThroughputBenchmark.generate(from: try sourceDocuments(engine.plugins), megabytes: mb)
                : try readDocuments(corpus, htmlText: htmlText.mode)
            let readSeconds = Double(EngineProfile.now() - readStarted) / 1e9
            let bench = ThroughputBenchmark(engine: engine, documents: documents, jobs: options.jobs)
            let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("glean-bench-\(getpid())").path
            defer { try? FileManager.default.removeItem(atPath: scratch) }
            var results: [ThroughputBenchmark.Round] = []
            let matched = afterMatching ? bench.matchOnce() : nil
            do {
                for _ in 0..<warmup { _ = try bench.round(in: scratch, after: matched) }
                for _ in 0..<max(1, rounds) { results.append(try bench.round(in: scratch, after: matched)) }
            } catch {
                throw CLIError.output(String(describing: error))
            }
            let reference = afterMatching ? (seconds: 0, matches: []) : bench.referenceScan()
            let report = BenchReport(bench: bench, rounds: results, reference: reference, readSeconds: readSeconds,
                                     peakRSS: ThroughputBenchmark.peakResidentBytes)
            print(json ? JSONWriter.string(report.json) : report.table)
            if rules, !json { print(report.ruleTable) }
            if scanCosts, !json {
                print(BenchReport.scanCostTable(CandidatePrefilter.scanCosts(for: engine.plugins, documents: documents),
                                                megabytes: Double(bench.bytes) / 1e6))
            }
        }

        /// What `--mb` replicates: --source, else Corpus/articles in a clone of the repository,
        /// else one document per plugin made of its examples' texts (bench works anywhere).
        private func sourceDocuments(_ plugins: [Plugin]) throws -> [Document] {
            if let source { return try readDocuments([source]) }
            if FileManager.default.fileExists(atPath: InputPlan.defaultFolder) { return try readDocuments([InputPlan.defaultFolder]) }
            if !json { printError("glean: no --source and no \(InputPlan.defaultFolder) here: replicating the plugins' example texts") }
            return plugins.map { plugin in
                let examples = plugin.manifest.examples + plugin.manifest.rules.flatMap(\.examples)
                let text = examples.compactMap { MarkedText($0.text)?.text }.joined(separator: "\n\n")
                return Document(id: "examples-\(plugin.id)", source: "examples of \(plugin.id)", text: text)
            }
        }
    }
}
