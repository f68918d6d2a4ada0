#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits a byte stream into lines (without the `\n`) holding one chunk at a time, so that a
/// JSON Lines input of any size is read in bounded memory.
struct LineReader {
    private var stream: any ByteStream
    private var buffer: [UInt8] = []
    private var position = 0
    /// Bytes after `position` already searched for a newline (a long line is read in many
    /// chunks; each is searched once).
    private var searched = 0
    private var finished = false
    /// 1-based number of the line last returned.
    private(set) var lineNumber = 0

    init(_ stream: any ByteStream) { self.stream = stream }

    mutating func next() throws(ReadError) -> ArraySlice<UInt8>? {
        while true {
            if let newline = Self.firstNewline(in: buffer, from: position + searched) {
                defer { position = newline + 1; searched = 0 }
                lineNumber += 1
                return buffer[position..<newline]
            }
            searched = buffer.count - position
            if finished {
                guard position < buffer.count else { return nil }
                defer { position = buffer.count; searched = 0 }
                lineNumber += 1
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

    static func firstNewline(in buffer: [UInt8], from start: Int) -> Int? {
        guard start < buffer.count else { return nil }
        return buffer.withUnsafeBytes { raw in
            memchr(raw.baseAddress! + start, 0x0A, raw.count - start).map { $0 - UnsafeMutableRawPointer(mutating: raw.baseAddress!) }
        }
    }
}
