import Foundation

/// Writes a dataset folder safely: everything goes into `DIR.partial/`, and only a run that
/// succeeds replaces `DIR` as a whole. A failed or killed run leaves `DIR` as it was.
public final class DatasetWriter {
    public struct WriteError: Error, CustomStringConvertible {
        public let path: String
        public let message: String
        public var description: String { "cannot write \(path): \(message)" }
    }

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

    public init(directory: String, files: [String]) throws(WriteError) {
        self.directory = URL(fileURLWithPath: directory).standardizedFileURL
        partial = URL(fileURLWithPath: self.directory.path + ".partial")
        let manager = FileManager.default
        do {
            if manager.fileExists(atPath: partial.path) { try manager.removeItem(at: partial) }
            try manager.createDirectory(at: partial, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: partial.path, message: Self.reason(error))
        }
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
        let old = URL(fileURLWithPath: directory.path + ".old")
        do {
            if manager.fileExists(atPath: old.path) { try manager.removeItem(at: old) }
            if manager.fileExists(atPath: directory.path) { try manager.moveItem(at: directory, to: old) }
            try manager.moveItem(at: partial, to: directory)
            if manager.fileExists(atPath: old.path) { try manager.removeItem(at: old) }
        } catch {
            throw WriteError(path: directory.path, message: Self.reason(error))
        }
    }

    deinit { durability.wait() }

    static func reason(_ error: Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }
}
