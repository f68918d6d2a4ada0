import Testing
@testable import GleanerCore

@Suite struct PrefilterExpressionTests {
    @Test func dropsLookaroundsAndKeepsClassesAndEscapes() {
        let expression = PrefilterExpression(#"(?<![A-Za-z(])(?:Q[1-4]|\(x\))(?=[\])]|\s)(?!a)?b"#)
        #expect(expression.text == #"(?:Q[1-4]|\(x\))(?:)?b"#)
    }

    @Test func inlinesDefinedSubroutines() {
        let expression = PrefilterExpression(#"(?(DEFINE)(?<tok>(?!The)[A-Z][a-z]+))(?&tok)(?:[ ]+(?&tok))*"#)
        #expect(expression.text == #"(?:[A-Z][a-z]+)(?:[ ]+(?:[A-Z][a-z]+))*"#)
    }

    @Test func collapsesRunsOfBlanksToOneCharacter() {
        let expression = PrefilterExpression(#"(?<d>\d+)[\s\x{00A0}]+of\s*(?<m>May)[ \x{00A0}]+?x"#)
        // (Up to the factor `May`: a match starts at most that far before it ends.)
        #expect(expression.collapsed == #"(?:\d)[\s\x{00A0}]of\s?(?:May)"#)
        #expect(expression.elastic == ScalarSet.space.union(.scalars(0xA0...0xA0)).union(.digits))
    }

    @Test func keepsRepetitionsOfOtherCharactersUnbounded() {
        let expression = PrefilterExpression(#"[A-Z][a-z]+ (?:[-\x{2013}]\d)*"#)
        #expect(expression.collapsed == #"[A-Z][a-z] (?:[-\x{2013}]\d)*"#)
    }

    @Test func matchesAFinalLookaheadAsText() {
        let expression = PrefilterExpression(#"(?<name>[A-Z]\w+)(?=\s+exercise(?!s))"#)
        #expect(expression.text == #"(?:[A-Z]\w+)(?:\s+exercise)"#)
        let inner = PrefilterExpression(#"(?=[A-Z])\w+(?=\s)x"#)
        #expect(inner.text == #"\w+x"#)
    }

    @Test func replacesNamedBackreferencesByTheirGroup() {
        let expression = PrefilterExpression(#"(?<y>\d{4})(?<sep>[-/.])\d\d\k<sep>\d\d"#)
        #expect(expression.text == #"(?:\d{4})(?:[-/.])\d\d(?:[-/.])\d\d"#)
    }

    @Test func scansForALiteralEveryMatchContains() {
        let months = PrefilterExpression(#"\d\d? (?i:J(?:an|u(?:n|l))|Feb)\.? \d{4}"#)
        #expect(months.scanText == #"\x{20}(?:[Jj](?:[Aa][Nn]|[Uu](?:[Nn]|[Ll]))|[Ff][Ee][Bb])"#)
        let amount = PrefilterExpression(#"(?:Rs\.?|INR) ?\d+(?:,\d\d)* crore"#)
        #expect(amount.scanText == "\\x{20}crore")
        let symbol = PrefilterExpression(#"(?:US\$|\x{20B9}\x{20B9}|Rs\.)\s*\d+"#)
        #expect(symbol.scanText == #"(?:US\x{24}|\x{20B9}\x{20B9}|Rs\x{2E})"#)
        // The window before a sign only has to reach the sign's start.
        #expect(symbol.collapsed == #"(?:US\$|\x{20B9}\x{20B9}|Rs\.)"#)
    }

    @Test func scansTheWholePatternWhenItsLiteralIsTooShortToBeRare() {
        // `Rs` (or `rs`) ends half the plurals in English text; the pattern is scanned instead.
        let symbol = PrefilterExpression(#"(?:\$|Rs\.?)\s*\d+"#)
        #expect(symbol.scanText == symbol.text)
    }

    @Test func aCaselessLiteralBeyondASCIIKeepsBothCases() {
        let expression = PrefilterExpression("(?i:\u{00C9}lys\u{00E9}e)")
        #expect(expression.scanText == #"(?:[\x{C9}\x{E9}][Ll][Yy][Ss][\x{C9}\x{E9}][Ee])"#)
    }

    @Test func scansTheWholeTextWithoutALiteral() {
        let expression = PrefilterExpression(#"\d{4}-[A-Z]\d"#)
        #expect(expression.scanText == expression.text)
    }

    @Test func removesExtendedModeBlanksAndComments() {
        let expression = PrefilterExpression("(?<!x) a [ ]+ \\  # (comment\n bc", extended: true)
        #expect(expression.text == "a[ ]+\\ bc")
        #expect(expression.collapsed == "a[ ]\\ bc")
    }

    @Test func keepsPatternsThatLeaveExtendedModeAsWritten() {
        let expression = PrefilterExpression("a (?-x: b)", extended: true)
        #expect(expression.text == "(?x)a (?-x: b)")
        #expect(expression.collapsed == nil)
    }
}
