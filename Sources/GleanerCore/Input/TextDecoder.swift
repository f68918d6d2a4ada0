#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes to document text (CONTRACT.md, ANNOTATION.md): UTF-8, each invalid sequence replaced
/// by U+FFFD the way Python's `bytes.decode("utf-8", errors="replace")` does (one U+FFFD per
/// maximal subpart, which is also what Swift's decoder does), BOM and line endings kept.
public enum TextDecoder {
    public static func decode<C: Collection>(_ bytes: C) -> (text: String, replacements: Int) where C.Element == UInt8 {
        if let text = String(validating: bytes, as: UTF8.self) { return (text, 0) }
        let text = String(decoding: bytes, as: UTF8.self)
        // Every U+FFFD in the result that was not already in the input (EF BF BD) is a replacement.
        var produced = 0
        for scalar in text.unicodeScalars where scalar.value == 0xFFFD { produced += 1 }
        return (text, produced - literalReplacementCharacters(in: bytes))
    }

    static func literalReplacementCharacters<C: Collection>(in bytes: C) -> Int where C.Element == UInt8 {
        var count = 0, state = 0
        for byte in bytes {
            switch (state, byte) {
            case (_, 0xEF): state = 1
            case (1, 0xBF): state = 2
            case (2, 0xBD): count += 1; state = 0
            default: state = 0
            }
        }
        return count
    }

    /// How many U+FFFD (EF BF BD) the bytes hold: memchr from one EF to the next, so text
    /// without any costs one fast pass.
    static func replacementCharacters(in bytes: UnsafeRawBufferPointer) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var count = 0
        var offset = 0
        while offset < bytes.count, let found = memchr(base + offset, 0xEF, bytes.count - offset) {
            let index = UnsafeRawPointer(found) - base
            if index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] == 0xBD { count += 1 }
            offset = index + 1
        }
        return count
    }

    /// Where the first NUL byte is: text files have none, so one marks a binary file.
    public static func firstNUL<C: Collection>(in bytes: C) -> Int? where C.Element == UInt8, C.Index == Int {
        let found = bytes.withContiguousStorageIfAvailable { buffer -> Int? in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return nil }
            return memchr(base, 0, buffer.count).map { bytes.startIndex + (UnsafeRawPointer($0) - UnsafeRawPointer(base)) }
        }
        return found ?? bytes.firstIndex(of: 0)
    }
}
