/// Turns a plugin manifest's rules into `CompiledRule`s: expands `{fragment}` and `{@lexicon}`
/// references, factors word lists, compiles each rule anchored and unanchored, and splits a
/// rule whose lexicon is too large for one PCRE2 pattern. Errors name the manifest and rule.
struct RuleCompiler {
    let manifest: PluginManifest
    let lexicons: [String: Lexicon]

    /// Every rule of the manifest, in order. `factory` is the plugin's normalizer: an extract
    /// rule must have one of the named groups it reads.
    func compileRules(factory: NormalizerFactory) throws(PluginError) -> [CompiledRule] {
        var compiled: [CompiledRule] = []
        var seen = Set<String>()
        for rule in manifest.rules {
            guard seen.insert(rule.id).inserted else { throw error(rule, "duplicate rule id") }
            let (patterns, regexes, windowed) = try compile(rule)
            var spanGroups: [Int?] = []
            for regex in regexes {
                guard let name = rule.spanGroup else { spanGroups.append(nil); continue }
                guard let number = regex.groupNumbers[name] else {
                    throw error(rule, "span group '\(name)' is not in the pattern")
                }
                spanGroups.append(number)
            }
            if rule.action == .extract, !factory.groups.isEmpty, factory.groups.isDisjoint(with: regexes[0].groupNumbers.keys) {
                throw error(rule, "normalizer '\(factory.id)' needs one of the named groups \(factory.groups.sorted().map { "(?<\($0)>…)" }.joined(separator: ", "))")
            }
            compiled.append(CompiledRule(manifest: rule, expandedPatterns: patterns, anchored: regexes, windowed: windowed,
                                         spanGroups: spanGroups))
        }
        guard compiled.count <= 0xFFFF else {
            throw PluginError(file: manifest.origin, message: "plugin '\(manifest.id)' has more than 65,535 rules")
        }
        guard !compiled.isEmpty else {
            throw PluginError(file: manifest.origin, message: "plugin '\(manifest.id)' has no rules")
        }
        return compiled
    }

    /// The expanded pattern with its word lists factored by first character (same matches,
    /// far fewer branch tests); extended-mode patterns stay as written.
    static func factored(_ pattern: String, _ options: PatternOptions) -> String {
        options.contains(.extended) ? pattern : AlternationFactoring.factor(pattern)
    }

    private func error(_ rule: RuleManifest, _ message: String) -> PluginError {
        PluginError(file: manifest.origin, line: rule.line, column: nil, message: "rule '\(rule.id)': \(message)")
    }

    /// Expands and compiles a rule (anchored, and unanchored with an offset limit). A rule too
    /// large for one pattern is compiled as 2, 4, 8 ... patterns over parts of its largest lexicon.
    private func compile(_ rule: RuleManifest) throws(PluginError) -> ([String], [PCRE2Regex], [PCRE2Regex]) {
        var composer = PatternComposer(fragments: manifest.fragments, lexicons: lexicons)
        var parts = 1
        while true {
            var patterns: [String] = [], regexes: [PCRE2Regex] = [], windowed: [PCRE2Regex] = []
            do {
                for part in 0..<parts {
                    if parts > 1, let largest = composer.splitLexicon(of: rule.pattern) {
                        composer.split = (largest, part, parts)
                    }
                    let expanded = Self.factored(try composer.expand(rule.pattern), rule.options)
                    patterns.append(expanded)
                    regexes.append(try PCRE2Regex(expanded, options: rule.options.union(.anchored)))
                    windowed.append(try PCRE2Regex(expanded, options: rule.options.union(.useOffsetLimit)))
                }
                return (patterns, regexes, windowed)
            } catch let error as PatternCompileError {
                guard error.isTooLarge, parts < 64, !composer.lexiconReferences(in: rule.pattern).isEmpty else {
                    // Point into what the author wrote, not the expanded pattern nobody sees.
                    let locator = PatternErrorLocator(composer: PatternComposer(fragments: manifest.fragments, lexicons: lexicons),
                                                      options: rule.options)
                    let place = locator.describe(rule.pattern) ?? "\(error.message) at offset \(error.offset) of the expanded pattern"
                    throw self.error(rule, "pattern does not compile: \(place)")
                }
                parts *= 2
            } catch let error as PatternComposer.CompositionError {
                switch error {
                case .unknownFragment(let name): throw self.error(rule, "unknown fragment {\(name)}")
                case .unknownLexicon(let name): throw self.error(rule, "unknown lexicon {@\(name)}")
                case .cycle(let name): throw self.error(rule, "fragment {\(name)} refers to itself")
                }
            } catch {
                throw self.error(rule, "\(error)")
            }
        }
    }
}
