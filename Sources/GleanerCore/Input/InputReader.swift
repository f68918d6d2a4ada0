import Foundation

/// Turns command-line paths into documents (CONTRACT.md): files and folders (recursive,
/// sorted by the bytes of their relative path, hidden files skipped), `-` for JSON Lines on
/// standard input. Formats by extension, under an optional `.gz`: `.jsonl` JSON Lines of
/// documents, `.html`/`.htm` HTML, anything else plain UTF-8 text.
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

    public init(filter: PathFilter = PathFilter(), htmlText: HTMLTextMode = .article) {
        self.filter = filter
        self.htmlText = htmlText
    }

    /// Lists the files behind `paths`. A path that does not exist is an error; the filter
    /// applies to the files found inside folders, not to files named on the command line.
    public func sources(_ paths: [String]) throws(InputError) -> [Source] {
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
            var visited: Set<String> = []
            try walk(folder: path, prefix: "", into: &found, visited: &visited)
            found.sort { Array($0.relative.utf8).lexicographicallyPrecedes(Array($1.relative.utf8)) }
            for file in found where filter.accepts(file.relative) {
                var entry = source(path: (path as NSString).appendingPathComponent(file.relative), relative: file.relative)
                entry.problem = file.problem
                sources.append(entry)
            }
        }
        return sources
    }

    /// Collects the files under `folder`; symbolic links to folders are followed once each
    /// (by real path), broken links are kept with a problem so that they are reported.
    private func walk(folder: String, prefix: String, into found: inout [(relative: String, problem: String?)],
                      visited: inout Set<String>) throws(InputError) {
        let files = FileManager.default
        let real = (folder as NSString).resolvingSymlinksInPath
        guard visited.insert(real).inserted else { return }
        let names: [String]
        do { names = try files.contentsOfDirectory(atPath: folder) } catch {
            throw InputError(source: folder, message: "cannot list the folder")
        }
        for name in names where !name.hasPrefix(".") {
            let full = (folder as NSString).appendingPathComponent(name)
            let relative = prefix.isEmpty ? name : prefix + "/" + name
            var isDirectory: ObjCBool = false
            if files.fileExists(atPath: full, isDirectory: &isDirectory) {
                if isDirectory.boolValue {
                    try walk(folder: full, prefix: relative, into: &found, visited: &visited)
                } else {
                    found.append((relative, nil))
                }
            } else if (try? files.destinationOfSymbolicLink(atPath: full)) != nil {
                found.append((relative, "broken symbolic link"))
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
                stream = try GzipReader.open(source.path)
            } else {
                stream = try FileStream.open(source.path)
            }
        } catch {
            return try body(.failed(id: source.isJSONLines ? nil : source.id, source: name, message: error.message))
        }
        defer { stream.close() }
        guard source.isJSONLines else {
            return try body(Self.readFile(&stream, id: source.id, source: name,
                                          html: source.format == .html ? htmlText : nil))
        }
        var lines = LineReader(stream)
        while true {
            let line: ArraySlice<UInt8>
            do throws(ReadError) {
                guard let next = try lines.next() else { return }
                line = next
            } catch {
                return try body(.failed(id: nil, source: "\(name):\(lines.lineNumber + 1)", message: error.message))
            }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
            try body(JSONLinesRecord.parse(line, source: "\(name):\(lines.lineNumber)"))
        }
    }

    /// A file's document; `html`: how to read it as HTML, nil for plain text.
    static func readFile(_ stream: inout any ByteStream, id: String, source: String, html: HTMLTextMode?) -> DocumentResult {
        let bytes: [UInt8]
        do throws(ReadError) { bytes = try stream.readAll() } catch {
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
