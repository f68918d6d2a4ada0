import ArgumentParser
import Foundation
import GleanerCore

extension Glean {
    /// `glean stream`: JSON Lines documents on standard input, and for each document in input
    /// order its mentions (the records of mentions.jsonl), then one status line, flushed per
    /// document. One line is read at a time, so memory stays bounded whatever the input size
    /// but for the duplicate check's fixed 50 bytes or so a document (DocumentIDCheck).
    /// A bad line or a failed document gets an error status line and the stream goes on.
    struct Stream: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Extract from JSON Lines documents on standard input; write mentions and a status line per document on standard output.",
            discussion: """
                Status line: {"doc": ID, "status": "ok"|"error", "error": MESSAGE (on error), then the \
                documents.jsonl fields source, sha256, bytes, codePoints, counts, warnings, replacements, meta}. \
                A line without a usable id gets "doc": null. Exit code 1 when some document failed.
                """)

        @OptionGroup var options: ExtractionOptions

        @OptionGroup var inputLimits: InputLimitOptions

        func run() throws {
            let engine: Engine
            let limits: InputLimits
            do {
                engine = try options.loadEngine(maxCandidates: inputLimits.maxCandidates)
                limits = try inputLimits.limits()
            } catch let error as CLIError { fail(with: error) }
            let processor = DocumentProcessor(engine: engine)
            let scratch = engine.makeScratch()
            var ids = DocumentIDCheck()
            var failed = 0
            let reader = InputReader(limits: limits)
            try reader.forEachDocument(in: .standardInput) { result in
                var output: [UInt8] = []
                var status: [(String, JSONValue)]
                switch result {
                case .failed(let id, let source, let message):
                    status = [("doc", id.map(JSONValue.string) ?? .null), ("status", .string("error")),
                              ("error", .string(message)), ("source", .string(source))]
                case .read(let document, let replacements):
                    do throws(DuplicateDocumentID) {
                        try ids.insert(document.id, source: document.source)
                    } catch {
                        status = [("doc", .string(document.id)), ("status", .string("error")),
                                  ("error", .string(error.description)), ("source", .string(document.source))]
                        break
                    }
                    let processed = try processor.process(document, scratch: scratch)
                    output.reserveCapacity(processed.mentions.count * 320)
                    RecordEncoder.append(processed.mentions, to: &output)
                    status = Self.statusLine(processed.record, replacements: replacements)
                }
                if status[1].1 == .string("error") { failed += 1 }
                JSONWriter.append(.object(status), to: &output)
                output.append(0x0A)
                FileHandle.standardOutput.write(Data(output))
            }
            if !options.quiet, failed > 0 { printError("glean: \(failed) document(s) failed: see their status lines") }
            if failed > 0 { throw ExitCode(1) }
        }

        /// documents.jsonl's record with `id` renamed `doc` and `status` (and `error`) first.
        static func statusLine(_ record: DocumentRecord, replacements: Int) -> [(String, JSONValue)] {
            var pairs: [(String, JSONValue)] = [("doc", .string(record.id)), ("status", .string(record.status))]
            if let error = record.error { pairs.append(("error", .string(error))) }
            let rest = (record.json.objectPairs ?? []).filter { !["id", "status", "error", "meta"].contains($0.0) }
            pairs += rest
            if replacements > 0 { pairs.append(("replacements", .int(replacements))) }
            if !record.meta.isEmpty { pairs.append(("meta", .object(record.meta))) }
            return pairs
        }
    }
}
