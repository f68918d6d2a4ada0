import Foundation
import GleanerCatalog
import GleanerCore
import Testing

/// Every example of every plugin is a test: no per-plugin test code. The examples run
/// through the whole engine with all built-in plugins plus the runtime-loaded fixture.
@Suite struct ExampleTests {
    static let fixtureDirectory = Bundle.module.path(forResource: "Fixtures/percentage", ofType: nil)!
    /// The CLI tests' folder of manifest-only plugins of new kinds (`tonnage`, `port`).
    static let pluginsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("CLITests/Fixtures/plugins").path

    static let engine: Engine = {
        do {
            return Engine(plugins: try Catalog.plugins(directories: [fixtureDirectory, pluginsFolder]))
        } catch {
            fatalError("plugins do not load: \(error)")
        }
    }()

    /// One case per example, named so a failure points at the manifest line.
    struct Case: CustomTestStringConvertible, Sendable {
        let pluginIndex: Int
        let example: ExampleManifest
        var testDescription: String {
            "\(ExampleTests.engine.plugins[pluginIndex].id):\(example.line) \(example.text.prefix(60))"
        }
    }

    static let cases: [Case] = engine.plugins.enumerated().flatMap { index, plugin in
        (plugin.manifest.examples + plugin.manifest.rules.flatMap(\.examples)).map { Case(pluginIndex: index, example: $0) }
    }

    @Test(arguments: cases)
    func example(_ testCase: Case) {
        let runner = ExampleRunner(engine: Self.engine)
        let plugin = Self.engine.plugins[testCase.pluginIndex]
        let outcome = runner.run(testCase.example, plugin: plugin, scratch: Self.engine.makeScratch())
        #expect(outcome.failure == nil, "\(plugin.manifest.origin):\(testCase.example.line)\n\(outcome.failure ?? "")")
    }

    @Test func everyPluginHasExamplesAndTheFixtureIsLoadedAtRunTime() throws {
        for plugin in Self.engine.plugins {
            #expect(plugin.manifest.examples.count + plugin.manifest.rules.flatMap(\.examples).count > 0, "\(plugin.id) has no example")
        }
        let fixture = try #require(Self.engine.plugins.first { $0.id == "percentage" })
        #expect(fixture.manifest.origin.hasSuffix("Fixtures/percentage/manifest.yaml"))
        #expect(!Catalog.bundles.contains { $0.bundle.files["manifest.yaml"].map { String(decoding: $0, as: UTF8.self).contains("id: percentage") } ?? false })
    }

    @Test func everyExtractRuleIsExercisedByAnExample() {
        let runner = ExampleRunner(engine: Self.engine)
        for plugin in Self.engine.plugins {
            let fired = runner.run(plugin).reduce(into: Set<String>()) { $0.formUnion($1.firedRules) }
            for rule in plugin.manifest.rules where rule.action == .extract {
                #expect(fired.contains(rule.id) || !rule.examples.isEmpty, "rule \(plugin.id).\(rule.id) is exercised by no example")
            }
        }
    }
}
