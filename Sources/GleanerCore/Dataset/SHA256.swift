import CCrypto

/// SHA-256 (FIPS 180-4) for document content hashes and manifest hashes, computed by the
/// system's libcrypto: its assembly uses the CPU's SHA instructions (or AVX2) where present,
/// 3–7× the speed of the hand-written Swift this replaced. The only file that imports CCrypto.
/// Incremental (`update` any number of times, then `finalize`), or one message at a time
/// through the static functions.
public struct SHA256 {
    /// The eight state words of a digest (big-endian words of the 32 digest bytes).
    public typealias Digest = (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)

    /// libcrypto's state: a plain C struct, so it lives inline, with no allocation (EVP's
    /// context would cost one per digest, more than hashing a short document).
    private var context = SHA256_CTX()

    public init() {
        SHA256_Init(&context)
    }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        SHA256_Update(&context, base, bytes.count)
    }

    public mutating func update<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        if bytes.withContiguousStorageIfAvailable({ update(UnsafeRawBufferPointer($0)) }) == nil {
            Array(bytes).withUnsafeBytes { update($0) }
        }
    }

    /// A string's UTF-8 bytes, without copying a native string.
    public mutating func update(_ text: String) {
        var text = text
        text.withUTF8 { update(UnsafeRawBufferPointer($0)) }
    }

    /// The digest of everything given to `update`; the hasher is spent afterwards.
    public mutating func finalize() -> Digest {
        var bytes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &bytes) { out in
            _ = SHA256_Final(out.baseAddress!.assumingMemoryBound(to: UInt8.self), &context)
        }
        return withUnsafeBytes(of: bytes) { out in
            func word(_ index: Int) -> UInt32 { UInt32(bigEndian: out.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self)) }
            return (word(0), word(1), word(2), word(3), word(4), word(5), word(6), word(7))
        }
    }

    public static func digest(_ message: UnsafeRawBufferPointer) -> Digest {
        var hasher = SHA256()
        hasher.update(message)
        return hasher.finalize()
    }

    /// Lower-case hex digest.
    public static func hex<Bytes: Collection>(_ message: Bytes) -> String where Bytes.Element == UInt8 {
        var hasher = SHA256()
        hasher.update(message)
        return hex(hasher.finalize())
    }

    /// Lower-case hex digest of a string's UTF-8 bytes, without copying them.
    public static func hex(_ text: String) -> String {
        var hasher = SHA256()
        hasher.update(text)
        return hex(hasher.finalize())
    }

    public static func hex(_ digest: Digest) -> String {
        String(unsafeUninitializedCapacity: 64) { out in
            let digits: StaticString = "0123456789abcdef"
            withUnsafeBytes(of: digest) { words in
                digits.withUTF8Buffer { digits in
                    for index in 0..<8 {
                        let word = words.load(fromByteOffset: index * 4, as: UInt32.self)
                        for nibble in 0..<8 {
                            out[index * 8 + nibble] = digits[Int((word >> UInt32(28 - 4 * nibble)) & 0xF)]
                        }
                    }
                }
            }
            return 64
        }
    }
}
