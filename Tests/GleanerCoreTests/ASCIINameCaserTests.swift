import Testing
@testable import GleanerCore

/// The word-and-part walk both title casers (the core name normalizer, the program plugin's
/// all-caps headings) share.
@Suite struct ASCIINameCaserTests {
    private func recase(_ name: String, _ choose: (UnsafeBufferPointer<UInt8>, Bool) -> ASCIINameCaser.PartCase) -> String? {
        var name = name
        return name.withUTF8 { ASCIINameCaser.recase($0, choose) }
    }

    @Test func casesEachHyphenatedPartAndCollapsesSpaces() {
        #expect(recase("  DHARMA-GUARDIAN   EXERCISE ") { _, _ in .capitalized } == "Dharma-Guardian Exercise")
        #expect(recase("MAKE IN INDIA") { _, _ in .lower } == "make in india")
        #expect(recase("SCRI-Plus") { _, _ in .asWritten } == "SCRI-Plus")
    }

    @Test func theChoiceSeesEachPartAndWhetherItIsInTheFirstWord() {
        var seen: [(String, Bool)] = []
        let cased = recase("UDAN-SCHEME OF INDIA") { part, firstWord in
            seen.append((String(decoding: part, as: UTF8.self), firstWord))
            return part.count <= 2 ? .lower : .capitalized
        }
        #expect(cased == "Udan-Scheme of India")
        #expect(seen.map(\.0) == ["UDAN", "SCHEME", "OF", "INDIA"])
        #expect(seen.map(\.1) == [true, true, false, false])
    }

    @Test func anythingButASCIIIsLeftToTheUnicodePath() {
        #expect(recase("PÉROUSE") { _, _ in .capitalized } == nil)
        #expect(recase("") { _, _ in .capitalized } == "")
    }

    @Test(arguments: [("PRESS INFORMATION BUREAU", true), ("JIMEX", false), ("Press INFORMATION", false),
                      ("AGENCE FRANÇAISE DE DÉVELOPPEMENT", true), ("Agence Française", false), ("2024 18", false)])
    func aHeadingIsTwoWordsOrMoreAllInCapitals(text: String, heading: Bool) {
        var text = text
        #expect(text.withUTF8 { ASCIINameCaser.isAllCapsHeading($0) } == heading)
    }
}
