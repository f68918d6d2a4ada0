/// A view of one rule's match inside the document's UTF-8 bytes, valid only during the
/// `normalize` call. Groups are read by name, or, on the hot path, through `GroupSlots`
/// resolved once per pattern; strings are made only for the groups a normalizer asks for.
public struct RuleMatch {
    public let bytes: UnsafeBufferPointer<UInt8>
    public let span: Range<Int>
    public let rule: RuleManifest
    public let document: Document
    /// The anchored pattern (rule variant) that matched.
    let pattern: PCRE2Regex
    let scratch: PCRE2Scratch

    /// The byte range of a named group, if it took part in the match.
    public func range(_ name: String) -> Range<Int>? {
        guard let number = pattern.groupNumbers[name] else { return nil }
        return scratch.range(number)
    }

    public func has(_ name: String) -> Bool { range(name) != nil }

    /// The text of a named group, if it took part in the match.
    public func string(_ name: String) -> String? {
        range(name).map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
    }

    /// The bytes of a named group.
    public func slice(_ name: String) -> Slice<UnsafeBufferPointer<UInt8>>? {
        range(name).map { bytes[$0] }
    }

    /// The mention's text.
    public var text: String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[span]), as: UTF8.self)
    }

    /// The mention's bytes.
    public var spanBytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[span]) }

    /// A rule parameter, else the plugin's.
    public func param(_ name: String, plugin: PluginManifest? = nil) -> String? {
        rule.params[name] ?? plugin?.params[name]
    }

    /// The groups of `slots` in this match: one table lookup per match, then each slot is an
    /// array access.
    public func groups(_ slots: GroupSlots) -> MatchGroups {
        MatchGroups(numbers: slots.numbers(in: pattern), starts: scratch.starts, ends: scratch.ends, bytes: bytes)
    }
}
