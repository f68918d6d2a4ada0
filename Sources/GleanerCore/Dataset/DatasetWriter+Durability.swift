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
    /// Syncs the dataset files and appends journal lines on a serial background queue, at most
    /// every `interval` (a sync costs milliseconds of disk and kernel time, far more than a
    /// batch's other writing): lines that pile up meanwhile are written together after the next
    /// sync. A kill then redoes at most the documents of the last `interval`.
    final class Durability: @unchecked Sendable {
        static let interval = 0.25
        private let queue = DispatchQueue(label: "glean.dataset.durability")
        private let lock = NSLock()
        private var pending: [UInt8] = []
        private var scheduled = false
        private var lastSync = DispatchTime(uptimeNanoseconds: 0)
        private var targets: (files: [(path: String, descriptor: Int32)], journal: (path: String, descriptor: Int32))?
        private var failure: WriteError?

        /// Queues a journal line; `files` must already hold the bytes the line covers.
        func journal(_ line: [UInt8], files: [(path: String, descriptor: Int32)], journal: (path: String, descriptor: Int32)) {
            lock.lock()
            pending += line
            targets = (files, journal)
            let schedule = !scheduled
            scheduled = true
            let due = DispatchTime(uptimeNanoseconds: lastSync.uptimeNanoseconds + UInt64(Self.interval * 1e9))
            lock.unlock()
            guard schedule else { return }
            queue.asyncAfter(deadline: max(.now(), due)) { self.drain() }
        }

        /// Syncs the files, then appends and syncs the pending lines.
        private func drain() {
            lock.lock()
            let lines = pending
            pending = []
            scheduled = false
            let targets = targets
            lock.unlock()
            guard !lines.isEmpty, let targets else { return }
            let (files, journal) = targets
            defer {
                lock.lock()
                lastSync = .now()
                lock.unlock()
            }
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

        /// Writes every pending journal line now and waits for it (a delayed sync then finds
        /// nothing left to do).
        func wait() { queue.sync { drain() } }

        /// The first error of a background sync, if any.
        func rethrow() throws(WriteError) {
            lock.lock()
            defer { lock.unlock() }
            if let failure { throw failure }
        }
    }
}
