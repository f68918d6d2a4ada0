import Testing
@testable import GleanerCore

@Suite struct AcronymLinkerTests {
    /// Whole-word occurrences of each token, token by token, each search resuming after the
    /// token's previous occurrence.
    func plainOccurrences(of tokens: [String], in text: [UInt8]) -> [[Range<Int>]] {
        func isAlphanumeric(_ byte: UInt8) -> Bool { (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte) }
        return tokens.map { token in
            let pattern = Array(token.utf8)
            var found: [Range<Int>] = []
            var start = 0
            while start + pattern.count <= text.count {
                let end = start + pattern.count
                if Array(text[start..<end]) == pattern, start == 0 || !isAlphanumeric(text[start - 1]),
                   end == text.count || !isAlphanumeric(text[end]) {
                    found.append(start..<end)
                    start = end
                } else {
                    start += 1
                }
            }
            return found
        }
    }

    @Test func occurrencesAreTheWholeWordsWhateverTheFirstBytes() {
        let text = Array("SCRI and SCRIBE; (SCRI) QUAD-QUAD QUADS aQUAD 5G-X 5G IMF, IMFs I.M.F. Quad; G20 at G20 SCRI AB BB, CC".utf8)
        let linker = AcronymLinker()
        for tokens in [["SCRI"], ["SCRI", "QUAD"], ["SCRI", "QUAD", "IMF"], ["SCRI", "QUAD", "IMF", "G20"],
                       ["5G", "SCRI"], ["5G", "SCRI", "Quad", "IMF"], ["SCRI", "SCRIBE", "Quad"],
                       // More than eight distinct first bytes: capitals only, and not.
                       ["AB", "BB", "CC", "DD", "EE", "FF", "G20", "IMF", "QUAD", "SCRI"],
                       ["AB", "BB", "CC", "DD", "EE", "FF", "G20", "IMF", "QUAD", "5G"]] {
            let definitions = tokens.enumerated().map { index, token in
                AcronymLinker.Definition(token: Array(token.utf8), text: token, plugin: 0, value: .string("n\(index)"))
            }
            for cut in [text.count, text.count - 3, 40, 9, 4, 0] {
                let prefix = Array(text[..<cut])
                let found = prefix.withUnsafeBufferPointer { linker.occurrences(of: definitions, in: $0) }
                #expect(found == plainOccurrences(of: tokens, in: prefix), "\(tokens) in \(cut) bytes")
            }
        }
    }
}
