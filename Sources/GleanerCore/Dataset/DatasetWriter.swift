import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a dataset folder safely: everything goes into `.DIR.glean-partial/`, and only a run
/// that succeeds replaces `DIR` as a whole. A failed or killed run leaves `DIR` as it was, and
/// nothing but the files of a dataset is ever removed (DatasetFolder says what may be replaced).
public final class DatasetWriter {
    public struct WriteError: Error, CustomStringConvertible {
        public let path: String
        public let message: String
        public var description: String { "cannot write \(path): \(message)" }
    }

    public let folder: DatasetFolder
    public let directory: URL
    public let partial: URL
    private var handles: [String: FileHandle] = [:]
    private var buffers: [String: [UInt8]] = [:]
    /// Bytes written to each file so far (flushed or buffered).
    private var sizes: [String: Int] = [:]
    private var journal: FileHandle?
    private let durability = Durability()
    public static let journalFile = "journal.jsonl"
    private static let flushThreshold = 1 << 20

    /// Checks `directory` (DatasetFolder) and starts writing beside it.
    public convenience init(directory: String, files: [String]) throws(WriteError) {
        let folder: DatasetFolder
        do { folder = try DatasetFolder(directory) } catch { throw WriteError(path: directory, message: error.description) }
        try self.init(folder: folder, files: files)
    }

    /// Starts writing `folder`'s partial folder; a partial folder left by a killed run (the
    /// caller has read what it may resume) is cleared first.
    public init(folder: DatasetFolder, files: [String]) throws(WriteError) {
        self.folder = folder
        directory = URL(fileURLWithPath: folder.path)
        partial = URL(fileURLWithPath: folder.partial)
        do {
            _ = try folder.check()
        } catch {
            throw WriteError(path: folder.requested, message: error.description)
        }
        do {
            try Self.removeDataset(at: partial.path, files: DatasetFolder.partialFiles)
            try FileManager.default.createDirectory(at: partial, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: partial.path, message: Self.reason(error))
        }
        let manager = FileManager.default
        for name in files {
            let url = partial.appendingPathComponent(name)
            guard manager.createFile(atPath: url.path, contents: nil), let handle = try? FileHandle(forWritingTo: url) else {
                throw WriteError(path: url.path, message: "cannot create the file")
            }
            handles[name] = handle
            buffers[name] = []
        }
    }

    /// Appends bytes to one file, writing in large blocks.
    public func append(_ bytes: [UInt8], to file: String) throws(WriteError) {
        guard !bytes.isEmpty else { return }
        buffers[file, default: []].append(contentsOf: bytes)
        sizes[file, default: 0] += bytes.count
        if buffers[file]!.count >= Self.flushThreshold { try flush(file) }
    }

    public func append(_ bytes: UnsafeRawBufferPointer, to file: String) throws(WriteError) {
        guard !bytes.isEmpty else { return }
        buffers[file, default: []].append(contentsOf: bytes)
        sizes[file, default: 0] += bytes.count
        if buffers[file]!.count >= Self.flushThreshold { try flush(file) }
    }

    private func flush(_ file: String) throws(WriteError) {
        guard let handle = handles[file], let count = buffers[file]?.count, count > 0 else { return }
        do {
            try buffers[file]!.withUnsafeMutableBytes { raw in
                try handle.write(contentsOf: Data(bytesNoCopy: raw.baseAddress!, count: raw.count, deallocator: .none))
            }
        } catch {
            throw WriteError(path: partial.appendingPathComponent(file).path, message: Self.reason(error))
        }
        buffers[file]!.removeAll(keepingCapacity: true)
    }

