import ArgumentParser
import Foundation
import GleanerCore

extension Glean {
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Extract mentions from files, folders or JSON Lines and write the dataset folder.")

        @Argument(help: "Files or folders to read; '-' reads JSON Lines from standard input.")
        var paths: [String] = ["Corpus/articles"]

        @Option(help: "The dataset folder.")
        var out = "dataset"

        @Flag(help: "Also write decisions.jsonl: every candidate the merge dropped, with the reason.")
        var explain = false

        @Flag(help: "Add each mention's sentence as `context`.")
        var context = false

        @OptionGroup var options: ExtractionOptions

        func run() throws {
            do {
                try execute()
            } catch let error as CLIError {
                fail(with: error)
            }
        }

        private func execute() throws {
            let engine = try options.loadEngine()
            let documents = try readDocuments(paths)
            let runner = BatchRunner(engine: engine, jobs: options.jobs, explain: explain, context: context)
            let summary: BatchRunner.Summary
            do {
                let files = ["documents.jsonl", "mentions.jsonl", "entities.jsonl"] + (explain ? ["decisions.jsonl"] : [])
                let writer = try DatasetWriter(directory: out, files: files)
                summary = try runner.run(documents, writer: writer)
                try writer.write(RunManifest(engine: engine, summary: summary, options: runOptions).bytes, as: "run.json")
                try writer.commit()
            } catch {
                throw CLIError.output(String(describing: error))
            }
            if !options.quiet {
                let counts = runner.kinds.map { "\($0) \(summary.mentionsByKind[$0, default: 0])" }.joined(separator: ", ")
                let rate = summary.seconds > 0 ? Double(summary.bytes) / summary.seconds / 1e6 : 0
                print("\(summary.documents) documents, \(summary.mentionsByKind.values.reduce(0, +)) mentions (\(counts)) in \(String(format: "%.3f", summary.seconds)) s, \(String(format: "%.1f", rate)) MB/s -> \(out)/")
                if summary.failedDocuments > 0 {
                    printError("glean: \(summary.failedDocuments) document(s) failed: see status \"error\" in \(out)/documents.jsonl")
                }
            }
            if summary.failedDocuments > 0 { throw ExitCode(1) }
        }

        private var runOptions: [(String, JSONValue)] {
            [("paths", .array(paths.map(JSONValue.string))), ("kinds", options.kinds.map(JSONValue.string) ?? .null),
             ("plugins", .array(options.pluginDirectories.map(JSONValue.string))), ("explain", .bool(explain)), ("context", .bool(context))]
        }
    }
}

/// Reads every document behind `paths`; two documents with one id are an error naming both
/// sources, raised before anything is written.
func readDocuments(_ paths: [String]) throws -> [Document] {
    let reader = InputReader()
    var documents: [Document] = []
    var seen: [String: String] = [:]
    do {
        for source in try reader.sources(paths) {
            for document in try reader.documents(from: source) {
                if let previous = seen[document.id] {
                    throw CLIError.input("duplicate document id '\(document.id)' in \(previous) and \(document.source)")
                }
                seen[document.id] = document.source
                documents.append(document)
            }
        }
    } catch let error as InputReader.InputError {
        throw CLIError.input(error.description)
    }
    return documents
}
