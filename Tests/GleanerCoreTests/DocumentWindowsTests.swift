import Testing
@testable import GleanerCore

@Suite struct DocumentWindowsTests {
    /// Amounts (`$` and digits, at most `maxLength` bytes), found by a scanner that starts at
    /// `scanned.lowerBound` and never reads past `scanned.upperBound`, like a windowed scanner.
    private static func amounts(in bytes: UnsafeBufferPointer<UInt8>, _ scanned: Range<Int>, maxLength: Int) -> [Candidate] {
        var found: [Candidate] = []
        var index = scanned.lowerBound
        while index < scanned.upperBound {
            defer { index += 1 }
            guard bytes[index] == UInt8(ascii: "$"), index == 0 || bytes[index - 1] != UInt8(ascii: "$") else { continue }
            var end = index + 1
            while end < scanned.upperBound, end - index < maxLength, bytes[end] >= 0x30, bytes[end] <= 0x39 { end += 1 }
            if end > index + 1 { found.append(Candidate(plugin: 0, rule: 0, bytes: index..<end, value: .int(end - index))) }
        }
        return found
    }

    private static func randomText(_ count: Int, using generator: inout some RandomNumberGenerator) -> [UInt8] {
        let pieces: [[UInt8]] = [Array("$".utf8), Array("12".utf8), Array("7".utf8), Array(" ".utf8), Array(",".utf8),
                                 Array("word".utf8), Array("\n".utf8), Array("é".utf8), Array("€".utf8)]
        var text: [UInt8] = []
        while text.count < count { text += pieces.randomElement(using: &generator)! }
        return text
    }

    @Test func windowsPartitionTheDocumentAndScanTheirOverlap() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let text = Self.randomText(Int.random(in: 0...400, using: &generator), using: &generator)
            let size = Int.random(in: 1...64, using: &generator)
            let overlap = Int.random(in: 0...10, using: &generator)
            text.withUnsafeBufferPointer { bytes in
                let windows = Array(DocumentWindows(bytes, windowBytes: size, overlap: overlap))
                #expect(windows.first?.owned.lowerBound == 0)
                #expect(windows.last?.owned.upperBound == bytes.count)
                for (window, next) in zip(windows, windows.dropFirst()) {
                    #expect(window.owned.upperBound == next.owned.lowerBound)
                    #expect(!window.owned.isEmpty)
                    // Never inside a UTF-8 sequence.
                    #expect(bytes[next.owned.lowerBound] & 0xC0 != 0x80)
                }
                for window in windows {
                    #expect(window.scanned.lowerBound == window.owned.lowerBound)
                    #expect(window.scanned.upperBound == min(bytes.count, window.owned.upperBound + overlap))
                }
            }
        }
    }

    @Test func windowedCandidatesAreTheWholeDocumentsWhenTheOverlapCoversTheLongestMatch() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let text = Self.randomText(Int.random(in: 0...600, using: &generator), using: &generator)
            let maxLength = Int.random(in: 2...9, using: &generator)
            text.withUnsafeBufferPointer { bytes in
                let whole = Self.amounts(in: bytes, 0..<bytes.count, maxLength: maxLength)
                let windows = DocumentWindows(bytes, windowBytes: Int.random(in: 1...50, using: &generator), overlap: maxLength)
                let windowed = windows.collect { Self.amounts(in: bytes, $0.scanned, maxLength: maxLength) }
                #expect(windowed.map(\.bytes) == whole.map(\.bytes))
                #expect(windowed.map(\.value) == whole.map(\.value))
            }
        }
    }

    @Test func windowStartsFollowWhiteSpaceWhereThereIsSome() {
        let text = Array("alpha beta gamma delta epsilon zeta".utf8)
        text.withUnsafeBufferPointer { bytes in
            let starts = DocumentWindows(bytes, windowBytes: 8, overlap: 4).map(\.owned.lowerBound)
            #expect(starts == [0, 11, 23, 31])
            for start in starts.dropFirst() { #expect(bytes[start - 1] == 0x20) }
        }
    }

    @Test func withoutSpacesWindowsStartAfterPunctuation() {
        let text = Array(String(repeating: "$1,", count: 10).utf8)
        text.withUnsafeBufferPointer { bytes in
            let starts = DocumentWindows(bytes, windowBytes: 4, overlap: 3).map(\.owned.lowerBound)
            #expect(starts == [0, 6, 12, 18, 24])
        }
    }

    @Test func anUnboundedMatchMakesTheDocumentOneWindow() {
        let text = Array(String(repeating: "word ", count: 100).utf8)
        text.withUnsafeBufferPointer { bytes in
            #expect(Array(DocumentWindows(bytes, windowBytes: 8, overlap: nil)) == [.init(owned: 0..<500, scanned: 0..<500)])
        }
    }
}
