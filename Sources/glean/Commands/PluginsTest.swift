import ArgumentParser
import Foundation
import GleanerCore

extension Glean.Plugins {
    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the examples of the chosen plugins (all by default): a diff of expected and actual spans and values for each failure, and the rules no example fires; exit 1 on any failure.")
        @Argument(help: "Plugin ids.") var names: [String] = []
        @OptionGroup var options: ExtractionOptions

        func run() throws {
            let engine: Engine
            do { engine = try options.loadEngine() } catch let error as CLIError { fail(with: error) }
            if let unknown = names.first(where: { name in !engine.plugins.contains { $0.id == name } }) {
                fail(with: .usage("no plugin '\(unknown)' (loaded: \(engine.plugins.map(\.id).joined(separator: ", ")))"))
            }
            let chosen = engine.plugins.filter { names.isEmpty || names.contains($0.id) }
            let runner = ExampleRunner(engine: engine)
            let diff = ExampleDiff(engine: engine)
            var total = 0, failures = 0
            for plugin in chosen {
                let outcomes = runner.run(plugin)
                let failed = outcomes.filter { $0.failure != nil }
                total += outcomes.count
                failures += failed.count
                print("\(plugin.id): \(outcomes.count - failed.count)/\(outcomes.count) examples pass")
                for outcome in failed {
                    print("  FAIL \(plugin.location(line: outcome.example.line))\(outcome.rule.map { " (rule \($0))" } ?? "")")
                    for line in diff.lines(for: outcome, plugin: plugin) { print("    " + line) }
                }
                let fired = outcomes.reduce(into: Set<String>()) { $0.formUnion($1.firedRules) }
                let unexercised = plugin.manifest.rules.filter { $0.action == .extract && !fired.contains($0.id) }
                if !unexercised.isEmpty {
                    print("  rules no example fires: \(unexercised.map(\.id).joined(separator: ", "))")
                }
            }
            print(failures == 0 ? "all \(total) examples pass" : "\(failures) of \(total) examples fail")
            if failures > 0 { throw ExitCode(1) }
        }
    }
}
