/// Makes the values of pending candidates (`Candidate.isPending`) when the overlap pass keeps
/// them. Only about a third of the candidates of news text survive the merge, and normalizing
/// (exercise and program names, dates, amounts) is a large share of the work after matching;
/// a dropped candidate's value was never read, except in its `--explain` decision.
///
/// The result is the same as normalizing every candidate at once: a normalizer that rejects a
/// match makes it no candidate, so the overlap pass asks for a value (and so whether there is
/// a candidate) before it keeps a candidate, the only moment a candidate's existence changes the
/// choice. A candidate that overlaps one already kept is dropped whether it exists or not.
final class DeferredValues {
    let plugins: [Plugin]
    let document: Document
    let bytes: UnsafeBufferPointer<UInt8>
    let scratch: PCRE2Scratch
    let profile: EngineProfile?
    /// A long document's kept candidates' values share storage with equal ones until the
    /// records are made (a short one's are too few to matter: no look-ups).
    private var interner: ValueInterner?
    static let interningBytes = 1 << 20

    init(plugins: [Plugin], document: Document, bytes: UnsafeBufferPointer<UInt8>, scratch: PCRE2Scratch, profile: EngineProfile?) {
        self.plugins = plugins
        self.document = document
        self.bytes = bytes
        self.scratch = scratch
        self.profile = profile
        if bytes.count >= Self.interningBytes { interner = ValueInterner() }
    }

    /// Makes `candidate`'s value if it is pending; false when the normalizer rejects it (it
    /// is then no candidate at all).
    func resolve(_ candidate: inout Candidate) -> Bool {
        guard candidate.isPending else { return true }
        let started = profile == nil ? 0 : EngineProfile.now()
        let normalized = plugins[candidate.plugin].deferredValue(rule: candidate.rule, span: candidate.bytes, in: document,
                                                                 bytes: bytes, scratch: scratch)
        if let profile {
            // Normalizing, not merging, in `glean bench`'s stage table.
            let spent = EngineProfile.now() - started
            profile.normalizeNanos[candidate.plugin] &+= spent
            profile.mergeNanos &-= spent
        }
        guard let normalized else { return false }
        candidate.value = interner?.intern(normalized.value) ?? normalized.value
        candidate.inferred = normalized.inferred
        candidate.isPending = false
        return true
    }
}
