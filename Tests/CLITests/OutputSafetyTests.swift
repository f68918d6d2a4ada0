import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `--out` replaces only a dataset (CONTRACT.md, "Dataset folder"): anything else is refused
/// with exit 2 and left untouched, a run removes nothing it did not create, and two runs never
/// write one dataset or database at once.
@Suite struct OutputSafetyTests {
    let files = FileManager.default

    /// A folder with one small text document, and its parent.
    func scene() throws -> (base: URL, input: URL) {
        let base = GleanProcess.temporaryDirectory()
        let input = base.appendingPathComponent("in")
        try files.createDirectory(at: input, withIntermediateDirectories: true)
        try "The ministry paid $5 million on 3 May 2020.\n".write(to: input.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        return (base, input)
    }

    func write(_ text: String, _ url: URL) throws {
        try files.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func read(_ url: URL) -> String? { try? String(contentsOf: url, encoding: .utf8) }

    @Test func aFolderThatIsNotADatasetIsRefusedAndLeftUntouched() throws {
        let (base, input) = try scene()
        let project = base.appendingPathComponent("project")
        try write("my notes\n", project.appendingPathComponent("notes.txt"))
        for out in [project, input] {
            let result = try GleanProcess.run(["run", input.path, "--out", out.path])
            #expect(result.status == 2, "\(result.stderr)")
            #expect(result.stderr.contains("not a Gleaner dataset"), "\(result.stderr)")
        }
        #expect(read(project.appendingPathComponent("notes.txt")) == "my notes\n")
        #expect(try files.contentsOfDirectory(atPath: input.path) == ["a.txt"])
        // Refused before anything was created beside it.
        #expect(try files.contentsOfDirectory(atPath: base.path).sorted() == ["in", "project"])
    }

    @Test func aFileOrAFIFOAtTheOutPathIsRefused() throws {
        let (base, input) = try scene()
        let file = base.appendingPathComponent("f")
        try write("hi\n", file)
        let fifo = base.appendingPathComponent("pipe")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        for (out, kind) in [(file, "a file"), (fifo, "a FIFO")] {
            let result = try GleanProcess.run(["run", input.path, "--out", out.path])
            #expect(result.status == 2)
            #expect(result.stderr.contains("is \(kind)"), "\(result.stderr)")
        }
        #expect(read(file) == "hi\n")
        var info = stat()
        #expect(lstat(fifo.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO)
    }

    @Test func aDatasetHoldingAUserFileIsRefused() throws {
        let (base, input) = try scene()
        let out = base.appendingPathComponent("ds")
        #expect(try GleanProcess.run(["run", input.path, "--out", out.path, "--quiet"]).status == 0)
        try write("mine\n", out.appendingPathComponent("notes.txt"))
        let result = try GleanProcess.run(["run", input.path, "--out", out.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("holds notes.txt, which glean did not write"), "\(result.stderr)")
        #expect(read(out.appendingPathComponent("notes.txt")) == "mine\n")
        #expect(files.fileExists(atPath: out.appendingPathComponent("run.json").path))
    }

    @Test func userFilesAtEveryPathTheRunTouchesSurvive() throws {
        let (base, input) = try scene()
        let out = base.appendingPathComponent("dataset")
        #expect(try GleanProcess.run(["run", input.path, "--out", out.path, "--quiet"]).status == 0)
        // Names an earlier version used for its temporary folders, and the lock file's name.
        let userFiles = [base.appendingPathComponent("dataset.old/backup.txt"),
                         base.appendingPathComponent("dataset.partial/draft.txt"),
                         base.appendingPathComponent("dataset.tmp/x.txt"),
                         base.appendingPathComponent(".dataset.glean-lock")]
        for file in userFiles { try write("user: \(file.lastPathComponent)\n", file) }
        try "A second text of 4 June 2021 with €3 billion.\n".write(to: input.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
        let second = try GleanProcess.run(["run", input.path, "--out", out.path, "--quiet"])
        #expect(second.status == 0, "\(second.stderr)")
        for file in userFiles { #expect(read(file) == "user: \(file.lastPathComponent)\n", "\(file.path)") }
        #expect(read(out.appendingPathComponent("documents.jsonl"))?.split(separator: "\n").count == 2)
        // Only the dataset, the user's files and the lock are left: no temporary folder.
        #expect(try files.contentsOfDirectory(atPath: base.path).sorted()
                == [".dataset.glean-lock", "dataset", "dataset.old", "dataset.partial", "dataset.tmp", "in"])

        // A folder at the run's own temporary name that glean did not write stops the run.
        let inTheWay = base.appendingPathComponent(".dataset.glean-partial/mine.txt")
        try write("mine\n", inTheWay)
        let blocked = try GleanProcess.run(["run", input.path, "--out", out.path])
        #expect(blocked.status == 2)
        #expect(blocked.stderr.contains("was not written by glean"), "\(blocked.stderr)")
        #expect(read(inTheWay) == "mine\n")
    }

    @Test func aSymlinkedOutIsWrittenThroughAndStaysALink() throws {
        let (base, input) = try scene()
        let target = base.appendingPathComponent("real")
        #expect(try GleanProcess.run(["run", input.path, "--out", target.path, "--quiet"]).status == 0)
        let link = base.appendingPathComponent("link")
        try files.createSymbolicLink(atPath: link.path, withDestinationPath: "real")
        try "Another text of 4 June 2021.\n".write(to: input.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
        let result = try GleanProcess.run(["run", input.path, "--out", link.path, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try files.destinationOfSymbolicLink(atPath: link.path) == "real")
        #expect(read(target.appendingPathComponent("documents.jsonl"))?.split(separator: "\n").count == 2)
    }

    /// Holds the lock a run takes beside `path`, as a second run would see it.
    func holdingLock<T>(beside path: URL, _ body: () throws -> T) throws -> T {
        let lock = path.deletingLastPathComponent().appendingPathComponent(".\(path.lastPathComponent).glean-lock")
        let descriptor = open(lock.path, O_RDWR | O_CREAT, 0o644)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        return try body()
    }

    @Test func aSecondRunOnTheSameOutDatabaseOrResumeRefusesWhileTheFirstHoldsTheLock() throws {
        let (base, input) = try scene()
        let out = base.appendingPathComponent("ds"), db = base.appendingPathComponent("g.sqlite")
        #expect(try GleanProcess.run(["run", input.path, "--out", out.path, "--quiet"]).status == 0)
        let before = read(out.appendingPathComponent("run.json"))
        for extra in [[], ["--resume"]] {
            let result = try holdingLock(beside: out) {
                try GleanProcess.run(["run", input.path, "--out", out.path] + extra)
            }
            #expect(result.status == 3)
            #expect(result.stderr.contains("another glean run is writing"), "\(result.stderr)")
        }
        #expect(read(out.appendingPathComponent("run.json")) == before)
        let other = base.appendingPathComponent("other")
        let locked = try holdingLock(beside: db) {
            try GleanProcess.run(["run", input.path, "--out", other.path, "--db", db.path])
        }
        #expect(locked.status == 3)
        #expect(locked.stderr.contains("another glean run is writing \(db.path)"), "\(locked.stderr)")
        #expect(!files.fileExists(atPath: other.path))
        // Once the lock is free, the same runs go through.
        #expect(try GleanProcess.run(["run", input.path, "--out", other.path, "--db", db.path, "--quiet"]).status == 0)
    }

    @Test func twoRunsAtOnceNeverMixTheirFiles() throws {
        let (base, input) = try scene()
        for index in 0..<200 {
            try "Item \(index): $\(index) million on 3 May 2020.\n".write(to: input.appendingPathComponent("d\(index).txt"), atomically: true, encoding: .utf8)
        }
        let out = base.appendingPathComponent("ds")
        func start() throws -> Process {
            let process = Process()
            process.executableURL = GleanProcess.executable
            process.arguments = ["run", input.path, "--out", out.path, "--quiet", "--jobs", "1"]
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        let first = try start(), second = try start()
        first.waitUntilExit()
        second.waitUntilExit()
        let statuses = [first.terminationStatus, second.terminationStatus].sorted()
        // Either they ran one after the other, or the later one was refused.
        #expect(statuses == [0, 0] || statuses == [0, 3], "\(statuses)")
        let validated = try GleanProcess.run(["validate", out.path])
        #expect(validated.status == 0, "\(validated.stdout)")
        #expect(read(out.appendingPathComponent("documents.jsonl"))?.split(separator: "\n").count == 201)
    }

    @Test func aRunOverZeroDocumentsKeepsTheDatasetUnlessAllowed() throws {
        let (base, input) = try scene()
        let out = base.appendingPathComponent("ds"), empty = base.appendingPathComponent("none")
        try files.createDirectory(at: empty, withIntermediateDirectories: true)
        #expect(try GleanProcess.run(["run", input.path, "--out", out.path, "--quiet"]).status == 0)
        let before = read(out.appendingPathComponent("documents.jsonl"))
        let refused = try GleanProcess.run(["run", empty.path, "--out", out.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--allow-empty"), "\(refused.stderr)")
        #expect(read(out.appendingPathComponent("documents.jsonl")) == before)
        let allowed = try GleanProcess.run(["run", empty.path, "--out", out.path, "--allow-empty", "--quiet"])
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(read(out.appendingPathComponent("documents.jsonl")) == "")
        // A new dataset may be empty without asking.
        #expect(try GleanProcess.run(["run", empty.path, "--out", base.appendingPathComponent("new").path, "--quiet"]).status == 0)
    }
}
