@testable import GleanerCore

/// Builds plugins from inline manifests for tests.
enum TestPlugins {
    static func load(_ yaml: String, files: [String: String] = [:], normalizers: [NormalizerFactory] = []) throws -> Plugin {
        var bundle = ["manifest.yaml": Array(yaml.utf8)]
        for (name, text) in files { bundle[name] = Array(text.utf8) }
        return try PluginLoader(normalizers: normalizers).load(PluginBundle(origin: "fixture", files: bundle))
    }

    /// A normalizer that gives every match the same value.
    struct Constant: Normalizer {
        let value: JSONValue
        func normalize(_ match: RuleMatch) -> Normalization? { Normalization(value: value) }
    }

    /// A manifest of kind `thing` with the `text` normalizer and these rules (YAML list items).
    static func manifest(_ id: String, rules: String) -> String {
        "id: \(id)\nversion: \"1\"\nkind: thing\nnormalizer: text\nrules:\n" + rules
    }

    static func extract(_ text: String, plugins: [Plugin]) -> Engine.Result {
        let engine = Engine(plugins: plugins)
        return engine.extract(Document(id: "t", source: "test", text: text), scratch: engine.makeScratch())
    }

    static let years = """
        id: years
        version: "1"
        kind: date
        normalizer: text
        priority: 10
        rules:
          - id: year
            pattern: '\\b(?:19|20)\\d\\d\\b'
          - id: covid
            action: block
            pattern: 'COVID-19'
        """

    static let exercises = """
        id: drills
        version: "1"
        kind: exercise
        normalizer: name
        priority: 30
        rules:
          - id: named
            pattern: '(?<name>Malabar)(?: (?<year>\\d{4}))?'
        """

    static let programs = """
        id: schemes
        version: "2"
        kind: program
        normalizer: name
        linkAcronyms: true
        params:
          lexicon: known
          optionalHeads: Programme|Initiative
        lexicons:
          known: known.tsv
        rules:
          - id: known
            flags: [caseless]
            pattern: '\\b{@known}(?:\\s+(?:Programme|Initiative))?\\b'
          - id: known-acronym
            pattern: '\\b{@known.acronym}\\b'
          - id: open
            pattern: '\\b(?!The )(?<name>(?:[A-Z][a-z]+ )+Initiative)\\b'
          - id: summit
            action: block
            pattern: '\\bQuad Leadership Summit\\b'
        """

    static let knownPrograms = """
        name\tacronym\taliases
        Quadrilateral Security Dialogue\tQuad\t
        Ayushman Bharat\t\tAyushman Bharat Yojana
        Asia Health and Wellbeing Initiative\tAHWIN\tAsia Health and Well-being Initiative
        """
}

extension TestPlugins {
    static let amounts = """
        id: amounts
        version: "1"
        kind: amount
        normalizer: text
        linkEquivalents: true
        rules:
          - id: amount
            pattern: '(?:\\$|¥)\\d+ (?:billion|million)'
        """
}
