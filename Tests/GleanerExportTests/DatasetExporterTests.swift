import CSV
import Foundation
import GleanerCore
import Testing
@testable import GleanerExport

/// `glean export`'s rows, read back with the same library's reader (Python's csv, pandas and
/// SQLite's `.import` read them in Tests/ExportTests).
@Suite struct DatasetExporterTests {
    func dataset(_ mentions: [String]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("glean-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try (mentions.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("mentions.jsonl"), atomically: true, encoding: .utf8)
        return folder.path
    }

    func export(_ folder: String, _ format: ExportFormat) throws -> [[String]] {
        var data = Data()
        let count = try DatasetExporter(folder: folder, format: format, entities: false).export { data.append($0) }
        let reader = try CSVReader(string: String(decoding: data, as: UTF8.self), delimiter: format == .csv ? "," : "\t")
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        #expect(rows.count == count + 1)
        return rows
    }

    static let money = #"{"id": "d#3-13", "doc": "d", "kind": "money", "start": 3, "end": 13, "byteStart": 3, "byteEnd": 13, "text": "$5 million", "value": {"amount": 5000000, "currency": "USD"}, "extractor": "money@1.0.0", "rule": "pre", "equivalentOf": "d#0-2", "sentence": {"index": 2, "start": 0, "end": 40, "byteStart": 0, "byteEnd": 40}, "context": "He said, \"a\tb\"\nnext"}"#
    static let date = #"{"id": "d#50-54", "doc": "d", "kind": "date", "start": 50, "end": 54, "byteStart": 50, "byteEnd": 54, "text": "2019", "value": "2019", "extractor": "dates@1.0.0", "rule": "year", "inferred": ["year", "month"], "dateStart": "2019-01-01", "dateEnd": "2019-12-31"}"#

    @Test(arguments: ExportFormat.allCases) func rowsFlattenTheValueAndKeepTextWithSeparatorsQuotesAndNewlines(_ format: ExportFormat) throws {
        let rows = try export(try dataset([Self.money, Self.date]), format)
        let header = rows[0]
        #expect(header == ExportTable.mentions.columns)
        func field(_ row: [String], _ name: String) -> String { row[header.firstIndex(of: name)!] }
        #expect(field(rows[1], "amount") == "5000000" && field(rows[1], "currency") == "USD")
        #expect(field(rows[1], "value") == #"{"amount": 5000000, "currency": "USD"}"#)
        #expect(field(rows[1], "context") == "He said, \"a\tb\"\nnext")
        #expect(field(rows[1], "sentence") == "2" && field(rows[1], "sentenceEnd") == "40")
        #expect(field(rows[1], "equivalentOf") == "d#0-2")
        #expect(field(rows[2], "value") == "2019" && field(rows[2], "dateStart") == "2019-01-01" && field(rows[2], "dateEnd") == "2019-12-31")
        #expect(field(rows[2], "inferred") == "year; month" && field(rows[2], "amount") == "")
    }

    @Test func manyRowsAreWrittenInBatchesWithEveryRowEnded() throws {
        let folder = try dataset(Array(repeating: Self.date, count: 5000))
        var data = Data()
        let count = try DatasetExporter(folder: folder, format: .csv, entities: false).export { data.append($0) }
        #expect(count == 5000)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasSuffix("\n") && !text.hasSuffix("\n\n"))
        #expect(text.split(separator: "\n").count == 5001)
    }

    @Test func aFolderWithoutTheFileIsAnInputProblem() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("glean-export-\(UUID().uuidString)").path
        #expect(throws: DatasetExporter.Problem.self) { try DatasetExporter(folder: folder, format: .csv, entities: true).export { _ in } }
    }
}
