import ArgumentParser
import GleanerCore

extension Glean {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-check a dataset folder: record shapes, offsets against the source files, references.")

        @Argument(help: "The dataset folder.")
        var directory = "dataset"

        func run() throws {
            var validator = DatasetValidator(directory: directory)
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
