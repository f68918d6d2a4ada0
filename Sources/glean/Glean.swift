import ArgumentParser
import GleanerCore

@main
struct Glean: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "glean",
        abstract: "Extract dates, money, programs and exercises from articles into a validated dataset.",
        version: version,
        subcommands: [Run.self, Stream.self, Text.self, Eval.self, Validate.self, Bench.self, Explain.self, Plugins.self, Report.self, Export.self],
        defaultSubcommand: Run.self)
}
