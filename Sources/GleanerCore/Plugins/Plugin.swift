/// A loaded, compiled plugin: its manifest, one scan pattern (every rule in one alternation,
/// to find where any rule can start) and one anchored pattern per rule, plus its normalizer.
/// Immutable and shared by every thread.
public final class Plugin: Sendable {
    public let manifest: PluginManifest
    /// SHA-256 of the manifest file, for `run.json`.
    public let manifestSHA256: String
    public let lexicons: [String: Lexicon]
    public let rules: [CompiledRule]
    /// Scan patterns, each with the (rule, variant) pairs it covers.
    let scans: [(regex: PCRE2Regex, rules: [Int])]
    let normalizer: any Normalizer

    public struct CompiledRule: Sendable {
        public let manifest: RuleManifest
        /// The rule after `{fragment}` and `{@lexicon}` expansion: one pattern, or several when
        /// a lexicon is too large for one PCRE2 pattern.
        public let expandedPatterns: [String]
        let anchored: [PCRE2Regex]
        let spanGroups: [Int?]
        var groupNumbers: [String: Int] { anchored[0].groupNumbers }
    }

    public var id: String { manifest.id }
    public var kind: String { manifest.kind }
    /// `<plugin id>@<version>`, the records' `extractor`.
    public var extractorName: String { "\(manifest.id)@\(manifest.version)" }
    var maxCaptureCount: Int {
        max(scans.map(\.regex.captureCount).max() ?? 0, rules.flatMap(\.anchored).map(\.captureCount).max() ?? 0)
    }

    init(manifest: PluginManifest, manifestSHA256: String, lexicons: [String: Lexicon],
         factory: NormalizerFactory) throws(PluginError) {
        self.manifest = manifest
        self.manifestSHA256 = manifestSHA256
        self.lexicons = lexicons
        var compiled: [CompiledRule] = []
        var seen = Set<String>()
        for rule in manifest.rules {
            guard seen.insert(rule.id).inserted else { throw Self.error(manifest, rule, "duplicate rule id") }
            let (patterns, regexes) = try Self.compile(rule, manifest: manifest, lexicons: lexicons)
            var spanGroups: [Int?] = []
            for regex in regexes {
                guard let name = rule.spanGroup else { spanGroups.append(nil); continue }
                guard let number = regex.groupNumbers[name] else {
                    throw Self.error(manifest, rule, "span group '\(name)' is not in the pattern")
                }
                spanGroups.append(number)
            }
            if rule.action == .extract, !factory.groups.isEmpty, factory.groups.isDisjoint(with: regexes[0].groupNumbers.keys) {
                throw Self.error(manifest, rule, "normalizer '\(factory.id)' needs one of the named groups \(factory.groups.sorted().map { "(?<\($0)>…)" }.joined(separator: ", "))")
            }
            compiled.append(CompiledRule(manifest: rule, expandedPatterns: patterns, anchored: regexes, spanGroups: spanGroups))
        }
        guard !compiled.isEmpty else {
            throw PluginError(file: manifest.origin, message: "plugin '\(manifest.id)' has no rules")
        }
        rules = compiled
        // One alternation of the rules finds each position where some rule may start; inline
        // flags keep each rule's options. Too large for one PCRE2 pattern (big lexicons),
        // the rules are split into several scan patterns.
        let units = compiled.indices.flatMap { rule in compiled[rule].expandedPatterns.indices.map { (rule, $0) } }
        scans = try Self.scanPatterns(for: compiled, units: units, origin: manifest.origin)
        normalizer = try factory.make(NormalizerContext(manifest: manifest, lexicons: lexicons))
    }

    private static func error(_ manifest: PluginManifest, _ rule: RuleManifest, _ message: String) -> PluginError {
        PluginError(file: manifest.origin, line: rule.line, column: nil, message: "rule '\(rule.id)': \(message)")
    }

