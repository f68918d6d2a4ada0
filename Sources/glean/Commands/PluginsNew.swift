import ArgumentParser
import Foundation
import GleanerCatalog
import GleanerCore

extension Glean.Plugins {
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a manifest-only plugin folder (manifest, lexicon, examples, README) that passes its tests as generated.")

        @Argument(help: "The plugin id and folder name (lowercase letters, digits, '_' or '-').")
        var name: String

        @Option(help: "The kind its mentions get (a new one, e.g. vessel, or a built-in one).")
        var kind: String

        @Option(help: "The folder to create it in.")
        var dir: String = "."

        func run() throws {
            do {
                let scaffold = try PluginScaffold(name: name, kind: kind)
                // A built-in id would make every later run fail with "duplicate plugin id".
                let builtIn = try Catalog.plugins().map(\.id)
                if builtIn.contains(name) { throw CLIError.usage("'\(name)' is the id of a built-in plugin; pick another name") }
                let folder = try scaffold.write(into: dir)
                _ = try Catalog.loader.load(PluginBundle.directory(folder))
                print("created \(folder)/: \(scaffold.files.map(\.name).joined(separator: ", "))")
                print("next: glean plugins test --plugins \(folder) \(name)")
            } catch let error as PluginScaffold.ScaffoldError {
                fail(with: .usage(error.description))
            } catch let error as PluginError {
                fail(with: .plugin(error))
            } catch let error as CLIError {
                fail(with: error)
            }
        }
    }
}
