import Testing
@testable import GleanerCore

@Suite struct SentenceLocatorTests {
    @Test func findsTheSentenceAroundASpan() {
        var text = "First one. The loan of Rs. 500 crore was signed in 2019. Next line\nNew para."
        let sentence = text.withUTF8 { bytes -> String in
            let start = Array(bytes).firstIndex(of: UInt8(ascii: "2"))!
            let range = SentenceLocator.sentence(around: start..<(start + 4), in: bytes)
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        // `Rs.` is followed by a space and so ends a "sentence": the locator is simple on purpose.
        #expect(sentence == "500 crore was signed in 2019.")
    }
}
