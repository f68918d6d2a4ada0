import Foundation

/// Writes `glean report DATASET --html DIR`: `index.html` (the overview: `OverviewPage`), one
/// page per document (`docs/N.html`, N in input order), the full documents list
/// (`documents/N.html`, when there are more than `DocumentList.pageSize`), and the shared
/// `report.css` and `report.js`. Documents and mentions are streamed side by side (both files
/// are in input order) and each document's text is read, rendered and dropped in turn, so
/// memory holds one document at a time plus the overview's tallies. The folder is written
/// beside the target and swapped in when complete: a failed run leaves the previous report.
public struct ReportWriter {
    public struct Problem: Error, CustomStringConvertible {
        public let description: String
        /// True for a problem with the dataset or the arguments (exit 2), false for one writing
        /// the report (exit 3).
        public let isInput: Bool
    }

    public struct Summary: Sendable {
        public var documents: Int
        public var mentions: Int
        public var withoutText: Int
    }

    public let dataset: String
    public let output: String
    public let base: String
    public let title: String

    public init(dataset: String, output: String, base: String = ".", title: String? = nil) {
        self.dataset = dataset
        self.output = output
        self.base = base
        self.title = title ?? dataset
    }

    private static func input(_ message: String) -> Problem { Problem(description: message, isInput: true) }

    public func write() throws(Problem) -> Summary {
        try checkOutput()
        let documentsPath = (dataset as NSString).appendingPathComponent("documents.jsonl")
        let mentionsPath = (dataset as NSString).appendingPathComponent("mentions.jsonl")
        for path in [documentsPath, mentionsPath] where !FileManager.default.fileExists(atPath: path) {
            throw Self.input("\(path): cannot read the file (is \(dataset) a dataset folder written by glean run?)")
        }
        let count = try lineCount(documentsPath)
        let staging = output + ".glean-report-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.removeItem(atPath: staging)
        do {
            try FileManager.default.createDirectory(atPath: staging + "/docs", withIntermediateDirectories: true)
        } catch {
            throw Problem(description: "\(output): cannot write the report: \(error.localizedDescription)", isInput: false)
        }
        do {
            let summary = try writePages(into: staging, documentsPath: documentsPath, mentionsPath: mentionsPath, count: count)
            try swapIn(staging)
            return summary
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw error
        }
    }

