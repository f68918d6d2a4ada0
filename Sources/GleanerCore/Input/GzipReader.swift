import CZlib

/// A gzip file read through zlib's gzread (the only file that imports CZlib): concatenated
/// members are read as one stream, and a corrupt or truncated file is an error with zlib's
/// message.
struct GzipReader: ByteStream {
    private var file: gzFile?

    static func open(_ path: String) throws(ReadError) -> GzipReader {
        guard let file = gzopen(path, "rb") else { throw .posix("cannot open") }
        gzbuffer(file, 1 << 17)
        return GzipReader(file: file)
    }

    mutating func read(into buffer: inout [UInt8], count: Int) throws(ReadError) -> Int {
        guard let file else { return 0 }
        let chunk = UnsafeMutableRawPointer.allocate(byteCount: count, alignment: 16)
        defer { chunk.deallocate() }
        let got = gzread(file, chunk, UInt32(count))
        if got > 0 { buffer.append(contentsOf: UnsafeRawBufferPointer(start: chunk, count: Int(got))) }
        if got < 0 {
            var code: Int32 = 0
            let message = gzerror(file, &code).map { String(cString: $0) } ?? "unknown error"
            throw ReadError(message: "not a valid gzip file: \(message)")
        }
        // gzread stops quietly at a truncated end; zlib then reports Z_BUF_ERROR.
        if got == 0 {
            var code: Int32 = 0
            _ = gzerror(file, &code)
            if code == Z_BUF_ERROR { throw ReadError(message: "not a valid gzip file: unexpected end of file") }
        }
        return Int(got)
    }

    mutating func close() {
        if let file { gzclose(file) }
        file = nil
    }
}
