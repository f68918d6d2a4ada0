/// Runs every plugin over a document, merges the candidates and builds validated records.
/// Immutable and shared; each thread brings its own `Engine.Scratch`.
public final class Engine: Sendable {
    public let plugins: [Plugin]
    public let pipeline: MergePipeline
    /// Vectorscan in front of PCRE2 (nil: PCRE2 scans alone). Same results either way.
    public let prefilter: CandidatePrefilter?
    /// What the merge and record stages read of each plugin.
    public let traits: [PluginTraits]
    let maxCaptureCount: Int
    /// Candidates one document may produce before it fails (docs/robustness.md): a guard, no
    /// longer what keeps memory bounded. A candidate costs 64 bytes until the overlap pass
    /// (values are made only for the kept ones) and records are written as they are made, so
    /// 5 million stay under about 1 GB: a 100 MB article (2.3 million) and 10 MB of nothing but
    /// amounts (`$1,$1,...`, 3.3 million) are extracted.
    public let maxCandidates: Int
    public static let defaultMaxCandidates = 5_000_000
    /// Documents of this many bytes and more reserve room for one candidate per
    /// `bytesPerReservedCandidate` bytes (news text makes one per 43).
    static let reservingBytes = 4 << 20
    static let bytesPerReservedCandidate = 16

    /// `prefilter: false` makes PCRE2 scan alone (`--no-prefilter`; the equivalence tests).
    public init(plugins: [Plugin], pipeline: MergePipeline = .standard, prefilter: Bool = true,
                maxCandidates: Int = Engine.defaultMaxCandidates) {
        self.maxCandidates = maxCandidates
        self.plugins = plugins
        self.pipeline = pipeline
        self.prefilter = prefilter ? CandidatePrefilter(plugins: plugins) : nil
        traits = PluginTraits.of(plugins)
        maxCaptureCount = plugins.map(\.maxCaptureCount).max() ?? 0
    }

    /// Per-thread matching state.
    public final class Scratch {
        let pcre: PCRE2Scratch
        let vectorscan: VectorscanScratch?
        var unitBounds: [Int] = []
        var buffers = Plugin.PrefilterBuffers()
        /// Set to collect timings (`glean bench`).
        public var profile: EngineProfile?
        init(maxCaptureCount: Int, limits: PCRE2Scratch.Limits, prefilter: CandidatePrefilter?) {
            pcre = PCRE2Scratch(maxCaptureCount: maxCaptureCount, limits: limits)
            vectorscan = prefilter?.makeScratch()
        }

        /// Frees the scan's buffers when a long document grew them past what is kept.
        func trim() {
            let kept = Engine.keptScratchElements
            vectorscan?.trim()
            if unitBounds.capacity > kept { unitBounds = [] }
            if buffers.keys.capacity > kept || buffers.starts.capacity > kept || buffers.spans.capacity > kept
                || buffers.order.capacity > kept {
                buffers = Plugin.PrefilterBuffers()
            }
        }
    }

    /// Scan buffers a thread keeps between documents: more (about 8 MB) only while a long
    /// document needs them.
    static let keptScratchElements = 1 << 20

    public func makeScratch(limits: PCRE2Scratch.Limits = .init()) -> Scratch {
        let scratch = Scratch(maxCaptureCount: maxCaptureCount, limits: limits, prefilter: prefilter)
        scratch.pcre.maxCandidates = maxCandidates
        return scratch
    }

    public struct Result: Sendable {
        public var mentions: [Mention]
        /// Candidates the merge dropped, with the reason (for `--explain` and `glean explain`).
        public var decisions: [Decision]
        /// Rules that failed on this document (match limit, ...): their other results stay.
        public var ruleFailures: [String]
        /// Set when a record failed validation: the document fails and has no mentions.
        public var validationError: String?
        /// Every candidate before the merge, when asked for (`glean explain`).
        public var candidates: [Candidate]
    }

