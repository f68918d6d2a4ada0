import ArgumentParser
import Foundation
import GleanerCore

extension Glean {
    struct Explain: GleanCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show which rule found each mention, and why every other candidate was dropped.",
            discussion: """
                --json prints one object: "mentions" (the records of mentions.jsonl), "dropped" (the records \
                of decisions.jsonl), "ruleFailures" and, when a record failed validation, "validationError".
                """)

        @Argument(help: "The text to explain.")
        var text: String?

        @Option(help: "Explain a file's text instead ('-' reads standard input).")
        var file: String?

        @Flag(help: "Print one JSON object instead of text.")
        var json = false

        @OptionGroup var options: ExtractionOptions

        @OptionGroup var htmlText: HTMLTextOptions

        func execute() throws {
            let document: Document
            if let file {
                if file == "-" {
                    let data = FileHandle.standardInput.readDataToEndOfFile()
                    document = Document(id: "explain", source: "<stdin>", text: String(decoding: data, as: UTF8.self))
                } else {
                    // Read as `glean run` reads it (HTML: its article or page text, gzip, ...).
                    guard let first = try readDocuments([file], htmlText: htmlText.mode).first else {
                        throw CLIError.input("\(file): no document in the file")
                    }
                    document = first
                }
            } else if let text {
                document = Document(id: "explain", source: "<argument>", text: text)
            } else {
                throw CLIError.usage("give a TEXT or --file FILE ('-' for standard input)")
            }
            let engine = try options.loadEngine()
            let result = try DocumentProcessor(engine: engine, decisions: true).process(document, scratch: engine.makeScratch())
            if json {
                FileHandle.standardOutput.write(Data(Self.json(result)))
                return
            }
            print("mentions:")
            for mention in result.mentions {
                print("  [\(mention.start),\(mention.end)) \(mention.kind) '\(mention.text)' = \(JSONWriter.string(mention.value))")
                print("      by \(mention.extractor) rule \(mention.rule)\(mention.inferred.isEmpty ? "" : ", inferred \(mention.inferred.joined(separator: ","))")")
            }
            if result.mentions.isEmpty { print("  (none)") }
            print("dropped candidates:")
            for decision in result.decisions {
                var line = "  '\(decision.text)' \(decision.kind) (\(decision.plugin) rule \(decision.rule)), bytes \(decision.bytes.lowerBound)-\(decision.bytes.upperBound): \(decision.pass): \(decision.reason)"
                if let winner = decision.winner { line += "; kept \(winner.kind) '\(winner.text)' (rule \(winner.rule))" }
                print(line)
            }
            if result.decisions.isEmpty { print("  (none)") }
            for failure in result.ruleFailures { print("rule failure: \(failure)") }
            if let error = result.error { print("validation error: \(error)") }
        }

        /// The records `glean run` writes (mentions.jsonl, decisions.jsonl lines), in one object.
        static func json(_ result: ProcessedDocument) -> [UInt8] {
            var output: [UInt8] = []
            func records(_ count: Int, _ append: (Int, inout [UInt8]) -> Void) {
                output.append(UInt8(ascii: "["))
                for index in 0..<count {
                    if index > 0 { JSONWriter.append(raw: ", ", to: &output) }
                    append(index, &output)
                    output.removeLast() // the record's newline
                }
                output.append(UInt8(ascii: "]"))
            }
            JSONWriter.append(raw: "{\"mentions\": ", to: &output)
            records(result.mentions.count) { RecordEncoder.append(result.mentions[$0], to: &$1) }
            JSONWriter.append(raw: ", \"dropped\": ", to: &output)
            records(result.decisions.count) { RecordEncoder.append(result.decisions[$0], doc: "explain", to: &$1) }
            JSONWriter.append(raw: ", \"ruleFailures\": ", to: &output)
            JSONWriter.append(.array(result.ruleFailures.map(JSONValue.string)), to: &output)
            if let error = result.error {
                JSONWriter.append(raw: ", \"validationError\": ", to: &output)
                JSONWriter.append(string: error, to: &output)
            }
            JSONWriter.append(raw: "}\n", to: &output)
            return output
        }
    }
}
