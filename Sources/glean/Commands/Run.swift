import ArgumentParser
import Foundation
import GleanerCore
import GleanerStore

extension Glean {
    struct Run: GleanCommand {
        static let configuration = CommandConfiguration(
            abstract: "Extract mentions from files, folders or JSON Lines and write the dataset folder.")

        @Argument(help: "Files or folders to read; '-' reads JSON Lines from standard input (default: Corpus/articles, where there is one).")
        var paths: [String] = []

        @Option(name: .shortAndLong, help: "The dataset folder.")
        var out = "dataset"

        @Flag(help: "Also write decisions.jsonl: every candidate the merge dropped, with the reason.")
        var explain = false

        @Flag(help: "Add each mention's sentence as `context`.")
        var context = false

        @Option(help: "Also write to this SQLite database: unchanged documents are not re-extracted, changed ones replace their rows.")
        var db: String?

        @Flag(help: "With --db: delete documents that are no longer in the inputs.")
        var prune = false

        @Flag(help: "Continue an interrupted run from .DIR.glean-partial/, and reuse the documents of DIR whose content is unchanged.")
        var resume = false

        @Flag(help: "Let a run over zero documents replace an existing dataset with an empty one.")
        var allowEmpty = false

        @OptionGroup var inputFilter: InputFilterOptions

        @OptionGroup var htmlText: HTMLTextOptions

        @OptionGroup var inputLimits: InputLimitOptions

        @Option(name: .customLong("summary-json"), help: "Also write the run's summary as JSON to this file ('-' for standard output).")
        var summaryJSON: String?

        @OptionGroup var options: ExtractionOptions


