import Foundation
import GleanerCore

/// A live progress line on standard error while `glean run` works: documents and MB done,
/// rate, ETA, mentions and errors so far. Drawn only when standard error is a terminal (and
/// not with --quiet), at most five times a second, and erased at the end so that the final
/// summary stands alone. A run observer: fed once per batch, it changes nothing in the run.
final class ProgressReporter: RunObserver, @unchecked Sendable {
    let enabled: Bool
    private let totalDocuments: Int
    private let totalBytes: Int
    private let started = Date()
    private var lastDrawn = Date.distantPast
    private(set) var documents = 0
    private(set) var bytes = 0
    private(set) var mentions = 0
    private(set) var errors = 0

    init(totalDocuments: Int, totalBytes: Int, enabled: Bool) {
        self.totalDocuments = totalDocuments
        self.totalBytes = totalBytes
        self.enabled = enabled
    }

    /// Whether a live line makes sense: standard error is a terminal.
    static var standardErrorIsTerminal: Bool { isatty(2) != 0 }

    func advance(documents: Int, bytes: Int, mentions: Int, errors: Int) {
        self.documents += documents
        self.bytes += bytes
        self.mentions += mentions
        self.errors += errors
        let now = Date()
        guard enabled, now.timeIntervalSince(lastDrawn) >= 0.2 || self.documents == totalDocuments else { return }
        lastDrawn = now
        draw(line(elapsed: now.timeIntervalSince(started)))
    }

    /// The progress line, e.g. `  120/500 docs  3.1/12.9 MB  2.4 MB/s  ETA 0:04  mentions 3571  errors 0`.
    func line(elapsed: Double) -> String {
        let megabytes = Double(bytes) / 1e6, total = Double(totalBytes) / 1e6
        let rate = elapsed > 0 ? megabytes / elapsed : 0
        let eta = rate > 0 ? Self.clock((total - megabytes) / rate) : "-"
        return "\(documents)/\(totalDocuments) docs  \(String(format: "%.1f/%.1f MB", megabytes, total))  "
            + "\(String(format: "%.1f MB/s", rate))  ETA \(eta)  mentions \(mentions)  errors \(errors)"
    }

    /// Erases the line.
    func finish() {
        if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    private func draw(_ text: String) {
        FileHandle.standardError.write(Data("\r\(text)\u{1B}[K".utf8))
    }

    static func clock(_ seconds: Double) -> String {
        let whole = max(0, Int(seconds.rounded()))
        return whole >= 3600 ? String(format: "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60)
            : String(format: "%d:%02d", whole / 60, whole % 60)
    }

    /// It counts mentions, and needs not keep them.
    var readsMentions: Bool { false }

    /// Each batch as it is written; documents taken unchanged from earlier results count as done.
    func observe(_ batch: [ProcessedDocument]) {
        advance(documents: batch.count, bytes: batch.reduce(0) { $0 + $1.record.bytes },
                mentions: batch.reduce(0) { $0 + $1.mentionCount }, errors: batch.count { $0.error != nil })
    }
}
