import Foundation

/// Turns command-line paths into documents (CONTRACT.md): files and folders (recursive,
/// sorted by path), `-` for JSON Lines on standard input; `.jsonl` files hold one
/// `{"id", "text", ...}` record a line; any other file is plain UTF-8 text, invalid bytes
/// replaced by U+FFFD, BOM and line endings kept.
public struct InputReader {
    public struct InputError: Error, CustomStringConvertible {
        public let source: String
        public let message: String
        public var description: String { "\(source): \(message)" }
    }

    /// One file to read, with the id its documents get.
    public struct Source: Sendable {
        public let path: String
        public let id: String
        public var isJSONLines: Bool { id.isEmpty }
    }

    public init() {}

    /// Lists the files behind `paths`. A path that does not exist is an error.
    public func sources(_ paths: [String]) throws(InputError) -> [Source] {
        var sources: [Source] = []
        let files = FileManager.default
        for path in paths {
            if path == "-" { sources.append(Source(path: "-", id: "")); continue }
            var isDirectory: ObjCBool = false
            guard files.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw InputError(source: path, message: "no such file or folder")
            }
            if !isDirectory.boolValue {
                sources.append(source(path: path, relative: (path as NSString).lastPathComponent))
                continue
            }
            guard let walker = files.enumerator(atPath: path) else {
                throw InputError(source: path, message: "cannot list the folder")
            }
            var relatives: [String] = []
            while let relative = walker.nextObject() as? String {
                let full = (path as NSString).appendingPathComponent(relative)
                var nested: ObjCBool = false
                if files.fileExists(atPath: full, isDirectory: &nested), !nested.boolValue,
                   !(relative as NSString).lastPathComponent.hasPrefix(".") {
                    relatives.append(relative)
                }
            }
            for relative in relatives.sorted() {
                sources.append(source(path: (path as NSString).appendingPathComponent(relative), relative: relative))
            }
        }
        return sources
    }

    private func source(path: String, relative: String) -> Source {
        var name = relative
        if name.hasSuffix(".gz") { name.removeLast(3) }
        if name.hasSuffix(".jsonl") { return Source(path: path, id: "") }
        let last = (name as NSString).lastPathComponent
        if let dot = last.lastIndex(of: "."), dot != last.startIndex {
            name.removeLast(last.distance(from: dot, to: last.endIndex))
        }
        return Source(path: path, id: name)
    }

    /// Reads one source's documents.
    public func documents(from source: Source) throws(InputError) -> [Document] {
        let data: Data?
        if source.path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            data = FileManager.default.contents(atPath: source.path)
        }
        guard let data else { throw InputError(source: source.path, message: "cannot read the file") }
        if !source.isJSONLines {
            return [Document(id: source.id, source: source.path, text: String(decoding: data, as: UTF8.self))]
        }
        var documents: [Document] = []
        var lineNumber = 0
        for line in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
            let where_ = "\(source.path == "-" ? "<stdin>" : source.path):\(lineNumber)"
            let record: JSONValue
            do {
                record = try JSONParser.parse(String(decoding: line, as: UTF8.self))
            } catch {
                throw InputError(source: where_, message: "not a JSON document record: \(error)")
            }
            guard let id = record["id"]?.stringValue, DocumentID.isValid(id) else {
                throw InputError(source: where_, message: "`id` must be a non-empty string with no NUL, no `..` segment, not starting with `/`")
            }
            guard let text = record["text"]?.stringValue else {
                throw InputError(source: where_, message: "`text` must be a string")
            }
            let meta = (record.objectPairs ?? []).filter { $0.0 != "id" && $0.0 != "text" }
            let published = record["published"]?.stringValue.flatMap(DocumentID.isoDate)
            documents.append(Document(id: id, source: where_, text: text, meta: meta, referenceDate: published))
        }
        return documents
    }
}

/// Rules for document ids from JSON Lines records (they name nothing outside the dataset).
public enum DocumentID {
    public static func isValid(_ id: String) -> Bool {
        !id.isEmpty && !id.utf8.contains(0) && !id.hasPrefix("/")
            && !id.split(separator: "/", omittingEmptySubsequences: false).contains("..")
    }

    /// `YYYY-MM-DD` (or a longer ISO 8601 timestamp) as a calendar date.
    public static func isoDate(_ text: String) -> CalendarDate? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 10, bytes[4] == 0x2D, bytes[7] == 0x2D,
              let year = Int(String(decoding: bytes[0..<4], as: UTF8.self)),
              let month = Int(String(decoding: bytes[5..<7], as: UTF8.self)),
              let day = Int(String(decoding: bytes[8..<10], as: UTF8.self)),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }
}