        func execute() throws {
            InterruptHint.install("\nglean: interrupted; \(out)/ is as it was and the documents finished so far are kept for --resume. To go on: \(InterruptHint.resumeCommand())\n")
            let engine = try options.loadEngine(maxCandidates: inputLimits.maxCandidates)
            let limits = try inputLimits.limits()
            if prune, db == nil { throw CLIError.usage("--prune needs --db") }
            let folder: DatasetFolder
            do {
                folder = try DatasetFolder(out)
                _ = try folder.check()
            } catch {
                throw CLIError.usage(error.description)
            }
            // Two runs never write one dataset (or one database) at once; the kernel drops the
            // locks when the process ends.
            var locks: [OutputLock] = []
            do throws(OutputLock.Busy) {
                locks.append(try OutputLock(beside: folder.path))
                if let db { locks.append(try OutputLock(beside: db)) }
            } catch {
                throw CLIError.output(error.description)
            }
            defer { withExtendedLifetime(locks) {} }
            let state: DatasetFolder.State
            do { state = try folder.check() } catch { throw CLIError.usage(error.description) }
            let paths = try InputPlan.paths(self.paths)
            let inputs = try InputPlan(paths, filter: inputFilter.filter, htmlText: htmlText.mode, limits: limits)
            if !options.quiet { for warning in inputs.skipped { printError("glean: warning: \(warning)") } }
            if inputs.ids.isEmpty, state == .dataset, !allowEmpty {
                throw CLIError.usage("no documents in \(paths.joined(separator: " ")); \(out) keeps its dataset (--allow-empty replaces it with an empty one)")
            }
            let progress = ProgressReporter(totalDocuments: inputs.ids.count, totalBytes: inputs.bytes,
                                            enabled: !options.quiet && ProgressReporter.standardErrorIsTerminal)
            var processor = DocumentProcessor(engine: engine, decisions: explain, context: context)
            let summary: BatchRunner.Summary
            do {
                let files = ["documents.jsonl", "mentions.jsonl", "entities.jsonl"] + (explain ? ["decisions.jsonl"] : [])
                // Read what may be resumed before the writer clears the partial folder.
                let fingerprint = ResumeState.fingerprint(of: RunManifest(engine: engine, summary: .init(), options: runOptions).json)
                let resumable = resume && !explain ? ResumeState.load(folder: folder, fingerprint: fingerprint) : nil
                let writer = try DatasetWriter(folder: folder, files: files)
                try writer.write(Array(fingerprint.utf8), as: ResumeState.fingerprintFile)
                let database = try db.map { try DatabaseSession(path: $0, engine: engine, options: runOptions) }
                // A document unchanged since the interrupted or previous dataset, else in the database.
                if let resumable { processor.earlier.append(resumable) }
                if let database { processor.earlier.append(database) }
                var observers: [any RunObserver] = []
                if let database { observers.append(database) }
                if progress.enabled { observers.append(progress) }
                let session = BatchRunner.Session(runner: BatchRunner(processor: processor, jobs: options.jobs),
                                                  writer: writer, observers: observers)
                try inputs.forEachDocument { document in
                    if let failure = document.failure, !options.quiet { printError("glean: \(document.source): \(failure)") }
                    try session.add(document)
                }
                summary = try session.finish()
                progress.finish()
                let manifest = RunManifest(engine: engine, summary: summary, options: runOptions)
                try database?.finish(summary: summary, manifest: manifest, prune: prune, keeping: Set(inputs.ids))
                try writer.write(manifest.bytes, as: "run.json")
                try writer.commit()
            } catch let error as CLIError {
                throw error
            } catch {
                throw CLIError.output(String(describing: error))
            }
            if let summaryJSON { try writeSummary(summary, to: summaryJSON) }
            if !options.quiet {
                let counts = processor.kinds.map { "\($0) \(summary.mentionsByKind[$0, default: 0])" }.joined(separator: ", ")
                let rate = summary.seconds > 0 ? Double(summary.bytes) / summary.seconds / 1e6 : 0
                if db != nil { print("\(summary.reused) unchanged document(s) taken from \(db!)") }
                if resume { print("\(summary.reused) document(s) reused from \(out) and its interrupted run") }
                (summaryJSON == "-" ? printError : { print($0) })("\(summary.documents) documents, \(summary.mentionsByKind.values.reduce(0, +)) mentions (\(counts)) in \(String(format: "%.3f", summary.seconds)) s, \(String(format: "%.1f", rate)) MB/s -> \(out)/")
                if summary.failedDocuments > 0 {
                    printError("glean: \(summary.failedDocuments) document(s) failed: see status \"error\" in \(out)/documents.jsonl")
                }
            }
            if summary.failedDocuments > 0 { throw ExitCode(1) }
        }

        /// `--summary-json`: the counts a script needs, written once the dataset is in place.
        private func writeSummary(_ summary: BatchRunner.Summary, to path: String) throws {
            let json = JSONValue.object([
                ("documents", .int(summary.documents)), ("failed", .int(summary.failedDocuments)),
                ("bytes", .int(summary.bytes)), ("mentions", .int(summary.mentionsByKind.values.reduce(0, +))),
                ("kinds", .object(summary.mentionsByKind.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
                ("seconds", .number(ExactNumber(significand: Int128((summary.seconds * 1000).rounded()), exponent: -3))), ("out", .string(out)),
                ("exitCode", .int(summary.failedDocuments > 0 ? 1 : 0)),
            ])
            let text = JSONWriter.string(json) + "\n"
            if path == "-" { print(text, terminator: ""); return }
            do { try text.write(toFile: path, atomically: true, encoding: .utf8) } catch {
                throw CLIError.output("cannot write \(path): \(error.localizedDescription)")
            }
        }

        private var runOptions: [(String, JSONValue)] {
            [("paths", .array(((try? InputPlan.paths(paths)) ?? paths).map(JSONValue.string))), ("kinds", options.kinds.map(JSONValue.string) ?? .null),
             ("plugins", .array(pluginPaths(options.pluginDirectories).map(JSONValue.string))), ("explain", .bool(explain)), ("context", .bool(context)), ("db", db.map(JSONValue.string) ?? .null),
             ("prune", .bool(prune)), ("htmlText", .string(htmlText.mode.rawValue))]
        }
    }
}
