/// Explains a failed example (an `ExampleRunner.Outcome`) span by span: the expected and
/// actual marked text, then each missing span (with the candidates of the plugin's kind that
/// were dropped there, and why), each extra span, and each value that differs.
public struct ExampleDiff: Sendable {
    public let engine: Engine

    public init(engine: Engine) { self.engine = engine }

    /// Lines for a failed outcome, without indentation.
    public func lines(for outcome: ExampleRunner.Outcome, plugin: Plugin) -> [String] {
        guard let marked = MarkedText(outcome.example.text),
              outcome.example.values.map({ $0.count == marked.spans.count }) ?? true else {
            return [outcome.failure ?? "unbalanced ⟦ ⟧ markers"]
        }
        let document = Document(id: "example", source: plugin.manifest.origin, text: marked.text)
        let result = engine.extract(document, scratch: engine.makeScratch(), keepCandidates: true)
        let mine = result.mentions.filter { $0.kind == plugin.kind }
        let actual = mine.map { $0.start..<$0.end }
        let offsets = ScalarOffsets(marked.text)
        var output = [
            "expected: \(MarkedText.mark(marked.text, marked.spans))",
            "actual:   \(MarkedText.mark(marked.text, actual))",
        ]
        var explained = false
        for (index, span) in marked.spans.enumerated() {
            let expectedValue = outcome.example.values?[index]
            guard let found = mine.first(where: { $0.start == span.lowerBound && $0.end == span.upperBound }) else {
                explained = true
                let value = expectedValue.map { $0 == .null ? "" : " = \(JSONWriter.string($0))" } ?? ""
                output.append("- missing \(quote(marked.text, span, offsets)) at [\(span.lowerBound),\(span.upperBound))\(value)")
                let dropped = result.decisions.filter { decision in
                    decision.kind == plugin.kind && offsets.scalars(decision.bytes).overlaps(span)
                }
                for decision in dropped {
                    var line = "    dropped '\(decision.text)' (\(decision.plugin) rule \(decision.rule)) by \(decision.pass): \(decision.reason)"
                    if let winner = decision.winner { line += "; kept \(winner.kind) '\(winner.text)' (rule \(winner.rule))" }
                    output.append(line)
                }
                // What took the span, unless a dropped candidate above already says so.
                let covering = dropped.isEmpty ? mine.filter { ($0.start..<$0.end).overlaps(span) } : []
                for mention in covering {
                    output.append("    overlapped by \(quote(marked.text, mention.start..<mention.end, offsets)) (\(mention.extractor) rule \(mention.rule)): the rule matched other text than the marked span")
                }
                if dropped.isEmpty, covering.isEmpty {
                    output.append("    no rule of kind '\(plugin.kind)' matched here")
                }
                continue
            }
            if let expectedValue, expectedValue != .null, expectedValue != found.value {
                explained = true
                output.append("~ value of \(quote(marked.text, span, offsets)): expected \(JSONWriter.string(expectedValue)), got \(JSONWriter.string(found.value)) (\(found.extractor) rule \(found.rule))")
            }
        }
        for mention in mine where !marked.spans.contains(mention.start..<mention.end) {
            explained = true
            output.append("+ extra \(quote(marked.text, mention.start..<mention.end, offsets)) at [\(mention.start),\(mention.end)) = \(JSONWriter.string(mention.value)) (\(mention.extractor) rule \(mention.rule))")
        }
        // Nothing differs at these offsets: the runner failed for another reason (a
        // multi-byte prefix, a validation error); its own message says which.
        if !explained, let failure = outcome.failure {
            output = failure.split(separator: "\n").map { String($0.drop { $0 == " " }) }
        }
        return output
    }

    private func quote(_ text: String, _ span: Range<Int>, _ offsets: ScalarOffsets) -> String {
        "⟦" + offsets.slice(text, span) + "⟧"
    }
}

/// Converts between UTF-8 byte offsets and code point offsets of one text.
struct ScalarOffsets {
    /// The byte offset where each scalar starts, plus the text's length in bytes.
    private let starts: [Int]

    init(_ text: String) {
        var starts: [Int] = []
        var byte = 0
        for scalar in text.unicodeScalars {
            starts.append(byte)
            byte += UTF8.width(scalar)
        }
        starts.append(byte)
        self.starts = starts
    }

    /// The code points covering a byte range.
    func scalars(_ bytes: Range<Int>) -> Range<Int> {
        let lower = starts.firstIndex { $0 >= bytes.lowerBound } ?? starts.count - 1
        let upper = starts.firstIndex { $0 >= bytes.upperBound } ?? starts.count - 1
        return lower..<max(lower, upper)
    }

    func slice(_ text: String, _ span: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: Array(text.unicodeScalars)[span.clamped(to: 0..<(starts.count - 1))])
        return String(view)
    }
}
