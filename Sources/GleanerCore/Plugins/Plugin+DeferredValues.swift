/// Normalizing after the overlap pass (`DeferredValues`): a rule of one pattern whose whole
/// match is its candidate can be matched again, anchored at the candidate's start, and give the
/// same groups, so its value need only be made for a candidate that is kept.
extension Plugin {
    /// Whether `rule`'s candidates may leave their value for later.
    func defersValue(of rule: CompiledRule) -> Bool {
        rule.manifest.action != .block && rule.anchored.count == 1 && rule.spanGroups[0] == nil
    }

    /// The value of a pending candidate of rule `index` spanning `span`: the rule matched again
    /// there, then normalized. Nil when the normalizer rejects the match (or, which the scan
    /// rules out, the rule no longer matches exactly `span`).
    func deferredValue(rule index: Int, span: Range<Int>, in document: Document, bytes: UnsafeBufferPointer<UInt8>,
                       scratch: PCRE2Scratch) -> Normalization? {
        let rule = rules[index]
        guard (try? rule.anchored[0].firstMatch(in: bytes, from: span.lowerBound, scratch: scratch)) == true,
              scratch.range(0) == span else { return nil }
        return normalizer.normalize(RuleMatch(bytes: bytes, span: span, rule: rule.manifest, document: document,
                                              pattern: rule.anchored[0], scratch: scratch))
    }
}
