import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns command-line paths into documents (CONTRACT.md): files and folders (recursive,
/// sorted by the bytes of their relative path, hidden files skipped), `-` for JSON Lines on
/// standard input. Formats by extension, under an optional `.gz`: `.jsonl` JSON Lines of
/// documents, `.html`/`.htm` HTML, anything else plain UTF-8 text. Reading is bounded by
/// `limits`; inside folders, FIFOs, sockets and devices are skipped with a warning and a
/// folder reached twice (a symbolic link loop) is read once.
public struct InputReader {
    /// A problem with the command line itself (a path that does not exist, a folder that
    /// cannot be listed): the run stops before anything is read.
    public struct InputError: Error, CustomStringConvertible {
        public let source: String
        public let message: String
        public var description: String { "\(source): \(message)" }

        public init(source: String, message: String) {
            self.source = source
            self.message = message
        }
    }

    public enum Format: Sendable { case text, html, jsonLines }

    /// One file to read, with the id its document gets (none for JSON Lines: each record has one).
    public struct Source: Sendable {
        public let path: String
        public let id: String
        public let format: Format
        public let compressed: Bool
        /// Set when the file cannot be read at all (a broken symbolic link).
        public var problem: String?
        public var isJSONLines: Bool { format == .jsonLines }

        /// JSON Lines documents on standard input.
        public static let standardInput = Source(path: "-", id: "", format: .jsonLines, compressed: false)
    }

    public let filter: PathFilter
    /// What an HTML file's text is: its article (the default) or its whole visible text.
    public let htmlText: HTMLTextMode
    public let limits: InputLimits

    public init(filter: PathFilter = PathFilter(), htmlText: HTMLTextMode = .article, limits: InputLimits = InputLimits()) {
        self.filter = filter
        self.htmlText = htmlText
        self.limits = limits
    }

    public func sources(_ paths: [String]) throws(InputError) -> [Source] {
        var skipped: [String] = []
        return try sources(paths, skipped: &skipped)
    }

    /// Lists the files behind `paths`. A path that does not exist is an error; the filter
    /// applies to the files found inside folders, not to files named on the command line.
    /// `skipped` receives a warning for each entry of a folder that is not read (a FIFO, a
    /// socket, a device, a folder already read).
    public func sources(_ paths: [String], skipped: inout [String]) throws(InputError) -> [Source] {
        var sources: [Source] = []
        for path in paths {
            if path == "-" {
                sources.append(.standardInput)
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw InputError(source: path, message: "no such file or folder")
            }
            if !isDirectory.boolValue {
                sources.append(source(path: path, relative: (path as NSString).lastPathComponent))
                continue
            }
            var found: [(relative: String, problem: String?)] = []
            var visited: [FileIdentity: String] = [:]
            var info = stat()
            if stat(path, &info) == 0 { visited[FileIdentity(info)] = path }
            try walk(folder: path, prefix: "", into: &found, visited: &visited, skipped: &skipped)
            found.sort { Array($0.relative.utf8).lexicographicallyPrecedes(Array($1.relative.utf8)) }
            for file in found where filter.accepts(file.relative) {
                var entry = source(path: (path as NSString).appendingPathComponent(file.relative), relative: file.relative)
                entry.problem = file.problem
                sources.append(entry)
            }
        }
        return sources
    }

    /// A file or folder by device and inode: what makes two paths one folder.
    struct FileIdentity: Hashable {
        let device: UInt64
        let inode: UInt64
        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    /// Collects the files under `folder`. A folder is read once, by device and inode, however
    /// many symbolic links lead to it (a link to `..` would otherwise read everything again and
    /// again); broken links are kept with a problem so that they are reported; anything that
    /// is neither a file nor a folder is skipped with a warning (opening a FIFO would block).
    private func walk(folder: String, prefix: String, into found: inout [(relative: String, problem: String?)],
                      visited: inout [FileIdentity: String], skipped: inout [String]) throws(InputError) {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: folder) } catch {
            throw InputError(source: folder, message: "cannot list the folder")
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            let full = (folder as NSString).appendingPathComponent(name)
            let relative = prefix.isEmpty ? name : prefix + "/" + name
            var info = stat()
            guard stat(full, &info) == 0 else {
                var link = stat()
                if lstat(full, &link) == 0, (link.st_mode & S_IFMT) == S_IFLNK { found.append((relative, "broken symbolic link")) }
                continue
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                let identity = FileIdentity(info)
                if let first = visited[identity] {
                    skipped.append("\(full): skipped, the same folder as \(first), already read")
                    continue
                }
                visited[identity] = full
                try walk(folder: full, prefix: relative, into: &found, visited: &visited, skipped: &skipped)
            case S_IFREG:
                found.append((relative, nil))
            default:
                skipped.append("\(full): skipped, \(DatasetFolder.kind(of: info.st_mode)), not a regular file")
            }
        }
    }

    private func source(path: String, relative: String) -> Source {
        var name = relative
        let compressed = name.hasSuffix(".gz")
        if compressed { name.removeLast(3) }
        let lower = name.lowercased()
        let format: Format = lower.hasSuffix(".jsonl") ? .jsonLines
            : lower.hasSuffix(".html") || lower.hasSuffix(".htm") ? .html : .text
        return Source(path: path, id: format == .jsonLines ? "" : DocumentID.forFile(relative: relative),
                      format: format, compressed: compressed)
    }

    /// Reads one source's documents.
    public func documents(from source: Source) -> [DocumentResult] {
        var results: [DocumentResult] = []
        forEachDocument(in: source) { results.append($0) }
        return results
    }

    /// Reads one source's documents one at a time (a JSON Lines input line by line, in bounded
    /// memory). Every problem is a `.failed` result; nothing is thrown.
    public func forEachDocument(in source: Source, _ body: (DocumentResult) throws -> Void) rethrows {
        let name = source.path == "-" ? "<stdin>" : source.path
        if let problem = source.problem {
            return try body(.failed(id: source.isJSONLines ? nil : source.id, source: name, message: problem))
        }
        var stream: any ByteStream
        do throws(ReadError) {
            if source.path == "-" {
                stream = FileStream.standardInput
            } else if source.compressed {
                stream = try GzipReader.open(source.path, maxRatio: limits.maxGzipRatio)
            } else {
                stream = try FileStream.open(source.path)
            }
        } catch {
            return try body(.failed(id: source.isJSONLines ? nil : source.id, source: name, message: error.message))
        }
        defer { stream.close() }
        guard source.isJSONLines else {
            return try body(Self.readFile(&stream, id: source.id, source: name,
                                          html: source.format == .html ? htmlText : nil, limit: limits.maxDocumentBytes))
        }
        var lines = LineReader(stream, maxLength: limits.maxDocumentBytes)
        while true {
            let line: ArraySlice<UInt8>
            do throws(ReadError) {
                guard let next = try lines.next() else { return }
                line = next
            } catch where error.skippedLine {
                try body(.failed(id: nil, source: "\(name):\(lines.lineNumber)", message: error.message))
                continue
            } catch {
                return try body(.failed(id: nil, source: "\(name):\(lines.lineNumber + 1)", message: error.message))
            }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
            try body(JSONLinesRecord.parse(line, source: "\(name):\(lines.lineNumber)"))
        }
    }

    /// A file's document; `html`: how to read it as HTML, nil for plain text.
    static func readFile(_ stream: inout any ByteStream, id: String, source: String, html: HTMLTextMode?,
                         limit: Int = InputLimits.defaultMaxDocumentBytes) -> DocumentResult {
        if html == nil {
            do throws(ReadError) {
                if let read = try stream.readText(limit: limit) {
                    if let nul = read.firstNUL {
                        return .failed(id: id, source: source, message: "binary file (NUL byte at offset \(nul)): skipped")
                    }
                    return .read(Document(id: id, source: source, text: read.text), replacements: read.replacements)
                }
            } catch {
                return .failed(id: id, source: source, message: error.message)
            }
        }
        let bytes: [UInt8]
        do throws(ReadError) { bytes = try stream.readAll(limit: limit) } catch {
            return .failed(id: id, source: source, message: error.message)
        }
        if let nul = TextDecoder.firstNUL(in: bytes) {
            return .failed(id: id, source: source, message: "binary file (NUL byte at offset \(nul)): skipped")
        }
        if let html {
            let page = HTMLTextExtractor.read(bytes, mode: html)
            var document = Document(id: id, source: source, text: page.text, meta: page.meta, referenceDate: page.published)
            document.warnings = page.warnings
            return .read(document, replacements: page.replacements)
        }
        let (text, replacements) = TextDecoder.decode(bytes)
        return .read(Document(id: id, source: source, text: text), replacements: replacements)
    }
}
