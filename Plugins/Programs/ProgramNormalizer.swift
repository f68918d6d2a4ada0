import GleanerCore

/// `{"name", "acronym"?}` for a program: the core `name` normalizer, plus title case for an
/// unlisted name set wholly in capitals (`CHENNAI PERIPHERAL RING ROAD` in a press-release
/// heading → `Chennai Peripheral Ring Road`). The core keeps short all-caps words as
/// acronyms; in an all-caps heading only words of three letters or fewer can be acronyms.
struct ProgramNormalizer: Normalizer {
    static let factory = NormalizerFactory(id: "program", schema: CoreNormalizers.name.schema) { context throws(PluginError) in
        guard let base = try CoreNormalizers.name.make(context) as? NameNormalizer else {
            throw PluginError(file: context.manifest.origin, message: "the core `name` normalizer changed type")
        }
        let acronyms = Set(base.canonicalizer.lexicon?.values(of: "acronym") ?? [])
        let owners = (context.manifest.params["ownerWords"] ?? "").split(separator: "|").map { String($0) + " " }
        let ownerAcronyms = (context.manifest.params["ownerAcronyms"] ?? "").split(separator: "|").map { String($0) + " " }
        return ProgramNormalizer(base: base, acronyms: acronyms, ownerWords: owners, ownerAcronyms: ownerAcronyms)
    }

    let base: NameNormalizer
    /// Listed acronyms stay upper case even in a heading (`SCRI`, `BIMSTEC`).
    let acronyms: Set<String>
    private let acronymTable: ByteKeyTable

    /// Nationality words followed by a space (param `ownerWords`): before a listed name they
    /// are its owner (`the Japanese Asia Health and Wellbeing Initiative`), and a candidate
    /// that takes one into a listed name is dropped for the listed name's own candidate.
    let ownerWords: [String]

    /// Acronyms of bodies that own programs, followed by a space (param `ownerAcronyms`):
    /// `EU Growth Plan` is the owner and the program when the document also writes the name
    /// without the owner (`the Growth Plan for the Western Balkans`); the candidate is dropped
    /// for the one that starts after the owner (ANNOTATION.md: owners stay out).
    let ownerAcronyms: [String]

    /// Furthest the document is read on each side for the name without its owner, in bytes.
    static let documentReach = 32_768

    init(base: NameNormalizer, acronyms: Set<String>, ownerWords: [String] = [], ownerAcronyms: [String] = []) {
        self.base = base
        self.acronyms = acronyms
        self.ownerWords = ownerWords
        self.ownerAcronyms = ownerAcronyms
        var table = ByteKeyTable()
        for acronym in acronyms { table.insert(acronym, 0) }
        acronymTable = table
    }

    /// Joining words that title case writes in lower case inside a name.
    static let small: Set<String> = ["of", "and", "for", "the", "in", "on", "to", "at", "by"]

    func normalize(_ match: RuleMatch) -> Normalization? {
        let groups = match.groups(base.slots)
        var reading = base.read(groups, span: match.spanBytes)
        let written = groups.bytes(0) ?? match.spanBytes
        if !ownerWords.isEmpty, let owner = ownerWords.first(where: { Self.starts(written, with: $0) }) {
            let rest = String(decoding: UnsafeBufferPointer(rebasing: written[(written.startIndex + owner.utf8.count)...]), as: UTF8.self)
            if base.canonicalizer.entryIndex(for: rest) != nil { return nil }
        }
        if !ownerAcronyms.isEmpty,
           let owner = ownerAcronyms.first(where: { Self.starts(match.spanBytes, with: $0) }) {
            let rest = Array(match.spanBytes[(match.spanBytes.startIndex + owner.utf8.count)...])
            if rest.contains(UInt8(ascii: " ")),
               Self.isUsed(rest, without: Array(owner.utf8), except: match.span, in: match.bytes) { return nil }
        }
        if match.rule.params["asWritten"] == "true" {
            // An acronym the sentence calls a program (`PROSUB, the submarine program`).
            reading.name = String(decoding: written, as: UTF8.self)
            reading.acronym = reading.name
        } else if ASCIINameCaser.isAllCapsHeading(written), base.canonicalizer.entryIndex(for: reading.name) == nil {
            reading.name = titleCased(reading.name)
        }
        return Normalization(value: NameNormalizer.value(reading))
    }

    /// True when `name` stands as whole words in the document outside `except`, not right after
    /// `owner` (its bytes with the trailing space).
    static func isUsed(_ name: [UInt8], without owner: [UInt8], except: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func isWordByte(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte >= 0x80
        }
        guard let first = name.first else { return false }
        let low = max(0, except.lowerBound - documentReach)
        let high = min(bytes.count, except.upperBound + documentReach)
        var index = low
        while index + name.count <= high {
            defer { index += 1 }
            guard bytes[index] == first, !except.contains(index) else { continue }
            guard index == 0 || !isWordByte(bytes[index - 1]) else { continue }
            let end = index + name.count
            guard end == bytes.count || !isWordByte(bytes[end]) else { continue }
            guard zip(name.indices, index..<end).allSatisfy({ name[$0] == bytes[$1] }) else { continue }
            let ownerStart = index - owner.count
            if ownerStart >= 0, zip(owner.indices, ownerStart..<index).allSatisfy({ owner[$0] == bytes[$1] }) { continue }
            return true
        }
        return false
    }

    static func starts(_ text: UnsafeBufferPointer<UInt8>, with prefix: String) -> Bool {
        let prefix = Array(prefix.utf8)
        return text.count > prefix.count && zip(text, prefix).allSatisfy { $0 == $1 }
    }


    func titleCased(_ name: String) -> String {
        var name = name
        if let cased = name.withUTF8({ asciiTitleCased($0) }) { return cased }
        var words: [String] = []
        for word in name.split(separator: " ") {
            let parts = word.split(separator: "-", omittingEmptySubsequences: false).map { part -> String in
                let lower = part.lowercased()
                if !words.isEmpty, Self.small.contains(lower) { return lower }
                guard part.count > 3, !acronyms.contains(String(part)) else { return String(part) }
                return String(part.prefix(1)) + lower.dropFirst()
            }
            words.append(parts.joined(separator: "-"))
        }
        return words.joined(separator: " ")
    }

    /// `titleCased` of an ASCII name, else nil.
    private func asciiTitleCased(_ name: UnsafeBufferPointer<UInt8>) -> String? {
        ASCIINameCaser.recase(name) { part, firstWord in
            if !firstWord && Self.isSmall(part) { return .lower }
            return part.count <= 3 || acronymTable.value(forSimple: part) != nil ? .asWritten : .capitalized
        }
    }

    /// One of `small` in any case.
    private static func isSmall(_ part: UnsafeBufferPointer<UInt8>) -> Bool {
        switch part.count {
        case 2:
            switch (lower(part[0]), lower(part[1])) {
            case (0x6F, 0x66), (0x69, 0x6E), (0x6F, 0x6E), (0x74, 0x6F), (0x61, 0x74), (0x62, 0x79):
                return true   // of in on to at by
            default: return false
            }
        case 3:
            switch (lower(part[0]), lower(part[1]), lower(part[2])) {
            case (0x61, 0x6E, 0x64), (0x66, 0x6F, 0x72), (0x74, 0x68, 0x65):
                return true   // and for the
            default: return false
            }
        default: return false
        }
    }

    @inline(__always)
    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }
}
