import ArgumentParser
import Foundation
import GleanerCore

extension Glean {
    /// `glean text`: the documents `glean run` would read, as the JSON Lines records `glean
    /// stream` reads, so that other tools (the Spark job for HTML) get exactly glean's ids and
    /// document text without reimplementing the readers.
    struct Text: GleanCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the documents of files, folders or JSON Lines as JSON Lines records {\"id\", \"text\", ...} on standard output.",
            discussion: """
                Reads its inputs as `glean run` does (same formats, ids, order and globs) and writes one line per \
                document: id, text (HTML: the article, or the visible text with --html-text page), then the document's meta \
                (a JSON Lines record's other fields; an HTML page's title, author, published, site, url, lang). \
                `glean text X | glean stream` gives the mentions of `glean run X`. An unreadable document is named on \
                standard error and has no line; the command goes on and exits 1. Invalid UTF-8 is already U+FFFD \
                in the text, so `glean stream` does not count those replacements again.
                """)

        @Argument(help: "Files or folders to read; '-' reads JSON Lines from standard input (default: Corpus/articles, where there is one).")
        var paths: [String] = []

        @OptionGroup var inputFilter: InputFilterOptions

        @OptionGroup var htmlText: HTMLTextOptions

        @Flag(name: .shortAndLong, help: "Do not name unreadable documents on standard error.")
        var quiet = false

        func execute() throws {
            let inputs = try InputPlan(InputPlan.paths(paths), filter: inputFilter.filter, htmlText: htmlText.mode)
            var output: [UInt8] = []
            var failed = 0
            func flush() throws {
                do { try FileHandle.standardOutput.write(contentsOf: output) } catch {
                    throw CLIError.output("cannot write to standard output: \(error.localizedDescription)")
                }
                output.removeAll(keepingCapacity: true)
            }
            try inputs.forEachDocument { document in
                if let failure = document.failure {
                    failed += 1
                    if !quiet { printError("glean: \(document.source): \(failure)") }
                    return
                }
                if !quiet { for warning in document.warnings { printError("glean: \(document.source): warning: \(warning)") } }
                JSONWriter.append(.object([("id", .string(document.id)), ("text", .string(document.text))] + document.meta),
                                  to: &output)
                output.append(0x0A)
                // Large enough for few writes, small enough that a reader downstream starts early.
                if output.count >= 1 << 16 { try flush() }
            }
            try flush()
            if failed > 0 {
                if !quiet { printError("glean: \(failed) document(s) could not be read") }
                throw ExitCode(1)
            }
        }
    }
}
