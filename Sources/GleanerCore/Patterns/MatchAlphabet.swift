/// The ASCII characters a pattern's match can contain. Every other ASCII byte is a barrier: no
/// match spans one, so a match ending at a candidate end starts after the last barrier before
/// that end. (UTF-8 multi-byte sequences contain no ASCII bytes, so testing bytes is exact.)
/// Lookaround bodies do not consume and are left out, unless the pattern has backreferences
/// or subroutine calls, which may replay any part of it.
struct MatchAlphabet: Sendable {
    /// Indexed by byte: true for an ASCII byte no match can contain.
    let barriers: [Bool]

    /// The alphabet of several patterns together (a rule's variants).
    init(patterns: [String], options: PatternOptions) {
        var alphabet = ScalarSet.empty
        for pattern in patterns { alphabet = alphabet.union(Self.alphabet(of: pattern, options: options)) }
        barriers = (0..<256).map { $0 < 128 && !alphabet.contains(ascii: UInt8($0)) }
    }

    private static func alphabet(of pattern: String, options: PatternOptions) -> ScalarSet {
        let syntax = PatternSyntax(pattern, caseless: options.contains(.caseless), extended: options.contains(.extended))
        var consumed = ScalarSet.empty
        var asserted = ScalarSet.empty
        var replays = false
        func walk(_ alternatives: [[PatternSyntax.Item]], inLookaround: Bool) {
            for item in alternatives.joined() {
                switch item.node {
                case .character(let set):
                    if inLookaround { asserted = asserted.union(set) } else { consumed = consumed.union(set) }
                case .reference: replays = true
                case .zeroWidth: break
                case .group(let kind, let inner): walk(inner, inLookaround: inLookaround || kind == .lookaround)
                }
            }
        }
        walk(syntax.root, inLookaround: false)
        var alphabet = replays ? consumed.union(asserted) : consumed
        // `.` takes a newline under (?s); KELVIN SIGN and LONG S match `k` and `s` caselessly.
        if options.contains(.dotAll) || setsDotAll(pattern) { alphabet = alphabet.union(.ascii("\n")) }
        if alphabet.contains(scalar: 0x212A) { alphabet = alphabet.union(.ascii("kK")) }
        if alphabet.contains(scalar: 0x017F) { alphabet = alphabet.union(.ascii("sS")) }
        return alphabet
    }

    /// Whether an inline option group turns on `s` anywhere (conservatively: any `(?...s...)`).
    private static func setsDotAll(_ pattern: String) -> Bool {
        let bytes = Array(pattern.utf8)
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "("), bytes[index + 1] == UInt8(ascii: "?") {
                var flag = index + 2
                while flag < bytes.count, (bytes[flag] >= UInt8(ascii: "a") && bytes[flag] <= UInt8(ascii: "z"))
                        || bytes[flag] == UInt8(ascii: "-") || bytes[flag] == UInt8(ascii: "^") {
                    if bytes[flag] == UInt8(ascii: "s") { return true }
                    flag += 1
                }
            }
            index += 1
        }
        return false
    }
}
