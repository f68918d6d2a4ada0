import GleanerStore
import Testing

/// The SQL examples of the README, run on a written store: if the schema changes under them,
/// these fail before a user finds out. Keep the text identical to the README's.
@Suite struct ReadmeQueryTests {
    static let exercises = """
        SELECT name AS exercise, editions,
               (SELECT group_concat(doc, ', ')
                FROM (SELECT DISTINCT doc FROM mentions WHERE entity = e.id ORDER BY doc)) AS documents
        FROM entities AS e
        WHERE kind = 'exercise'
        ORDER BY name;
        """

    static let largestAmounts = """
        SELECT currency, amountExact AS amount, text, doc
        FROM (SELECT currency, amountExact, text, doc,
                     row_number() OVER (PARTITION BY currency ORDER BY amount DESC, id) AS rank
              FROM mentions WHERE kind = 'money')
        WHERE rank <= 3
        ORDER BY currency, rank;
        """

    static let programs = """
        SELECT e.name AS program, e.acronyms, count(DISTINCT m.doc) AS documents, count(*) AS mentions
        FROM entities AS e JOIN mentions AS m ON m.entity = e.id
        WHERE e.kind = 'program'
        GROUP BY e.id
        ORDER BY documents DESC, mentions DESC, program;
        """

    @Test func exercisesWithTheirEditionsAndDocuments() throws {
        let store = try StoreFixture.populated()
        #expect(try store.query(Self.exercises) == [
            ["Malabar", "[2019, 2020]", "a/one, b/two"],
            ["Nomadic Elephant", "[15]", "b/two"],
        ])
    }

    @Test func largestAmountsPerCurrency() throws {
        let store = try StoreFixture.populated()
        #expect(try store.query(Self.largestAmounts) == [
            ["EUR", "4.7", "4.7 €", "b/two"],
            ["GBP", "10000000000", "£10 billion", "a/one"],
            ["JPY", "500000000000", "¥500 billion", "c/three"],
            ["USD", "118400000000", "$118.4 billion", "a/one"],
            ["USD", "13000000000", "$13 billion", "a/one"],
            ["USD", "2000000", "$2 million", "c/three"],
        ])
    }

    @Test func programsRankedByDocuments() throws {
        let store = try StoreFixture.populated()
        #expect(try store.query(Self.programs) == [
            ["Joint Strike Fighter", #"["JSF"]"#, "3", "3"],
            ["Aegis Ashore", "[]", "2", "2"],
            ["Golden Dome", "[]", "1", "2"],
        ])
    }
}
