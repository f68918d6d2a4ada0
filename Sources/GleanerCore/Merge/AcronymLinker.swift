#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `acronyms` pass, for plugins that list it (or say `linkAcronyms: true`): `Name (ACR)` sets the name's `value.acronym` and
/// makes the parenthesized `ACR` part of no mention; every bare `ACR` elsewhere in the same
/// document becomes a mention resolved to that name (a definition in the document wins over
/// the lexicon), with the definition's other keys (a party's `type`). Values never depend on
/// other documents.
public struct AcronymLinker: MergePass {
    public let name = "acronym"

    public init() {}

    /// A document's definition of an acronym (first one wins).
    struct Definition {
        var token: [UInt8]
        var text: String
        var plugin: Int
        /// The defining mention's value, its `acronym` set: what every bare use resolves to.
        var value: JSONValue
    }

    public func apply(to candidates: inout [Candidate], in context: MergeContext, decisions: inout [Decision]) {
        guard context.traits.contains(where: \.linkAcronyms) else { return }
        // 1. Definitions: a mention directly followed by `(ACR)`.
        var definitions: [Definition] = []
        var defined: [String: Int] = [:]
        var definitionSpans: [Range<Int>] = []
        for index in candidates.indices where context.traits[candidates[index].plugin].linkAcronyms {
            // Most candidates have no `(ACR)` after them: looked for before the candidate is copied.
            guard let acronym = parenthesizedAcronym(after: candidates[index].bytes.upperBound, in: context.bytes) else { continue }
            let candidate = candidates[index]
            // `Vietnam (AP)`: a country takes no acronym (its record would fail validation).
            guard context.traits[candidate.plugin].schema.admitsAcronym(in: candidate.value) else { continue }
            guard let name = candidate.value?["name"], candidate.value?["acronym"] == nil
                    || context.text(acronym) == candidate.value?["acronym"]?.stringValue else { continue }
            let token = context.text(acronym)
            guard token != name.stringValue else { continue }
            let value = candidate.value?.setting("acronym", to: .string(token))
            candidates[index].value = value
            if defined[token] == nil, let value {
                defined[token] = definitions.count
                definitions.append(Definition(token: Array(context.bytes[acronym]), text: token, plugin: candidate.plugin, value: value))
            }
            definitionSpans.append(acronym)
        }
        guard !definitionSpans.isEmpty else { return }
        definitionSpans.sort { $0.lowerBound < $1.lowerBound }
        func isDefinitionSpan(_ range: Range<Int>) -> Bool {
            var low = 0, high = definitionSpans.count
            while low < high {
                let mid = (low + high) / 2
                if definitionSpans[mid].lowerBound < range.lowerBound { low = mid + 1 } else { high = mid }
            }
            while low < definitionSpans.count, definitionSpans[low].lowerBound == range.lowerBound {
                if definitionSpans[low] == range { return true }
                low += 1
            }
            return false
        }
        // 2. The `(ACR)` of a definition is not a mention of its own.
        candidates.removeAllMoving { candidate in
            guard isDefinitionSpan(candidate.bytes) else { return false }
            if context.recordsDecisions {
                decisions.append(Decision(candidate, in: context, pass: name,
                                          reason: "acronym in parentheses after its full name: it goes into the name's value.acronym"))
            }
            return true
        }
        guard !definitions.isEmpty else { return }
        // Tokens are ASCII, so byte order is string order.
        definitions.sort { $0.token.lexicographicallyPrecedes($1.token) }
        // 3. Bare uses already found by a rule take the document's definition.
        for index in candidates.indices where context.traits[candidates[index].plugin].linkAcronyms {
            if let definition = definition(of: candidates[index].bytes, in: definitions, context),
               definitions[definition].plugin == candidates[index].plugin {
                candidates[index].value = definitions[definition].value
            }
        }
        // 4. Other bare uses become mentions where no mention covers them: tokens in order,
        // each token's occurrences left to right.
        let found = occurrences(of: definitions, in: context.bytes)
        guard found.contains(where: { !$0.isEmpty }) else { return }
        let disjoint = zip(candidates, candidates.dropFirst()).allSatisfy { $0.bytes.upperBound <= $1.bytes.lowerBound }
        func covered(_ range: Range<Int>) -> Bool {
            guard disjoint else { return candidates.contains { $0.bytes.overlaps(range) } }
            // The last candidate that starts before the range ends is the only one that may overlap it.
            var low = 0, high = candidates.count
            while low < high {
                let mid = (low + high) / 2
                if candidates[mid].bytes.lowerBound < range.upperBound { low = mid + 1 } else { high = mid }
            }
            return low > 0 && candidates[low - 1].bytes.overlaps(range)
        }
        var starts = found.flatMap { $0.map(\.lowerBound) }
        starts.sort()
        var unique: [Int] = []
        for start in starts where unique.last != start { unique.append(start) }
        var taken = DisjointSpans(possibleStarts: unique)
        var added: [Candidate] = []
        for (definition, ranges) in zip(definitions, found) {
            for range in ranges where !isDefinitionSpan(range) && !covered(range) && taken.overlap(with: range) == nil {
                taken.insert(range, owner: added.count)
                added.append(Candidate(plugin: definition.plugin, rule: -1, bytes: range, value: definition.value))
            }
        }
        if !added.isEmpty {
            candidates += added
            candidates.sort { $0.bytes.lowerBound < $1.bytes.lowerBound }
        }
    }

