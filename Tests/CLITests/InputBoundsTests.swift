import Foundation
import GleanerCore
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// No input can exhaust the machine or hang a run (docs/robustness.md): folders are walked
/// once each whatever their links, special files are skipped with a warning, and a document
/// or gzip stream past its limit fails with a message naming it.
@Suite struct InputBoundsTests {
    let files = FileManager.default

    func folder(_ texts: [String: String]) throws -> URL {
        let base = GleanProcess.temporaryDirectory().appendingPathComponent("in")
        for (name, text) in texts {
            let url = base.appendingPathComponent(name)
            try files.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return base
    }

    func documents(_ out: URL) throws -> [JSONValue] {
        try String(contentsOf: out.appendingPathComponent("documents.jsonl"), encoding: .utf8)
            .split(separator: "\n").map { try JSONParser.parse(String($0)) }
    }

    @Test func aSymbolicLinkLoopIsReadOnceAndNamedInAWarning() throws {
        let input = try folder(["a.txt": "Paid $5 million.", "sub/b.txt": "On 3 May 2020."])
        try files.createSymbolicLink(atPath: input.appendingPathComponent("sub/up").path, withDestinationPath: "..")
        try files.createSymbolicLink(atPath: input.appendingPathComponent("sub/again").path, withDestinationPath: "..")
        let out = input.deletingLastPathComponent().appendingPathComponent("ds")
        let result = try GleanProcess.run(["run", input.path, "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try documents(out).compactMap { $0["id"]?.stringValue } == ["a", "sub/b"])
        #expect(result.stderr.contains("\(input.path)/sub/up: skipped, the same folder as \(input.path), already read"), "\(result.stderr)")
    }

    @Test func fifosAndDevicesInAFolderAreSkippedWithAWarning() throws {
        let input = try folder(["a.txt": "Paid $5 million."])
        #expect(mkfifo(input.appendingPathComponent("pipe.txt").path, 0o600) == 0)
        try files.createSymbolicLink(atPath: input.appendingPathComponent("zero.txt").path, withDestinationPath: "/dev/zero")
        let out = input.deletingLastPathComponent().appendingPathComponent("ds")
        let result = try GleanProcess.run(["run", input.path, "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try documents(out).compactMap { $0["id"]?.stringValue } == ["a"])
        #expect(result.stderr.contains("pipe.txt: skipped, a FIFO (named pipe), not a regular file"), "\(result.stderr)")
        #expect(result.stderr.contains("zero.txt: skipped, a device, not a regular file"), "\(result.stderr)")
    }

    @Test func anEndlessFileNamedOnTheCommandLineStopsAtTheDocumentLimit() throws {
        let base = GleanProcess.temporaryDirectory()
        let zero = base.appendingPathComponent("zero.txt")
        try files.createSymbolicLink(atPath: zero.path, withDestinationPath: "/dev/zero")
        let out = base.appendingPathComponent("ds")
        let result = try GleanProcess.run(["run", zero.path, "--out", out.path, "--max-document-size", "1M"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(zero.path): the text is larger than the 1 MB document limit; not read"), "\(result.stderr)")
        #expect(try documents(out).first?["status"]?.stringValue == "error")
    }

    @Test func aFileLargerThanTheLimitFailsBeforeItIsRead() throws {
        let input = try folder(["big.txt": String(repeating: "Paid $5 million. ", count: 200), "small.txt": "On 3 May 2020."])
        let out = input.deletingLastPathComponent().appendingPathComponent("ds")
        let result = try GleanProcess.run(["run", input.path, "--out", out.path, "--max-document-size", "1K"])
        #expect(result.status == 1)
        let records = try documents(out)
        #expect(records.map { $0["status"]?.stringValue ?? "" } == ["error", "ok"])
        #expect(records[0]["error"]?.stringValue == "3.3 KB, larger than the 1 KB document limit; not read (raise it with --max-document-size)")
        let bad = try GleanProcess.run(["run", input.path, "--out", out.path, "--max-document-size", "lots"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--max-document-size lots: not a size"))
    }

    @Test func aGzipBombIsCutOffByItsRatio() throws {
        let base = GleanProcess.temporaryDirectory()
        let bomb = base.appendingPathComponent("bomb.txt.gz")
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/sh")
        gzip.arguments = ["-c", "head -c 40000000 /dev/zero | tr '\\0' ' ' | gzip -9 > \"$0\"", bomb.path]
        try gzip.run()
        gzip.waitUntilExit()
        let out = base.appendingPathComponent("ds")
        let result = try GleanProcess.run(["run", bomb.path, "--out", out.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("inflates to more than 100 times its compressed size (a gzip bomb?)"), "\(result.stderr)")
        // Raised, the ratio lets it through to the document limit.
        let raised = try GleanProcess.run(["run", bomb.path, "--out", out.path, "--max-gzip-ratio", "100000", "--max-document-size", "20M"])
        #expect(raised.status == 1)
        #expect(raised.stderr.contains("larger than the 20 MB document limit"), "\(raised.stderr)")
    }

    @Test func aJSONLinesLineLongerThanTheLimitFailsAloneInAStream() throws {
        let long = String(repeating: "x", count: 300)
        let input = """
            {"id": "a", "text": "Paid $5 million."}
            {"id": "b", "text": "\(long)"}
            {"id": "c", "text": "On 3 May 2020."}
            """
        let result = try GleanProcess.run(["stream", "--max-document-size", "200"], stdin: input)
        #expect(result.status == 1)
        let statuses = try result.stdout.split(separator: "\n").map { try JSONParser.parse(String($0)) }.filter { $0["status"] != nil }
        #expect(statuses.map { $0["doc"]?.stringValue ?? "null" } == ["a", "null", "c"])
        #expect(statuses[1]["source"]?.stringValue == "<stdin>:2")
        #expect(statuses[1]["error"]?.stringValue == "the line is larger than the 200 bytes document limit; not read (raise it with --max-document-size)")
        // A run stops before writing anything, naming the line.
        let out = GleanProcess.temporaryDirectory().appendingPathComponent("ds")
        let run = try GleanProcess.run(["run", "-", "--out", out.path, "--max-document-size", "200"], stdin: input)
        #expect(run.status == 2)
        #expect(run.stderr.contains("<stdin>:2: the line is larger than the 200 bytes document limit"), "\(run.stderr)")
    }

    @Test func aDocumentDenseWithCandidatesFailsAtTheLimitAndOthersAreKept() throws {
        let input = try folder(["dense.txt": String(repeating: "$1,", count: 40), "sparse.txt": "Paid $5 million on 3 May 2020."])
        let out = input.deletingLastPathComponent().appendingPathComponent("ds")
        let result = try GleanProcess.run(["run", input.path, "--out", out.path, "--max-candidates", "20"])
        #expect(result.status == 1)
        let records = try documents(out)
        #expect(records.map { $0["status"]?.stringValue ?? "" } == ["error", "ok"])
        #expect(records[0]["error"]?.stringValue == "more than 20 candidate mentions (120 bytes); not extracted, to keep memory bounded (raise the limit with --max-candidates)")
        #expect(records[1]["counts"]?["money"] == .int(1))
        // Under the default limit the same document is extracted.
        let full = try GleanProcess.run(["run", input.path, "--out", out.path, "--quiet"])
        #expect(full.status == 0, "\(full.stderr)")
        #expect(try documents(out)[0]["counts"]?["money"] == .int(40))
    }
}
