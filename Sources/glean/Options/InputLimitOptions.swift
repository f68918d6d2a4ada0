import ArgumentParser
import GleanerCore

/// `--max-document-size` / `--max-gzip-ratio` / `--max-candidates`: how much one input may
/// cost (docs/robustness.md).
struct InputLimitOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Largest document read: a file (inflated, for .gz) or a JSON Lines line; larger ones fail with a message. Bytes, or with K, M or G.",
                               valueName: "size"))
    var maxDocumentSize = "256M"

    @Option(help: "Largest inflated-to-compressed ratio of a .gz input (past 16 MB inflated) before it is cut off as a gzip bomb.")
    var maxGzipRatio = InputLimits.defaultMaxGzipRatio

    @Option(help: "Candidate mentions one document may produce before it fails (a document of nothing but amounts), so memory stays bounded.")
    var maxCandidates = Engine.defaultMaxCandidates

    func limits() throws -> InputLimits {
        guard maxCandidates > 0 else { throw CLIError.usage("--max-candidates must be at least 1") }
        guard let bytes = InputLimits.parseSize(maxDocumentSize) else {
            throw CLIError.usage("--max-document-size \(maxDocumentSize): not a size (a number of bytes, or with K, M or G)")
        }
        guard maxGzipRatio > 0 else { throw CLIError.usage("--max-gzip-ratio must be at least 1") }
        return InputLimits(maxDocumentBytes: bytes, maxGzipRatio: maxGzipRatio)
    }
}