    /// Expands and compiles a rule (anchored). A rule too large for one pattern is compiled as
    /// 2, 4, 8 ... patterns over parts of its largest lexicon.
    private static func compile(_ rule: RuleManifest, manifest: PluginManifest,
                                lexicons: [String: Lexicon]) throws(PluginError) -> ([String], [PCRE2Regex]) {
        var composer = PatternComposer(fragments: manifest.fragments, lexicons: lexicons)
        var parts = 1
        while true {
            var patterns: [String] = [], regexes: [PCRE2Regex] = []
            do {
                for part in 0..<parts {
                    if parts > 1, let largest = composer.lexiconReferences(in: rule.pattern).max(by: { $0.value < $1.value }) {
                        composer.split = (String(largest.key.dropFirst()), part, parts)
                    }
                    let expanded = try composer.expand(rule.pattern)
                    patterns.append(expanded)
                    regexes.append(try PCRE2Regex(expanded, options: rule.options.union(.anchored)))
                }
                return (patterns, regexes)
            } catch let error as PatternCompileError {
                guard error.isTooLarge, parts < 64, !composer.lexiconReferences(in: rule.pattern).isEmpty else {
                    throw Self.error(manifest, rule, "pattern does not compile: \(error.message) at offset \(error.offset) of the expanded pattern")
                }
                parts *= 2
            } catch let error as PatternComposer.CompositionError {
                switch error {
                case .unknownFragment(let name): throw Self.error(manifest, rule, "unknown fragment {\(name)}")
                case .unknownLexicon(let name): throw Self.error(manifest, rule, "unknown lexicon {@\(name)}")
                case .cycle(let name): throw Self.error(manifest, rule, "fragment {\(name)} refers to itself")
                }
            } catch {
                throw Self.error(manifest, rule, "\(error)")
            }
        }
    }

    private static func scanPatterns(for rules: [CompiledRule], units: [(rule: Int, variant: Int)],
                                     origin: String) throws(PluginError) -> [(regex: PCRE2Regex, rules: [Int])] {
        let alternatives = units.map { unit -> String in
            let rule = rules[unit.rule]
            let options = rule.manifest.options
            let flags = (options.contains(.caseless) ? "i" : "") + (options.contains(.extended) ? "x" : "")
                + (options.contains(.multiline) ? "m" : "") + (options.contains(.dotAll) ? "s" : "")
            let pattern = rule.expandedPatterns[unit.variant]
            return flags.isEmpty ? "(?:\(pattern))" : "(?\(flags):\(pattern))"
        }
        do {
            var covered: [Int] = []
            for unit in units where !covered.contains(unit.rule) { covered.append(unit.rule) }
            return [(try PCRE2Regex("(?J)" + alternatives.joined(separator: "|")), covered)]
        } catch {
            guard units.count > 1 else {
                throw PluginError(file: origin, message: "rule '\(rules[units[0].rule].manifest.id)' cannot be scanned: \(error.message)")
            }
            let half = units.count / 2
            return try scanPatterns(for: rules, units: Array(units[..<half]), origin: origin)
                + scanPatterns(for: rules, units: Array(units[half...]), origin: origin)
        }
    }

