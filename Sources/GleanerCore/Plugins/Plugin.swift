/// A loaded, compiled plugin: its manifest, one scan pattern (every rule in one alternation,
/// to find where any rule can start) and one anchored pattern per rule, plus its normalizer.
/// Immutable and shared by every thread.
public final class Plugin: Sendable {
    public let manifest: PluginManifest
    /// SHA-256 of the manifest file, for `run.json`.
    public let manifestSHA256: String
    public let lexicons: [String: Lexicon]
    public let rules: [CompiledRule]
    /// Scan patterns, each with the rules it covers.
    let scans: [(regex: PCRE2Regex, rules: [Int])]
    let normalizer: any Normalizer

    public struct CompiledRule: Sendable {
        public let manifest: RuleManifest
        /// The rule after `{fragment}` and `{@lexicon}` expansion.
        public let expandedPattern: String
        let anchored: PCRE2Regex
        let spanGroup: Int?
    }

    public var id: String { manifest.id }
    public var kind: String { manifest.kind }
    /// `<plugin id>@<version>`, the records' `extractor`.
    public var extractorName: String { "\(manifest.id)@\(manifest.version)" }
    var maxCaptureCount: Int {
        max(scans.map(\.regex.captureCount).max() ?? 0, rules.map(\.anchored.captureCount).max() ?? 0)
    }

    private static func scanPatterns(for rules: [CompiledRule], indices: [Int], origin: String) throws(PluginError) -> [(regex: PCRE2Regex, rules: [Int])] {
        let alternatives = indices.map { index -> String in
            let rule = rules[index]
            let options = rule.manifest.options
            let flags = (options.contains(.caseless) ? "i" : "") + (options.contains(.extended) ? "x" : "")
                + (options.contains(.multiline) ? "m" : "") + (options.contains(.dotAll) ? "s" : "")
            return flags.isEmpty ? "(?:\(rule.expandedPattern))" : "(?\(flags):\(rule.expandedPattern))"
        }
        do {
            return [(try PCRE2Regex("(?J)" + alternatives.joined(separator: "|")), indices)]
        } catch {
            guard indices.count > 1 else {
                throw PluginError(file: origin, message: "rule '\(rules[indices[0]].manifest.id)' cannot be scanned: \(error.message)")
            }
            let half = indices.count / 2
            return try scanPatterns(for: rules, indices: Array(indices[..<half]), origin: origin)
                + scanPatterns(for: rules, indices: Array(indices[half...]), origin: origin)
        }
    }

    init(manifest: PluginManifest, manifestSHA256: String, lexicons: [String: Lexicon],
         factory: NormalizerFactory) throws(PluginError) {
        self.manifest = manifest
        self.manifestSHA256 = manifestSHA256
        self.lexicons = lexicons
        let composer = PatternComposer(fragments: manifest.fragments, lexicons: lexicons)
        var compiled: [CompiledRule] = []
        var seen = Set<String>()
        for rule in manifest.rules {
            func fail(_ message: String) -> PluginError {
                PluginError(file: manifest.origin, line: rule.line, column: nil, message: "rule '\(rule.id)': \(message)")
            }
            guard seen.insert(rule.id).inserted else { throw fail("duplicate rule id") }
            let expanded: String
            do {
                expanded = try composer.expand(rule.pattern)
            } catch {
                switch error {
                case .unknownFragment(let name): throw fail("unknown fragment {\(name)}")
                case .unknownLexicon(let name): throw fail("unknown lexicon {@\(name)}")
                case .cycle(let name): throw fail("fragment {\(name)} refers to itself")
                }
            }
            let regex: PCRE2Regex
            do {
                regex = try PCRE2Regex(expanded, options: rule.options.union(.anchored))
            } catch {
                throw fail("pattern does not compile: \(error.message) at offset \(error.offset) of the expanded pattern")
            }
            var spanGroup: Int?
            if let name = rule.spanGroup {
                guard let number = regex.groupNumbers[name] else { throw fail("span group '\(name)' is not in the pattern") }
                spanGroup = number
            }
            if rule.action == .extract, !factory.groups.isEmpty,
               factory.groups.isDisjoint(with: regex.groupNumbers.keys) {
                throw fail("normalizer '\(factory.id)' needs one of the named groups \(factory.groups.sorted().map { "(?<\($0)>…)" }.joined(separator: ", "))")
            }
            compiled.append(CompiledRule(manifest: rule, expandedPattern: expanded, anchored: regex, spanGroup: spanGroup))
        }
        guard !compiled.isEmpty else {
            throw PluginError(file: manifest.origin, message: "plugin '\(manifest.id)' has no rules")
        }
        rules = compiled
        // One alternation of the rules finds each position where some rule may start; inline
        // flags keep each rule's options. Too large for one PCRE2 pattern (big lexicons),
        // the rules are split into several scan patterns.
        scans = try Self.scanPatterns(for: compiled, indices: Array(compiled.indices), origin: manifest.origin)
        normalizer = try factory.make(NormalizerContext(manifest: manifest, lexicons: lexicons))
    }

    /// Runs every rule at every position where one can start, normalizes the matches, and
    /// returns the candidates. A rule that fails on this document (match limit) is reported
    /// in `failures`; its other results and the other rules' are kept.
    func candidates(in document: Document, bytes: UnsafeBufferPointer<UInt8>, pluginIndex: Int,
                    scratch: PCRE2Scratch, into output: inout [Candidate], failures: inout [String]) {
        var failedRules = Set<Int>()
        // Next start of each scan pattern (nil: exhausted).
        var next: [Int?] = Array(repeating: 0, count: scans.count)
        func advance(_ scan: Int, from offset: Int) {
            guard offset < bytes.count else { next[scan] = nil; return }
            do {
                next[scan] = try scans[scan].regex.firstMatch(in: bytes, from: offset, scratch: scratch)
                    ? scratch.range(0)?.lowerBound : nil
            } catch {
                failures.append("plugin '\(id)': \(error.message) while scanning at byte \(offset)")
                next[scan] = nil
            }
        }
        for scan in scans.indices { advance(scan, from: 0) }
        while let start = next.compactMap({ $0 }).min() {
            for scan in scans.indices where next[scan] == start {
                for index in scans[scan].rules where !failedRules.contains(index) {
                    let rule = rules[index]
                    do {
                        guard try rule.anchored.firstMatch(in: bytes, from: start, scratch: scratch),
                              let whole = scratch.range(0) else { continue }
                        let span = rule.spanGroup.flatMap { scratch.range($0) } ?? whole
                        guard !span.isEmpty else { continue }
                        if rule.manifest.action == .block {
                            output.append(Candidate(plugin: pluginIndex, rule: index, bytes: span, value: nil))
                            continue
                        }
                        let match = RuleMatch(bytes: bytes, span: span, rule: rule.manifest, document: document,
                                              groupNumbers: rule.anchored.groupNumbers, scratch: scratch)
                        if let normalized = normalizer.normalize(match) {
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
}
