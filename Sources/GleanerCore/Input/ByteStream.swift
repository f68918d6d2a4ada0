#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A source of bytes read in chunks: a plain file, standard input, or a gzip stream.
protocol ByteStream {
    /// Appends up to `count` bytes to `buffer`; returns how many (0 at the end).
    mutating func read(into buffer: inout [UInt8], count: Int) throws(ReadError) -> Int
    mutating func close()
}

/// Why bytes could not be read, in words for a message.
struct ReadError: Error {
    let message: String

    static func posix(_ what: String) -> ReadError {
        ReadError(message: "\(what): \(String(cString: strerror(errno)))")
    }
}

/// A file descriptor read with read(2): files and standard input, no buffering of our own.
struct FileStream: ByteStream {
    private var descriptor: Int32
    private let owned: Bool

    static func open(_ path: String) throws(ReadError) -> FileStream {
        let descriptor = Glibc.open(path, O_RDONLY)
        guard descriptor >= 0 else { throw .posix("cannot open") }
        return FileStream(descriptor: descriptor, owned: true)
    }

    static var standardInput: FileStream { FileStream(descriptor: 0, owned: false) }

    mutating func read(into buffer: inout [UInt8], count: Int) throws(ReadError) -> Int {
        // Read into a raw chunk and append it with one copy (filling the array with zeros
        // first cost a second pass, and in debug builds an element-by-element one).
        let chunk = UnsafeMutableRawPointer.allocate(byteCount: count, alignment: 16)
        defer { chunk.deallocate() }
        var got = 0
        while true {
            got = Glibc.read(descriptor, chunk, count)
            if got >= 0 || errno != EINTR { break }
        }
        guard got >= 0 else { throw .posix("cannot read") }
        buffer.append(contentsOf: UnsafeRawBufferPointer(start: chunk, count: got))
        return got
    }

    mutating func close() {
        if owned && descriptor >= 0 { _ = Glibc.close(descriptor) }
        descriptor = -1
    }
}

extension ByteStream {
    /// Everything left in the stream.
    mutating func readAll() throws(ReadError) -> [UInt8] {
        var bytes: [UInt8] = []
        while try read(into: &bytes, count: 1 << 20) > 0 {}
        return bytes
    }
}
