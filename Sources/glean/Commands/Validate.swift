import ArgumentParser
import GleanerCatalog
import GleanerCore

extension Glean {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-check a dataset folder: record shapes, offsets against the source files, references.")

        @Flag(help: "Print one JSON object {\"directory\", \"valid\", \"problems\": [\"file:line: problem\", ...]} instead of lines.")
        var json = false

        @Argument(help: "The dataset folder.")
        var directory = "dataset"

        @Option(name: .customLong("plugins"),
                help: "A plugin folder, or a folder of plugin folders, whose kinds' value shapes to check (repeatable).")
        var pluginDirectories: [String] = []

        @Option(help: "The folder relative sources are read from (where `glean run` ran).")
        var base: String = "."

        func run() throws {
            // Each kind's value shape is what its plugin declares.
            let plugins: [Plugin]
            do { plugins = try Catalog.plugins(directories: pluginPaths(pluginDirectories)) } catch { fail(with: .plugin(error)) }
            var validator = DatasetValidator(directory: directory, base: base, schemas: PluginLoader.schemas(of: plugins))
            let problems = validator.validate()
            if json {
                print(JSONWriter.string(.object([("directory", .string(directory)), ("valid", .bool(problems.isEmpty)),
                                                 ("problems", .array(problems.map(JSONValue.string)))])))
                if !problems.isEmpty { throw ExitCode(1) }
                return
            }
            for problem in problems { print(problem) }
            // A document whose text cannot be read back (standard input, a changed source) is
            // not a problem of the dataset: its offsets are simply not checked.
            for note in validator.notes { print("note: \(note)") }
            if problems.isEmpty {
                print("ok: \(directory) is valid" + (validator.notes.isEmpty ? "" : " (offsets of \(validator.notes.count) document(s) not checked; see the notes)"))
            } else {
                printError("glean: \(problems.count) problem(s) in \(directory)")
                throw ExitCode(1)
            }
        }
    }
}
