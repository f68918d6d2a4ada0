import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a dataset lives (`--out DIR`) and what a run may do there (CONTRACT.md, "Dataset
/// folder"): write only into a folder that is absent, empty, or a dataset an earlier run wrote
/// (its `run.json` says `"tool": "glean"` and it holds nothing but dataset files). Anything
/// else is refused before a document is read, and left untouched.
///
/// The run's own files sit beside `DIR` under names no user would choose, in the same parent
/// so that renames are atomic: `.DIR.glean-partial/` (the run being written, kept for
/// `--resume` when the run is killed), `.DIR.glean-replaced-<pid>/` (the previous dataset for
/// the moment of the swap) and `.DIR.glean-lock` (the `flock` that keeps a second run out).
public struct DatasetFolder: Sendable {
    /// Why `--out` may not be written: a usage error, found before anything is read.
    public struct Refusal: Error, CustomStringConvertible {
        public let description: String
    }

    /// What is at the path now.
    public enum State: Sendable, Equatable { case absent, empty, dataset }

    /// The path as given on the command line, for messages.
    public let requested: String
    /// The absolute path the dataset is written to (a symbolic link given as `--out` is
    /// resolved to its target folder, so the link itself stays).
    public let path: String
    public let parent: String
    public let name: String

    /// The files a finished dataset may hold.
    public static let datasetFiles: Set<String> = ["documents.jsonl", "mentions.jsonl", "entities.jsonl",
                                                   "decisions.jsonl", "run.json"]
    /// The files a partial folder may hold besides those (ResumeState, DatasetWriter).
    public static let partialFiles: Set<String> = datasetFiles.union(["journal.jsonl", "fingerprint"])

    public init(_ requested: String) throws(Refusal) {
        self.requested = requested
        guard !requested.isEmpty else { throw Refusal(description: "--out needs a folder name") }
        let absolute = requested.hasPrefix("/") ? requested
            : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(requested)
        var resolved = (absolute as NSString).standardizingPath
        var info = stat()
        if lstat(absolute, &info) == 0 {
            // An existing path (a folder, `.`, `..`, a symbolic link): its real path. A link to a
            // folder is followed, so the swap happens at the target and the link keeps pointing there.
            if (info.st_mode & S_IFMT) == S_IFLNK {
                var target = stat()
                guard stat(absolute, &target) == 0, (target.st_mode & S_IFMT) == S_IFDIR else {
                    throw Refusal(description: "--out \(requested) is a symbolic link to something that is not a folder; refusing to replace it")
                }
            }
            guard let real = Self.realPath(absolute) else {
                throw Refusal(description: "--out \(requested): cannot resolve the path: \(String(cString: strerror(errno)))")
            }
            resolved = real
        } else {
            // A new folder: resolve its parent when the parent exists (it may be reached through links).
            let parent = (resolved as NSString).deletingLastPathComponent
            if let real = Self.realPath(parent) {
                resolved = (real as NSString).appendingPathComponent((resolved as NSString).lastPathComponent)
            }
        }
        guard resolved != "/" else { throw Refusal(description: "--out \(requested) is the root folder; refusing to replace it") }
        path = resolved
        parent = (resolved as NSString).deletingLastPathComponent
        name = (resolved as NSString).lastPathComponent
    }

    public var partial: String { sibling("glean-partial") }
    public var lockFile: String { sibling("glean-lock") }
    /// Where the previous dataset waits while the new one is moved in.
    public var replaced: String { sibling("glean-replaced-\(getpid())") }

    private func sibling(_ suffix: String) -> String {
        (parent as NSString).appendingPathComponent(".\(name).\(suffix)")
    }

    /// What `path` holds now; a refusal when it is anything but absent, empty or a dataset, or
    /// when the partial folder holds something a run did not write.
    public func check() throws(Refusal) -> State {
        try checkPartial()
        var info = stat()
        // Nothing there, or nothing this process can see (writing will fail with exit 3).
        guard lstat(path, &info) == 0 else { return .absent }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            throw Refusal(description: "--out \(requested) is \(Self.kind(of: info.st_mode)), not a dataset folder; refusing to replace it")
        }
        let entries: [String]
        do { entries = try FileManager.default.contentsOfDirectory(atPath: path) } catch {
            throw Refusal(description: "--out \(requested): cannot list the folder")
        }
        if entries.isEmpty { return .empty }
        guard Self.isGleanRun(URL(fileURLWithPath: path).appendingPathComponent("run.json")) else {
            throw Refusal(description: "--out \(requested) is a folder that is not a Gleaner dataset (it has no run.json written by glean); refusing to replace it: name an absent or empty folder")
        }
        if let foreign = entries.sorted().first(where: { !Self.datasetFiles.contains($0) }) {
            throw Refusal(description: "--out \(requested) holds \(foreign), which glean did not write; refusing to replace the folder: move it away first")
        }
        return .dataset
    }

    /// A partial folder left by a killed run is reused or cleared; anything else at its name
    /// (which no user would choose) is not ours to remove.
    private func checkPartial() throws(Refusal) {
        var info = stat()
        guard lstat(partial, &info) == 0 else { return }
        let entries = (info.st_mode & S_IFMT) == S_IFDIR ? (try? FileManager.default.contentsOfDirectory(atPath: partial)) : nil
        guard let entries, entries.allSatisfy(Self.partialFiles.contains) else {
            throw Refusal(description: "\(partial) is in the way of the run's temporary folder and was not written by glean; move it away")
        }
    }

    /// Whether `run.json` is a run manifest written by glean.
    static func isGleanRun(_ url: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        // A manifest is small; a huge file is not one.
        guard let data = try? handle.read(upToCount: 1 << 20), data.count < 1 << 20,
              let json = try? JSONParser.parse(String(decoding: data, as: UTF8.self)) else { return false }
        return json["tool"]?.stringValue == "glean"
    }

    static func kind(of mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFREG: "a file"
        case S_IFLNK: "a symbolic link"
        case S_IFCHR, S_IFBLK: "a device"
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFSOCK: "a socket"
        default: "not a folder"
        }
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
