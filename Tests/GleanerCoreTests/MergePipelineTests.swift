import Testing
@testable import GleanerCore

@Suite struct MergePipelineTests {
    @Test func longerExerciseWinsOverTheYearInsideIt() throws {
        let result = TestPlugins.extract("They held Malabar 2019 in the bay in 2019.",
                                         plugins: [try TestPlugins.load(TestPlugins.years), try TestPlugins.load(TestPlugins.exercises)])
        #expect(result.mentions.map(\.text) == ["Malabar 2019", "2019"])
        #expect(result.mentions.map(\.kind) == ["exercise", "date"])
        let dropped = try #require(result.decisions.first { $0.text == "2019" && $0.pass == "overlap" })
        #expect(dropped.reason == "overlaps a longer candidate")
        #expect(dropped.winner?.text == "Malabar 2019")
    }

    @Test func blockRuleRemovesWhatItCovers() throws {
        let result = TestPlugins.extract("COVID-19 struck in 2020.", plugins: [try TestPlugins.load(TestPlugins.years)])
        #expect(result.mentions.map(\.text) == ["2020"])
        #expect(result.decisions.contains { $0.pass == "block" && $0.text == "COVID-19" })
    }

    @Test func acronymDefinitionSetsValueAndResolvesLaterBareUses() throws {
        let text = "The Supply Chain Resilience Initiative (SCRI) began. Later, SCRI grew; SCRIBE did not."
        let result = TestPlugins.extract(text, plugins: [try TestPlugins.load(TestPlugins.programs, files: ["known.tsv": TestPlugins.knownPrograms])])
        #expect(result.mentions.map(\.text) == ["Supply Chain Resilience Initiative", "SCRI"])
        let name = JSONValue.string("Supply Chain Resilience Initiative")
        #expect(result.mentions[0].value == .object([("name", name), ("acronym", .string("SCRI"))]))
        #expect(result.mentions[1].value == .object([("name", name), ("acronym", .string("SCRI"))]))
        #expect(result.mentions[1].rule == "acronym")
    }

    @Test func lexiconResolvesShortFormsAndFoldsVariants() throws {
        let text = "The Quad met. AYUSHMAN Bharat Programme and the Asia Health and Well-being Initiative grew."
        let result = TestPlugins.extract(text, plugins: [try TestPlugins.load(TestPlugins.programs, files: ["known.tsv": TestPlugins.knownPrograms])])
        #expect(result.mentions.map(\.text) == ["Quad", "AYUSHMAN Bharat Programme", "Asia Health and Well-being Initiative"])
        #expect(result.mentions[0].value == .object([("name", .string("Quadrilateral Security Dialogue")), ("acronym", .string("Quad"))]))
        #expect(result.mentions[1].value == .object([("name", .string("Ayushman Bharat"))]))
        #expect(result.mentions[2].value == .object([("name", .string("Asia Health and Wellbeing Initiative"))]))
    }

    @Test func blockedEventKeepsTheShortFormInsideItFromBeingAProgram() throws {
        let result = TestPlugins.extract("At the Quad Leadership Summit leaders met.",
                                         plugins: [try TestPlugins.load(TestPlugins.programs, files: ["known.tsv": TestPlugins.knownPrograms])])
        #expect(result.mentions.isEmpty)
    }

    @Test func codePointOffsetsCountMultiByteCharactersOnce() throws {
        let result = TestPlugins.extract("₹ — é 2019", plugins: [try TestPlugins.load(TestPlugins.years)])
        let mention = try #require(result.mentions.first)
        #expect((mention.start, mention.end) == (6, 10))
        #expect((mention.byteStart, mention.byteEnd) == (11, 15))
        #expect(mention.id == "t#6-10")
    }
}
