import ArgumentParser
import Foundation
import GleanerCore

extension Glean.Plugins {
    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the examples of the chosen plugins (all by default): a diff of expected and actual spans and values for each failure, and the rules no example fires; exit 1 on any failure.",
            discussion: """
                The examples run with PCRE2 alone, which gives the same results as a run with the Vectorscan \
                prefilter and skips compiling it (seconds after each edit of a rule). --prefilter runs them \
                through the prefilter too, and says when it has to compile it.
                """)
        @Argument(help: "Plugin ids.") var names: [String] = []

        @Flag(help: "Run the examples through the Vectorscan prefilter, as `glean run` does (compiled once per rule set, then cached).")
        var prefilter = false

        @Flag(help: "Print one JSON object instead of text: {\"plugins\": [{\"id\", \"examples\", \"passed\", \"failures\": [{\"location\", \"rule\", \"diff\"}], \"unexercisedRules\"}], \"examples\", \"failures\"}.")
        var json = false

        @OptionGroup var options: ExtractionOptions

        func run() throws {
            let plugins: [Plugin]
            do { plugins = try options.loadPlugins() } catch let error as CLIError { fail(with: error) }
            if let unknown = names.first(where: { name in !plugins.contains { $0.id == name } }) {
                fail(with: .usage("no plugin '\(unknown)' (loaded: \(plugins.map(\.id).joined(separator: ", ")))"))
            }
            if prefilter, !options.quiet, CandidatePrefilter.willCompile(for: plugins) {
                printError("glean: compiling the Vectorscan prefilter for these rules (a few seconds; cached for the next run)")
            }
            let engine = Engine(plugins: plugins, prefilter: prefilter)
            let chosen = engine.plugins.filter { names.isEmpty || names.contains($0.id) }
            let runner = ExampleRunner(engine: engine)
            let diff = ExampleDiff(engine: engine)
            var total = 0, failures = 0
            var records: [JSONValue] = []
            for plugin in chosen {
                let outcomes = runner.run(plugin)
                let failed = outcomes.filter { $0.failure != nil }
                total += outcomes.count
                failures += failed.count
                let fired = outcomes.reduce(into: Set<String>()) { $0.formUnion($1.firedRules) }
                let unexercised = plugin.manifest.rules.filter { $0.action == .extract && !fired.contains($0.id) }.map(\.id)
                if json {
                    records.append(.object([
                        ("id", .string(plugin.id)), ("examples", .int(outcomes.count)), ("passed", .int(outcomes.count - failed.count)),
                        ("failures", .array(failed.map { outcome in
                            .object([("location", .string(plugin.location(line: outcome.example.line))),
                                     ("rule", outcome.rule.map(JSONValue.string) ?? .null),
                                     ("diff", .array(diff.lines(for: outcome, plugin: plugin).map(JSONValue.string)))])
                        })),
                        ("unexercisedRules", .array(unexercised.map(JSONValue.string))),
                    ]))
                    continue
                }
                print("\(plugin.id): \(outcomes.count - failed.count)/\(outcomes.count) examples pass")
                for outcome in failed {
                    print("  FAIL \(plugin.location(line: outcome.example.line))\(outcome.rule.map { " (rule \($0))" } ?? "")")
                    for line in diff.lines(for: outcome, plugin: plugin) { print("    " + line) }
                }
                if !unexercised.isEmpty {
                    print("  rules no example fires: \(unexercised.joined(separator: ", "))")
                }
            }
            if json {
                print(JSONWriter.string(.object([("plugins", .array(records)), ("examples", .int(total)), ("failures", .int(failures))])))
            } else {
                print(failures == 0 ? "all \(total) examples pass" : "\(failures) of \(total) examples fail")
            }
            if failures > 0 { throw ExitCode(1) }
        }
    }
}
