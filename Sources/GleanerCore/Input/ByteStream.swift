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
    /// Reads up to `buffer.count` bytes into `buffer`; returns how many (0 at the end).
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int
}

extension ByteStream {
    var knownSize: Int? { nil }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
        var bytes: [UInt8] = []
        let got = try read(into: &bytes, count: buffer.count)
        bytes.withUnsafeBytes { buffer.copyMemory(from: $0) }
        return got
    }
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

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return 0 }
        var got = 0
        while true {
            got = Glibc.read(descriptor, base, buffer.count)
            if got >= 0 || errno != EINTR { break }
        }
        guard got >= 0 else { throw .posix("cannot read") }
        return got
    }

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

/// A document's text as read: its string, the invalid UTF-8 sequences replaced, and where a
/// NUL byte is (a binary file), if any.
struct ReadText {
    var text: String
    var replacements: Int
    var firstNUL: Int?
}

extension ByteStream {
    /// A regular file's text read straight into the string's storage: the document is in
    /// memory once, not as bytes and then again as a string (docs/robustness.md). Nil when the
    /// size is not known beforehand (a pipe, a gzip stream): `readAll` then. Invalid UTF-8 is
    /// replaced as `TextDecoder.decode` does.
    mutating func readText(limit: Int = InputLimits.defaultMaxDocumentBytes) throws(ReadError) -> ReadText? {
        guard let size = knownSize else { return nil }
        guard size <= limit else { throw .tooLarge("\(InputLimits.describe(bytes: size)),", limit: limit) }
        var failure: ReadError?
        var grown: [UInt8]?
        var firstNUL: Int?
        var literal = 0
        let text = String(unsafeUninitializedCapacity: size) { buffer in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            var count = 0
            do throws(ReadError) {
                while count < raw.count {
                    let got = try read(into: UnsafeMutableRawBufferPointer(rebasing: raw[count...]))
                    if got == 0 { break }
                    count += got
                }
                if count == raw.count {
                    // The file may have grown since its size was taken: read the rest as bytes.
                    var more: [UInt8] = []
                    if try read(into: &more, count: 1 << 16) > 0 {
                        grown = Array(buffer[..<count]) + more
                        return 0
                    }
                }
            } catch {
                failure = error
                return 0
            }
            let read = UnsafeRawBufferPointer(rebasing: raw[..<count])
            firstNUL = read.baseAddress.flatMap { base in
                memchr(base, 0, count).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) }
            }
            literal = TextDecoder.replacementCharacters(in: read)
            return count
        }
        if let failure { throw failure }
        if var bytes = grown {
            while try read(into: &bytes, count: Swift.min(1 << 20, limit + 1 - bytes.count)) > 0 {
                if bytes.count > limit { throw .tooLarge("the text is", limit: limit) }
            }
            let (text, replacements) = TextDecoder.decode(bytes)
            return ReadText(text: text, replacements: replacements, firstNUL: TextDecoder.firstNUL(in: bytes))
        }
        // Every U+FFFD in the text that was not already in the file (EF BF BD) is a replacement.
        var produced = 0
        var copy = text
        copy.withUTF8 { produced = TextDecoder.replacementCharacters(in: UnsafeRawBufferPointer($0)) }
        return ReadText(text: text, replacements: produced - literal, firstNUL: firstNUL)
    }
}