    /// `decisions: false` skips building the merge's decisions (nobody reads them without `--explain`).
    /// `mentions`: when given, each record is handed to it as it is made and `Result.mentions`
    /// stays empty, so a long document's records are never all in memory at once
    /// (docs/robustness.md). When the result has a `validationError`, the records it was handed
    /// before the invalid one must be discarded.
    public func extract(_ document: Document, scratch: Scratch, keepCandidates: Bool = false, decisions recordDecisions: Bool = true,
                        mentions sink: ((Mention) -> Void)? = nil) -> Result {
        var text = document.text
        return text.withUTF8 { bytes in
            var candidates: [Candidate] = []
            // Grown by doubling, a long document's candidate array would hold the old and the
            // new buffer at once (128 + 256 MB for a 100 MB article, at the scan's peak); a
            // reservation's pages take memory only once written (the overlap pass cuts it to size).
            if bytes.count >= Self.reservingBytes {
                // A power of two, so that a document denser than that grows as it would have.
                let wanted = min(maxCandidates, bytes.count / Self.bytesPerReservedCandidate)
                candidates.reserveCapacity(1 << (Int.bitWidth - (wanted - 1).leadingZeroBitCount))
            }
            var failures: [String] = []
            let profile = scratch.profile
            // Values are made after the overlap pass, for the candidates it keeps (explain's
            // candidate list shows them all with their values).
            scratch.pcre.defersValues = !keepCandidates && pipeline.passes.first is OverlapResolver
            defer { scratch.pcre.defersValues = false }
            let scanning = profile == nil ? 0 : EngineProfile.now()
            let prefiltered = if let prefilter, let vectorscan = scratch.vectorscan {
                prefilter.scan(bytes, scratch: vectorscan, bounds: &scratch.unitBounds)
            } else {
                false
            }
            if let profile {
                profile.prefilterNanos &+= EngineProfile.now() - scanning
                if prefilter != nil, !prefiltered { profile.unfilteredDocuments += 1 }
            }
            for (index, plugin) in plugins.enumerated() {
                let started = profile == nil ? 0 : EngineProfile.now()
                if prefiltered, let prefilter, let vectorscan = scratch.vectorscan {
                    vectorscan.events.withUnsafeBufferPointer { events in
                        scratch.unitBounds.withUnsafeBufferPointer { bounds in
                            let ends = CandidateEnds(events: events, bounds: bounds, windows: prefilter.windows,
                                                     base: prefilter.pluginBase[index])
                            plugin.prefilteredCandidates(in: document, bytes: bytes, ends: ends, pluginIndex: index,
                                                         scratch: scratch.pcre, buffers: &scratch.buffers,
                                                         into: &candidates, failures: &failures, profile: profile)
                        }
                    }
                } else {
                    plugin.candidates(in: document, bytes: bytes, pluginIndex: index, scratch: scratch.pcre,
                                      into: &candidates, failures: &failures, profile: profile)
                }
                if let profile { profile.matchNanos[index] &+= EngineProfile.now() - started }
            }
            // A long document's scan buffers are not kept for the merge and the next document.
            scratch.trim()
            if candidates.count >= maxCandidates {
                let message = "more than \(maxCandidates) candidate mentions (\(bytes.count) bytes); not extracted, to keep memory bounded (raise the limit with --max-candidates)"
                return Result(mentions: [], decisions: [], ruleFailures: failures, validationError: message, candidates: [])
            }
            let proposed = keepCandidates ? candidates : []
            let deferred = DeferredValues(plugins: plugins, document: document, bytes: bytes, scratch: scratch.pcre, profile: profile)
            var result = resolve(consume candidates, failures: failures, document: document, bytes: bytes, profile: profile,
                                 decisions: recordDecisions, deferred: deferred, mentions: sink)
            result.candidates = proposed
            return result
        }
    }

    /// Everything after matching: merges the candidates and builds validated records. `bytes`
    /// are the document text's UTF-8 bytes; `mentions` as for `extract`.
    public func resolve(_ candidates: consuming [Candidate], failures: [String], document: Document, bytes: UnsafeBufferPointer<UInt8>,
                        profile: EngineProfile? = nil, decisions recordDecisions: Bool = true,
                        mentions sink: ((Mention) -> Void)? = nil) -> Result {
        resolve(candidates, failures: failures, document: document, bytes: bytes, profile: profile, decisions: recordDecisions,
                deferred: nil, mentions: sink)
    }

    /// `resolve`, with the pending candidates' values made by `deferred`.
    func resolve(_ candidates: consuming [Candidate], failures: [String], document: Document, bytes: UnsafeBufferPointer<UInt8>,
                 profile: EngineProfile?, decisions recordDecisions: Bool, deferred: DeferredValues?,
                 mentions sink: ((Mention) -> Void)?) -> Result {
        var candidates = candidates
        var decisions: [Decision] = []
        var context = MergeContext(document: document, bytes: bytes, plugins: plugins, traits: traits,
                                   recordsDecisions: recordDecisions)
        context.deferredValues = deferred
        let merging = profile == nil ? 0 : EngineProfile.now()
        pipeline.run(&candidates, in: context, decisions: &decisions)
        let building = profile == nil ? 0 : EngineProfile.now()
        profile?.mergeNanos &+= building - merging
        defer { profile?.buildNanos &+= EngineProfile.now() - building }
        if let sink {
            let problem = MentionBuilder.stream(candidates, in: context, sink)
            return Result(mentions: [], decisions: decisions, ruleFailures: failures, validationError: problem, candidates: [])
        }
        let (mentions, validationError) = MentionBuilder.build(candidates, in: context)
        return Result(mentions: mentions, decisions: decisions, ruleFailures: failures,
                      validationError: validationError, candidates: [])
    }
}
