import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive `flock` on `.NAME.glean-lock` beside an output (the dataset folder, the SQLite
/// database), held for the whole run, so that two runs never write one output at once. The
/// lock file is left in place: removing it would let a third run lock a different file while
/// the second still holds the old one. The kernel releases the lock when the process ends,
/// however it ends.
public final class OutputLock {
    public struct Busy: Error, CustomStringConvertible {
        public let description: String
    }

    public let file: String
    private var descriptor: Int32

    /// Takes the lock beside `path` (whose parent folders are created), or throws `Busy` at once
    /// when another process holds it.
    public init(beside path: String) throws(Busy) {
        let parent = (path as NSString).deletingLastPathComponent
        file = (parent as NSString).appendingPathComponent(".\((path as NSString).lastPathComponent).glean-lock")
        try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        descriptor = open(file, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw Busy(description: "cannot write the lock file \(file): \(String(cString: strerror(errno)))")
        }
        var result: Int32
        repeat { result = flock(descriptor, LOCK_EX | LOCK_NB) } while result != 0 && errno == EINTR
        guard result == 0 else {
            let reason = errno == EWOULDBLOCK ? nil : String(cString: strerror(errno))
            close(descriptor)
            descriptor = -1
            throw Busy(description: reason.map { "cannot lock \(file): \($0)" }
                ?? "another glean run is writing \(path) (it holds \(file)); wait for it to finish")
        }
    }

    deinit { if descriptor >= 0 { close(descriptor) } }
}
