import ArgumentParser
import Foundation
import GleanerCore

@main
struct Glean: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "glean",
        abstract: "Extract dates, money, programs and exercises from articles into a validated dataset.",
        version: version,
        subcommands: [Run.self, Stream.self, Text.self, Eval.self, Validate.self, Bench.self, Explain.self, Plugins.self, Report.self, Export.self])

    /// ArgumentParser's own `main`, with two conventions of rg, cargo and jq: a misspelled
    /// command gets a suggestion instead of being read as something else, and every usage
    /// error exits with 2 (ArgumentParser's default is 64, EX_USAGE).
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let unknown = CommandSuggestion.unknownCommand(in: arguments, root: Glean.self) {
            printError("glean: error: \(unknown.description)")
            Foundation.exit(2)
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                printError(fullMessage(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