    /// The definition whose token is the text of `range`, if any.
    private func definition(of range: Range<Int>, in definitions: [Definition], _ context: MergeContext) -> Int? {
        guard range.count >= 2 else { return nil }
        let bytes = UnsafeBufferPointer(rebasing: context.bytes[range])
        // Non-ASCII text may still equal an ASCII token as a string (canonical equivalence).
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return unicodeDefinition(of: range, in: definitions, context) }
        guard range.count <= 16 else { return nil }
        var low = 0, high = definitions.count
        while low < high {
            let mid = (low + high) / 2
            if definitions[mid].token.lexicographicallyPrecedes(bytes) { low = mid + 1 } else { high = mid }
        }
        return low < definitions.count && definitions[low].token.elementsEqual(bytes) ? low : nil
    }

    private func unicodeDefinition(of range: Range<Int>, in definitions: [Definition], _ context: MergeContext) -> Int? {
        let text = context.text(range)
        return definitions.firstIndex { $0.text == text }
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

    /// Whole-word occurrences of each definition's token, in one pass over the document. Per
    /// token, the search resumes after each occurrence (occurrences of one token never overlap).
    func occurrences(of definitions: [Definition], in bytes: UnsafeBufferPointer<UInt8>) -> [[Range<Int>]] {
        var found = Array(repeating: [Range<Int>](), count: definitions.count)
        // Per first byte, its tokens in order as a chain (`firstToken`, then `nextToken`): plain
        // integers, where an array per byte would be 256 arrays to make and release per document.
        var firstToken = Array(repeating: -1, count: 256)
        var nextToken = Array(repeating: -1, count: definitions.count)
        var resume = Array(repeating: 0, count: definitions.count)
        var onlyCapitals = true
        var firstBytes: [UInt8] = []
        for index in definitions.indices.reversed() where !definitions[index].token.isEmpty {
            let first = definitions[index].token[0]
            nextToken[index] = firstToken[Int(first)]
            firstToken[Int(first)] = index
            if !(65...90).contains(first) { onlyCapitals = false }
            if !firstBytes.contains(first) { firstBytes.append(first) }
        }
        let count = bytes.count
        func check(_ index: Int) {
            var token = firstToken[Int(bytes[index])]
            guard token >= 0, index == 0 || !isAlphanumeric(bytes[index - 1]) else { return }
            while token >= 0 {
                defer { token = nextToken[token] }
                guard index >= resume[token] else { continue }
                let length = definitions[token].token.count
                let end = index + length
                guard end <= count, end == count || !isAlphanumeric(bytes[end]) else { continue }
                var equal = true
                for offset in 1..<length where bytes[index + offset] != definitions[token].token[offset] { equal = false; break }
                if equal {
                    found[token].append(index..<end)
                    resume[token] = end
                }
            }
        }
        var index = 0
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        if firstBytes.count <= 8, let base = bytes.baseAddress {
            // Few distinct first bytes (a document defines few acronyms): one `memchr` pass per
            // byte, far faster than stopping at every capital. A token's occurrences depend only
            // on the checks at its own first byte, made here left to right as before.
            for first in firstBytes {
                var position = 0
                while position < count, let hit = memchr(base + position, Int32(first), count - position) {
                    let offset = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                    check(offset)
                    position = offset + 1
                }
            }
            return found
        } else if onlyCapitals, let base = bytes.baseAddress {
            // Skip eight bytes at a time while none is a capital letter.
            while index + 8 <= count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                let low = word & (ones &* 127)
                // The high bit of each byte that is A-Z (exact per byte: no carries cross bytes).
                var capitals = (ones &* (127 + 0x5B) &- low) & ~word & (low &+ ones &* (127 - 0x40)) & highs
                while capitals != 0 {
                    check(index + capitals.trailingZeroBitCount / 8)
                    capitals &= capitals - 1
                }
                index += 8
            }
        }
        while index < count {
            check(index)
            index += 1
        }
        return found
    }

    private func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
    }
}
