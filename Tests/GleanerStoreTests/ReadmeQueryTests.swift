import GleanerStore
import Testing

/// The SQL examples of the README and docs/dataset.md, run on a written store: if the schema changes under them,
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

    /// docs/dataset.md: money joined to the programs of its sentence.
    static let moneyByProgram = """
        SELECT p.name AS program, m.currency, sum(m.amount) AS total
        FROM mentions AS m
        JOIN (SELECT DISTINCT doc, sentence, name FROM mentions WHERE kind = 'program') AS p
          ON p.doc = m.doc AND p.sentence = m.sentence
        WHERE m.kind = 'money' AND m.equivalentOf IS NULL
        GROUP BY program, m.currency
        ORDER BY total DESC, program, m.currency;
        """

    /// docs/dataset.md: dates that overlap 2019.
    static let datesIn2019 = """
        SELECT doc, text, value FROM mentions
        WHERE kind = 'date' AND dateStart <= '2019-12-31' AND dateEnd >= '2019-01-01';
        """

    @Test func moneyJoinedToTheProgramsOfItsSentence() throws {
        let store = try StoreFixture.populated()
        #expect(try store.query(Self.moneyByProgram) == [
            ["Aegis Ashore", "JPY", "500000000000.0"],
            ["Joint Strike Fighter", "JPY", "500000000000.0"],
            ["Joint Strike Fighter", "USD", "118402000000.0"],
            ["Golden Dome", "USD", "118400000000.0"],
            ["Golden Dome", "GBP", "10000000000.0"],
            ["Joint Strike Fighter", "GBP", "10000000000.0"],
            ["Aegis Ashore", "USD", "2000000.0"],
            ["Aegis Ashore", "EUR", "4.7"],
            ["Joint Strike Fighter", "EUR", "4.7"],
        ])
    }

    @Test func datesOverlappingAYear() throws {
        let store = try StoreFixture.populated()
        #expect(try store.query(Self.datesIn2019) == [["a/one", "30 November", #""2019-11-30""#]])
    }

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
