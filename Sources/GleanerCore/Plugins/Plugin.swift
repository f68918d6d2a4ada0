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
    /// Expands the rules again for the prefilter (lexicons as alternations, not callouts).
    private let composer: PatternComposer
    /// The shape of this plugin's values: its normalizer's, and so its kind's.
    public let valueSchema: ValueSchema
    /// Per rule, its first prefilter unit, and the total last: a unit is one pattern of a rule,
    /// so each part of a split rule is confirmed only before the ends its own part reported.
    let unitStarts: [Int]
    var unitCount: Int { unitStarts[unitStarts.count - 1] }

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
        let compiler = RuleCompiler(manifest: manifest, lexicons: lexicons)
        let compiled = try compiler.compileRules(factory: factory)
        rules = compiled
        composer = compiler.composer
        var starts = [0]
        for rule in compiled { starts.append(starts[starts.count - 1] + rule.windowed.count) }
        unitStarts = starts
        // One alternation of the rules finds each position where some rule may start; inline
        // flags keep each rule's options. Too large for one PCRE2 pattern (big lexicons),
        // the rules are split into several scan patterns.
        let units = compiled.indices.flatMap { rule in compiled[rule].expandedPatterns.indices.map { (rule, $0) } }
        scans = try Self.scanPatterns(for: compiled, units: units, origin: manifest.origin, compiler: compiler)
        normalizer = try factory.make(NormalizerContext(manifest: manifest, lexicons: lexicons))
        valueSchema = factory.schema
    }

    private static func scanPatterns(for rules: [CompiledRule], units: [(rule: Int, variant: Int)],
                                     origin: String, compiler: RuleCompiler) throws(PluginError) -> [(regex: PCRE2Regex, rules: [Int])] {
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
            return [(try compiler.regex("(?J)" + alternatives.joined(separator: "|"), options: []), covered)]
        } catch {
            guard units.count > 1 else {
                throw PluginError(file: origin, message: "rule '\(rules[units[0].rule].manifest.id)' cannot be scanned: \(error.message)")
            }
            let half = units.count / 2
            return try scanPatterns(for: rules, units: Array(units[..<half]), origin: origin, compiler: compiler)
                + scanPatterns(for: rules, units: Array(units[half...]), origin: origin, compiler: compiler)
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
        var due: [Int] = []
        while let start = next.compactMap({ $0 }).min() {
            // A rule split over two scan patterns is run once per start, rules in order.
            due.removeAll(keepingCapacity: true)
            for scan in scans.indices where next[scan] == start {
                due += scans[scan].rules
                // Next start: the following character (never inside a multi-byte sequence).
                advance(scan, from: Self.nextCharacter(after: start, in: bytes))
            }
            if scans.count > 1 { due = Array(Set(due)).sorted() }
            for index in due where !failedRules.contains(index) {
                emit(rule: index, at: start, in: document, bytes: bytes, pluginIndex: pluginIndex, scratch: scratch,
                     into: &output, failedRules: &failedRules, failures: &failures, profile: profile)
            }
        }
    }

    /// The same results as `candidates(in:...)`, with PCRE2 searching only the windows where
    /// the prefilter saw a possible match end. The search that finds a start has matched there
    /// exactly as the anchored pattern would, so a one-pattern rule's candidate is built from
    /// that match at once; a rule split over several patterns collects its starts and runs
    /// them anchored (the longest variant wins). Candidates are then put in (start, rule)
    /// order, the order the scan visits them in.
    func prefilteredCandidates(in document: Document, bytes: UnsafeBufferPointer<UInt8>, ends: CandidateEnds,
                               pluginIndex: Int, scratch: PCRE2Scratch, buffers: inout PrefilterBuffers,
                               into output: inout [Candidate], failures: inout [String], profile: EngineProfile? = nil) {
        var failedRules = Set<Int>()
        let firstCandidate = output.count
        buffers.keys.removeAll(keepingCapacity: true)
        buffers.starts.removeAll(keepingCapacity: true)
        for (index, rule) in rules.enumerated() {
            let first = buffers.starts.count
            let firstOfRule = output.count
            let started = profile == nil ? 0 : EngineProfile.now()
            let normalizing = profile?.normalizeNanos[pluginIndex] ?? 0
            var searched = 0
            var found = 0
            for variant in rule.windowed.indices {
                let unit = unitStarts[index] + variant
                buffers.spans.removeAll(keepingCapacity: true)
                Self.spans(before: ends.ends(unit), window: ends.window(unit), bytes: bytes, into: &buffers.spans)
                do {
                    try Self.confirm(rule.windowed[variant], spans: buffers.spans, bytes: bytes, scratch: scratch,
                                     searched: &searched) { start in
                        found += 1
                        if rule.windowed.count > 1 {
                            buffers.starts.append(start << 16 | index)
                        } else if emitMatched(rule: index, variant: 0, in: document, bytes: bytes, pluginIndex: pluginIndex,
                                              scratch: scratch, into: &output, profile: profile) {
                            buffers.keys.append(start << 16 | index)
                        }
                    }
                } catch {
                    // A search the match limit stopped: the rule fails for this document.
                    failedRules.insert(index)
                    failures.append("rule '\(id).\(rule.manifest.id)': \(error.message) while confirming candidates")
                }
            }
            if failedRules.contains(index) {
                output.removeSubrange(firstOfRule...)
                buffers.keys.removeSubrange((firstOfRule - firstCandidate)...)
                buffers.starts.removeSubrange(first...)
            } else if rule.windowed.count > 1 {
                // Variants of a split rule may start at the same place: visit each start once.
                let unique = Set(buffers.starts[first...]).sorted()
                buffers.starts.replaceSubrange(first..., with: unique)
            }
            if let profile {
                let spent = EngineProfile.now() - started - (profile.normalizeNanos[pluginIndex] - normalizing)
                let reported = (unitStarts[index]..<unitStarts[index + 1]).reduce(0) { $0 + ends.ends($1).count }
                profile.rules[pluginIndex << 16 | index, default: .init()].add(.init(
                    confirmNanos: spent, ends: reported, starts: found, windowBytes: searched))
            }
        }
        for packed in buffers.starts {
            let index = packed & 0xFFFF
            guard !failedRules.contains(index) else { continue }
            let started = profile == nil ? 0 : EngineProfile.now()
            let normalizing = profile?.normalizeNanos[pluginIndex] ?? 0
            let before = output.count
            emit(rule: index, at: packed >> 16, in: document, bytes: bytes, pluginIndex: pluginIndex, scratch: scratch,
                 into: &output, failedRules: &failedRules, failures: &failures, profile: profile)
            if output.count > before { buffers.keys.append(packed) }
            if let profile {
                let spent = EngineProfile.now() - started - (profile.normalizeNanos[pluginIndex] - normalizing)
                profile.rules[pluginIndex << 16 | index, default: .init()].emitNanos += spent
            }
        }
        // Keys are distinct (one candidate per start and rule): the order is fully determined.
        guard zip(buffers.keys, buffers.keys.dropFirst()).contains(where: { $0 > $1 }) else { return }
        buffers.order.removeAll(keepingCapacity: true)
        buffers.order.append(contentsOf: buffers.keys.indices)
        buffers.order.sort { buffers.keys[$0] < buffers.keys[$1] }
        output.permute(from: firstCandidate, by: &buffers.order)
    }

    /// Per-thread buffers of `prefilteredCandidates`, reused from document to document.
    struct PrefilterBuffers {
        /// (start << 16 | rule) of rules split over several patterns, run anchored afterwards.
        var starts: [Int] = []
        /// Per candidate appended, its start << 16 | rule: the order candidates are put in.
        var keys: [Int] = []
        /// A rule's (from, through) search spans (`spans(before:...)`).
        var spans: [Int] = []
        /// Where each candidate goes when they are put in key order.
        var order: [Int] = []
    }

    /// Where to search for the starts of matches that may end at `ends`: appends (from, through)
    /// pairs to `spans`, ascending and disjoint (windows that overlap are one span).
    /// `CandidateWindow` says how far before an end a match can start; nil: anywhere.
    private static func spans(before ends: Slice<UnsafeBufferPointer<UInt64>>, window: CandidateWindow?,
                              bytes: UnsafeBufferPointer<UInt8>, into spans: inout [Int]) {
        guard let window else {
            spans.append(0)
            spans.append(bytes.count)
            return
        }
        window.classes.withUnsafeBufferPointer { table in
            var searched = 0  // every start below this is covered (a character boundary)
            var index = ends.startIndex
            while index < ends.endIndex {
                let end = Int(truncatingIfNeeded: ends[index] & 0xFFFF_FFFF)
                index += 1
                guard end >= searched else { continue }
                let from = window.start(before: end, notBefore: searched, in: bytes, table: table)
                var last = end
                while index < ends.endIndex {
                    let next = Int(truncatingIfNeeded: ends[index] & 0xFFFF_FFFF)
                    let boundary = nextCharacter(after: last, in: bytes)
                    guard next < boundary || window.start(before: next, notBefore: boundary, in: bytes, table: table) == boundary
                    else { break }
                    last = max(last, next)
                    index += 1
                }
                spans.append(from)
                spans.append(last)
                searched = nextCharacter(after: last, in: bytes)
            }
        }
    }

    /// Calls `found` with each start in `spans` where `regex` matches (the match left in
    /// `scratch`).
    private static func confirm(_ regex: PCRE2Regex, spans: [Int], bytes: UnsafeBufferPointer<UInt8>, scratch: PCRE2Scratch,
                                searched: inout Int, found: (Int) -> Void) throws(PatternMatchError) {
        var pair = 0
        while pair + 1 < spans.count {
            let from = spans[pair], last = spans[pair + 1]
            pair += 2
            searched += last - from
            var offset = from
            while offset < bytes.count, try regex.firstMatch(in: bytes, from: offset, startingBy: last, scratch: scratch),
                  let start = scratch.range(0)?.lowerBound {
                found(start)
                offset = nextCharacter(after: start, in: bytes)
            }
        }
    }

    @inline(__always)
    static func nextCharacter(after offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var next = offset + 1
        while next < bytes.count, bytes[next] & 0xC0 == 0x80 { next += 1 }
        return next
    }

    /// Runs rule `index` anchored at `start` and appends its candidate, if any.
    private func emit(rule index: Int, at start: Int, in document: Document, bytes: UnsafeBufferPointer<UInt8>,
                      pluginIndex: Int, scratch: PCRE2Scratch, into output: inout [Candidate],
                      failedRules: inout Set<Int>, failures: inout [String], profile: EngineProfile?) {
        do {
            guard let variant = try longestVariant(of: rules[index], at: start, in: bytes, scratch: scratch) else { return }
            emitMatched(rule: index, variant: variant, in: document, bytes: bytes, pluginIndex: pluginIndex, scratch: scratch,
                        into: &output, profile: profile)
        } catch {
            failedRules.insert(index)
            failures.append("rule '\(id).\(rules[index].manifest.id)': \(error.message) at byte \(start)")
        }
    }

    /// Appends the candidate of the match of rule `index` (pattern `variant`) left in
    /// `scratch`, if it has one. True when it appended.
    @discardableResult
    private func emitMatched(rule index: Int, variant: Int, in document: Document, bytes: UnsafeBufferPointer<UInt8>,
                             pluginIndex: Int, scratch: PCRE2Scratch, into output: inout [Candidate],
                             profile: EngineProfile?) -> Bool {
        let rule = rules[index]
        guard output.count < scratch.maxCandidates, let whole = scratch.range(0) else { return false }
        let span = rule.spanGroups[variant].flatMap { scratch.range($0) } ?? whole
        guard !span.isEmpty else { return false }
        if rule.manifest.action == .block {
            output.append(Candidate(plugin: pluginIndex, rule: index, bytes: span, value: nil))
            return true
        }
        if scratch.defersValues, defersValue(of: rule) {
            output.append(.pending(plugin: pluginIndex, rule: index, bytes: span))
            return true
        }
        let match = RuleMatch(bytes: bytes, span: span, rule: rule.manifest, document: document,
                              pattern: rule.anchored[variant], scratch: scratch)
        let normalizing = profile == nil ? 0 : EngineProfile.now()
        let normalized = normalizer.normalize(match)
        if let profile {
            let spent = EngineProfile.now() - normalizing
            profile.normalizeNanos[pluginIndex] += spent
            profile.matchNanos[pluginIndex] &-= spent
        }
        guard let normalized else { return false }
        output.append(Candidate(plugin: pluginIndex, rule: index, bytes: span,
                                value: normalized.value, inferred: normalized.inferred))
        return true
    }

    /// The prefilter's expressions for one pattern (`variant`) of a rule: the rule expanded for
    /// Vectorscan, which knows no callouts, with its lexicons as alternations
    /// (`PatternComposer.forPrefilter`) and rewritten; when that is longer than Vectorscan
    /// takes, expanded over 2, 4, 8 ... parts of its largest lexicon (together they match
    /// wherever the rule does). A lexicon too large for an alternation stays callouts, read as
    /// the characters they may consume.
    func prefilterExpressions(rule index: Int, variant: Int) -> [PrefilterExpression] {
        let rule = rules[index]
        let options = rule.manifest.options
        func expressions(_ patterns: [String]) -> [PrefilterExpression] {
            patterns.map { PrefilterExpression(PatternComposer.withoutCallouts($0), extended: options.contains(.extended),
                                               caseless: options.contains(.caseless),
                                               literalFactor: rule.manifest.prefilter == .literal) }
        }
        var composer = composer
        composer.forPrefilter = true
        composer.groupPrefix = "_lx\(index)"
        func expanded() -> String? {
            (try? composer.expand(rule.manifest.pattern, options: options)).map { RuleCompiler.factored($0, options) }
        }
        let whole = expressions([expanded() ?? rule.expandedPatterns[variant]])
        guard whole[0].text.utf8.count > VectorscanDatabase.maxPatternLength,
              let largest = composer.splitReference(of: rule.manifest.pattern) else { return whole }
        var pieces = 2
        while pieces <= 256 {
            var patterns: [String] = []
            for piece in 0..<pieces {
                composer.split = (largest, piece, pieces)
                guard let pattern = expanded() else { return whole }
                patterns.append(pattern)
            }
            let split = expressions(patterns)
            if split.allSatisfy({ $0.text.utf8.count <= VectorscanDatabase.maxPatternLength }) { return split }
            pieces *= 2
        }
        return whole
    }

    /// Why the prefilter leaves a rule to PCRE2 alone, if it does: the rule names a lexicon
    /// too large to write out, which Vectorscan could only read as any text (a candidate end
    /// at nearly every byte, for a window that is the whole text anyway).
    func prefilterBypass(rule index: Int) -> String? {
        guard rules[index].expandedPatterns.contains(where: { $0.contains("(?C\"") }) else { return nil }
        for reference in composer.lexiconReferences(in: rules[index].manifest.pattern) {
            if let characters = try? composer.matchers.characters(for: reference), characters > PatternComposer.prefilterCharacters {
                return "lexicon '\(reference)' has \(characters) characters, more than the prefilter writes out (\(PatternComposer.prefilterCharacters))"
            }
        }
        return nil
    }

    /// What this plugin's prefilter depends on beyond its expanded rules: the entries, in
    /// order, of every lexicon the prefilter writes as an alternation (a callout names a
    /// lexicon, not its entries, and a split cuts the entries in their order).
    var prefilterDependencies: String {
        var references: [String] = []
        for rule in rules {
            for reference in composer.lexiconReferences(in: rule.manifest.pattern) where !references.contains(reference) {
                references.append(reference)
            }
        }
        var text = ""
        for reference in references {
            guard let characters = try? composer.matchers.characters(for: reference),
                  characters <= PatternComposer.prefilterCharacters,
                  let entries = try? composer.matchers.entries(for: reference) else { continue }
            text += "@\(reference)\t\(entries.joined(separator: "\u{1F}"))\n"
        }
        return text
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
