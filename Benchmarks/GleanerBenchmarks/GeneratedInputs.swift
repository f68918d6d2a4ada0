import Foundation
import GleanerCore

/// Inputs larger than Corpus/articles, made in a benchmark's setup: a text of a given size, one
/// long document, and a manifest-only plugin with a long lexicon (scripts/make-lexicon-plugin.py,
/// the generator docs/performance.md measures with, so the suite and those numbers agree).
enum GeneratedInputs {
    /// The articles repeated in order until `bytes` (cut at a line end): `size` MB of news text.
    static func articleText(bytes: Int) throws -> String {
        let articles = try BenchmarkCorpus.articles().map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }
        var text = ""
        text.reserveCapacity(bytes + 65_536)
        var copy = 0
        // A numbered line between copies, as scripts/make-large-document.py writes them, so that
        // the text is not one period of a few kilobytes.
        while text.utf8.count < bytes {
            text += "Part \(copy + 1).\n\n\(articles[copy % articles.count])\n\n"
            copy += 1
        }
        return text
    }

    /// One document of about `bytes` of article text.
    static func largeDocument(bytes: Int) throws -> Document {
        Document(id: "large", source: "generated", text: try articleText(bytes: bytes))
    }

    /// The articles replicated into documents totalling about `bytes`, as `glean bench` does.
    static func documents(bytes: Int) throws -> [Document] {
        ThroughputBenchmark.generate(from: try BenchmarkCorpus.articles(), megabytes: Double(bytes) / 1e6)
    }

    /// A plugin folder with an `names`-name lexicon, written by scripts/make-lexicon-plugin.py
    /// into `folder` (python3 on PATH; the script sits in the repository beside Corpus/).
    static func lexiconPlugin(names: Int, in folder: String) throws -> String {
        let repository = URL(fileURLWithPath: BenchmarkCorpus.articlesPath).deletingLastPathComponent().deletingLastPathComponent()
        let script = repository.appendingPathComponent("scripts/make-lexicon-plugin.py").path
        let plugin = folder + "/companies-\(names)"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, String(names), plugin]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchmarkSetupError("\(script) \(names) \(plugin): status \(process.terminationStatus)")
        }
        return plugin
    }
}
