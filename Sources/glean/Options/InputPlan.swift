import Foundation
import GleanerCore

/// The inputs of a run, read in two passes so memory stays bounded: the first pass collects
/// only ids (a duplicate id or a JSON Lines record without a usable one is an error before
/// anything is written) and counts for the progress line; the second streams the documents.
/// Standard input can be read only once, so its documents are kept from the first pass.
struct InputPlan {
    let reader: InputReader
    let sources: [InputReader.Source]
    private(set) var ids: [String] = []
    private(set) var bytes = 0
    /// Entries of the input folders that are not read (FIFOs, devices, a folder reached twice).
    private(set) var skipped: [String] = []
    private var standardInput: [DocumentResult] = []

    /// The folder read when no path is given, if the working directory has it (a clone of
    /// the repository); elsewhere a missing path is a usage error.
    static let defaultFolder = "Corpus/articles"

    /// `paths`, or the default folder where there is one.
    static func paths(_ given: [String]) throws -> [String] {
        guard given.isEmpty else { return given }
        guard FileManager.default.fileExists(atPath: defaultFolder) else {
            throw CLIError.usage("no input: give files or folders to read, or '-' for JSON Lines on standard input (\(defaultFolder), the default inside the repository, is not here)")
        }
        return [defaultFolder]
    }

    init(_ paths: [String], filter: PathFilter = PathFilter(), htmlText: HTMLTextMode = .article,
         limits: InputLimits = InputLimits()) throws {
        reader = InputReader(filter: filter, htmlText: htmlText, limits: limits)
        do { sources = try reader.sources(paths, skipped: &skipped) } catch { throw CLIError.input(error.description) }
        var seen = DocumentIDCheck()
        func note(_ id: String, _ source: String) throws {
            do throws(DuplicateDocumentID) { try seen.insert(id, source: source) } catch { throw CLIError.input(error.description) }
            ids.append(id)
        }
        for source in sources {
            guard source.isJSONLines else {
                // A file's id comes from its path: no need to read it yet.
                try note(source.id, source.path)
                bytes += (try? FileManager.default.attributesOfItem(atPath: source.path)[.size] as? Int) ?? 0
                continue
            }
            var kept: [DocumentResult] = []
            try reader.forEachDocument(in: source) { result in
                guard let id = result.id else {
                    guard case .failed(_, let where_, let message) = result else { return }
                    throw CLIError.input("\(where_): \(message)")
                }
                try note(id, result.source)
                if case .read(let document, _) = result { bytes += document.text.utf8.count }
                if source.path == "-" { kept.append(result) }
            }
            standardInput += kept
        }
    }

    /// Streams every document in input order; an unreadable one comes as a document with
    /// `failure` set (recorded with status "error").
    func forEachDocument(_ body: (Document) throws -> Void) throws {
        func deliver(_ result: DocumentResult) throws {
            switch result {
            case .read(var document, let replacements):
                document.replacements = replacements
                try body(document)
            case .failed(let id, let source, let message):
                try body(Document(id: id ?? "", source: source, text: "", failure: message))
            }
        }
        for source in sources {
            if source.path == "-" {
                for result in standardInput { try deliver(result) }
            } else {
                try reader.forEachDocument(in: source) { try deliver($0) }
            }
        }
    }
}

/// Every document behind `paths` in memory, for commands on small inputs (`eval`, `bench`)
/// where an unreadable document is an input error.
func readDocuments(_ paths: [String], htmlText: HTMLTextMode = .article) throws -> [Document] {
    var documents: [Document] = []
    try InputPlan(paths, htmlText: htmlText).forEachDocument { document in
        if let failure = document.failure { throw CLIError.input("\(document.source): \(failure)") }
        documents.append(document)
    }
    return documents
}
