import ArgumentParser
import Foundation
import GleanerCatalog
import GleanerCore

extension Glean.Plugins {
    struct Schema: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the JSON Schema of every loaded kind's values (schemas/kinds.schema.json), from the plugins' value schemas.",
            discussion: "With --plugins, the kinds of those plugins too: validate a dataset of your own kinds with it and schemas/mention.schema.json.")
        @Option(name: .customLong("plugins"), help: "A plugin folder, or a folder of plugin folders (repeatable; also GLEAN_PLUGINS).")
        var pluginDirectories: [String] = []

        @Option(help: "Write the schema to this file instead of printing it.")
        var out: String?

        func run() throws {
            let plugins: [Plugin]
            do { plugins = try Catalog.plugins(directories: pluginPaths(pluginDirectories)) } catch { fail(with: .plugin(error)) }
            let text = KindSchemaDocument.render(plugins)
            guard let out else { print(text, terminator: ""); return }
            do { try text.write(toFile: out, atomically: true, encoding: .utf8) } catch {
                fail(with: .output("cannot write \(out): \(error.localizedDescription)"))
            }
        }
    }
}
