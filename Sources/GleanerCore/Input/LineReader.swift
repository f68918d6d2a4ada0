#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits a byte stream into lines (without the `\n`) holding one chunk at a time, so that a
/// JSON Lines input of any size is read in bounded memory: a line longer than `maxLength` is
/// skipped (read through and dropped) with an error, and reading goes on after it.
struct LineReader {
    private var stream: any ByteStream
    private let maxLength: Int
    private var buffer: [UInt8] = []
    private var position = 0
    /// Bytes after `position` already searched for a newline (a long line is read in many
    /// chunks; each is searched once).
    private var searched = 0
    private var finished = false
    /// 1-based number of the line last returned.
    private(set) var lineNumber = 0

    init(_ stream: any ByteStream, maxLength: Int = InputLimits.defaultMaxDocumentBytes) {
        self.stream = stream
        self.maxLength = maxLength
    }

    mutating func next() throws(ReadError) -> ArraySlice<UInt8>? {
        while true {
            if let newline = Self.firstNewline(in: buffer, from: position + searched) {
                defer { position = newline + 1; searched = 0 }
                lineNumber += 1
                guard newline - position <= maxLength else { throw Self.tooLong(maxLength) }
                return buffer[position..<newline]
            }
            searched = buffer.count - position
            if searched > maxLength {
                try skipRestOfLine()
                lineNumber += 1
                throw Self.tooLong(maxLength)
            }
            if finished {
                guard position < buffer.count else { return nil }
                defer { position = buffer.count; searched = 0 }
                lineNumber += 1
                guard buffer.count - position <= maxLength else { throw Self.tooLong(maxLength) }
                return buffer[position...]
            }
            if position > 0 {
                buffer.removeFirst(position)
                position = 0
            }
            if try stream.read(into: &buffer, count: 1 << 16) == 0 { finished = true }
        }
    }

    mutating func close() { stream.close() }

    private static func tooLong(_ limit: Int) -> ReadError {
        var error = ReadError.tooLarge("the line is", limit: limit)
        error.skippedLine = true
        return error
    }

    /// Drops bytes up to and including the next newline, one chunk at a time.
    private mutating func skipRestOfLine() throws(ReadError) {
        buffer.removeAll(keepingCapacity: true)
        position = 0
        searched = 0
        while !finished {
            if try stream.read(into: &buffer, count: 1 << 16) == 0 { finished = true }
            if let newline = Self.firstNewline(in: buffer, from: 0) {
                position = newline + 1
                return
            }
            buffer.removeAll(keepingCapacity: true)
        }
    }

    static func firstNewline(in buffer: [UInt8], from start: Int) -> Int? {
        guard start < buffer.count else { return nil }
        return buffer.withUnsafeBytes { raw in
            memchr(raw.baseAddress! + start, 0x0A, raw.count - start).map { $0 - UnsafeMutableRawPointer(mutating: raw.baseAddress!) }
        }
    }
}
