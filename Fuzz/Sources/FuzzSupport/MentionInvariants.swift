import GleanerCore

/// What every engine result must satisfy, whatever the document: the fuzz targets trap when
/// one of these fails, so libFuzzer keeps the input as a crash.
public enum MentionInvariants {
    /// The first broken invariant of `result` for the document `bytes`, or nil.
    public static func violation(in result: Engine.Result, bytes: [UInt8]) -> String? {
        if let error = result.validationError { return "validation: \(error)" }
        return bytes.withUnsafeBufferPointer { buffer -> String? in
            var previousEnd = 0
            var codePoint = 0, scanned = 0
            for (index, mention) in result.mentions.enumerated() {
                guard mention.byteStart >= previousEnd else {
                    return "mention \(index) \(mention.id) overlaps or precedes the previous one"
                }
                guard mention.byteStart < mention.byteEnd, mention.byteEnd <= buffer.count else {
                    return "mention \(index) byte span \(mention.byteStart)-\(mention.byteEnd) outside 0-\(buffer.count)"
                }
                // Code points up to byteStart and byteEnd, counted incrementally (sorted mentions).
                codePoint += scalars(buffer, scanned..<mention.byteStart)
                let start = codePoint
                let end = start + scalars(buffer, mention.byteStart..<mention.byteEnd)
                codePoint = end
                scanned = mention.byteEnd
                guard mention.start == start, mention.end == end else {
                    return "mention \(index) \(mention.id): code points \(mention.start)-\(mention.end), expected \(start)-\(end)"
                }
                let slice = String(decoding: UnsafeBufferPointer(rebasing: buffer[mention.byteStart..<mention.byteEnd]), as: UTF8.self)
                guard slice == mention.text else { return "mention \(index) \(mention.id): text is not the slice" }
                // The engine checked each value against its plugin's schema (validationError above).
                if let problem = RecordValidator.problem(in: mention, bytes: buffer, schema: .objectOrString) {
                    return "mention \(index) \(mention.id): \(problem)"
                }
                previousEnd = mention.byteEnd
            }
            return nil
        }
    }

    /// Scalars starting in `range`: bytes that are not UTF-8 continuation bytes.
    private static func scalars(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var count = 0
        for index in range where bytes[index] & 0xC0 != 0x80 { count += 1 }
        return count
    }
}
