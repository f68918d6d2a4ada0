import Foundation
import Testing
@testable import GleanerCore

/// Lexicon references compile to callouts into a `LexiconMatcher`; before, they compiled to an
/// alternation of their entries (`LexiconTrie`), which stays as the reference implementation.
/// These tests prove the two match exactly the same text, anchored at every position, for every
/// lexicon reference and every rule of the built-in manifests (read from `Plugins/` by path),
/// on the articles of `Corpus/`, on text generated from the lexicons' own entries (case, dash
/// and space variants) and on seeded random text (mixed case, dashes, NBSP, accents).
@Suite struct LexiconCalloutEquivalenceTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// A built-in manifest and its lexicons, as the loader reads them.
    struct BuiltIn {
        let manifest: PluginManifest
        let lexicons: [String: Lexicon]

        /// Every lexicon reference its rules and fragments use (`lex` or `lex.column`).
        var references: [String] {
            let texts = manifest.rules.map(\.pattern) + manifest.fragments.values
            var found = Set<String>()
            for text in texts {
                var rest = Substring(text)
                while let open = rest.range(of: "{@") {
                    rest = rest[open.upperBound...]
                    if let close = rest.firstIndex(of: "}") { found.insert(String(rest[..<close])) }
                }
            }
            return found.sorted()
        }
    }

    static func builtIns() throws -> [BuiltIn] {
        let plugins = repository.appendingPathComponent("Plugins")
        return try FileManager.default.contentsOfDirectory(atPath: plugins.path).sorted().compactMap { name in
            let folder = plugins.appendingPathComponent(name).appendingPathComponent("Resources")
            let path = folder.appendingPathComponent("manifest.yaml").path
            guard let yaml = FileManager.default.contents(atPath: path) else { return nil }
            let manifest = try ManifestReader(file: path).read(String(decoding: yaml, as: UTF8.self))
            let bundle = try PluginBundle.directory(folder.path)
            return BuiltIn(manifest: manifest, lexicons: try PluginLoader.lexicons(of: manifest, in: bundle))
        }
    }

    /// The corpus articles, then text made of lexicon entries, then random text.
    static func texts(entries: [String]) throws -> [String] {
        let articles = repository.appendingPathComponent("Corpus/articles")
        let corpus = try FileManager.default.contentsOfDirectory(atPath: articles.path).sorted().prefix(3).map {
            String(decoding: FileManager.default.contents(atPath: articles.appendingPathComponent($0).path) ?? Data(), as: UTF8.self)
        }
        var random = SeededGenerator(seed: 15)
        return corpus + [generated(from: entries, using: &random), noise(from: entries, using: &random)]
    }

    /// Entries as they appear in text and almost: other cases, dashes and spaces, cut short,
    /// run together, followed by letters.
    static func generated(from entries: [String], using random: inout SeededGenerator) -> String {
        var text = ""
        for _ in 0..<700 {
            guard var entry = entries.randomElement(using: &random) else { break }
            switch Int.random(in: 0..<9, using: &random) {
            case 0: entry = entry.uppercased()
            case 1: entry = entry.lowercased()
            case 2: entry = entry.replacingOccurrences(of: " ", with: ["  ", "\u{00A0}", "\n", " \t"].randomElement(using: &random)!)
            case 3: entry = entry.replacingOccurrences(of: "-", with: ["\u{2013}", "\u{2014}", "\u{2012}", " "].randomElement(using: &random)!)
            case 4: entry = String(entry.prefix(max(1, entry.count - Int.random(in: 1...3, using: &random))))
            case 5: entry += ["s", "n", "-based", "’s", "ian"].randomElement(using: &random)!
            default: break
            }
            text += entry + [" ", ", ", ". ", " and ", " (", ") ", "-", " of the "].randomElement(using: &random)!
        }
        return text
    }

    /// Random characters and pieces of entries.
    static func noise(from entries: [String], using random: inout SeededGenerator) -> String {
        let alphabet = Array("aAbBeEiInNsStTkKxX 19,.-()\u{00A0}\u{2010}\u{2011}\u{2012}\u{2013}\u{2014}éÉçÇüÜßẞſ\u{212A}ıİςσΣ\t\n’'")
        var text = ""
        for _ in 0..<2500 {
            if Int.random(in: 0..<3, using: &random) == 0, let entry = entries.randomElement(using: &random) {
                let words = entry.split(separator: " ")
                let piece = words.prefix(Int.random(in: 1...max(1, words.count), using: &random)).joined(separator: " ")
                text += Bool.random(using: &random) ? piece : piece.lowercased()
            } else {
                text.append(alphabet.randomElement(using: &random)!)
            }
        }
        return text
    }

    /// Runs both patterns anchored at every character of every text and records each place
    /// where their matches (whole match and named groups) differ.
    static func differences(_ callout: PCRE2Regex, _ reference: PCRE2Regex, texts: [String], limit: Int = 3) -> [String] {
        let scratch = PCRE2Scratch(maxCaptureCount: max(callout.captureCount, reference.captureCount))
        let names = reference.groupNumbers.keys.sorted()
        var found: [String] = []
        for text in texts {
            var text = text
            text.withUTF8 { bytes in
                for start in 0..<bytes.count where bytes[start] & 0xC0 != 0x80 {
                    func run(_ regex: PCRE2Regex) -> [Range<Int>?] {
                        guard (try? regex.firstMatch(in: bytes, from: start, scratch: scratch)) == true else { return [] }
                        return [scratch.range(0)] + names.map { regex.groupNumbers[$0].flatMap { scratch.range($0) } }
                    }
                    let (got, expected) = (run(callout), run(reference))
                    if got != expected, found.count < limit {
                        let end = min(bytes.count, start + 60)
                        found.append("at \(start) \"\(String(decoding: bytes[start..<end], as: UTF8.self))\": callouts \(got), alternation \(expected)")
                    }
                }
            }
        }
        return found
    }

    @Test func everyBuiltInLexiconReferenceMatchesAsItsAlternation() throws {
        for plugin in try Self.builtIns() {
            let composer = PatternComposer(fragments: [:], lexicons: plugin.lexicons)
            let references = plugin.references
            let entries = try references.flatMap { try composer.matchers.entries(for: $0) }
            let texts = try Self.texts(entries: entries)
            for reference in references {
                // Contexts: sensitive and caseless, alone and followed by what makes PCRE2
                // backtrack into the lexicon (shorter entries, other whitespace runs).
                for context in ["{@r}", "(?i:{@r})", "{@r}(?![A-Za-z])", "(?i)(?:{@r}[ ,]*)+(?-i:[a-z])", "(?:x|(?i){@r}\\b)"] {
                    let pattern = context.replacingOccurrences(of: "{@r}", with: "{@\(reference)}")
                    // A list too large for one alternation is compared on every 2nd, 4th ... entry.
                    var step = 1
                    while true {
                        let all = try composer.matchers.entries(for: reference)
                        let cut = stride(from: 0, to: all.count, by: step).map { all[$0] }
                        let cache = LexiconMatcherCache(lexicons: plugin.lexicons, entries: [reference: cut])
                        var callouts = PatternComposer(fragments: [:], lexicons: plugin.lexicons, matchers: cache)
                        callouts.inlineCharacters = 0
                        var alternations = callouts
                        alternations.lexiconsAsAlternations = true
                        let alternation: PCRE2Regex
                        do {
                            alternation = try PCRE2Regex(try alternations.expand(pattern), options: .anchored)
                        } catch let error as PatternCompileError where error.isTooLarge && step < 64 {
                            step *= 2
                            continue
                        }
                        let callout = try PCRE2Regex(try callouts.expand(pattern), options: .anchored) {
                            callouts.callout($0, groupNumbers: $1)
                        }
                        let differences = Self.differences(callout, alternation, texts: texts)
                        #expect(differences.isEmpty, "\(plugin.manifest.id) \(pattern) (1/\(step)): \(differences.joined(separator: "; "))")
                        break
                    }
                }
            }
        }
    }

    @Test func everyBuiltInRuleMatchesAsWithAlternations() throws {
        var compared = 0
        for plugin in try Self.builtIns() {
            let full = LexiconMatcherCache(lexicons: plugin.lexicons)
            let references = plugin.references
            let entries = try Dictionary(uniqueKeysWithValues: references.map { ($0, try full.entries(for: $0)) })
            for rule in plugin.manifest.rules {
                // A rule whose lexicons are too large for one alternation (such rules used to be
                // split) is compared with every other entry of its lexicons, then every fourth ...
                var step = 1
                while true {
                    let cut = entries.mapValues { list in stride(from: 0, to: list.count, by: step).map { list[$0] } }
                    var composer = PatternComposer(fragments: plugin.manifest.fragments, lexicons: plugin.lexicons,
                                                   matchers: LexiconMatcherCache(lexicons: plugin.lexicons, entries: cut))
                    composer.inlineCharacters = 0
                    var alternations = composer
                    alternations.lexiconsAsAlternations = true
                    let options = rule.options.union(.anchored)
                    let expanded = RuleCompiler.factored(try composer.expand(rule.pattern, options: rule.options), rule.options)
                    guard expanded.contains("(?C\"") else { break }
                    let alternation: PCRE2Regex
                    do {
                        alternation = try PCRE2Regex(RuleCompiler.factored(try alternations.expand(rule.pattern), rule.options),
                                                     options: options)
                    } catch let error as PatternCompileError where error.isTooLarge && step < 64 {
                        step *= 2
                        continue
                    }
                    let callout = try PCRE2Regex(expanded, options: options) { composer.callout($0, groupNumbers: $1) }
                    let texts = try Self.texts(entries: cut.values.flatMap { $0 })
                    let differences = Self.differences(callout, alternation, texts: texts)
                    compared += 1
                    #expect(differences.isEmpty, "\(plugin.manifest.id).\(rule.id) (1/\(step) of its entries): \(differences.joined(separator: "; "))")
                    break
                }
            }
        }
        #expect(compared >= 10)
    }
}

/// SplitMix64: the same text on every run and platform.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
