import ArgumentParser
import Foundation
import GleanerCatalog
import GleanerCore

/// Options shared by the commands that extract (CONTRACT.md).
struct ExtractionOptions: ParsableArguments {
    @Option(name: [.customShort("p"), .customLong("plugins")],
            help: "A plugin folder, or a folder of plugin folders, to load (repeatable; also GLEAN_PLUGINS, a ':'-separated list).")
    var pluginDirectories: [String] = []

    @Option(name: .shortAndLong, help: "Only these kinds, comma-separated (date,money,program,exercise,...).")
    var kinds: String?

    @Option(name: .shortAndLong, help: "Worker threads.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    @Flag(help: "Scan with PCRE2 alone, without the Vectorscan candidate prefilter (same results, slower).")
    var noPrefilter = false

    var kindSet: Set<String>? {
        kinds.map { Set($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) }
    }

    /// Loads the plugins and builds the engine (with the prefilter unless --no-prefilter), or
    /// throws the usage or plugin error.
    func loadEngine(maxCandidates: Int = Engine.defaultMaxCandidates) throws -> Engine {
        Engine(plugins: try loadPlugins(), prefilter: !noPrefilter, maxCandidates: maxCandidates)
    }

    /// The built-in plugins and those of --plugins and GLEAN_PLUGINS, of the --kinds wanted.
    func loadPlugins() throws -> [Plugin] {
        do {
            let plugins = try Catalog.plugins(directories: pluginPaths(pluginDirectories), kinds: kindSet)
            if let wanted = kindSet {
                let known = Set(plugins.map(\.kind))
                if let unknown = wanted.subtracting(known).sorted().first {
                    // Only the wanted kinds were loaded: load them all to name the choices.
                    let all = try Catalog.plugins(directories: pluginPaths(pluginDirectories))
                    let kinds = Array(Set(all.map(\.kind))).sorted().joined(separator: ", ")
                    throw CLIError.usage("no plugin extracts kind '\(unknown)' (the kinds are \(kinds))")
                }
            }
            return plugins
        } catch let error as PluginError {
            throw CLIError.plugin(error)
        }
    }
}

/// The plugin paths a command loads: `GLEAN_PLUGINS`' entries, then the `--plugins` options.
func pluginPaths(_ options: [String]) -> [String] {
    PluginSearchPath.environmentPaths() + options
}

/// Errors that end a command with CONTRACT.md's exit codes.
enum CLIError: Error, CustomStringConvertible {
    case usage(String)
    case plugin(PluginError)
    case input(String)
    case output(String)

    var description: String {
        switch self {
        case .usage(let message), .input(let message), .output(let message): message
        case .plugin(let error): error.description
        }
    }

    var exitCode: ExitCode {
        switch self {
        case .usage, .plugin, .input: ExitCode(2)
        case .output: ExitCode(3)
        }
    }
}

/// Prints the error and exits with its code.
func fail(with error: CLIError) -> Never {
    // A plugin error already reads `file:line:column: error: message`, as compilers print them.
    let message = if case .plugin = error { "glean: \(error.description)" } else { "glean: error: \(error.description)" }
    FileHandle.standardError.write(Data((TerminalText.escaped(message) + "\n").utf8))
    Glean.exit(withError: error.exitCode)
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((TerminalText.escaped(message) + "\n").utf8))
}

/// A command whose `execute()` may throw a `CLIError`, which ends it with CONTRACT.md's exit
/// code and message; other errors (ArgumentParser's `ExitCode`) pass through.
protocol GleanCommand: ParsableCommand {
    func execute() throws
}

extension GleanCommand {
    func run() throws {
        do {
            try execute()
        } catch let error as CLIError {
            fail(with: error)
        }
    }
}
