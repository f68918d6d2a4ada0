import CSV
import Foundation
import GleanerCore

/// Writes a dataset's mentions (or entities) as CSV or TSV for spreadsheets, pandas and SQLite's
/// `.import`: a header row, then one row per record in the file's order. Records are streamed
/// (bounded memory whatever the dataset's size) and quoted by the CSV library: rows are written
/// a batch at a time into memory by `CSVWriter` and then appended to the output, with a line
/// feed ending every row.
public struct DatasetExporter {
    public struct Problem: Error, CustomStringConvertible {
        public let description: String
        /// True when reading the dataset failed (exit 2), false when writing did (exit 3).
        public let isInput: Bool
    }

    public let folder: String
    public let format: ExportFormat
    public let table: ExportTable
    public let file: String

    public init(folder: String, format: ExportFormat, entities: Bool) {
        self.folder = folder
        self.format = format
        self.table = entities ? .entities : .mentions
        self.file = entities ? "entities.jsonl" : "mentions.jsonl"
    }

    /// Writes every row through `write` (a chunk of UTF-8 at a time); returns the number of
    /// records.
    @discardableResult
    public func export(to write: (Data) throws -> Void) throws(Problem) -> Int {
        let path = (folder as NSString).appendingPathComponent(file)
        guard FileManager.default.fileExists(atPath: path) else {
            throw Problem(description: "\(path): cannot read the file (is \(folder) a dataset folder written by glean run?)", isInput: true)
        }
        var records: JSONLinesFile
        do { records = try JSONLinesFile(path: path) } catch { throw Problem(description: error.description, isInput: true) }
        defer { records.close() }
        var batch: [[String]] = [table.columns]
        var count = 0
        func flush() throws(Problem) {
            guard !batch.isEmpty else { return }
            do {
                try write(try rows(batch))
            } catch let problem as Problem {
                throw problem
            } catch {
                throw Problem(description: "cannot write the export: \(error)", isInput: false)
            }
            batch.removeAll(keepingCapacity: true)
        }
        while true {
            let next: (line: Int, record: JSONValue)?
            do { next = try records.next() } catch { throw Problem(description: error.description, isInput: true) }
            guard let (line, record) = next else { break }
            guard case .object = record else { throw Problem(description: "\(path):\(line): not a record (a JSON object)", isInput: true) }
            batch.append(table.row(record))
            count += 1
            if batch.count >= 2048 { try flush() }
        }
        try flush()
        return count
    }

    /// Rows as CSV text, each ended by a line feed.
    private func rows(_ rows: [[String]]) throws -> Data {
        let stream = OutputStream.toMemory()
        let writer = try CSVWriter(stream: stream, delimiter: format.delimiter, newline: .lf)
        for row in rows { try writer.write(row: row) }
        writer.stream.close()
        guard var data = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else {
            throw Problem(description: "the CSV writer returned no data", isInput: false)
        }
        data.append(0x0A)
        return data
    }
}
