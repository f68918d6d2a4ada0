/// Reads a dataset's JSON Lines file one record at a time (`glean export`, `glean report`), so
/// a file of any size is read in bounded memory. Empty lines are skipped; a line that is not
/// JSON is an error naming the file and line.
public struct JSONLinesFile {
    public struct Problem: Error, CustomStringConvertible {
        public let description: String
    }

    public let path: String
    private var lines: LineReader
    private var stream: FileStream

    public init(path: String) throws(Problem) {
        self.path = path
        do { stream = try FileStream.open(path) } catch {
            throw Problem(description: "\(path): \(error.message)")
        }
        lines = LineReader(stream)
    }

    /// The next record and its 1-based line number, nil at the end.
    public mutating func next() throws(Problem) -> (line: Int, record: JSONValue)? {
        while true {
            let line: ArraySlice<UInt8>?
            do { line = try lines.next() } catch { throw Problem(description: "\(path): \(error.message)") }
            guard let line else { return nil }
            if line.isEmpty { continue }
            do {
                return (lines.lineNumber, try JSONParser.parse(String(decoding: line, as: UTF8.self)))
            } catch {
                throw Problem(description: "\(path):\(lines.lineNumber): not JSON: \(error)")
            }
        }
    }

    public mutating func close() { stream.close() }
}
