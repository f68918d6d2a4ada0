import ArgumentParser
import Foundation
import GleanerCore

extension Glean {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a dataset as one self-contained HTML page: articles with their mentions highlighted by kind, filters, counts, values and rules on hover and focus.",
            discussion: "Article texts are read back from the documents' sources (a file, or `path:line` of a JSON Lines file); a document whose source is gone or changed lists its mentions without the text.")

        @Argument(help: "A dataset folder written by `glean run`.")
        var dataset: String

        @Option(name: .customLong("html"), help: "The HTML file to write.")
        var output: String

        @Option(help: "The folder relative sources are read from (where `glean run` ran).")
        var base: String = "."

        func run() throws {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: output, isDirectory: &isFolder), isFolder.boolValue {
                fail(with: .usage("--html \(output) is a folder; name the HTML file to write (e.g. \((output as NSString).appendingPathComponent("report.html")))"))
            }
            let data: ReportDataset
            do {
                data = try ReportDataset.load(folder: dataset, base: base)
            } catch {
                fail(with: .input(error.description))
            }
            let html = HTMLReport(dataset: data, title: dataset).render()
            do {
                try Data(html.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                let reason = (error as NSError).localizedFailureReason ?? error.localizedDescription
                fail(with: .output("\(output): cannot write the report: \(reason)"))
            }
            let missing = data.documents.count { $0.text == nil }
            print("\(data.documents.count) documents, \(data.mentionCount) mentions -> \(output)"
                  + (missing == 0 ? "" : " (\(missing) without text: source gone or changed)"))
        }
    }
}
