import CZlib
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A gzip file read through zlib's gzread (the only file that imports CZlib): concatenated
/// members are read as one stream, and a corrupt or truncated file is an error with zlib's
/// message. A stream that inflates more than `maxRatio` times what it has consumed (past
/// InputLimits.ratioFloor) is cut off: a small file of one repeated byte is a bomb, not text.
struct GzipReader: ByteStream {
    private var file: gzFile?
    private let maxRatio: Int
    private var inflated = 0

    static func open(_ path: String, maxRatio: Int = InputLimits.defaultMaxGzipRatio) throws(ReadError) -> GzipReader {
        let (descriptor, _) = try FileStream.openDescriptor(path)
        guard let file = gzdopen(descriptor, "rb") else {
            _ = Glibc.close(descriptor)
            throw .posix("cannot open")
        }
        gzbuffer(file, 1 << 17)
        return GzipReader(file: file, maxRatio: maxRatio)
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
        inflated += Int(got)
        if inflated > InputLimits.ratioFloor, inflated / max(1, Int(gzoffset(file))) > maxRatio {
            throw ReadError(message: "inflates to more than \(maxRatio) times its compressed size (a gzip bomb?); not read (raise the limit with --max-gzip-ratio)")
        }
        return Int(got)
    }

    mutating func close() {
        if let file { gzclose(file) }
        file = nil
    }
}
