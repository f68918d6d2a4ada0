/// The `short-forms` pass, for plugins that list it (or say `linkShortForms: true`): a name that repeats the end of a longer name met
/// earlier in the same document (`the Defence Policy Dialogue` after `India-Japan Defence
/// Policy Dialogue`) is a short form of it and takes its canonical name.
public struct ShortFormLinker: MergePass {
    public let name = "short-form"

    public init() {}

    public func apply(to candidates: inout [Candidate], in context: MergeContext, decisions: inout [Decision]) {
        guard context.traits.contains(where: \.linkShortForms) else { return }
        // By plugin index; an unused one allocates nothing.
        var earlier = Array(repeating: EarlierNames(), count: context.traits.count)
        for index in candidates.indices {
            let plugin = candidates[index].plugin
            guard context.traits[plugin].linkShortForms, let value = candidates[index].value,
                  let name = value["name"]?.stringValue else { continue }
            if let full = earlier[plugin].fullName(of: name) {
                candidates[index].value = value.setting("name", to: .string(full))
            }
        }
    }

    /// Words of a name, with hyphens as separators and case folded.
    static func words(_ name: String) -> [Substring] {
        name.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "\u{2013}" })
    }

    /// The full names met so far for one plugin. An ASCII name's words are byte ranges of
    /// its lower-cased bytes, all names' in two shared arrays (compared and hashed without
    /// strings or an allocation per name), found by the hash of each of their word suffixes;
    /// names that are not ASCII keep `words(_:)` and are checked one by one (rare).
    struct EarlierNames {
        /// A name met: its words in `words` (ASCII), or as strings.
        struct Name {
            var text: String
            var words: Range<Int>
            var unicode: [Substring]?

            var count: Int { unicode?.count ?? words.count }
        }

        /// Lower-cased bytes of the ASCII names' words.
        private var bytes: [UInt8] = []
        /// Byte ranges in `bytes` of the ASCII names' words, name after name.
        private var words: [Range<Int>] = []
        private var names: [Name] = []
        /// Per hash of a word suffix: the latest entry of `links` with it.
        private var bySuffix = SuffixTable()
        /// Names by suffix hash, latest first: a name and the previous entry with that hash (-1: none).
        private var links: [(name: Int, previous: Int)] = []
        private var unicode: [Int] = []

        /// The full name `name` is a short form of, if any; else `name` is remembered as a full name.
        mutating func fullName(of name: String) -> String? {
            let bytesBefore = bytes.count
            let candidate = parse(name)
            if candidate.count >= 2, let full = latest(endingWith: candidate) {
                bytes.removeLast(bytes.count - bytesBefore)
                words.removeLast(candidate.words.count)
                return names[full].text
            }
            add(candidate)
            return nil
        }

        /// `name`'s words appended to `bytes` and `words` when it is ASCII: its bytes copied in
        /// one go, then lower-cased in place (separators stay between the words' ranges).
        private mutating func parse(_ name: String) -> Name {
            let bytesBefore = bytes.count, wordsBefore = words.count
            bytes.append(contentsOf: name.utf8)
            // `words` moved out and back: the closure below may not touch `self` while `bytes` is borrowed.
            var ranges = words
            words = []
            defer { words = ranges }
            let ascii = bytes.withUnsafeMutableBufferPointer { buffer in
                var start = bytesBefore
                for index in bytesBefore..<buffer.count {
                    let byte = buffer[index]
                    if byte >= 0x80 { return false }
                    if byte == 0x20 || byte == 0x2D {
                        if start < index { ranges.append(start..<index) }
                        start = index + 1
                    } else if byte >= 65 && byte <= 90 {
                        buffer[index] = byte | 0x20
                    }
                }
                if start < buffer.count { ranges.append(start..<buffer.count) }
                return true
            }
            guard ascii else {
                bytes.removeLast(bytes.count - bytesBefore)
                ranges.removeLast(ranges.count - wordsBefore)
                return Name(text: name, words: wordsBefore..<wordsBefore, unicode: ShortFormLinker.words(name))
            }
            return Name(text: name, words: wordsBefore..<ranges.count, unicode: nil)
        }

        private mutating func add(_ name: Name) {
            let index = names.count
            names.append(name)
            if name.unicode != nil {
                unicode.append(index)
            } else if name.count > 2 {
                // The hashes of the suffixes of 2 to count - 1 words, in one pass from the end.
                var hash = Self.seed
                for count in 1..<name.count {
                    hash = Self.combine(hash, wordHash(words[name.words.upperBound - count]))
                    guard count >= 2 else { continue }
                    links.append((index, bySuffix[hash]))
                    bySuffix[hash] = links.count - 1
                }
            }
        }

        /// Hash of the last `count` words of an ASCII name, taken from the last word back (so
        /// `add` gets the hashes of all of a name's suffixes in one pass).
        private func suffixHash(_ name: Name, _ count: Int) -> UInt64 {
            var hash = Self.seed
            for offset in 1...count { hash = Self.combine(hash, wordHash(words[name.words.upperBound - offset])) }
            return hash
        }

        private static let seed: UInt64 = 0x9E37_79B9_7F4A_7C15

        private static func combine(_ hash: UInt64, _ word: UInt64) -> UInt64 {
            let mixed = (hash ^ word) &* 0x0000_0100_0000_01B3
            return mixed ^ (mixed >> 29)
        }

        /// FNV-1a of a word's lower-cased bytes.
        private func wordHash(_ word: Range<Int>) -> UInt64 {
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for index in word { hash = (hash ^ UInt64(bytes[index])) &* 0x0000_0100_0000_01B3 }
            return hash
        }

        /// Whether `name`'s last `other.count` words are `other`'s words.
        private func name(_ name: Name, endsWith other: Name) -> Bool {
            if name.unicode == nil, other.unicode == nil {
                let offset = name.words.upperBound - other.words.count
                for index in 0..<other.words.count {
                    let mine = words[offset + index], theirs = words[other.words.lowerBound + index]
                    guard mine.count == theirs.count else { return false }
                    for position in 0..<mine.count where bytes[mine.lowerBound + position] != bytes[theirs.lowerBound + position] {
                        return false
                    }
                }
                return true
            }
            let mine = name.unicode ?? ShortFormLinker.words(name.text)
            let theirs = other.unicode ?? ShortFormLinker.words(other.text)
            return Array(mine.suffix(theirs.count)) == theirs
        }

        /// The index of the latest name with more words than `words` whose last words are `words`.
        private func latest(endingWith words: Name) -> Int? {
            var best = -1
            if words.unicode == nil {
                var link = bySuffix[suffixHash(words, words.count)]
                while link >= 0 {
                    let index = links[link].name
                    if names[index].count > words.count && name(names[index], endsWith: words) {
                        best = index
                        break
                    }
                    link = links[link].previous
                }
                for index in unicode.reversed() where index > best {
                    if names[index].count > words.count, name(names[index], endsWith: words) { best = index; break }
                }
            } else {
                for index in names.indices.reversed() where names[index].count > words.count && name(names[index], endsWith: words) {
                    best = index
                    break
                }
            }
            return best >= 0 ? best : nil
        }

        /// Suffix hash to link (-1: none), by open addressing: the hashes are mixed already, so
        /// they are not hashed again as a `Dictionary` would.
        struct SuffixTable {
            private var keys: [UInt64] = []
            private var links: [Int] = []
            private var count = 0

            subscript(hash: UInt64) -> Int {
                get {
                    guard !links.isEmpty else { return -1 }
                    var slot = Int(truncatingIfNeeded: hash) & (links.count - 1)
                    while links[slot] >= 0 {
                        if keys[slot] == hash { return links[slot] }
                        slot = (slot + 1) & (links.count - 1)
                    }
                    return -1
                }
                set {
                    if (count + 1) * 2 > links.count { grow() }
                    var slot = Int(truncatingIfNeeded: hash) & (links.count - 1)
                    while links[slot] >= 0 {
                        if keys[slot] == hash {
                            links[slot] = newValue
                            return
                        }
                        slot = (slot + 1) & (links.count - 1)
                    }
                    keys[slot] = hash
                    links[slot] = newValue
                    count += 1
                }
            }

            private mutating func grow() {
                let (oldKeys, oldLinks) = (keys, links)
                keys = Array(repeating: 0, count: max(16, oldLinks.count * 2))
                links = Array(repeating: -1, count: keys.count)
                count = 0
                for slot in oldLinks.indices where oldLinks[slot] >= 0 { self[oldKeys[slot]] = oldLinks[slot] }
            }
        }
    }
}
