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
    /// JSON Lines files already read: `path:line` source → text.
    private var jsonLines: [String: [String: String]] = [:]

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
        // `path:line` of a JSON Lines file.
        if let colon = source.lastIndex(of: ":"), Int(source[source.index(after: colon)...]) != nil {
            let file = resolve(String(source[..<colon]))
            if jsonLines[file] == nil {
                guard FileManager.default.fileExists(atPath: file) else { return gone(source) }
                var table: [String: String] = [:]
                for case .read(let document, _) in documents(at: file) {
                    table[document.source.split(separator: ":").last.map(String.init) ?? ""] = document.text
                }
                jsonLines[file] = table
            }
            let line = String(source[source.index(after: colon)...])
            guard let text = jsonLines[file]?[line] else {
                return .failure(Problem(description: "\(source): the line is no longer a document record"))
            }
            return .success(text)
        }
        return gone(source)
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
