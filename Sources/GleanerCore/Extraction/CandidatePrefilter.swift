/// The engine's candidate prefilter: every rule of every plugin in one Vectorscan database,
/// scanned once per document. It reports where a match of each rule may end; the plugin then
/// runs PCRE2 only in the window before each such end (`CandidateWindow`), so the results are
/// exactly PCRE2's own.
///
/// A rule Vectorscan cannot compile, or a document whose candidates overflow the event
/// budget, falls back to PCRE2 scanning alone: correctness never depends on the prefilter.
public final class CandidatePrefilter: Sendable {
    let database: VectorscanDatabase
    /// The first unit of each plugin; a unit is one pattern of a rule (`Plugin.unitStarts`), in
    /// plugin, rule, then pattern order.
    let pluginBase: [Int]
    /// Per unit: where PCRE2 must search before a candidate end (nil: Vectorscan rejected the
    /// rule, and PCRE2 scans the whole document for it).
    let windows: [CandidateWindow?]

    /// Candidate events allowed per document byte before the prefilter gives up on the
    /// document (memory stays bounded; PCRE2 then scans it alone).
    static let eventsPerByte = 4

    /// Whether `init(plugins:)` will compile the prefilter (seconds), not load it from the
    /// cache: for a command to say why it pauses.
    public static func willCompile(for plugins: [Plugin]) -> Bool { PrefilterCache.willCompile(for: plugins) }

    /// Nil when no rule can be prefiltered (or glean was built without Vectorscan).
    public init?(plugins: [Plugin]) {
        var base: [Int] = []
        var units = 0
        for plugin in plugins {
            base.append(units)
            units += plugin.unitCount
        }
        let compiled = PrefilterCache.compiled(for: plugins) { Self.compile(plugins) }
        guard compiled.windows.count == units, compiled.windows.contains(where: { $0 != nil }) else { return nil }
        database = compiled.database
        windows = compiled.windows
        pluginBase = base
    }

    /// What the cache keeps: the database and each rule's window (or why it was rejected).
    struct Compiled {
        var database: VectorscanDatabase
        var windows: [CandidateWindow?]
        var rejections: [String?]
        /// What was compiled (not cached: only `plans(for:)` reads it).
        var expressions: [VectorscanDatabase.Expression] = []
    }

    /// How one pattern of a rule is prefiltered, for `glean plugins check --prefilter`.
    public struct RulePlan: Sendable {
        public let plugin: String
        public let rule: String
        /// Which of the rule's patterns (0 of 1 for a rule that is one pattern).
        public let part: Int
        public let parts: Int
        /// What Vectorscan scans for, and whether it runs it as written (else approximated).
        public let scans: [(text: String, exact: Bool)]
        /// Bytes a match can reach back from a candidate end (nil: to the last barrier byte).
        public let maxCost: Int?
        /// Why PCRE2 alone must scan for the rule (nil: prefiltered).
        public let rejection: String?
    }

    /// Compiles the prefilter afresh (no cache) and says how each pattern of each rule is
    /// prefiltered.
    public static func plans(for plugins: [Plugin]) -> [RulePlan] {
        let compiled = compile(plugins)
        var plans: [RulePlan] = []
        var unit = 0
        for plugin in plugins {
            for rule in plugin.rules {
                for part in rule.windowed.indices {
                    let scans = compiled.expressions.indices.filter { compiled.expressions[$0].id == UInt32(unit) }.map {
                        (text: compiled.expressions[$0].pattern,
                         exact: compiled.database.exact.indices.contains($0) && compiled.database.exact[$0])
                    }
                    plans.append(RulePlan(plugin: plugin.id, rule: rule.manifest.id, part: part, parts: rule.windowed.count,
                                          scans: scans, maxCost: compiled.windows[unit]?.maxCost,
                                          rejection: compiled.rejections[unit]))
                    unit += 1
                }
            }
        }
        return plans
    }

    /// What one rule costs Vectorscan, scanned alone: its expressions compiled into a database of
    /// their own and run over `documents` once (for `glean bench --scan-costs`: which rules make
    /// the shared scan slow). Nil seconds: Vectorscan rejected the rule.
    public struct ScanCost: Sendable {
        public let plugin: String
        public let rule: String
        public let seconds: Double?
        public let events: Int
    }

    public static func scanCosts(for plugins: [Plugin], documents: [Document]) -> [ScanCost] {
        var costs: [ScanCost] = []
        for plugin in plugins {
            for rule in plugin.rules.indices {
                let expressions = plugin.rules[rule].windowed.indices.flatMap {
                    scanExpressions(plugin, rule: rule, variant: $0, id: 0).map(\.expression)
                }
                let database = VectorscanDatabase(expressions: expressions)
                let name = plugin.rules[rule].manifest.id
                guard !database.coverage.contains(where: { if case .rejected = $0 { true } else { false } }),
                      let scratch = database.makeScratch() else {
                    costs.append(ScanCost(plugin: plugin.id, rule: name, seconds: nil, events: 0))
                    continue
                }
                var events = 0
                let started = EngineProfile.now()
                for document in documents {
                    var text = document.text
                    text.withUTF8 { bytes in
                        _ = database.scan(bytes, scratch: scratch, maxEvents: Int.max)
                        events += scratch.events.count
                    }
                }
                let seconds = Double(EngineProfile.now() - started) / 1e9
                costs.append(ScanCost(plugin: plugin.id, rule: name, seconds: seconds, events: events))
            }
        }
        return costs
    }

