import Testing
@testable import GleanerCore

@Suite struct ScorerTests {
    @Test func strictLenientAndValueAccuracyAsScorePy() {
        let gold = [
            Scorer.Item(doc: "a", kind: "date", start: 0, end: 4, text: "2019", value: .string("2019")),
            Scorer.Item(doc: "a", kind: "date", start: 10, end: 20, text: "March 2020", value: .string("2020-03")),
            Scorer.Item(doc: "a", kind: "date", start: 30, end: 34, text: "2021", value: nil),
        ]
        let predicted = [
            Scorer.Item(doc: "a", kind: "date", start: 0, end: 4, text: "2019", value: .string("2018")),
            Scorer.Item(doc: "a", kind: "date", start: 16, end: 20, text: "2020", value: .string("2020")),
            Scorer.Item(doc: "a", kind: "date", start: 30, end: 34, text: "2021", value: .string("2021")),
            Scorer.Item(doc: "a", kind: "date", start: 40, end: 44, text: "2022", value: .string("2022")),
        ]
        let score = Scorer.score(gold: gold, predicted: predicted, kinds: ["date"])[0]
        #expect(score.strictTruePositives == 2)
        #expect(score.precision == 0.5)
        #expect(abs(score.recall - 2.0 / 3.0) < 1e-9)
        #expect(abs(score.lenientF1 - 2 * 0.75 * 1.0 / 1.75) < 1e-9)
        // Only the non-null gold value is judged, and it is wrong.
        #expect(score.valueAccuracy == 0)
        #expect(score.missed.map(\.text) == ["March 2020"])
        #expect(score.spurious.map(\.text) == ["2020", "2022"])
    }
}

@Suite struct ScorerKindTests {
    static func item(_ kind: String) -> Scorer.Item { Scorer.Item(doc: "a", kind: kind, start: 0, end: 1, text: "x", value: nil) }

    @Test func everyKindInGoldOrPredictionsIsScoredPluginKindsFirst() {
        let kinds = Scorer.kinds(gold: [Self.item("money"), Self.item("tonnage")], predicted: [Self.item("date"), Self.item("port")],
                                 order: ["date", "money", "program"])
        #expect(kinds == ["date", "money", "port", "tonnage"])
    }

    @Test func aNewKindGetsItsOwnRow() {
        let scores = Scorer.score(gold: [Self.item("tonnage")], predicted: [Self.item("tonnage")], kinds: ["tonnage"])
        #expect(scores.map(\.kind) == ["tonnage"])
        #expect(scores[0].f1 == 1)
    }
}
