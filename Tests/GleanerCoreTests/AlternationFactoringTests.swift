import Testing
@testable import GleanerCore

@Suite struct AlternationFactoringTests {
    @Test func factorsWordsByFirstCharacterKeepingTheOrderOfThoseThatShareIt() {
        #expect(AlternationFactoring.factor("(?:The|This|That|A|An|As)") == "(?:Th(?:e|is|at)|A(?:|n|s))")
        #expect(AlternationFactoring.factor("(?i:and|or|also)") == "(?i:a(?:nd|lso)|or)")
    }

    @Test func neverMovesABranchPastOneThatMayMatchTheSameText() {
        // A class, a quantified first character or an empty branch stays put and nothing crosses it.
        #expect(AlternationFactoring.factor("(?:ab|[a-z]x|ac)") == "(?:ab|[a-z]x|ac)")
        #expect(AlternationFactoring.factor("(?:ab|a?c|ad)") == "(?:ab|a?c|ad)")
        #expect(AlternationFactoring.factor("(?:ab||ac)") == "(?:ab||ac)")
        // Letters that differ only in case may both match under (?i): their branches keep their order.
        #expect(AlternationFactoring.factor("(?:The|the|Then)") == "(?:The|the|Then)")
    }

    @Test func leavesLookbehindsConditionalsAndOptionSettingsAsWritten() {
        #expect(AlternationFactoring.factor("(?<=million|mn|m)x") == "(?<=million|mn|m)x")
        #expect(AlternationFactoring.factor("(?(DEFINE)(?<w>ab|ac))(?&w)") == "(?(DEFINE)(?<w>a(?:b|c)))(?&w)")
        #expect(AlternationFactoring.factor("(?:ab(?i)|ac)") == "(?:ab(?i)|ac)")
        #expect(AlternationFactoring.factor("(?x) ab | ac ") == "(?x) ab | ac ")
        #expect(AlternationFactoring.factor(#"\Qab|ac\E"#) == #"\Qab|ac\E"#)
    }

    @Test func keepsGroupsEscapesAndQuantifiersIntact() {
        #expect(AlternationFactoring.factor(#"(?<m>Jan|Jun|Jul)\.?[\s\x{00A0}]+(\d{1,2}|\x{2013})"#)
            == #"(?<m>J(?:an|u(?:n|l)))\.?[\s\x{00A0}]+(\d{1,2}|\x{2013})"#)
        #expect(AlternationFactoring.factor(#"(?:\.s|\.t|x{2,3})"#) == #"(?:\.(?:s|t)|x{2,3})"#)
    }

    /// Every match (start, end and groups) is the same with the factored pattern.
    static let samples = [
        #"(?:The|This|That|A|An|As|Any|Also)(?![a-z])"#,
        #"(?i:an|a|and|any)(?:[ ]+(?:ten|tens|the|then))?"#,
        #"(?<w>ab|abc|a)(?<x>c|cd)?d"#,
        #"(?:ab|[ab]c|ac|b|ba)+?c"#,
        #"(?!(?i:the|this|a)(?![a-z]))[A-Za-z]+"#,
    ]

    @Test func matchesExactlyWhatTheWrittenPatternMatches() throws {
        var state: UInt64 = 7
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        let alphabet = Array("abcdehinstTAx ".utf8)
        for pattern in Self.samples {
            let written = try PCRE2Regex(pattern)
            let factored = try PCRE2Regex(AlternationFactoring.factor(pattern))
            #expect(AlternationFactoring.factor(pattern) != pattern)
            for _ in 0..<400 {
                let length = Int(next() % 12)
                var text = String(decoding: (0..<length).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] },
                                  as: UTF8.self)
                let shown = text
                try text.withUTF8 { bytes in
                    for start in 0...bytes.count {
                        let one = PCRE2Scratch(maxCaptureCount: written.captureCount)
                        let two = PCRE2Scratch(maxCaptureCount: factored.captureCount)
                        let found = try written.firstMatch(in: bytes, from: start, scratch: one)
                        #expect(try factored.firstMatch(in: bytes, from: start, scratch: two) == found)
                        guard found else { continue }
                        for group in 0...written.captureCount {
                            #expect(one.range(group) == two.range(group), "\(pattern) on \(shown) group \(group)")
                        }
                    }
                }
            }
        }
    }
}