    /// What Vectorscan compiles for one pattern of a rule, each with the expression it was
    /// derived from.
    static func scanExpressions(_ plugin: Plugin, rule: Int, variant: Int,
                                id: UInt32) -> [(expression: VectorscanDatabase.Expression, derived: PrefilterExpression)] {
        // The prefilter text is never in extended mode (it carries its own `(?x)` when it must).
        let options = plugin.rules[rule].manifest.options.subtracting(.extended)
        return plugin.prefilterExpressions(rule: rule, variant: variant).map { derived in
            (VectorscanDatabase.Expression(pattern: derived.scanText, options: options, widthPattern: derived.collapsed, id: id), derived)
        }
    }

    /// Derives each unit's prefilter expressions and window, and compiles the database.
    static func compile(_ plugins: [Plugin]) -> Compiled {
        var expressions: [VectorscanDatabase.Expression] = []
        var alphabets: [MatchAlphabet] = []
        var elastic: [ScalarSet] = []
        var bypassed: [String?] = []
        var unit = 0
        for plugin in plugins {
            for rule in plugin.rules.indices {
                for variant in plugin.rules[rule].windowed.indices {
                    bypassed.append(plugin.prefilterBypass(rule: rule))
                    if bypassed[unit] != nil {
                        alphabets.append(MatchAlphabet(patterns: [], options: []))
                        elastic.append(.empty)
                        unit += 1
                        continue
                    }
                    var characters = ScalarSet.empty
                    var texts: [String] = []
                    for (expression, derived) in scanExpressions(plugin, rule: rule, variant: variant, id: UInt32(unit)) {
                        expressions.append(expression)
                        characters = characters.union(derived.elastic)
                        texts.append(derived.text)
                    }
                    // From the rewritten text: it includes a final lookahead the windows reach over.
                    alphabets.append(MatchAlphabet(patterns: texts,
                                                   options: plugin.rules[rule].manifest.options.subtracting(.extended)))
                    elastic.append(characters)
                    unit += 1
                }
            }
        }
        let database = VectorscanDatabase(expressions: expressions)
        // A unit's window: the widest of its expressions', unless one was rejected.
        var coverage = Array(repeating: [VectorscanDatabase.Coverage](), count: unit)
        for (expression, result) in zip(expressions, database.coverage) { coverage[Int(expression.id)].append(result) }
        var windows: [CandidateWindow?] = []
        var rejections: [String?] = []
        for (((results, alphabet), characters), bypass) in zip(zip(zip(coverage, alphabets), elastic), bypassed) {
            if let bypass {
                windows.append(nil)
                rejections.append(bypass)
                continue
            }
            if let rejected = results.lazy.compactMap({ if case .rejected(let reason) = $0 { reason } else { nil } }).first {
                windows.append(nil)
                rejections.append(rejected)
                continue
            }
            var maxCost: Int? = 0
            for result in results {
                if case .bounded(let bytes) = result, let cost = maxCost { maxCost = max(cost, bytes) } else { maxCost = nil }
            }
            windows.append(CandidateWindow(maxCost: maxCost, barriers: alphabet.barriers, elastic: characters))
            rejections.append(nil)
        }
        return Compiled(database: database, windows: windows, rejections: rejections, expressions: expressions)
    }

    func makeScratch() -> VectorscanScratch? { database.makeScratch() }

    /// Scans the document; on success `bounds` holds, per unit, the range of its events in
    /// `scratch.events`. False: use PCRE2 alone for this document.
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, scratch: VectorscanScratch, bounds: inout [Int]) -> Bool {
        guard database.scan(bytes, scratch: scratch, maxEvents: Self.eventsPerByte * bytes.count + 4096) else { return false }
        bounds.removeAll(keepingCapacity: true)
        bounds.reserveCapacity(windows.count + 1)
        var index = 0
        let events = scratch.events
        for unit in 0...windows.count {
            while index < events.count, Int(truncatingIfNeeded: events[index] >> 32) < unit { index += 1 }
            bounds.append(index)
        }
        return true
    }
}

/// One document's prefilter results as a plugin sees them.
struct CandidateEnds {
    let events: UnsafeBufferPointer<UInt64>
    let bounds: UnsafeBufferPointer<Int>
    let windows: [CandidateWindow?]
    let base: Int

    /// Candidate ends of one of the plugin's units (`Plugin.unitStarts`), ascending (low 32
    /// bits of each event).
    func ends(_ unit: Int) -> Slice<UnsafeBufferPointer<UInt64>> {
        events[bounds[base + unit]..<bounds[base + unit + 1]]
    }

    func window(_ unit: Int) -> CandidateWindow? { windows[base + unit] }
}
