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
        buffers[file, default: []].append(contentsOf: bytes)
        if buffers[file]!.count >= Self.flushThreshold { try flush(file) }
    }

    private func flush(_ file: String) throws(WriteError) {
        guard let handle = handles[file], let buffer = buffers[file], !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: Data(buffer))
        } catch {
            throw WriteError(path: partial.appendingPathComponent(file).path, message: Self.reason(error))
        }
        buffers[file] = []
    }

    /// Writes a whole small file (`run.json`) into the partial folder.
    public func write(_ bytes: [UInt8], as file: String) throws(WriteError) {
        let url = partial.appendingPathComponent(file)
        do { try Data(bytes).write(to: url) } catch { throw WriteError(path: url.path, message: Self.reason(error)) }
    }

    /// Flushes, syncs and swaps the partial folder in for the old dataset.
    public func commit() throws(WriteError) {
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

    static func reason(_ error: Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }
}
