import ArgumentParser
import Foundation
import GleanerCore
import GleanerExport

extension ExportFormat: ExpressibleByArgument {}

extension Glean {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a dataset's mentions (or entities) as CSV or TSV, one row per record, for spreadsheets, pandas and SQLite.",
            discussion: """
                Columns: the record's fields, the value flattened (amount, amountMax, currency, name, acronym, year, edition, \
                type, code; `value` keeps it whole), dateStart/dateEnd, the sentence's index and span, and the rest \
                (docs/dataset.md lists them). Fields with the separator, a quote or a line break are quoted (RFC 4180).
                """)

        @Argument(help: "A dataset folder written by `glean run`.")
        var dataset: String

        @Option(help: "csv or tsv.")
        var format: ExportFormat = .csv

        @Option(name: [.short, .long], help: "The file to write (replaced only when the export succeeds); standard output without it.")
        var out: String?

        @Flag(help: "Export entities.jsonl (one row per entity) instead of the mentions.")
        var entities = false

        func run() throws {
            let exporter = DatasetExporter(folder: dataset, format: format, entities: entities)
            guard let out else {
                let handle = FileHandle.standardOutput
                do { try exporter.export { try handle.write(contentsOf: $0) } } catch { fail(with: cliError(error)) }
                return
            }
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: out, isDirectory: &isFolder), isFolder.boolValue {
                fail(with: .usage("--out \(out) is a folder; name the file to write"))
            }
            // Written beside the target and renamed over it: a failed export leaves it as it was.
            let temporary = out + ".glean-export-\(ProcessInfo.processInfo.processIdentifier)"
            guard FileManager.default.createFile(atPath: temporary, contents: nil),
                  let handle = FileHandle(forWritingAtPath: temporary) else {
                fail(with: .output("\(out): cannot write the export (cannot create \(temporary))"))
            }
            let count: Int
            do {
                count = try exporter.export { try handle.write(contentsOf: $0) }
                try handle.close()
            } catch {
                try? handle.close()
                try? FileManager.default.removeItem(atPath: temporary)
                if let problem = error as? DatasetExporter.Problem { fail(with: cliError(problem)) }
                fail(with: .output("\(out): cannot write the export: \(error.localizedDescription)"))
            }
            if rename(temporary, out) != 0 {
                try? FileManager.default.removeItem(atPath: temporary)
                fail(with: .output("\(out): cannot write the export: \(String(cString: strerror(errno)))"))
            }
            printError("\(count) \(entities ? "entities" : "mentions") -> \(out)")
        }

        private func cliError(_ problem: DatasetExporter.Problem) -> CLIError {
            problem.isInput ? .input(problem.description) : .output(problem.description)
        }
    }
}
