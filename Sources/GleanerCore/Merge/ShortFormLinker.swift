/// For plugins with `linkShortForms: true`: a name that repeats the end of a longer name met
/// earlier in the same document (`the Defence Policy Dialogue` after `India-Japan Defence
/// Policy Dialogue`) is a short form of it and takes its canonical name.
public struct ShortFormLinker: MergePass {
    public let name = "short-form"

    public init() {}

    public func apply(to candidates: inout [Candidate], in context: MergeContext, decisions: inout [Decision]) {
        guard context.traits.contains(where: \.linkShortForms) else { return }
        var earlier: [Int: EarlierNames] = [:]
        for index in candidates.indices {
            let candidate = candidates[index]
            guard context.traits[candidate.plugin].linkShortForms,
                  let name = candidate.value?["name"]?.stringValue else { continue }
            let words = NameWords(name)
            if words.count >= 2, let full = earlier[candidate.plugin]?.latest(endingWith: words) {
                candidates[index].value = candidate.value?.setting("name", to: .string(full))
            } else {
                earlier[candidate.plugin, default: EarlierNames()].add(words)
            }
        }
    }

    /// Words of a name, with hyphens as separators and case folded.
    static func words(_ name: String) -> [Substring] {
        name.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "\u{2013}" })
    }

    /// A name's words: for an ASCII name, byte ranges of its lower-cased bytes (compared and
    /// hashed without strings); otherwise `words(_:)`, compared as strings.
    struct NameWords {
        let name: String
        let folded: [UInt8]
        let ranges: [Range<Int>]
        let unicode: [Substring]?

        init(_ name: String) {
            self.name = name
            var folded: [UInt8] = []
            folded.reserveCapacity(name.utf8.count)
            var ranges: [Range<Int>] = []
            var start = 0
            var ascii = true
            for byte in name.utf8 {
                if byte >= 0x80 { ascii = false; break }
                if byte == 0x20 || byte == 0x2D {
                    if start < folded.count { ranges.append(start..<folded.count) }
                    folded.append(byte)
                    start = folded.count
                } else {
                    folded.append(byte >= 65 && byte <= 90 ? byte | 0x20 : byte)
                }
            }
            if ascii {
                if start < folded.count { ranges.append(start..<folded.count) }
                self.folded = folded
                self.ranges = ranges
                unicode = nil
            } else {
                self.folded = []
                self.ranges = []
                unicode = ShortFormLinker.words(name)
            }
        }

        var count: Int { unicode?.count ?? ranges.count }

        /// Hash of the last `count` words (ASCII names only).
        func suffixHash(_ count: Int) -> UInt64 {
            var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
            for word in ranges[(ranges.count - count)...] {
                var wordHash: UInt64 = 0xCBF2_9CE4_8422_2325
                for index in word { wordHash = (wordHash ^ UInt64(folded[index])) &* 0x0000_0100_0000_01B3 }
                hash = (hash ^ wordHash) &* 0x0000_0100_0000_01B3
                hash ^= hash >> 29
            }
            return hash
        }

        /// Whether this name's last `other.count` words are `other`'s words.
        func endsWith(_ other: NameWords) -> Bool {
            if unicode == nil, other.unicode == nil {
                let offset = ranges.count - other.ranges.count
                for index in other.ranges.indices {
                    let mine = ranges[offset + index], theirs = other.ranges[index]
                    guard mine.count == theirs.count else { return false }
                    for position in 0..<mine.count where folded[mine.lowerBound + position] != other.folded[theirs.lowerBound + position] {
                        return false
                    }
                }
                return true
            }
            let mine = unicode ?? ShortFormLinker.words(name)
            let theirs = other.unicode ?? ShortFormLinker.words(other.name)
            return Array(mine.suffix(theirs.count)) == theirs
        }
    }

    /// The full names met so far for one plugin, found by the hash of each of their word
    /// suffixes; names that are not ASCII are checked one by one (rare).
    struct EarlierNames {
        var names: [NameWords] = []
        var bySuffix: [UInt64: [Int]] = [:]
        var unicode: [Int] = []

        mutating func add(_ words: NameWords) {
            let index = names.count
            names.append(words)
            if words.unicode != nil {
                unicode.append(index)
            } else if words.count > 2 {
                for count in 2..<words.count { bySuffix[words.suffixHash(count), default: []].append(index) }
            }
        }

        /// The latest name with more words than `words` whose last words are `words`.
        func latest(endingWith words: NameWords) -> String? {
            var best = -1
            if words.unicode == nil {
                for index in (bySuffix[words.suffixHash(words.count)] ?? []).reversed()
                where names[index].count > words.count && names[index].endsWith(words) {
                    best = index
                    break
                }
                for index in unicode.reversed() where index > best {
                    if names[index].count > words.count, names[index].endsWith(words) { best = index; break }
                }
            } else {
                for index in names.indices.reversed() where names[index].count > words.count && names[index].endsWith(words) {
                    best = index
                    break
                }
            }
            return best >= 0 ? names[best].name : nil
        }
    }
}
