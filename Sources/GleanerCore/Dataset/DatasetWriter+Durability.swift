import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

extension DatasetWriter {
    /// Syncs the dataset files and appends journal lines on a serial background queue. Lines
    /// that pile up while a sync runs are written together after the next one, so a slow disk
    /// costs fewer syncs rather than holding up extraction.
    final class Durability: @unchecked Sendable {
        private let queue = DispatchQueue(label: "glean.dataset.durability")
        private let lock = NSLock()
        private var pending: [UInt8] = []
        private var scheduled = false
        private var failure: WriteError?

        /// Queues a journal line; `files` must already hold the bytes the line covers.
        func journal(_ line: [UInt8], files: [(path: String, descriptor: Int32)], journal: (path: String, descriptor: Int32)) {
            lock.lock()
            pending += line
            let schedule = !scheduled
            scheduled = true
            lock.unlock()
            guard schedule else { return }
            queue.async { self.drain(files: files, journal: journal) }
        }

        private func drain(files: [(path: String, descriptor: Int32)], journal: (path: String, descriptor: Int32)) {
            lock.lock()
            let lines = pending
            pending = []
            scheduled = false
            lock.unlock()
            for file in files where fsync(file.descriptor) != 0 {
                return fail(WriteError(path: file.path, message: String(cString: strerror(errno))))
            }
            var written = 0
            while written < lines.count {
                let count = lines.withUnsafeBytes { systemWrite(journal.descriptor, $0.baseAddress! + written, $0.count - written) }
                if count < 0 {
                    if errno == EINTR { continue }
                    return fail(WriteError(path: journal.path, message: String(cString: strerror(errno))))
                }
                written += count
            }
            if fsync(journal.descriptor) != 0 { fail(WriteError(path: journal.path, message: String(cString: strerror(errno)))) }
        }

        private func fail(_ error: WriteError) {
            lock.lock()
            if failure == nil { failure = error }
            lock.unlock()
        }

        /// Waits for every queued sync and journal line.
        func wait() { queue.sync {} }

        /// The first error of a background sync, if any.
        func rethrow() throws(WriteError) {
            lock.lock()
            defer { lock.unlock() }
            if let failure { throw failure }
        }
    }
}
