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
    /// The size of a regular file, known before reading it.
    var knownSize: Int? { get }
}

extension ByteStream {
    var knownSize: Int? { nil }
}

/// Why bytes could not be read, in words for a message.
struct ReadError: Error {
    let message: String
    /// Set when only the current JSON Lines line was lost: reading goes on after it.
    var skippedLine = false

    static func posix(_ what: String) -> ReadError {
        ReadError(message: "\(what): \(String(cString: strerror(errno)))")
    }

    static func tooLarge(_ what: String, limit: Int) -> ReadError {
        ReadError(message: "\(what) larger than the \(InputLimits.describe(bytes: limit)) document limit; not read (raise it with --max-document-size)")
    }
}

/// A file descriptor read with read(2): files and standard input, no buffering of our own.
struct FileStream: ByteStream {
    private var descriptor: Int32
    private let owned: Bool
    private(set) var knownSize: Int?

    static func open(_ path: String) throws(ReadError) -> FileStream {
        let (descriptor, size) = try openDescriptor(path)
        return FileStream(descriptor: descriptor, owned: true, knownSize: size)
    }

    /// Opens without blocking (a FIFO without a writer would block open(2) forever), refuses a
    /// folder, then reads blocking again; returns the size of a regular file.
    static func openDescriptor(_ path: String) throws(ReadError) -> (Int32, Int?) {
        let descriptor = Glibc.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw .posix("cannot open") }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let error = ReadError.posix("cannot read")
            _ = Glibc.close(descriptor)
            throw error
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            _ = Glibc.close(descriptor)
            throw ReadError(message: "is a folder")
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        return (descriptor, (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : nil)
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
    /// Everything left in the stream, or an error once it holds more than `limit` bytes (a
    /// regular file's size is checked before anything is read).
    mutating func readAll(limit: Int = InputLimits.defaultMaxDocumentBytes) throws(ReadError) -> [UInt8] {
        var bytes: [UInt8] = []
        if let size = knownSize {
            guard size <= limit else { throw .tooLarge("\(InputLimits.describe(bytes: size)),", limit: limit) }
            bytes.reserveCapacity(size + 1)
        }
        while try read(into: &bytes, count: Swift.min(1 << 20, limit + 1 - bytes.count)) > 0 {
            if bytes.count > limit { throw .tooLarge("the text is", limit: limit) }
        }
        return bytes
    }
}
