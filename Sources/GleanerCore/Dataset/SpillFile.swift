#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A long document's `mentions.jsonl` lines, kept out of memory until its batch is written: an
/// anonymous temporary file (`tmpfile`, unlinked at once, so it is gone however the run ends).
/// A 100 MB document makes about 500 MB of lines; without this they would all be held (and
/// copied once more into the writer's buffer) until the document's turn comes.
final class SpillFile: @unchecked Sendable {
    /// Lines a document may hold in its worker's buffer before they move here.
    static let threshold = 16 << 20
    /// What the writer is handed at a time when the lines are copied back.
    static let chunk = 4 << 20

    struct Failure: Error, CustomStringConvertible {
        let message: String
        var description: String { "cannot keep a long document's mention lines in a temporary file: \(message)" }
    }

    private let file: UnsafeMutablePointer<FILE>

    init() throws(Failure) {
        guard let file = tmpfile() else { throw Failure(message: String(cString: strerror(errno))) }
        self.file = file
    }

    deinit { fclose(file) }

    /// Moves `buffer[start...]` to the end of the file.
    func move(from buffer: inout [UInt8], after start: Int) throws(Failure) {
        guard buffer.count > start else { return }
        let written = buffer.withUnsafeBytes { raw in fwrite(raw.baseAddress! + start, 1, raw.count - start, file) }
        guard written == buffer.count - start else { throw Failure(message: String(cString: strerror(errno))) }
        buffer.removeSubrange(start...)
    }

    /// Hands the file's bytes to `body`, in order, `chunk` bytes at a time.
    func copy(_ body: (UnsafeRawBufferPointer) throws(DatasetWriter.WriteError) -> Void) throws {
        guard fflush(file) == 0, fseek(file, 0, SEEK_SET) == 0 else { throw Failure(message: String(cString: strerror(errno))) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunk, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = fread(buffer.baseAddress!, 1, buffer.count, file)
            if count > 0 { try body(UnsafeRawBufferPointer(rebasing: buffer[..<count])) }
            if count < buffer.count {
                if ferror(file) != 0 { throw Failure(message: "read failed") }
                return
            }
        }
    }
}