    /// `--html` names a folder that is absent, empty or an earlier report.
    private func checkOutput() throws(Problem) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output, isDirectory: &isFolder) else {
            if output.lowercased().hasSuffix(".html") || output.lowercased().hasSuffix(".htm") {
                throw Self.input("--html \(output): name a folder (the report is index.html and docs/ in it), e.g. --html report")
            }
            return
        }
        guard isFolder.boolValue else {
            throw Self.input("--html \(output) is a file; name a folder (the report is index.html and docs/ in it)")
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []
        guard entries.isEmpty || Self.isReport(output) else {
            throw Self.input("--html \(output) is a folder that is neither empty nor a report glean wrote; it was left untouched")
        }
    }

    private static func isReport(_ folder: String) -> Bool {
        ["index.html", "report.js", "report.css", "docs"].allSatisfy {
            FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent($0))
        }
    }

    private func swapIn(_ staging: String) throws(Problem) {
        let manager = FileManager.default
        let previous = output + ".glean-previous-\(ProcessInfo.processInfo.processIdentifier)"
        let hadOne = manager.fileExists(atPath: output)
        if hadOne, rename(output, previous) != 0 {
            throw Problem(description: "\(output): cannot replace the report: \(String(cString: strerror(errno)))", isInput: false)
        }
        if rename(staging, output) != 0 {
            let reason = String(cString: strerror(errno))
            if hadOne { _ = rename(previous, output) }
            throw Problem(description: "\(output): cannot write the report: \(reason)", isInput: false)
        }
        if hadOne { try? manager.removeItem(atPath: previous) }
    }

    private func lineCount(_ path: String) throws(Problem) -> Int {
        var file: JSONLinesFile
        do { file = try JSONLinesFile(path: path) } catch { throw Self.input(error.description) }
        defer { file.close() }
        var count = 0
        do { while try file.next() != nil { count += 1 } } catch { throw Self.input(error.description) }
        return count
    }

    private func save(_ text: String, _ path: String) throws(Problem) {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            throw Problem(description: "\(path): cannot write the report: \(error.localizedDescription)", isInput: false)
        }
    }

    private func writePages(into folder: String, documentsPath: String, mentionsPath: String, count: Int) throws(Problem) -> Summary {
        var documents: JSONLinesFile, mentions: JSONLinesFile
        do {
            documents = try JSONLinesFile(path: documentsPath)
            mentions = try JSONLinesFile(path: mentionsPath)
        } catch { throw Self.input(error.description) }
        defer { documents.close(); mentions.close() }
        let texts = SourceTexts(base: base, htmlText: SourceTexts.htmlText(ofDataset: dataset))
        var tally = ReportTally()
        var pending: ReportMention?
        var listRows: [DocumentList.Row] = [], firstRows: [DocumentList.Row] = []
        let listPages = max(1, (count + DocumentList.pageSize - 1) / DocumentList.pageSize)
        var withoutText = 0, number = 0
        func nextMention() throws(Problem) -> ReportMention? {
            let next: (line: Int, record: JSONValue)?
            do { next = try mentions.next() } catch { throw Self.input(error.description) }
            guard let (line, record) = next else { return nil }
            guard let mention = ReportMention(record) else { throw Self.input("\(mentionsPath):\(line): not a mention record") }
            return mention
        }
        pending = try nextMention()
        while true {
            let next: (line: Int, record: JSONValue)?
            do { next = try documents.next() } catch { throw Self.input(error.description) }
            guard let (line, record) = next else { break }
            guard let id = record["id"]?.stringValue, let source = record["source"]?.stringValue else {
                throw Self.input("\(documentsPath):\(line): not a document record")
            }
            number += 1
            // Mentions are in document order: this document's come next.
            var list: [ReportMention] = []
            while let mention = pending, mention.doc == id {
                list.append(mention)
                pending = try nextMention()
            }
            list.sort { ($0.start, $0.end) < ($1.start, $1.end) }
            let status = record["status"]?.stringValue ?? "ok"
            let counts = (record["counts"]?.objectPairs ?? []).map { ($0.0, Self.int($0.1) ?? 0) }
            tally.add(documentKinds: counts.map(\.0), ok: status == "ok", mentions: list)
            var page = DocumentPage(number: number, count: count, id: id, source: source, status: status,
                                    error: record["error"]?.stringValue, text: nil, note: nil, mentions: list,
                                    kinds: tally.kinds.map(\.kind), title: title)
            switch texts.text(of: source, sha256: record["sha256"]?.stringValue) {
            case .success(let text): page.text = text
            case .failure(let problem): page.note = problem.description; withoutText += 1
            }
            try save(page.render(), "\(folder)/docs/\(number).html")
            let row = DocumentList.Row(number: number, id: id, mentions: list.count, counts: counts, status: status, hasText: page.text != nil)
            if firstRows.count < DocumentList.pageSize { firstRows.append(row) }
            if listPages > 1 {
                listRows.append(row)
                if listRows.count == DocumentList.pageSize || number == count {
                    try writeListPage(listRows, into: folder, count: listPages, kinds: tally.kinds.map(\.kind))
                    listRows.removeAll(keepingCapacity: true)
                }
            }
        }
        if let stray = pending {
            throw Self.input("\(mentionsPath): mention \(stray.id) is out of document order or of a document not in documents.jsonl (glean validate \(dataset) tells more)")
        }
        if listPages > 1, !listRows.isEmpty {
            try writeListPage(listRows, into: folder, count: listPages, kinds: tally.kinds.map(\.kind))
        }
        let overview = OverviewPage(title: title, tally: tally, firstDocuments: firstRows, listPages: listPages)
        try save(overview.render(), "\(folder)/index.html")
        try save(ReportAssets.css, "\(folder)/report.css")
        try save(ReportAssets.script, "\(folder)/report.js")
        return Summary(documents: number, mentions: tally.mentions, withoutText: withoutText)
    }

    private func writeListPage(_ rows: [DocumentList.Row], into folder: String, count: Int, kinds: [String]) throws(Problem) {
        let page = (rows[0].number - 1) / DocumentList.pageSize + 1
        if page == 1 { try? FileManager.default.createDirectory(atPath: folder + "/documents", withIntermediateDirectories: true) }
        try save(DocumentList.page(rows, number: page, of: count, kinds: kinds, title: title), "\(folder)/documents/\(page).html")
    }

    private static func int(_ value: JSONValue) -> Int? {
        guard case .number(let number) = value else { return nil }
        return Int(number.description)
    }
}
