import Testing
@testable import GleanerCore

@Suite struct SHA256Tests {
    /// Deterministic bytes for a message of `count` bytes.
    static func message(_ count: Int, seed: UInt64) -> [UInt8] {
        var state = seed &+ 0x9E37_79B9_7F4A_7C15
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
    }

    /// FIPS 180-2 appendix B and the NIST example vectors (one block, two blocks, a million "a").
    @Test func matchesNISTKnownAnswers() {
        let vectors: [(String, String)] = [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
             "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
            ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
             "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
            (String(repeating: "a", count: 1000), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"),
            (String(repeating: "a", count: 1_000_000), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
        ]
        for (message, digest) in vectors {
            #expect(SHA256.hex(message.utf8) == digest, "length \(message.utf8.count)")
            #expect(SHA256.hex(message) == digest, "length \(message.utf8.count)")
        }
    }

    /// Every length around the padding's edges (55/56 bytes leave room for the length or not)
    /// and block boundaries, and random lengths, against the hand-written reference.
    @Test func matchesTheReferenceAtEveryBlockBoundary() {
        let lengths = Array(0...200) + [255, 256, 257, 1023, 1024, 1025, 4095, 4096, 4097, 65_535, 65_536, 100_003]
        for (index, length) in lengths.enumerated() {
            let bytes = Self.message(length, seed: UInt64(index))
            #expect(SHA256.hex(bytes) == ReferenceSHA256.hex(bytes), "length \(length)")
        }
    }

    /// Feeding a message in pieces of any size gives the one-shot digest.
    @Test func incrementalUpdatesEqualOneShot() {
        let bytes = Self.message(5_000, seed: 7)
        let whole = SHA256.hex(bytes)
        for piece in [1, 3, 55, 63, 64, 65, 127, 1000, 4999] {
            var hasher = SHA256()
            for start in stride(from: 0, to: bytes.count, by: piece) {
                bytes[start..<min(start + piece, bytes.count)].withUnsafeBytes { hasher.update($0) }
            }
            #expect(SHA256.hex(hasher.finalize()) == whole, "pieces of \(piece)")
        }
        var hasher = SHA256()
        hasher.update("é 2019 ")
        hasher.update(Array("₹ 5 crore".utf8))
        #expect(SHA256.hex(hasher.finalize()) == SHA256.hex("é 2019 ₹ 5 crore"))
    }

    /// The digest words are the big-endian words of the digest bytes (`glean stream` keys its
    /// duplicate check on the first four).
    @Test func digestWordsAreTheHexDigest() {
        let digest = SHA256.digest(UnsafeRawBufferPointer(start: nil, count: 0))
        #expect(digest.0 == 0xe3b0c442 && digest.7 == 0x7852b855)
    }
}