    /// Makes the documents written so far durable and records them in `journal.jsonl`: their ids
    /// and content hashes, and each file's size after them. `--resume` trusts only what a
    /// journal line covers, so a batch cut off by a kill is simply redone. The bytes are handed
    /// to the files here; syncing them and appending the journal line happen on a background
    /// queue (a sync takes milliseconds), which catches up on all pending lines at once.
    public func checkpoint(_ documents: [(id: String, sha256: String)]) throws(WriteError) {
        try durability.rethrow()
        for file in handles.keys.sorted() { try flush(file) }
        let url = partial.appendingPathComponent(Self.journalFile)
        if journal == nil {
            guard FileManager.default.createFile(atPath: url.path, contents: nil), let handle = try? FileHandle(forWritingTo: url) else {
                throw WriteError(path: url.path, message: "cannot create the journal")
            }
            journal = handle
        }
        let line = JSONValue.object([
            ("documents", .array(documents.map { .array([.string($0.id), .string($0.sha256)]) })),
            ("sizes", .object(handles.keys.sorted().map { ($0, .int(sizes[$0, default: 0])) })),
        ])
        var bytes: [UInt8] = []
        JSONWriter.append(line, to: &bytes)
        bytes.append(0x0A)
        let files = handles.keys.sorted().map { (path: partial.appendingPathComponent($0).path, descriptor: handles[$0]!.fileDescriptor) }
        durability.journal(bytes, files: files, journal: (url.path, journal!.fileDescriptor))
    }

    /// Writes a whole small file (`run.json`) into the partial folder.
    public func write(_ bytes: [UInt8], as file: String) throws(WriteError) {
        let url = partial.appendingPathComponent(file)
        do { try Data(bytes).write(to: url) } catch { throw WriteError(path: url.path, message: Self.reason(error)) }
    }

    /// Flushes, syncs and swaps the partial folder in for the old dataset.
    public func commit() throws(WriteError) {
        durability.wait()
        try durability.rethrow()
        for file in handles.keys.sorted() {
            try flush(file)
            do {
                try handles[file]!.synchronize()
                try handles[file]!.close()
            } catch {
                throw WriteError(path: partial.appendingPathComponent(file).path, message: Self.reason(error))
            }
        }
        handles = [:]
        let manager = FileManager.default
        // The journal only serves an interrupted run; a finished dataset does not carry it.
        try? journal?.close()
        for file in [Self.journalFile, ResumeState.fingerprintFile] {
            try? manager.removeItem(at: partial.appendingPathComponent(file))
        }
        try swap()
    }

    /// Moves the partial folder to `DIR`: the previous dataset (checked again: the lock keeps
    /// other runs out, not other programs) steps aside under a name of its own, the new one
    /// takes its place, the parent folder is synced so the renames survive a crash, and only
    /// then are the previous dataset's files removed.
    private func swap() throws(WriteError) {
        let state: DatasetFolder.State
        do { state = try folder.check() } catch { throw WriteError(path: folder.requested, message: error.description) }
        var aside: String?
        if state != .absent {
            var candidate = folder.replaced
            var attempt = 0
            var info = stat()
            while lstat(candidate, &info) == 0 {
                attempt += 1
                candidate = folder.replaced + "-\(attempt)"
            }
            guard rename(directory.path, candidate) == 0 else { throw Self.posixError(directory.path) }
            aside = candidate
        }
        guard rename(partial.path, directory.path) == 0 else {
            let error = Self.posixError(directory.path)
            if let aside { _ = rename(aside, directory.path) }
            throw error
        }
        Self.syncFolder(folder.parent)
        if let aside { try? Self.removeDataset(at: aside, files: DatasetFolder.datasetFiles) }
    }

    /// Removes a folder that holds only the named files (nothing else is touched, and a folder
    /// holding anything else stays).
    static func removeDataset(at path: String, files: Set<String>) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        for name in files {
            let file = (path as NSString).appendingPathComponent(name)
            if lstat(file, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, unlink(file) != 0 {
                throw posixError(file)
            }
        }
        if rmdir(path) != 0 { throw posixError(path) }
    }

    /// fsync on a folder makes the renames in it durable.
    static func syncFolder(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    static func posixError(_ path: String) -> WriteError {
        WriteError(path: path, message: String(cString: strerror(errno)))
    }

    deinit { durability.wait() }

    static func reason(_ error: Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }
}
