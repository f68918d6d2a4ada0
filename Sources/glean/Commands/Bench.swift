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

        @Option(help: ArgumentHelp("Also measure another build of glean on the same documents, its rounds between this build's, and print both side by side.", valueName: "glean-executable"))
        var baseline: String?

        @Option(help: "With --baseline: how many times to run the other build (each with its own warm-up, its rounds split among them).")
        var baselineRuns = 1

        @Flag(help: "Also time the documents with --jobs 1 and --jobs 2, rounds alternated, and print the speedup.")
        var scaling = false

        @Flag(help: "Match once, then time only what follows matching in every round (merge, records, hashes, JSON Lines written).")
        var afterMatching = false

        @Flag(help: "Also print what each rule costs: PCRE2 time in prefilter windows, candidate ends, confirmed starts, bytes searched.")
        var rules = false

        @Flag(help: "Also compile each rule's prefilter alone and time Vectorscan scanning the corpus with it once: which rules make the shared scan slow (compiling takes a while).")
        var scanCosts = false

        @OptionGroup var options: ExtractionOptions

        @OptionGroup var htmlText: HTMLTextOptions


        func execute() throws {
            // The warm start a user waits for: manifests and lexicons read, rules compiled, the
            // prefilter loaded from the cache (or compiled when it is not there).
            let loadCPU = ThroughputBenchmark.processCPUSeconds
            let loadStarted = EngineProfile.now()
            let engine = try options.loadEngine()
            let loadLine = String(format: "engine load     %.2f s CPU, %.2f s wall (plugins read and compiled, prefilter loaded)",
                                  ThroughputBenchmark.processCPUSeconds - loadCPU, Double(EngineProfile.now() - loadStarted) / 1e9)
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
            let comparison = try baselineComparison()
            var baselineMeasurements: [BenchMeasurement] = []
            var jobsScaling: JobsScaling?
            do {
                for _ in 0..<warmup { _ = try bench.round(in: scratch, after: matched) }
                // With --baseline, the other build's runs sit between slices of these rounds.
                let slices = comparison == nil ? [max(1, rounds)] : BenchComparison.slices(rounds: max(1, rounds), runs: baselineRuns)
                for (index, count) in slices.enumerated() {
                    if index > 0, let comparison {
                        baselineMeasurements.append(try comparison.measure(
                            rounds: BenchComparison.roundsPerRun(rounds: max(1, rounds), runs: baselineRuns), warmup: max(1, warmup)))
                    }
                    for _ in 0..<count { results.append(try bench.round(in: scratch, after: matched)) }
                }
                if scaling {
                    jobsScaling = try JobsScaling.measure(engine: engine, documents: documents, rounds: rounds, warmup: warmup, in: scratch)
                }
            } catch let error as CLIError {
                throw error
            } catch {
                throw CLIError.output(String(describing: error))
            }
            let reference = afterMatching ? (seconds: 0, matches: []) : bench.referenceScan()
            let report = BenchReport(bench: bench, rounds: results, reference: reference, readSeconds: readSeconds,
                                     peakRSS: ThroughputBenchmark.peakResidentBytes)
            let this = BenchMeasurement(rounds: results, documents: documents.count, bytes: bench.bytes, peakRSSBytes: report.peakRSS)
            let other = baselineMeasurements.isEmpty ? nil : BenchMeasurement.combined(baselineMeasurements)
            if json {
                var object = report.json
                for (key, value) in report.measurementFields { object = object.setting(key, to: value) }
                if let other, let baseline {
                    object = object.setting("baseline", to: BenchComparison.json(this: this, baseline: other, executable: baseline, runs: baselineRuns))
                }
                if let jobsScaling { object = object.setting("jobsScaling", to: jobsScaling.json) }
                print(JSONWriter.string(object))
            } else {
                print(report.table)
                print(loadLine)
                if let other, let baseline {
                    print(BenchComparison.table(this: this, baseline: other, executable: baseline, runs: baselineRuns))
                }
                if let jobsScaling { print(jobsScaling.table) }
            }
            if rules, !json { print(report.ruleTable) }
            if scanCosts, !json {
                print(BenchReport.scanCostTable(CandidatePrefilter.scanCosts(for: engine.plugins, documents: documents),
                                                megabytes: Double(bench.bytes) / 1e6))
            }
        }

        /// `--baseline`: the other build, given this run's corpus, plugin and job options.
        private func baselineComparison() throws(CLIError) -> BenchComparison? {
            guard let baseline else { return nil }
            guard baselineRuns >= 1 else { throw CLIError.usage("--baseline-runs must be at least 1") }
            guard !afterMatching else { throw CLIError.usage("--baseline measures whole rounds: leave out --after-matching") }
            guard FileManager.default.isExecutableFile(atPath: baseline) else {
                throw CLIError.usage("--baseline \(baseline): not an executable file")
            }
            // The arguments after `bench`, as the user gave them.
            let given = CommandLine.arguments.dropFirst().drop { $0 != "bench" }.dropFirst()
            return BenchComparison(executable: baseline, arguments: BenchComparison.forwardedArguments(Array(given)))
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
