/// For plugins with `linkAcronyms: true`: `Name (ACR)` sets the name's `value.acronym` and
/// makes the parenthesized `ACR` part of no mention; every bare `ACR` elsewhere in the same
/// document becomes a mention resolved to that name (a definition in the document wins over
/// the lexicon). Values never depend on other documents.
public struct AcronymLinker: MergePass {
    public let name = "acronym"

    public init() {}

    public func apply(to candidates: inout [Candidate], in context: MergeContext, decisions: inout [Decision]) {
        let linking = Set(context.plugins.indices.filter { context.plugins[$0].manifest.linkAcronyms })
        guard !linking.isEmpty else { return }
        // 1. Definitions: a mention directly followed by `(ACR)`.
        var definitions: [String: (plugin: Int, name: JSONValue)] = [:]
        var definitionSpans: [Range<Int>] = []
        for index in candidates.indices where linking.contains(candidates[index].plugin) {
            let candidate = candidates[index]
            guard let acronym = parenthesizedAcronym(after: candidate.bytes.upperBound, in: context.bytes),
                  let name = candidate.value?["name"], candidate.value?["acronym"] == nil
                    || context.text(acronym) == candidate.value?["acronym"]?.stringValue else { continue }
            let token = context.text(acronym)
            guard token != name.stringValue else { continue }
            candidates[index].value = candidate.value?.setting("acronym", to: .string(token))
            definitions[token] = definitions[token] ?? (candidate.plugin, name)
            definitionSpans.append(acronym)
        }
        // 2. The `(ACR)` of a definition is not a mention of its own.
        candidates.removeAll { candidate in
            guard definitionSpans.contains(candidate.bytes) else { return false }
            decisions.append(Decision(candidate, in: context, pass: name,
                                      reason: "acronym in parentheses after its full name: it goes into the name's value.acronym"))
            return true
        }
        guard !definitions.isEmpty else { return }
        // 3. Bare uses already found by a rule take the document's definition.
        for index in candidates.indices where linking.contains(candidates[index].plugin) {
            let token = context.text(candidates[index].bytes)
            if let definition = definitions[token], definition.plugin == candidates[index].plugin {
                candidates[index].value = .object([("name", definition.name), ("acronym", .string(token))])
            }
        }
        // 4. Other bare uses become mentions where no mention covers them.
        var added: [Candidate] = []
        for (token, definition) in definitions.sorted(by: { $0.key < $1.key }) {
            for range in occurrences(of: Array(token.utf8), in: context.bytes)
            where !definitionSpans.contains(range)
                && !candidates.contains(where: { $0.bytes.overlaps(range) })
                && !added.contains(where: { $0.bytes.overlaps(range) }) {
                added.append(Candidate(plugin: definition.plugin, rule: -1, bytes: range,
                                       value: .object([("name", definition.name), ("acronym", .string(token))])))
            }
        }
        if !added.isEmpty {
            candidates += added
            candidates.sort { $0.bytes.lowerBound < $1.bytes.lowerBound }
        }
    }

    /// `(ACR)` right after a name: optional spaces or a closing quote, then an acronym of
    /// 2–15 letters, digits, `&` or `-` with at least two capitals.
    func parenthesizedAcronym(after end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var position = end
        // Skip a closing quote (’ ” are 3 bytes) and spaces.
        while position < bytes.count {
            if bytes[position] == 0x20 || bytes[position] == 0x22 || bytes[position] == 0x27 {
                position += 1
            } else if position + 2 < bytes.count, bytes[position] == 0xE2, bytes[position + 1] == 0x80,
                      bytes[position + 2] == 0x99 || bytes[position + 2] == 0x9D {
                position += 3
            } else { break }
        }
        guard position < bytes.count, bytes[position] == UInt8(ascii: "(") else { return nil }
        let start = position + 1
        var cursor = start
        var capitals = 0
        while cursor < bytes.count, cursor - start <= 15 {
            let byte = bytes[cursor]
            if byte >= 65 && byte <= 90 { capitals += 1 } else if !(isAlphanumeric(byte) || byte == 0x26 || byte == 0x2D) { break }
            cursor += 1
        }
        guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: ")"), cursor - start >= 2, capitals >= 2 else { return nil }
        return start..<cursor
    }

    /// Whole-word occurrences of `token`.
    func occurrences(of token: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var found: [Range<Int>] = []
        guard !token.isEmpty, token.count <= bytes.count else { return found }
        var index = 0
        while index + token.count <= bytes.count {
            if bytes[index] == token[0], (index == 0 || !isAlphanumeric(bytes[index - 1])),
               index + token.count == bytes.count || !isAlphanumeric(bytes[index + token.count]),
               (1..<token.count).allSatisfy({ bytes[index + $0] == token[$0] }) {
                found.append(index..<(index + token.count))
                index += token.count
            } else {
                index += 1
            }
        }
        return found
    }

    private func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
    }
}
