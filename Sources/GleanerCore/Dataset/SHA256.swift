/// SHA-256 (FIPS 180-4), for document content hashes and manifest hashes; small enough to
/// keep the core free of a crypto dependency. Messages are hashed in place. One message runs
/// at the scalar speed (this CPU has no SHA extensions); many messages (a batch's documents)
/// are hashed side by side, one per SIMD lane, several times faster in total.
public enum SHA256 {
    /// The eight state words of a digest.
    public typealias Digest = (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)

    static let initial: Digest = (0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                  0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)

    static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    /// Lower-case hex digest.
    public static func hex<Bytes: Collection>(_ message: Bytes) -> String where Bytes.Element == UInt8 {
        if let digest = message.withContiguousStorageIfAvailable({ digest(UnsafeRawBufferPointer($0)) }) {
            return hex(digest)
        }
        return Array(message).withUnsafeBytes { hex(digest($0)) }
    }

    /// Lower-case hex digest of a string's UTF-8 bytes, without copying them.
    public static func hex(_ text: String) -> String {
        var text = text
        return text.withUTF8 { hex(digest(UnsafeRawBufferPointer($0))) }
    }

    /// Lower-case hex digests of many messages, hashed side by side.
    public static func hexDigests(of messages: [UnsafeRawBufferPointer]) -> [String] {
        var digests = Array(repeating: initial, count: messages.count)
        digests.withUnsafeMutableBufferPointer { LaneHasher.hash(messages, into: $0) }
        return digests.map(hex)
    }

    public static func digest(_ message: UnsafeRawBufferPointer) -> Digest {
        var state = initial
        k.withUnsafeBufferPointer { k in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
                let whole = message.count / 64
                if whole > 0 { compress(&state, message.baseAddress!, blocks: whole, k: k.baseAddress!, w: w.baseAddress!) }
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { tail in
                    let blocks = padTail(of: message, into: UnsafeMutableRawBufferPointer(tail))
                    compress(&state, UnsafeRawPointer(tail.baseAddress!), blocks: blocks, k: k.baseAddress!, w: w.baseAddress!)
                }
            }
        }
        return state
    }

    /// Copies the bytes after the last whole block into `tail` with the padding and length:
    /// one or two blocks, returned.
    static func padTail(of message: UnsafeRawBufferPointer, into tail: UnsafeMutableRawBufferPointer) -> Int {
        let rest = message.count % 64
        let start = message.count - rest
        for index in 0..<rest { tail[index] = message[start + index] }
        tail[rest] = 0x80
        let blocks = rest < 56 ? 1 : 2
        for index in (rest + 1)..<(blocks * 64 - 8) { tail[index] = 0 }
        let bits = UInt64(message.count) &* 8
        for index in 0..<8 { tail[blocks * 64 - 8 + index] = UInt8(truncatingIfNeeded: bits >> UInt64(56 - 8 * index)) }
        return blocks
    }

    /// The compression function over `blocks` consecutive 64-byte blocks.
    static func compress(_ state: inout Digest, _ data: UnsafeRawPointer, blocks: Int, k: UnsafePointer<UInt32>,
                         w: UnsafeMutablePointer<UInt32>) {
        var (h0, h1, h2, h3, h4, h5, h6, h7) = state
        for block in 0..<blocks {
            let base = data + block * 64
            for i in 0..<16 { w[i] = base.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self).bigEndian }
            for i in 16..<64 {
                let x = w[i - 15], y = w[i - 2]
                let s0 = x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x >> 3)
                let s1 = y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y >> 10)
                w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
            }
            var (a, b, c, d, e, f, g, h) = (h0, h1, h2, h3, h4, h5, h6, h7)
            for i in 0..<64 {
                let s1 = e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)
                let choice = g ^ (e & (f ^ g))
                let t1 = h &+ s1 &+ choice &+ k[i] &+ w[i]
                let s0 = a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)
                let majority = (a & b) | (c & (a | b))
                (h, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ s0 &+ majority)
            }
            h0 &+= a; h1 &+= b; h2 &+= c; h3 &+= d; h4 &+= e; h5 &+= f; h6 &+= g; h7 &+= h
        }
        state = (h0, h1, h2, h3, h4, h5, h6, h7)
    }

    static func hex(_ digest: Digest) -> String {
        String(unsafeUninitializedCapacity: 64) { out in
            let digits: StaticString = "0123456789abcdef"
            let words = [digest.0, digest.1, digest.2, digest.3, digest.4, digest.5, digest.6, digest.7]
            digits.withUTF8Buffer { digits in
                for (index, word) in words.enumerated() {
                    for nibble in 0..<8 {
                        out[index * 8 + nibble] = digits[Int((word >> UInt32(28 - 4 * nibble)) & 0xF)]
                    }
                }
            }
            return 64
        }
    }
}

extension UInt32 {
    @inline(__always) fileprivate func rotatedRight(_ count: UInt32) -> UInt32 { (self >> count) | (self << (32 - count)) }
}
