import ArgumentParser
import Foundation
import GleanerCore
import GleanerStore

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

        @Option(help: "Also write to this SQLite database: unchanged documents are not re-extracted, changed ones replace their rows.")
        var db: String?

        @Flag(help: "With --db: delete documents that are no longer in the inputs.")
        var prune = false

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
            if prune, db == nil { throw CLIError.usage("--prune needs --db") }
            let summary: BatchRunner.Summary
            do {
                let files = ["documents.jsonl", "mentions.jsonl", "entities.jsonl"] + (explain ? ["decisions.jsonl"] : [])
                let writer = try DatasetWriter(directory: out, files: files)
                let database = try db.map { try DatabaseSession(path: $0, engine: engine, documents: documents, options: runOptions) }
                summary = try runner.run(documents, writer: writer, store: database?.hooks)
                let manifest = RunManifest(engine: engine, summary: summary, options: runOptions)
                try database?.finish(summary: summary, manifest: manifest, prune: prune, keeping: Set(documents.map(\.id)))
                try writer.write(manifest.bytes, as: "run.json")
                try writer.commit()
            } catch let error as CLIError {
                throw error
            } catch {
                throw CLIError.output(String(describing: error))
            }
            if !options.quiet {
                let counts = runner.kinds.map { "\($0) \(summary.mentionsByKind[$0, default: 0])" }.joined(separator: ", ")
                let rate = summary.seconds > 0 ? Double(summary.bytes) / summary.seconds / 1e6 : 0
                if db != nil { print("\(summary.reused) unchanged document(s) taken from \(db!)") }
                print("\(summary.documents) documents, \(summary.mentionsByKind.values.reduce(0, +)) mentions (\(counts)) in \(String(format: "%.3f", summary.seconds)) s, \(String(format: "%.1f", rate)) MB/s -> \(out)/")
                if summary.failedDocuments > 0 {
                    printError("glean: \(summary.failedDocuments) document(s) failed: see status \"error\" in \(out)/documents.jsonl")
                }
            }
            if summary.failedDocuments > 0 { throw ExitCode(1) }
        }

        private var runOptions: [(String, JSONValue)] {
            [("paths", .array(paths.map(JSONValue.string))), ("kinds", options.kinds.map(JSONValue.string) ?? .null),
             ("plugins", .array(options.pluginDirectories.map(JSONValue.string))), ("explain", .bool(explain)), ("context", .bool(context)), ("db", db.map(JSONValue.string) ?? .null),
             ("prune", .bool(prune))]
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
