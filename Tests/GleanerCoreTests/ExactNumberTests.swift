import Testing
@testable import GleanerCore

@Suite struct ExactNumberTests {
    @Test(arguments: [("118.4", 9, "118400000000"), ("4.7", 0, "4.7"), ("2.75", 12, "2750000000000"),
                      ("0.05", 0, "0.05"), ("1500", 0, "1500"), ("1.5", -1, "0.15")])
    func scalesExactly(digits: String, power: Int, expected: String) throws {
        let number = try #require(ExactNumber(digits: Array(digits.utf8)))
        #expect(number.multiplied(byPowerOfTen: power).description == expected)
    }

    @Test func rejectsNonNumbers() {
        #expect(ExactNumber(digits: Array("1,500".utf8)) == nil)
        #expect(ExactNumber(digits: Array("".utf8)) == nil)
        #expect(ExactNumber(digits: Array("1.2.3".utf8)) == nil)
    }

    @Test func comparesAndAddsAcrossExponents() throws {
        let a = try #require(ExactNumber(digits: Array("3.5".utf8)))
        let b = ExactNumber(4)
        #expect(a < b)
        #expect(a.adding(b)?.description == "7.5")
        #expect(ExactNumber(significand: 10, exponent: 0) == ExactNumber(significand: 1, exponent: 1))
    }
}
