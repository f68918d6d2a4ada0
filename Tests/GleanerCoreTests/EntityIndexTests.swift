import Testing
@testable import GleanerCore

@Suite struct EntityIndexTests {
    func mention(_ doc: String, _ kind: String, _ text: String, _ value: JSONValue) -> Mention {
        Mention(doc: doc, kind: kind, start: 0, end: text.unicodeScalars.count, byteStart: 0, byteEnd: text.utf8.count,
                text: text, value: value, extractor: "x@1", rule: "r", inferred: [], equivalentOf: nil, context: nil)
    }

    @Test func oneRowPerCanonicalNameWithAcronymsAliasesAndCounts() {
        var index = EntityIndex()
        let quad = JSONValue.object([("name", .string("Quadrilateral Security Dialogue")), ("acronym", .string("Quad"))])
        index.add(document: "a", mentions: [mention("a", "program", "Quad", quad), mention("a", "program", "Quad", quad),
                                            mention("a", "date", "2019", .string("2019"))])
        index.add(document: "b", mentions: [mention("b", "program", "Quadrilateral Security Dialogue",
                                                    .object([("name", .string("Quadrilateral Security Dialogue"))])),
                                            mention("b", "exercise", "Malabar 2019", .object([("name", .string("Malabar")), ("year", .int(2019))]))])
        let records = index.records
        #expect(records.map { $0["id"]?.stringValue } == ["exercise:malabar", "program:quadrilateral-security-dialogue"])
        let program = records[1]
        #expect(program["acronyms"] == .array([.string("Quad")]))
        #expect(program["aliases"] == .array([.string("Quad"), .string("Quadrilateral Security Dialogue")]))
        #expect(program["mentions"] == .int(3))
        #expect(program["documents"] == .int(2))
        #expect(program["firstDocument"] == .string("a"))
        #expect(program["lastDocument"] == .string("b"))
        #expect(records[0]["editions"] == .array([.int(2019)]))
    }

    @Test func namesWithTheSameSlugShareARowAndEquivalentUnicodeNamesKeepTheirOwnIDs() {
        var index = EntityIndex()
        let names = ["Quad Summit", "Quad-Summit", "quad summit", "Quad Summit", "Caf\u{E9} Forum", "Cafe\u{301} Forum"]
        for (number, name) in names.enumerated() {
            index.add(document: "d\(number)", mentions: [mention("d\(number)", "program", name, .object([("name", .string(name))]))])
        }
        let records = index.records
        let unicode = Set([EntityIndex.id(kind: "program", name: "Caf\u{E9} Forum"), EntityIndex.id(kind: "program", name: "Cafe\u{301} Forum")])
        #expect(records.map { $0["id"]?.stringValue } == (unicode.sorted() + ["program:quad-summit"]).sorted().map(Optional.some))
        let quad = records.first { $0["id"] == .string("program:quad-summit") }
        #expect(quad?["name"] == .string("Quad Summit"))
        #expect(quad?["mentions"] == .int(4))
        #expect(quad?["aliases"] == .array([.string("Quad Summit"), .string("Quad-Summit"), .string("quad summit")]))
        #expect(quad?["lastDocument"] == .string("d3"))
    }

    /// A document's entities gathered mention by mention give the same rows as its mentions.
    @Test func documentEntitiesCountAsTheirMentions() {
        let quad = JSONValue.object([("name", .string("Quadrilateral Security Dialogue")), ("acronym", .string("Quad"))])
        let documents: [(String, [Mention])] = [
            ("a", [mention("a", "program", "Quad", quad), mention("a", "program", "Quad", quad),
                   mention("a", "date", "2019", .string("2019")),
                   mention("a", "program", "Caf\u{E9} Forum", .object([("name", .string("Caf\u{E9} Forum"))])),
                   mention("a", "program", "Cafe\u{301} Forum", .object([("name", .string("Cafe\u{301} Forum"))]))]),
            ("b", [mention("b", "program", "Quadrilateral Security Dialogue", .object([("name", .string("Quadrilateral Security Dialogue"))])),
                   mention("b", "exercise", "Malabar 2019", .object([("name", .string("Malabar")), ("year", .int(2019))])),
                   mention("b", "program", "Quad-Summit", .object([("name", .string("Quad-Summit"))]))]),
            ("c", [mention("c", "program", "quad summit", .object([("name", .string("quad summit"))])),
                   mention("c", "exercise", "Malabar 2020", .object([("name", .string("Malabar")), ("edition", .int(24))]))]),
        ]
        var byMentions = EntityIndex(), byEntities = EntityIndex()
        for (id, mentions) in documents {
            byMentions.add(document: id, mentions: mentions)
            var entities = DocumentEntities()
            for mention in mentions { entities.add(mention) }
            byEntities.add(document: id, entities: entities)
        }
        #expect(byEntities.records == byMentions.records)
        #expect(byEntities.count == 5)
    }
}
