import Foundation

/// Reads documents' texts back from the sources named in `documents.jsonl`: a file (text,
/// HTML, gzipped) or `path:line` of a JSON Lines file, read the way `glean run` read them.
/// A text whose SHA-256 differs from the record's is refused: its offsets would be wrong.
final class SourceTexts {
    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    private let base: String
    private let reader: InputReader
    /// The gzipped JSON Lines file last read: line → text.
    private var jsonLines: [String: [String: String]] = [:]
    /// Plain JSON Lines files: the byte offset where each line starts (and the file's end).
    private var lineStarts: [String: [UInt64]] = [:]
    private var handles: [String: FileHandle] = [:]

    /// How the run that wrote `dataset` read HTML (its run.json's `options.htmlText`; article
    /// when absent), so that HTML sources are read back as the run read them.
    static func htmlText(ofDataset dataset: String) -> HTMLTextMode {
        let path = (dataset as NSString).appendingPathComponent("run.json")
        guard let data = FileManager.default.contents(atPath: path),
              let run = try? JSONParser.parse(String(decoding: data, as: UTF8.self)) else { return .article }
        return run["options"]?["htmlText"]?.stringValue.flatMap(HTMLTextMode.init(rawValue:)) ?? .article
    }

    /// `htmlText`: how the run read HTML (run.json's `options.htmlText`).
    init(base: String, htmlText: HTMLTextMode = .article) {
        self.base = base
        reader = InputReader(htmlText: htmlText)
    }

    func text(of source: String, sha256: String?) -> Result<String, Problem> {
        let text: String
        switch read(source) {
        case .success(let found): text = found
        case .failure(let problem): return .failure(problem)
        }
        if let sha256, SHA256.hex(text.utf8) != sha256 {
            return .failure(Problem(description: "\(source) changed since the run; its text is not shown"))
        }
        return .success(text)
    }

    private func read(_ source: String) -> Result<String, Problem> {
        if source.hasPrefix("<stdin>") {
            return .failure(Problem(description: "the text came from standard input and was not kept"))
        }
        let path = resolve(source)
        if FileManager.default.fileExists(atPath: path) {
            return firstDocument(in: path)
        }
        // `path:line` of a JSON Lines file: a plain one is read at the line's offset (an index of
        // line starts is made once per file), a gzipped one is read whole once.
        if let colon = source.lastIndex(of: ":"), let line = Int(source[source.index(after: colon)...]) {
            let file = resolve(String(source[..<colon]))
            guard FileManager.default.fileExists(atPath: file) else { return gone(source) }
            if !file.hasSuffix(".gz") {
                guard let text = lineText(file, line) else {
                    return .failure(Problem(description: "\(source): the line is no longer a document record"))
                }
                return .success(text)
            }
            if jsonLines[file] == nil {
                var table: [String: String] = [:]
                for case .read(let document, _) in documents(at: file) {
                    table[document.source.split(separator: ":").last.map(String.init) ?? ""] = document.text
                }
                jsonLines = [file: table]
            }
            guard let text = jsonLines[file]?[String(line)] else {
                return .failure(Problem(description: "\(source): the line is no longer a document record"))
            }
            return .success(text)
        }
        return gone(source)
    }

    /// The `text` of line `line` (1-based) of a plain JSON Lines file.
    private func lineText(_ file: String, _ line: Int) -> String? {
        if lineStarts[file] == nil {
            guard let handle = FileHandle(forReadingAtPath: file) else { return nil }
            var starts: [UInt64] = [0]
            var offset: UInt64 = 0
            while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                for (index, byte) in chunk.enumerated() where byte == 0x0A { starts.append(offset + UInt64(index) + 1) }
                offset += UInt64(chunk.count)
            }
            if starts.last != offset { starts.append(offset) }
            for (_, open) in handles { try? open.close() }
            handles = [file: handle]
            lineStarts = [file: starts]
        }
        guard let starts = lineStarts[file], let handle = handles[file], line >= 1, line < starts.count else { return nil }
        do {
            try handle.seek(toOffset: starts[line - 1])
            let data = try handle.read(upToCount: Int(starts[line] - starts[line - 1])) ?? Data()
            return try JSONParser.parse(String(decoding: data, as: UTF8.self))["text"]?.stringValue
        } catch {
            return nil
        }
    }

    private func firstDocument(in path: String) -> Result<String, Problem> {
        switch documents(at: path).first {
        case .read(let document, _)?: .success(document.text)
        case .failed(_, _, let message)?: .failure(Problem(description: "\(path): \(message)"))
        case nil: gone(path)
        }
    }

    private func documents(at path: String) -> [DocumentResult] {
        guard let source = try? reader.sources([path]).first else { return [] }
        return reader.documents(from: source)
    }

    private func gone(_ source: String) -> Result<String, Problem> {
        .failure(Problem(description: "\(source) is gone; only the mentions are listed"))
    }

    private func resolve(_ path: String) -> String {
        path.hasPrefix("/") || base == "." ? path : (base as NSString).appendingPathComponent(path)
    }
}
