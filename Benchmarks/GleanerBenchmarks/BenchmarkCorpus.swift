import Foundation
import GleanerCore

/// The documents the suite measures: the articles in Corpus/articles, read with the real
/// reader, and an HTML page made from one of them for the HTML input path (the corpus has
/// no HTML of its own).
enum BenchmarkCorpus {
    /// Corpus/articles, found from the working directory (where `swift package benchmark` runs
    /// the suite) or else above this source file (a binary run from elsewhere).
    static let articlesPath: String = {
        let relative = "Corpus/articles"
        let fileManager = FileManager.default
        var candidates = [URL(fileURLWithPath: fileManager.currentDirectoryPath)]
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/" {
            candidates.append(folder)
            folder.deleteLastPathComponent()
        }
        for root in candidates {
            let path = root.appendingPathComponent(relative).path
            if fileManager.fileExists(atPath: path) { return path }
        }
        fatalError("GleanerBenchmarks: \(relative) not found above \(#filePath) or the working directory")
    }()

    /// Every article, in path order.
    static func articles() throws -> [Document] {
        let reader = InputReader()
        var documents: [Document] = []
        for source in try reader.sources([articlesPath]) {
            for result in reader.documents(from: source) {
                guard case .read(let document, _) = result else {
                    throw BenchmarkSetupError("\(result.source): unreadable")
                }
                documents.append(document)
            }
        }
        guard !documents.isEmpty else { throw BenchmarkSetupError("\(articlesPath): no articles") }
        return documents
    }

    /// The largest article: one document's worth of work.
    static func largestArticle() throws -> Document {
        try articles().max { $0.text.utf8.count < $1.text.utf8.count }!
    }

    /// Writes `document` as a news-site page (head, script, style, navigation, one `<p>` per
    /// paragraph, entities) so that parsing and dropping markup is part of the measurement.
    static func writeHTMLPage(of document: Document, to path: String) throws {
        func escaped(_ text: Substring) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;")
        }
        let paragraphs = document.text.split(separator: "\n", omittingEmptySubsequences: true)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let title = paragraphs.first.map { escaped(Substring($0)) } ?? ""
        var html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>\(title)</title>
            <style>body { font: 16px/1.5 serif } nav li { display: inline }</style>
            <script>window.dataLayer = window.dataLayer || []; dataLayer.push({"page": "article"});</script>
            </head><body>
            <header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/business">Business</a></li></ul></nav></header>
            <main><article><h1>\(title)</h1>

            """
        for paragraph in paragraphs.dropFirst() { html += "<p>\(escaped(Substring(paragraph)))</p>\n" }
        html += """
            </article></main>
            <footer><p>&copy; 2024 Example News&nbsp;&mdash; All rights reserved.</p></footer>
            </body></html>

            """
        try html.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
