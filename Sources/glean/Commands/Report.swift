import ArgumentParser
import Foundation
import GleanerCore

extension Glean {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a dataset as an HTML report folder: an overview page, then one page per document with its mentions highlighted.",
            discussion: """
                DIR/index.html is the overview: mentions per kind, the programs and exercises with their editions, money per \
                program (amounts in a sentence that names the program), a timeline of dated mentions and the documents list. \
                DIR/docs/N.html shows document N with its mentions highlighted by kind, filters, counts, values and rules on hover \
                and focus. Texts are read back from the documents' sources (a file, or `path:line` of a JSON Lines file); a \
                document whose source is gone or changed lists its mentions without the text. DIR must be absent, empty or an \
                earlier report; it is replaced only when the new report is complete.
                """)

        @Argument(help: "A dataset folder written by `glean run`.")
        var dataset: String

        @Option(name: .customLong("html"), help: "The folder to write the report into (index.html, docs/, …).")
        var output: String

        @Option(help: "The folder relative sources are read from (where `glean run` ran).")
        var base: String = "."

        func run() throws {
            let summary: ReportWriter.Summary
            do {
                summary = try ReportWriter(dataset: dataset, output: output, base: base).write()
            } catch {
                fail(with: error.isInput ? .input(error.description) : .output(error.description))
            }
            let index = (output as NSString).appendingPathComponent("index.html")
            print("\(summary.documents) documents, \(summary.mentions) mentions -> \(index)"
                  + (summary.withoutText == 0 ? "" : " (\(summary.withoutText) without text: source gone or changed)"))
        }
    }
}
