import Foundation
import GleanerCore
import Testing

/// A run writes into .DIR.glean-partial/ and journals each batch; a killed run leaves DIR as it was,
/// and `--resume` finishes with a dataset identical to a clean run.
@Suite(.serialized) struct ResumeTests {
    /// A JSON Lines corpus of `count` documents made from the corpus articles.
    static func corpus(_ count: Int) throws -> URL {
        let folder = GleanProcess.root.appendingPathComponent("Corpus/articles")
        let texts = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map {
            String(decoding: try Data(contentsOf: folder.appendingPathComponent($0)), as: UTF8.self)
        }
        var lines = ""
        for index in 0..<count {
            lines += JSONWriter.string(.object([("id", .string("doc\(index)")), ("text", .string(texts[index % texts.count]))])) + "\n"
        }
        let file = GleanProcess.temporaryDirectory().appendingPathComponent("corpus.jsonl")
        try lines.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    func files(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in ["documents.jsonl", "mentions.jsonl", "entities.jsonl"] {
            result[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return result
    }

    @Test func killedRunLeavesThePreviousDatasetAndResumeEqualsACleanRun() throws {
        let input = try Self.corpus(400)
        let base = GleanProcess.temporaryDirectory()
        let clean = base.appendingPathComponent("clean"), out = base.appendingPathComponent("out")
        #expect(try GleanProcess.run(["run", input.path, "--out", clean.path, "--quiet", "--jobs", "1"]).status == 0)
        // A previous, different dataset in `out` must survive the kill untouched.
        #expect(try GleanProcess.run(["run", "Corpus/articles", "--out", out.path, "--quiet"]).status == 0)
        let previous = try files(out)

        let process = Process()
        process.executableURL = GleanProcess.executable
        process.arguments = ["run", input.path, "--out", out.path, "--quiet", "--jobs", "1"]
        process.currentDirectoryURL = GleanProcess.root
        try process.run()
        let journal = out.deletingLastPathComponent().appendingPathComponent(".out.glean-partial").appendingPathComponent("journal.jsonl")
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline, process.isRunning,
              ((try? String(contentsOf: journal, encoding: .utf8))?.split(separator: "\n").count ?? 0) < 2 {
            usleep(20_000)
        }
        let interrupted = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(interrupted, "the run finished before it could be killed")
        #expect(try files(out) == previous)
        #expect(FileManager.default.fileExists(atPath: journal.path))

        let resumed = try GleanProcess.run(["run", input.path, "--out", out.path, "--resume", "--jobs", "2"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("reused"))
        #expect(try files(out) == files(clean))
        #expect(!FileManager.default.fileExists(atPath: out.deletingLastPathComponent().appendingPathComponent(".\(out.lastPathComponent).glean-partial").path))
    }

    @Test func resumeOnAGrownCorpusExtractsOnlyNewOrChangedDocuments() throws {
        let out = GleanProcess.temporaryDirectory().appendingPathComponent("out")
        let small = try Self.corpus(20), grown = try Self.corpus(30)
        #expect(try GleanProcess.run(["run", small.path, "--out", out.path, "--quiet"]).status == 0)
        let resumed = try GleanProcess.run(["run", grown.path, "--out", out.path, "--resume"])
        #expect(resumed.status == 0)
        #expect(resumed.stdout.contains("20 document(s) reused"))
        let clean = GleanProcess.temporaryDirectory().appendingPathComponent("clean")
        #expect(try GleanProcess.run(["run", grown.path, "--out", clean.path, "--quiet"]).status == 0)
        #expect(try files(out) == files(clean))
    }

    @Test func outputThatCannotBeWrittenExitsWith3AndKeepsThePreviousDataset() throws {
        // Root ignores permission bits, so use a path below a regular file, which fails for anyone.
        let base = GleanProcess.temporaryDirectory()
        let blocker = base.appendingPathComponent("file")
        try "x".write(to: blocker, atomically: true, encoding: .utf8)
        let result = try GleanProcess.run(["run", "Corpus/articles", "--out", blocker.appendingPathComponent("dataset").path])
        #expect(result.status == 3)
        #expect(result.stderr.contains("glean: error: cannot write"))
    }

    @Test func diskFullMidRunExitsWith3AndLeavesThePreviousDatasetIntact() throws {
        let out = GleanProcess.temporaryDirectory().appendingPathComponent("out")
        #expect(try GleanProcess.run(["run", "Corpus/articles", "--out", out.path, "--quiet"]).status == 0)
        let previous = try files(out)
        let input = try Self.corpus(200)
        // A file-size limit makes writes fail with EFBIG (SIGXFSZ ignored), like a full disk.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "ulimit -f 64; trap '' XFSZ; exec \"$0\" run \"$1\" --out \"$2\" --quiet",
                             GleanProcess.executable.path, input.path, out.path]
        process.currentDirectoryURL = GleanProcess.root
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 3)
        #expect(message.contains("cannot write"))
        #expect(try files(out) == previous)
    }
}

/// Ctrl-C during a run says how to resume it, then ends the process by the signal as before.
@Suite struct InterruptHintTests {
    @Test func ctrlCDuringARunPrintsTheResumeCommand() throws {
        let out = GleanProcess.temporaryDirectory().appendingPathComponent("my data").path
        let process = Process()
        process.executableURL = GleanProcess.executable
        // Standard input stays open, so the run is still reading its documents when interrupted.
        process.arguments = ["run", "-", "-o", out, "-j", "1"]
        process.currentDirectoryURL = GleanProcess.root
        let input = Pipe(), err = Pipe()
        process.standardInput = input
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        input.fileHandleForWriting.write(Data("{\"id\": \"a\", \"text\": \"On 3 March 2020.\"}\n".utf8))
        // Interrupt until it ends (a signal sent before glean installed its handler is lost on
        // a loaded machine), then close its input so that nothing can hang.
        Thread.sleep(forTimeInterval: 1)
        for _ in 0..<60 where process.isRunning {
            process.interrupt()
            Thread.sleep(forTimeInterval: 0.5)
        }
        try input.fileHandleForWriting.close()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == SIGINT)
        #expect(stderr.hasSuffix("glean: interrupted; \(out)/ is as it was and the documents finished so far are kept for --resume. To go on: \(GleanProcess.executable.path) run - -o '\(out)' -j 1 --resume\n"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
