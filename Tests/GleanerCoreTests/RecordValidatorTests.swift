import Testing
@testable import GleanerCore

@Suite struct RecordValidatorTests {
    @Test(arguments: ["2019", "2019-11-30", "FY2020", "199X", "2017-Q1", "2016-H2", "2019-SU", "2019-09/2019-10",
                      "XXXX-03-03/XXXX-03-07", "2016-11/2017-02", "2020-02-29"])
    func acceptsTheDateValuesOfTheGuideline(value: String) {
        #expect(RecordValidator.valueProblem(kind: "date", value: .string(value)) == nil)
    }

    @Test(arguments: ["19", "2019-13", "2019-02-30", "2019-Q5", "FY19", "2019/", "2021-02-29", "XXXX"])
    func rejectsMalformedDateValues(value: String) {
        #expect(RecordValidator.valueProblem(kind: "date", value: .string(value)) != nil)
    }

    @Test func checksMoneyShape() {
        let ok = JSONValue.object([("amount", .int(5)), ("amountMax", .int(7)), ("currency", .string("USD"))])
        #expect(RecordValidator.valueProblem(kind: "money", value: ok) == nil)
        let badCurrency = JSONValue.object([("amount", .int(5)), ("currency", .string("usd"))])
        #expect(RecordValidator.valueProblem(kind: "money", value: badCurrency) != nil)
        let badRange = JSONValue.object([("amount", .int(5)), ("amountMax", .int(2)), ("currency", .string("USD"))])
        #expect(RecordValidator.valueProblem(kind: "money", value: badRange) != nil)
    }

    @Test func checksNameShapes() {
        #expect(RecordValidator.valueProblem(kind: "exercise", value: .object([("name", .string("JIMEX")), ("year", .int(2018))])) == nil)
        #expect(RecordValidator.valueProblem(kind: "exercise", value: .object([("name", .string("JIMEX")), ("year", .string("2018"))])) != nil)
        #expect(RecordValidator.valueProblem(kind: "program", value: .object([("name", .string(""))])) != nil)
        #expect(RecordValidator.valueProblem(kind: "program", value: .object([("name", .string("Quad")), ("extra", .string("x"))])) != nil)
    }

    @Test func checksPartyShapes() {
        let country = JSONValue.object([("name", .string("India")), ("type", .string("country")), ("code", .string("IN"))])
        #expect(RecordValidator.valueProblem(kind: "party", value: country) == nil)
        let organization = JSONValue.object([("name", .string("Japan International Cooperation Agency")),
                                             ("type", .string("organization")), ("acronym", .string("JICA"))])
        #expect(RecordValidator.valueProblem(kind: "party", value: organization) == nil)
        // A country needs its ISO code, and has no acronym; an organization has no code; no other type.
        #expect(RecordValidator.valueProblem(kind: "party", value: .object([("name", .string("India")), ("type", .string("country"))]))
            == "a country needs a two-letter code")
        #expect(RecordValidator.valueProblem(kind: "party", value: .object([("name", .string("India")), ("type", .string("country")),
                                                                         ("code", .string("IND"))])) != nil)
        #expect(RecordValidator.valueProblem(kind: "party", value: .object([("name", .string("UN")), ("type", .string("organization")),
                                                                         ("code", .string("UN"))])) != nil)
        #expect(RecordValidator.valueProblem(kind: "party", value: .object([("name", .string("Ann")), ("type", .string("person"))]))
            == "a party's type is country or organization")
    }

    @Test func aBuiltRecordThatFailsFailsItsDocumentNamingTheRecord() throws {
        let yaml = "id: cash\nversion: \"3\"\nkind: money\nnormalizer: text\nrules:\n  - id: digit\n    pattern: '\\d'\n"
        let result = TestPlugins.extract("é pay 5 now", plugins: [try TestPlugins.load(yaml)])
        #expect(result.mentions.isEmpty)
        #expect(result.validationError
            == "record t#6-7 (cash@3 rule digit) failed validation: money needs amount > 0 and a three-letter currency, and no other key")
    }
}