    /// Runs every rule at every position where one can start, normalizes the matches, and
    /// returns the candidates. A rule that fails on this document (match limit) is reported
    /// in `failures`; its other results and the other rules' are kept.
    func candidates(in document: Document, bytes: UnsafeBufferPointer<UInt8>, pluginIndex: Int,
                    scratch: PCRE2Scratch, into output: inout [Candidate], failures: inout [String],
                    profile: EngineProfile? = nil) {
        var failedRules = Set<Int>()
        // Next start of each scan pattern (nil: exhausted).
        var next: [Int?] = Array(repeating: 0, count: scans.count)
        // A scan pattern that hit a limit (one hostile rule makes the whole alternation fail):
        // from there its rules are tried one by one at every character, so only the rule that
        // fails again is dropped and the others keep their results.
        var stepping = Array(repeating: false, count: scans.count)
        func advance(_ scan: Int, from offset: Int) {
            guard offset < bytes.count else { next[scan] = nil; return }
            if stepping[scan] { next[scan] = offset; return }
            do {
                next[scan] = try scans[scan].regex.firstMatch(in: bytes, from: offset, scratch: scratch)
                    ? scratch.range(0)?.lowerBound : nil
            } catch {
                failures.append("plugin '\(id)': \(error.message) while scanning at byte \(offset); its rules ran one by one from there")
                stepping[scan] = true
                next[scan] = offset
            }
        }
        for scan in scans.indices { advance(scan, from: 0) }
        while let start = next.compactMap({ $0 }).min() {
            for scan in scans.indices where next[scan] == start {
                for index in scans[scan].rules where !failedRules.contains(index) {
                    let rule = rules[index]
                    do {
                        guard let variant = try longestVariant(of: rule, at: start, in: bytes, scratch: scratch),
                              let whole = scratch.range(0) else { continue }
                        let span = rule.spanGroups[variant].flatMap { scratch.range($0) } ?? whole
                        guard !span.isEmpty else { continue }
                        if rule.manifest.action == .block {
                            output.append(Candidate(plugin: pluginIndex, rule: index, bytes: span, value: nil))
                            continue
                        }
                        let match = RuleMatch(bytes: bytes, span: span, rule: rule.manifest, document: document,
                                              groupNumbers: rule.anchored[variant].groupNumbers, scratch: scratch)
                        let normalizing = profile == nil ? 0 : EngineProfile.now()
                        let normalized = normalizer.normalize(match)
                        if let profile {
                            let spent = EngineProfile.now() - normalizing
                            profile.normalizeNanos[pluginIndex] += spent
                            profile.matchNanos[pluginIndex] &-= spent
                        }
                        if let normalized {
                            output.append(Candidate(plugin: pluginIndex, rule: index, bytes: span,
                                                    value: normalized.value, inferred: normalized.inferred))
                        }
                    } catch {
                        failedRules.insert(index)
                        failures.append("rule '\(id).\(rule.manifest.id)': \(error.message) at byte \(start)")
                    }
                }
                // Next start: the following character (never inside a multi-byte sequence).
                var offset = start + 1
                while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
                advance(scan, from: offset)
            }
        }
    }

    /// Matches a rule's variants anchored at `start`; the longest match wins and is left in
    /// `scratch`. Nil when none matches.
    private func longestVariant(of rule: CompiledRule, at start: Int, in bytes: UnsafeBufferPointer<UInt8>,
                                scratch: PCRE2Scratch) throws(PatternMatchError) -> Int? {
        guard rule.anchored.count > 1 else {
            return try rule.anchored[0].firstMatch(in: bytes, from: start, scratch: scratch) ? 0 : nil
        }
        var best: (variant: Int, end: Int)?
        for (index, regex) in rule.anchored.enumerated() {
            if try regex.firstMatch(in: bytes, from: start, scratch: scratch), let end = scratch.range(0)?.upperBound,
               end > best?.end ?? -1 {
                best = (index, end)
            }
        }
        guard let best else { return nil }
        // Re-run the winner so its groups are the ones in `scratch`.
        _ = try rule.anchored[best.variant].firstMatch(in: bytes, from: start, scratch: scratch)
        return best.variant
    }

    /// The reference scan of `glean bench`: this plugin's rules as plain PCRE2-JIT alternations,
    /// matches counted and nothing else.
    public func referenceScanCount(in bytes: UnsafeBufferPointer<UInt8>, scratch: Engine.Scratch) -> Int {
        var count = 0
        for scan in scans {
            var offset = 0
            while offset < bytes.count, (try? scan.regex.firstMatch(in: bytes, from: offset, scratch: scratch.pcre)) == true,
                  let range = scratch.pcre.range(0) {
                count += 1
                offset = max(range.upperBound, range.lowerBound + 1)
                while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            }
        }
        return count
    }
}
