import Testing
@testable import GleanerCore

/// Every date value form of ANNOTATION.md and its inclusive day bounds (conventions in
/// docs/dataset.md); a value with an unknown year has none.
@Suite struct DateBoundsTests {
    static let table: [(value: String, start: String?, end: String?)] = [
        ("1952-04-28", "1952-04-28", "1952-04-28"),
        ("2020-09", "2020-09-01", "2020-09-30"),
        ("2020-02", "2020-02-01", "2020-02-29"),
        ("2019-02", "2019-02-01", "2019-02-28"),
        ("1900-02", "1900-02-01", "1900-02-28"),
        ("2000-02", "2000-02-01", "2000-02-29"),
        ("2019", "2019-01-01", "2019-12-31"),
        ("FY2019", "2019-04-01", "2020-03-31"),
        ("2017-Q1", "2017-01-01", "2017-03-31"),
        ("2017-Q4", "2017-10-01", "2017-12-31"),
        ("2016-H2", "2016-07-01", "2016-12-31"),
        ("2019-SP", "2019-03-01", "2019-05-31"),
        ("2019-SU", "2019-06-01", "2019-08-31"),
        ("2019-FA", "2019-09-01", "2019-11-30"),
        ("2019-WI", "2019-12-01", "2020-02-29"),
        ("199X", "1990-01-01", "1999-12-31"),
        ("2019-09/2019-10", "2019-09-01", "2019-10-31"),
        ("2018-11-01/2018-11-14", "2018-11-01", "2018-11-14"),
        ("2015/2019", "2015-01-01", "2019-12-31"),
        ("2016-11/2017-02", "2016-11-01", "2017-02-28"),
        ("FY2019/FY2020", "2019-04-01", "2021-03-31"),
        ("XXXX-03-03/XXXX-03-07", nil, nil),
        ("XXXX-03", nil, nil),
        ("2019-03-03/XXXX-03-07", nil, nil),
        ("2019/2015", nil, nil),
        ("2019-02-30", nil, nil),
        ("last year", nil, nil),
        ("", nil, nil),
    ]

    @Test(arguments: table) func boundsOfAValue(_ row: (value: String, start: String?, end: String?)) {
        let bounds = DateBounds(value: row.value)
        #expect(bounds?.start == row.start, "\(row.value)")
        #expect(bounds?.end == row.end, "\(row.value)")
    }

    @Test func everyValidValueWithAKnownYearHasBounds() {
        for row in Self.table where DateValueSyntax.isValid(row.value) && !row.value.contains("XXXX") && row.value != "2019/2015" {
            #expect(DateBounds(value: row.value) != nil, "\(row.value)")
        }
    }
}
