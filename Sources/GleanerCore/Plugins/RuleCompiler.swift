/// Turns a plugin manifest's rules into `CompiledRule`s: expands `{fragment}` and `{@lexicon}`
/// references, factors word lists, and compiles each rule anchored and unanchored. Errors name
/// the manifest and rule.
struct RuleCompiler {
    let manifest: PluginManifest
    let lexicons: [String: Lexicon]
    /// Shared by every rule, so each lexicon's matchers are built once.
    let composer: PatternComposer

    init(manifest: PluginManifest, lexicons: [String: Lexicon]) {
        self.manifest = manifest
        self.lexicons = lexicons
        composer = PatternComposer(fragments: manifest.fragments, lexicons: lexicons)
    }

    /// Every rule of the manifest, in order. `factory` is the plugin's normalizer: an extract
    /// rule must have one of the named groups it reads.
    func compileRules(factory: NormalizerFactory) throws(PluginError) -> [CompiledRule] {
        var compiled: [CompiledRule] = []
        var seen = Set<String>()
        for rule in manifest.rules {
            guard seen.insert(rule.id).inserted else { throw error(rule, "duplicate rule id") }
            let (patterns, regexes, windowed) = try compile(rule, index: compiled.count)
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

    /// Expands and compiles a rule (anchored, and unanchored with an offset limit). Lexicon
    /// references compile to callouts, so a lexicon of any size fits in one pattern; lists up
    /// to `PatternComposer.inlineCharacters` are alternations, and when those make the rule
    /// too large for one pattern, its largest lists become callouts, one size at a time.
    private func compile(_ rule: RuleManifest, index: Int) throws(PluginError) -> ([String], [PCRE2Regex], [PCRE2Regex]) {
        var composer = composer
        composer.groupPrefix = "_lx\(index)"
        do {
            var limits = [composer.inlineCharacters]
            for reference in composer.lexiconReferences(in: rule.pattern) {
                if let characters = try? composer.matchers.characters(for: reference), characters > 0,
                   characters <= composer.inlineCharacters, !limits.contains(characters - 1) {
                    limits.append(characters - 1)
                }
            }
            limits = [limits[0]] + limits.dropFirst().sorted(by: >)
            var expanded = ""
            var anchored: PCRE2Regex?
            for (attempt, limit) in limits.enumerated() where anchored == nil {
                composer.inlineCharacters = limit
                expanded = Self.factored(try composer.expand(rule.pattern, options: rule.options), rule.options)
                anchored = attempt + 1 < limits.count ? try regexUnlessTooLarge(expanded, options: rule.options.union(.anchored))
                    : try regex(expanded, options: rule.options.union(.anchored))
            }
            guard let anchored else { throw self.error(rule, "pattern does not compile") }
            return ([expanded], [anchored], [try regex(expanded, options: rule.options.union(.useOffsetLimit))])
        } catch let error as PatternCompileError {
            // Point into what the author wrote, not the expanded pattern nobody sees.
            let locator = PatternErrorLocator(composer: composer, options: rule.options)
            let place = locator.describe(rule.pattern) ?? "\(error.message) at offset \(error.offset) of the expanded pattern"
            throw self.error(rule, "pattern does not compile: \(place)")
        } catch let error as PatternComposer.CompositionError {
            switch error {
            case .unknownFragment(let name): throw self.error(rule, "unknown fragment {\(name)}")
            case .unknownLexicon(let name): throw self.error(rule, "unknown lexicon {@\(name)}")
            case .cycle(let name): throw self.error(rule, "fragment {\(name)} refers to itself")
            case .numberedGroup(let text):
                throw self.error(rule, "'\(text)…' refers to a group by number, which a pattern with lexicon references cannot do (each reference adds a group); name the group: (?<name>…) and \\k<name>")
            }
        } catch {
            throw self.error(rule, "\(error)")
        }
    }

    /// The compiled pattern, or nil when it is too large for one PCRE2 pattern.
    private func regexUnlessTooLarge(_ pattern: String, options: PatternOptions) throws(PatternCompileError) -> PCRE2Regex? {
        do {
            return try regex(pattern, options: options)
        } catch {
            if error.isTooLarge { return nil }
            throw error
        }
    }

    /// Compiles an expanded pattern of this plugin (a rule's, or the scan alternation of its
    /// rules), its lexicon callouts bound to their matchers.
    func regex(_ pattern: String, options: PatternOptions) throws(PatternCompileError) -> PCRE2Regex {
        try PCRE2Regex(pattern, options: options) { composer.callout($0, groupNumbers: $1) }
    }
}
