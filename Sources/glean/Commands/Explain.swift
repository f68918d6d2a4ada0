import ArgumentParser
import Foundation
import GleanerCore

extension Glean {
    struct Explain: GleanCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show which rule found each mention, and why every other candidate was dropped.")

        @Argument(help: "The text to explain.")
        var text: String?

        @Option(help: "Explain a file's text instead.")
        var file: String?

        @OptionGroup var options: ExtractionOptions

        @OptionGroup var htmlText: HTMLTextOptions

        func execute() throws {
            let document: Document
            if let file {
                // Read as `glean run` reads it (HTML: its article or page text, gzip, ...).
                guard let first = try readDocuments([file], htmlText: htmlText.mode).first else {
                    throw CLIError.input("\(file): no document in the file")
                }
                document = first
            } else if let text {
                document = Document(id: "explain", source: "<argument>", text: text)
            } else {
                throw CLIError.usage("give a TEXT or --file")
            }
            let engine = try options.loadEngine()
            let result = engine.extract(document, scratch: engine.makeScratch(), keepCandidates: true)
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
            if let error = result.validationError { print("validation error: \(error)") }
        }
    }
}
