import Testing
@testable import GleanerCore

/// Equal values of a document share one copy (`ValueInterner`), values that differ in their
/// bytes never do, and a document of distinct values stops paying for look-ups.
@Suite struct ValueInternerTests {
    static func party(_ name: String, code: String) -> JSONValue {
        .object([("name", .string(name)), ("type", .string("country")), ("code", .string(code))])
    }

    /// The address of an object's pairs: the same for values that share storage.
    static func storage(_ value: JSONValue) -> UnsafeRawPointer? {
        guard case .object(let pairs) = value else { return nil }
        return pairs.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
    }

    @Test func equalObjectsShareTheFirstOnesStorage() {
        var interner = ValueInterner()
        let first = interner.intern(Self.party("India", code: "IN"))
        let second = interner.intern(Self.party("India", code: "IN"))
        let other = interner.intern(Self.party("Japan", code: "JP"))
        #expect(second == Self.party("India", code: "IN"))
        #expect(Self.storage(first) != nil && Self.storage(first) == Self.storage(second))
        #expect(Self.storage(other) != Self.storage(first))
        #expect(other == Self.party("Japan", code: "JP"))
    }

    @Test func canonicallyEquivalentStringsStayApart() {
        var interner = ValueInterner()
        let composed = Self.party("Caf\u{E9} Nation of the Long Name", code: "CN")
        let decomposed = Self.party("Cafe\u{301} Nation of the Long Name", code: "CN")
        #expect(composed == decomposed)  // Swift's `==`: canonical equivalence
        _ = interner.intern(composed)
        let result = interner.intern(decomposed)
        guard case .object(let pairs) = result, case .string(let name) = pairs[0].1 else {
            Issue.record("not an object: \(result)")
            return
        }
        #expect(Array(name.utf8) == Array("Cafe\u{301} Nation of the Long Name".utf8))
    }

    @Test func numbersCompareByTheirDigitsAndExponent() {
        var interner = ValueInterner()
        let amount = { (significand: Int128, exponent: Int) -> JSONValue in
            .object([("amount", .number(ExactNumber(significand: significand, exponent: exponent))), ("currency", .string("USD"))])
        }
        _ = interner.intern(amount(15, -1))
        #expect(interner.intern(amount(15, 0)) == amount(15, 0))
        #expect(interner.intern(amount(15, -1)) == amount(15, -1))
    }

    @Test func distinctValuesStopTheLookUpsAfterTheProbe() {
        var interner = ValueInterner()
        for index in 0..<(ValueInterner.probeLookups + 10) {
            let value = JSONValue.array([.int(index)])
            #expect(interner.intern(value) == value)
        }
        // Interning is off: an equal value keeps its own storage.
        let value = JSONValue.array([.int(1)])
        guard case .array(let kept) = interner.intern(value), case .array(let original) = value else { return }
        #expect(kept.withUnsafeBufferPointer { $0.baseAddress } == original.withUnsafeBufferPointer { $0.baseAddress })
        #expect(interner.isActive == false)
    }
}
