/// Gives each mention of a document its sentence (`SentenceLocator`'s rule) in one forward
/// walk over the text, however many mentions there are: mentions are visited in start order
/// and the text is read once, plus once more up to each sentence's end. A sentence end inside
/// a mention does not count (`U.S.`, `Rs. 500` in a mention stay in one sentence), so every
/// mention lies in exactly one sentence and mentions that share one share its index and span.
/// The index counts the sentences before it that hold more than white space.
struct SentenceCursor {
    struct Sentence: Equatable {
        var index: Int
        var bytes: Range<Int>
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    /// Bytes before this offset are read.
    private var scanned = 0
    /// Sentences with content before the current one.
    private var index = 0
    /// Where the current sentence begins (after the previous end).
    private var sentenceStart = 0
    private var hasContent = false
    /// The current sentence, once a mention in it asked for it.
    private var current: Sentence?

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The sentence of `spans[position]`; `spans` are the document's mention spans (bytes),
    /// sorted by start and not overlapping, asked for in order.
    mutating func sentence(of position: Int, in spans: [Range<Int>]) -> Sentence {
        let span = spans[position]
        var offset = scanned
        while offset < span.lowerBound {
            if SentenceLocator.endsSentence(at: offset, in: bytes) {
                if hasContent { index += 1 }
                hasContent = false
                sentenceStart = offset + 1
                current = nil
            } else if !SentenceLocator.isSpace(bytes[offset]) {
                hasContent = true
            }
            offset += 1
        }
        scanned = max(scanned, span.upperBound)
        hasContent = true
        if let current { return current }
        // The end: the first sentence end after the span outside later mentions.
        var end = span.upperBound, next = position + 1
        while end < bytes.count {
            if next < spans.count, spans[next].lowerBound <= end {
                end = max(end, spans[next].upperBound)
                next += 1
                continue
            }
            if SentenceLocator.endsSentence(at: end, in: bytes) { break }
            end += 1
        }
        let found = Sentence(index: index, bytes: SentenceLocator.trimmed(sentenceStart..<end, around: span, in: bytes))
        current = found
        return found
    }
}
