import Testing
@testable import GleanerCore

@Suite struct NumberReaderTests {
    static func read(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { NumberReader.read($0) }?.description
    }

    @Test(arguments: [
        ("1,500", "1500"), ("7.2", "7.2"), ("7.2 per cent", "7.2"), ("-0.5%", "-0.5"), ("2.5 million", "2500000"),
        ("3bn", "3000000000"), ("10k", "10000"), ("twenty-five", "25"), ("a hundred", "100"),
        ("one hundred and five", "105"), ("two thousand three hundred", "2300"), ("1.5 lakh crore", "1500000000000"),
        ("about 40 tonnes", "40"), ("Seven Million", "7000000"), ("forty\u{00A0}thousand", "40000"),
    ])
    func readsDigitsWordsAndScales(text: String, expected: String) {
        #expect(Self.read(text) == expected)
    }

    @Test func twoNumbersInDigitsAreTwoNumbers() {
        #expect(Self.read("12 15") == "12")
    }

    @Test(arguments: ["per cent", "", "million", "tons of praise", "a lot"])
    func textWithoutANumberHasNone(text: String) {
        #expect(Self.read(text) == nil)
    }
}
