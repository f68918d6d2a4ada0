import ArgumentParser
import Foundation
import GleanerCatalog
import GleanerCore

extension Glean {
    struct Plugins: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List, test and check extractor plugins.",
            subcommands: [List.self, Test.self, Check.self])
    }
}

extension Glean.Plugins {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every loaded plugin.")
        @OptionGroup var options: ExtractionOptions

        func run() throws {
            do {
                let engine = try options.loadEngine()
                print("id          version  kind       rules  examples  source")
                for plugin in engine.plugins {
                    let examples = plugin.manifest.examples.count + plugin.manifest.rules.reduce(0) { $0 + $1.examples.count }
                    func pad(_ text: String, _ width: Int) -> String { text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0) }
                    print("\(pad(plugin.id, 11)) \(pad(plugin.manifest.version, 8)) \(pad(plugin.kind, 10)) \(String(format: "%5d %9d", plugin.rules.count, examples))  \(plugin.manifest.origin)")
                }
            } catch let error as CLIError { fail(with: error) }
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the examples of the chosen plugins (all by default); exit 1 on any failure.")
        @Argument(help: "Plugin ids.") var names: [String] = []
        @OptionGroup var options: ExtractionOptions

        func run() throws {
            let engine: Engine
            do { engine = try options.loadEngine() } catch let error as CLIError { fail(with: error) }
            let chosen = engine.plugins.filter { names.isEmpty || names.contains($0.id) }
            if let unknown = names.first(where: { name in !engine.plugins.contains { $0.id == name } }) {
                fail(with: .usage("no plugin '\(unknown)'"))
            }
            let runner = ExampleRunner(engine: engine)
            var failures = 0
            for plugin in chosen {
                let outcomes = runner.run(plugin)
                let failed = outcomes.filter { $0.failure != nil }
                failures += failed.count
                print("\(plugin.id): \(outcomes.count - failed.count)/\(outcomes.count) examples pass")
                for outcome in failed {
                    print("  FAIL \(plugin.manifest.origin):\(outcome.example.line)\(outcome.rule.map { " (rule \($0))" } ?? "")")
                    print(outcome.failure!.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
                }
                let fired = outcomes.reduce(into: Set<String>()) { $0.formUnion($1.firedRules) }
                let unexercised = plugin.manifest.rules.filter { $0.action == .extract && !fired.contains($0.id) && $0.examples.isEmpty }
                if !unexercised.isEmpty {
                    print("  rules no example exercises: \(unexercised.map(\.id).joined(separator: ", "))")
                }
            }
            if failures > 0 { throw ExitCode(1) }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate plugin folders without running anything: manifests parse, patterns compile, groups and ids are right.")
        @Argument(help: "Plugin folders (default: the built-in plugins).") var directories: [String] = []

        func run() throws {
            do {
                _ = try Catalog.plugins(directories: directories)
                print("ok: \(directories.isEmpty ? "built-in plugins" : directories.joined(separator: ", "))")
            } catch {
                fail(with: .plugin(error))
            }
        }
    }
}
