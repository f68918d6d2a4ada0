import ArgumentParser
import Foundation
import GleanerCatalog
import GleanerCore

extension Glean {
    struct Plugins: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List, scaffold, test and check extractor plugins.",
            subcommands: [List.self, New.self, Test.self, Check.self, Schema.self])
    }
}

extension Plugin {
    /// `built-in` for a compiled-in plugin, else the folder it was loaded from.
    var source: String {
        let origin = manifest.origin
        guard origin != PluginBundle.manifestFile else { return "built-in" }
        return (origin as NSString).deletingLastPathComponent
    }

    /// Where a manifest line is, for messages: `path/manifest.yaml:12` or `built-in dates manifest.yaml:12`.
    func location(line: Int) -> String {
        let file = source == "built-in" ? "built-in \(id) \(manifest.origin)" : manifest.origin
        return line > 0 ? "\(file):\(line)" : file
    }

    var exampleCount: Int { manifest.examples.count + manifest.rules.reduce(0) { $0 + $1.examples.count } }
}

extension Glean.Plugins {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List every loaded plugin: id, version, kind, rules, examples and source (built-in or folder).")
        @Flag(help: "Print a JSON array of {\"id\", \"version\", \"kind\", \"rules\", \"examples\", \"source\"} instead of a table.")
        var json = false

        @OptionGroup var options: ExtractionOptions

        func run() throws {
            // Only the manifests: listing needs no engine (and no prefilter compiled).
            let plugins: [Plugin]
            do { plugins = try options.loadPlugins() } catch let error as CLIError { fail(with: error) }
            if json {
                print(JSONWriter.string(.array(plugins.map { plugin in
                    .object([("id", .string(plugin.id)), ("version", .string(plugin.manifest.version)), ("kind", .string(plugin.kind)),
                             ("rules", .int(plugin.rules.count)), ("examples", .int(plugin.exampleCount)), ("source", .string(plugin.source))])
                })))
                return
            }
            let rows = [["id", "version", "kind", "rules", "examples", "source"]] + plugins.map { plugin in
                [plugin.id, plugin.manifest.version, plugin.kind, String(plugin.rules.count), String(plugin.exampleCount), plugin.source]
            }
            let widths = (0..<6).map { column in rows.map { $0[column].count }.max() ?? 0 }
            for row in rows {
                let cells = row.enumerated().map { column, cell in
                    // Counts are right-aligned; the last column is not padded.
                    column == 5 ? cell : (column == 3 || column == 4)
                        ? String(repeating: " ", count: widths[column] - cell.count) + cell
                        : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                }
                print(cells.joined(separator: "  "))
            }
        }
    }
}
