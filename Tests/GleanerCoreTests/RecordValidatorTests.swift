import Testing
@testable import GleanerCore

@Suite struct RecordValidatorTests {
    static let dateValue = ValueSchema.string(.dateValue)
    /// A money-like schema: positive amount, a range top not below it, three capitals.
    static let amount = ValueSchema.object([
        .init("amount", .number(.positive)),
        .init("amountMax", .number(.init(minimum: 0, exclusive: true, notBelow: "amount")), required: false),
        .init("currency", .string(.capitals(3))),
    ])
    static let named = ValueSchema.object([
        .init("name", .string(.nonEmpty)), .init("year", .number(.integer), required: false),
    ])

    @Test(arguments: ["2019", "2019-11-30", "FY2020", "199X", "2017-Q1", "2016-H2", "2019-SU", "2019-09/2019-10",
                      "XXXX-03-03/XXXX-03-07", "2016-11/2017-02", "2020-02-29"])
    func acceptsTheDateValuesOfTheGuideline(value: String) {
        #expect(Self.dateValue.problem(in: .string(value)) == nil)
    }

    @Test(arguments: ["19", "2019-13", "2019-02-30", "2019-Q5", "FY19", "2019/", "2021-02-29", "XXXX"])
    func rejectsMalformedDateValues(value: String) {
        #expect(Self.dateValue.problem(in: .string(value)) == "value '\(value)' is not a date value")
    }

    @Test func checksObjectKeysNumbersAndTheirOrder() {
        let ok = JSONValue.object([("amount", .int(5)), ("amountMax", .int(7)), ("currency", .string("USD"))])
        #expect(Self.amount.problem(in: ok) == nil)
        #expect(Self.amount.problem(in: .object([("amount", .int(5)), ("currency", .string("usd"))]))
            == "value.currency must be 3 capital letters, not 'usd'")
        #expect(Self.amount.problem(in: .object([("amount", .int(5)), ("amountMax", .int(2)), ("currency", .string("USD"))]))
            == "value.amountMax must be >= amount")
        #expect(Self.amount.problem(in: .object([("amount", .int(0)), ("currency", .string("USD"))]))
            == "value.amount must be number > 0")
        #expect(Self.amount.problem(in: .object([("amount", .int(5))]))
            == "value needs the key 'currency': {amount: number > 0, amountMax?: number > 0 >= amount, currency: 3 capitals}")
        #expect(Self.amount.problem(in: .string("5 USD")) != nil)
    }

    @Test func checksNamesAndIntegers() {
        #expect(Self.named.problem(in: .object([("name", .string("JIMEX")), ("year", .int(2018))])) == nil)
        #expect(Self.named.problem(in: .object([("name", .string("JIMEX")), ("year", .string("2018"))])) == "value.year must be integer")
        #expect(Self.named.problem(in: .object([("name", .string(""))])) == "value.name must be a non-empty string")
        #expect(Self.named.problem(in: .object([("name", .string("Quad")), ("extra", .string("x"))]))
            == "value has the key 'extra', not in {name: non-empty string, year?: integer}")
    }

    @Test func anUndeclaredShapeTakesAnyObjectOrString() {
        #expect(ValueSchema.objectOrString.problem(in: .object([("x", .int(1))])) == nil)
        #expect(ValueSchema.objectOrString.problem(in: .string("x")) == nil)
        #expect(ValueSchema.objectOrString.problem(in: .int(1)) == "value must be a JSON object or string")
    }

    /// A party-like union: a country with a two-letter code, or an organization with an
    /// optional acronym.
    static let party = ValueSchema.oneOf([
        .object([.init("name", .string(.nonEmpty)), .init("type", .string(.oneOf(["country"]))), .init("code", .string(.capitals(2)))]),
        .object([.init("name", .string(.nonEmpty)), .init("type", .string(.oneOf(["organization"]))),
                 .init("acronym", .string(.nonEmpty), required: false)]),
    ])

    @Test func aUnionTakesAValueThatFitsOneOfItsShapes() {
        let country = JSONValue.object([("name", .string("India")), ("type", .string("country")), ("code", .string("IN"))])
        #expect(Self.party.problem(in: country) == nil)
        let organization = JSONValue.object([("name", .string("Japan International Cooperation Agency")),
                                             ("type", .string("organization")), ("acronym", .string("JICA"))])
        #expect(Self.party.problem(in: organization) == nil)
        // A country needs its ISO code and has no acronym; an organization has no code; no other type.
        #expect(Self.party.problem(in: .object([("name", .string("India")), ("type", .string("country"))]))
            == "value needs the key 'code': {name: non-empty string, type: country, code: 2 capitals} (value must be one of: "
                + "{name: non-empty string, type: country, code: 2 capitals} | {name: non-empty string, type: organization, acronym?: non-empty string})")
        #expect(Self.party.problem(in: .object([("name", .string("India")), ("type", .string("country")), ("code", .string("IND"))])) != nil)
        #expect(Self.party.problem(in: .object([("name", .string("UN")), ("type", .string("organization")), ("code", .string("UN"))])) != nil)
        #expect(Self.party.problem(in: .object([("name", .string("Ann")), ("type", .string("person"))])) != nil)
    }

    @Test func anAcronymIsAdmittedOnlyWhereTheShapeHasOne() {
        #expect(Self.party.admitsAcronym(in: .object([("name", .string("Asian Development Bank")), ("type", .string("organization"))])))
        // `HANOI, Vietnam (AP)`: a country takes no acronym.
        #expect(!Self.party.admitsAcronym(in: .object([("name", .string("Vietnam")), ("type", .string("country")), ("code", .string("VN"))])))
        #expect(!Self.amount.admitsAcronym(in: .object([("amount", .int(5)), ("currency", .string("USD"))])))
        #expect(!Self.dateValue.admitsAcronym(in: .string("2019")))
        #expect(ValueSchema.objectOrString.admitsAcronym(in: .object([("name", .string("Quad"))])))
    }

    @Test func aBuiltRecordThatFailsFailsItsDocumentNamingTheRecord() throws {
        // A normalizer whose values do not fit the shape it declares: an extractor bug.
        let wrong = NormalizerFactory(id: "wrong", schema: Self.amount) { _ in TestPlugins.Constant(value: .string("5")) }
        let yaml = "id: cash\nversion: \"3\"\nkind: cash\nnormalizer: wrong\nrules:\n  - id: digit\n    pattern: '\\d'\n"
        let result = TestPlugins.extract("é pay 5 now", plugins: [try TestPlugins.load(yaml, normalizers: [wrong])])
        #expect(result.mentions.isEmpty)
        #expect(result.validationError
            == "record t#6-7 (cash@3 rule digit) failed validation: value must be an object {amount: number > 0, amountMax?: number > 0 >= amount, currency: 3 capitals}")
    }
}
