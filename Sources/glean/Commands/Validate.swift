import ArgumentParser
import GleanerCatalog
import GleanerCore

extension Glean {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-check a dataset folder: record shapes, offsets against the source files, references.")

        @Argument(help: "The dataset folder.")
        var directory = "dataset"

        @Option(name: .customLong("plugins"),
                help: "A plugin folder, or a folder of plugin folders, whose kinds' value shapes to check (repeatable).")
        var pluginDirectories: [String] = []

        func run() throws {
            // Each kind's value shape is what its plugin declares.
            let plugins: [Plugin]
            do { plugins = try Catalog.plugins(directories: pluginPaths(pluginDirectories)) } catch { fail(with: .plugin(error)) }
            var validator = DatasetValidator(directory: directory, schemas: PluginLoader.schemas(of: plugins))
            let problems = validator.validate()
            for problem in problems { print(problem) }
            if problems.isEmpty {
                print("ok: \(directory) is valid")
            } else {
                printError("glean: \(problems.count) problem(s) in \(directory)")
                throw ExitCode(1)
            }
        }
    }
}
