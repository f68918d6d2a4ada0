import Foundation
import GleanerCore
import Testing

/// Inputs a hostile user would try (issue "Trust"): what they get is a clear message or a
/// record that reads back, never raw control characters on the terminal or a dataset that
/// fails its own validation.
@Suite struct HostileInputTests {
    @Test func hugeNumbersInMetadataAreWrittenSoThatTheDatasetValidates() throws {
        let out = GleanProcess.temporaryDirectory().appendingPathComponent("ds")
        let input = #"{"id": "a", "text": "Paid $5 million.", "big": 1e400, "tiny": -3e-400, "ok": 2.5}"# + "\n"
        let result = try GleanProcess.run(["run", "-", "--out", out.path, "--quiet"], stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        let documents = try String(contentsOf: out.appendingPathComponent("documents.jsonl"), encoding: .utf8)
        #expect(documents.contains(#""meta": {"big": 1e400, "tiny": -3e-400, "ok": 2.5}"#), "\(documents)")
        let validated = try GleanProcess.run(["validate", out.path])
        #expect(validated.status == 0, "\(validated.stdout)")
        // An exponent no document needs is an error naming the line, not a gigabyte of zeros.
        let absurd = try GleanProcess.run(["stream"], stdin: #"{"id": "b", "text": "x", "n": 1e999999999}"# + "\n")
        #expect(absurd.status == 1)
        #expect(absurd.stdout.contains("number out of range"), "\(absurd.stdout)")
    }

    @Test func controlCharactersInFileNamesAreEscapedInMessages() throws {
        let folder = GleanProcess.temporaryDirectory().appendingPathComponent("in")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // A binary file (a NUL byte) fails, and its message names it.
        let name = "evil\u{1B}[31mred\nglean: fake.txt"
        try Data([0x41, 0x00, 0x42]).write(to: folder.appendingPathComponent(name))
        let out = folder.deletingLastPathComponent().appendingPathComponent("ds")
        let result = try GleanProcess.run(["run", folder.path, "--out", out.path])
        #expect(result.status == 1)
        #expect(!result.stderr.contains("\u{1B}"))
        #expect(result.stderr.contains(#"evil\e[31mred\nglean: fake.txt: binary file"#), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").allSatisfy { $0.hasPrefix("glean: ") })
    }

    @Test func reportIntoAFolderThatIsNotAReportIsAClearUsageError() throws {
        let base = GleanProcess.temporaryDirectory()
        let out = base.appendingPathComponent("ds")
        #expect(try GleanProcess.run(["run", "Corpus/articles", "--out", out.path, "--quiet"]).status == 0)
        let result = try GleanProcess.run(["report", out.path, "--html", base.path])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("glean: error: --html \(base.path) is a folder that is neither empty nor a report glean wrote"))
        #expect(!result.stderr.contains("NSCocoaErrorDomain"))
    }

    @Test func aDuplicateIdInAStreamNamesTheFirstLine() throws {
        let input = (1...3).map { #"{"id": "doc-\#($0 == 3 ? 1 : $0)", "text": "x"}"# }.joined(separator: "\n")
        let result = try GleanProcess.run(["stream"], stdin: input)
        #expect(result.status == 1)
        #expect(result.stdout.contains("duplicate document id 'doc-1' in <stdin>:1 and <stdin>:3"), "\(result.stdout)")
    }
}
