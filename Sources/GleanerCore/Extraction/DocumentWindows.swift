/// A long document cut into windows for the scan stage, so that what the scanner keeps per
/// document (token arrays, prefilter events, start positions) is the size of one window, not a
/// multiple of the document (docs/robustness.md, "Memory, measured").
///
/// Each window *owns* the starts in `owned`: a candidate is kept from the window whose owned
/// range holds its first byte, so every candidate is found once. The scanner reads `scanned`:
/// the owned range plus `overlap` bytes after it, the longest a match (or a token-level trigger
/// sequence) can reach past its start. The document stays one buffer: a scanner given a window
/// still sees the bytes before it (lookbehind, `\b`) through the whole buffer.
///
/// Window starts are moved forward to a place no token crosses (a non-space byte after ASCII
/// white space, else between two ASCII bytes that are neither letters nor digits, as in `,$`;
/// else, in a window's length of neither, the next code-point start),
/// so a scanner that starts tokenizing at `owned.lowerBound` sees the same tokens there as one
/// that read from the start of the document.
public struct DocumentWindows: Sequence {
    public struct Window: Sendable, Equatable {
        /// Candidates starting here come from this window.
        public var owned: Range<Int>
        /// The bytes the scanner reads: `owned` and up to `overlap` bytes after it.
        public var scanned: Range<Int>
    }

    /// Windows of 8 MB: a scanner's arrays for one window are a few tens of MB at most, and a
    /// document of ordinary size is one window (nothing changes for it).
    public static let defaultWindowBytes = 8 << 20

    public let bytes: UnsafeBufferPointer<UInt8>
    public let windowBytes: Int
    public let overlap: Int

    /// `overlap`: the longest possible match in bytes; nil when a rule's matches are unbounded,
    /// which makes the whole document one window.
    public init(_ bytes: UnsafeBufferPointer<UInt8>, windowBytes: Int = DocumentWindows.defaultWindowBytes, overlap: Int?) {
        self.bytes = bytes
        self.windowBytes = overlap == nil ? Swift.max(bytes.count, 1) : Swift.max(1, windowBytes)
        self.overlap = overlap ?? 0
    }

    public func makeIterator() -> AnyIterator<Window> {
        var start = 0
        let count = bytes.count
        var done = false
        return AnyIterator {
            guard !done else { return nil }
            let nominalEnd = start + windowBytes
            let end = nominalEnd >= count ? count : boundary(after: nominalEnd)
            if end >= count { done = true }
            let window = Window(owned: start..<end, scanned: start..<Swift.min(count, end + overlap))
            start = end
            return window
        }
    }

    /// The first position at or after `position` where no token crosses (see the type's note);
    /// within one window's length, else the next code-point start (the end of the document, when
    /// it comes first).
    func boundary(after position: Int) -> Int {
        let limit = Swift.min(bytes.count, position + windowBytes)
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
        func isWordASCII(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
        }
        var index = position
        while index < limit, !(isSpace(bytes[index - 1]) && !isSpace(bytes[index])) { index += 1 }
        if index < limit { return index }
        index = position
        func isSeparator(_ byte: UInt8) -> Bool { byte < 0x80 && !isWordASCII(byte) }
        while index < limit, !(isSeparator(bytes[index - 1]) && isSeparator(bytes[index])) { index += 1 }
        if index < limit { return index }
        // Near the end, the last window takes the rest rather than cut a token.
        if limit == bytes.count { return limit }
        index = position
        while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
        return index
    }

    /// The candidates of every window, each found once, in the order of the windows:
    /// `candidates(window)` returns what the scanner finds reading `window.scanned`; those that
    /// do not start in `window.owned` are dropped (the window that owns their start finds them).
    public func collect(_ candidates: (Window) -> [Candidate]) -> [Candidate] {
        var all: [Candidate] = []
        for window in self {
            var found = candidates(window)
            found.removeAllMoving { !window.owned.contains($0.bytes.lowerBound) }
            all.append(contentsOf: found)
        }
        return all
    }
}
