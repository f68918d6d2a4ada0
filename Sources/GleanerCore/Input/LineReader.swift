/// Splits a byte stream into lines (without the `\n`) holding one chunk at a time, so that a
/// JSON Lines input of any size is read in bounded memory.
struct LineReader {
    private var stream: any ByteStream
    private var buffer: [UInt8] = []
    private var position = 0
    private var finished = false
    /// 1-based number of the line last returned.
    private(set) var lineNumber = 0

    init(_ stream: any ByteStream) { self.stream = stream }

    mutating func next() throws(ReadError) -> ArraySlice<UInt8>? {
        while true {
            if let newline = buffer[position...].firstIndex(of: 0x0A) {
                defer { position = newline + 1 }
                lineNumber += 1
                return buffer[position..<newline]
            }
            if finished {
                guard position < buffer.count else { return nil }
                defer { position = buffer.count }
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
}
