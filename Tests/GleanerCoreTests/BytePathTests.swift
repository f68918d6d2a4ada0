import Testing
@testable import GleanerCore

/// The byte paths of lexicon keys, name canonicalization and group slots give what the
/// String paths they replace give, including on text where Characters are not bytes.
@Suite struct BytePathTests {
    static let tricky = [
        "Ayushman Bharat", "  AYUSHMAN   BHARAT  ", "Well-being\u{00A0}Scheme", "a\r\nb", "a\n\u{301}b",
        "x \u{301}y", "caf\u{E9} Scheme", "cafe\u{301} Scheme", "\u{212A}elvin", "Quad", "", " ", "-",
        "DHARMA-GUARDIAN", "COPE  INDIA", "a\u{2028}b\u{0085}c", "\u{0600} x", "x \u{0600}", "Tab\there",
    ]

    func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var copy = text
        return copy.withUTF8(body)
    }

    @Test func collapsingSpacesOnBytesMatchesTheStringPath() {
        for text in Self.tricky {
            let bytePath: String = withBytes(text, { NameCanonicalizer.collapsingSpaces($0) })
            #expect(bytePath == NameCanonicalizer.collapsingSpaces(text))
        }
    }

    @Test func lexiconLookupsOnBytesMatchTheStringPath() throws {
        let lexicon = try Lexicon(id: "t", tsv: "surface\tacronym\taliases\nAyushman Bharat\tAB\tWell-being\nCaf\u{E9}\tCF\t\n\u{212A}elvin\t\t\n",
                                  file: "t.tsv")
        for text in Self.tricky + ["AB", "ab", "wellbeing", "kelvin", "KELVIN", "cafe\u{301}"] {
            let bytePath = withBytes(text, { Lexicon.value(in: lexicon.rowsBySurfaceKey, for: $0) })
            #expect(bytePath == lexicon.rowsBySurfaceKey.value(for: Lexicon.key(text)))
            #expect(Lexicon.key(text) == String(text.unicodeScalars.filter {
                $0.properties.isAlphabetic || $0.properties.numericType != nil
            }.flatMap { $0.properties.lowercaseMapping.unicodeScalars }.map(Character.init)))
        }
        let canonicalizer = NameCanonicalizer(lexicon: lexicon, optionalHeads: ["scheme"])
        #expect(canonicalizer.entryIndex(for: "Well-being Scheme") == 0)
        #expect(canonicalizer.entryIndex(for: "AB") == 0)
        #expect(canonicalizer.entryIndex(for: "kelvin") == 2)
        #expect(canonicalizer.entryIndex(for: "Caf\u{E9} Scheme") == 1)
        #expect(canonicalizer.isShortForm("A.B.", ofRow: 0))
        #expect(!canonicalizer.isShortForm("Ayushman", ofRow: 0))
    }

    func lookup(_ table: ByteKeyTable, _ text: String) -> Int? {
        withBytes(text, { table.value(forSimple: $0) })
    }

    @Test func byteKeyTableKeepsTheFirstOfEqualKeysAndFindsCanonicalEquivalents() {
        var table = ByteKeyTable()
        let inserted = [table.insert("k", 1), table.insert("k", 2), table.insert("\u{212A}x", 3), table.insert("\u{20AC}", 4)]
        #expect(inserted == [true, false, true, true])
        #expect(lookup(table, "k") == 1)
        #expect(lookup(table, "Kx") == 3)
        #expect(lookup(table, "\u{20AC}") == 4)
        #expect(table.value(for: "Kx") == 3)
        #expect(lookup(table, "missing") == nil)
        var large = ByteKeyTable()
        for n in 0..<1000 { large.insert("key\(n)", n) }
        var missing: [Int] = []
        for n in 0..<1000 {
            let found = lookup(large, "key\(n)")
            if found != n { missing.append(n) }
        }
        #expect(missing.isEmpty)
    }

    @Test func titleCaseOnBytesMatchesTheStringPath() {
        let canonicalizer = NameCanonicalizer(lexicon: nil)
        #expect(canonicalizer.titleCased("AYUSHMAN  BHARAT-YOJANA x") == "Ayushman Bharat-Yojana x")
        #expect(canonicalizer.titleCased("SCRI ASEAN -") == "SCRI ASEAN -")
        #expect(canonicalizer.titleCased("CAF\u{C9}TERIA") == "Caf\u{E9}teria")
    }

    @Test func dateValueSyntaxOnBytes() {
        for value in ["2019", "2019-03", "2019-02-29", "2020-02-29", "FY2019", "199X", "2017-Q1", "2017-SU",
                      "XXXX-03-03", "XXXX", "2019/2020", "2019/2020/2021", "2019/", "XXXX-Q1"] {
            let expected = ["2019", "2019-03", "2020-02-29", "FY2019", "199X", "2017-Q1", "2017-SU", "XXXX-03-03",
                            "2019/2020"].contains(value)
            #expect(DateValueSyntax.isValid(value) == expected, "\(value)")
        }
    }
}
