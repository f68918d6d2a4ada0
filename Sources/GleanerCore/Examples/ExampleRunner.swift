/// Runs a plugin's examples through the whole engine (every loaded plugin, so cross-kind
/// overlaps are resolved as in a real run) and compares the plugin's kind only: exact spans,
/// and values where the example gives them. Each example also runs behind a multi-byte
/// prefix, to catch byte/code-point offset mistakes.
public struct ExampleRunner {
    public let engine: Engine

    public init(engine: Engine) { self.engine = engine }

    public struct Outcome: Sendable {
        public let plugin: String
        public let rule: String?
        public let example: ExampleManifest
        /// Nil when the example passed.
        public let failure: String?
        /// Rules that produced a mention of this example.
        public let firedRules: Set<String>
    }

    public func run(_ plugin: Plugin) -> [Outcome] {
        let examples = plugin.manifest.examples + plugin.manifest.rules.flatMap(\.examples)
        let scratch = engine.makeScratch()
        return examples.map { run($0, plugin: plugin, scratch: scratch) }
    }

    public func run(_ example: ExampleManifest, plugin: Plugin, scratch: Engine.Scratch) -> Outcome {
        func outcome(_ failure: String?, _ fired: Set<String> = []) -> Outcome {
            Outcome(plugin: plugin.id, rule: example.ruleID, example: example, failure: failure, firedRules: fired)
        }
        guard let marked = MarkedText(example.text) else {
            return outcome("unbalanced ⟦ ⟧ markers")
        }
        if let values = example.values, values.count != marked.spans.count {
            return outcome("\(values.count) values for \(marked.spans.count) marked spans")
        }
        var fired = Set<String>()
        for prefix in ["", "€ é — "] {
            let shift = prefix.unicodeScalars.count
            let document = Document(id: "example", source: plugin.manifest.origin, text: prefix + marked.text)
            let result = engine.extract(document, scratch: scratch)
            if let error = result.validationError { return outcome(error) }
            let mine = result.mentions.filter { $0.kind == plugin.kind }
            fired.formUnion(mine.filter { $0.extractor == plugin.extractorName }.map(\.rule))
            let actual = mine.map { ($0.start - shift)..<($0.end - shift) }
            if actual != marked.spans {
                return outcome("""
                    spans differ\(prefix.isEmpty ? "" : " behind a multi-byte prefix")
                      expected: \(MarkedText.mark(marked.text, marked.spans))
                      actual:   \(MarkedText.mark(marked.text, actual.filter { $0.lowerBound >= 0 }))
                    """, fired)
            }
            if let values = example.values {
                for (index, (expected, mention)) in zip(values, mine).enumerated() where expected != .null {
                    if expected != mention.value {
                        return outcome("""
                            value of mention \(index + 1) '\(mention.text)' differs
                              expected: \(JSONWriter.string(expected))
                              actual:   \(JSONWriter.string(mention.value))
                            """, fired)
                    }
                }
            }
        }
        return outcome(nil, fired)
    }
}
