import ArgumentParser
import GleanerCore

extension Glean {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-check a dataset folder: record shapes, offsets against the source files, references.")

        @Flag(help: "Print one JSON object {\"directory\", \"valid\", \"problems\": [\"file:line: problem\", ...]} instead of lines.")
        var json = false

        @Argument(help: "The dataset folder.")
        var directory = "dataset"

        func run() throws {
            var validator = DatasetValidator(directory: directory)
            let problems = validator.validate()
            if json {
                print(JSONWriter.string(.object([("directory", .string(directory)), ("valid", .bool(problems.isEmpty)),
                                                 ("problems", .array(problems.map(JSONValue.string)))])))
                if !problems.isEmpty { throw ExitCode(1) }
                return
            }
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
