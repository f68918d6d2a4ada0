/// Canonical spelling of a name (ANNOTATION.md): the lexicon's entry where one matches,
/// folding case, hyphens, spaces and optional head words (`Programme`, `Initiative`);
/// otherwise the name as written, with ordinary words set in capitals title-cased
/// (`AYUSHMAN` → `Ayushman`) and acronyms kept (`SCRI`, `ASEAN`).
///
/// ASCII names (nearly all) are handled on their bytes; any other name takes the String
/// path, which defines the behaviour.
public struct NameCanonicalizer: Sendable {
    public let lexicon: Lexicon?
    /// Lower-cased head words that may be dropped to find a lexicon entry.
    public let optionalHeads: [String]
    /// All-caps words at least this long are read as ordinary words, unless the lexicon
    /// lists them as acronyms.
    public let minimumWordLength: Int
    /// The lexicon's acronyms, computed once (they are kept in capitals).
    private let knownAcronyms: Set<String>
    private let knownAcronymTable: ByteKeyTable
    private let headTable: ByteKeyTable
    private let hasAcronymColumn: Bool
    /// Surface and acronym rows by key (an index in `keyRows`), for one lookup of an ASCII name.
    private let rowsByKey: ByteKeyTable
    private let keyRows: [KeyRows]

    private struct KeyRows: Sendable {
        var surface: Int?
        var acronym: Int?
    }
    /// Each row's canonical name (its first column).
    private let canonicalNames: [String?]
    /// Each row's keys of its `acronym` and `short` columns: a name with one of these keys
    /// is itself the acronym.
    private let shortFormKeys: [[String]]

    public init(lexicon: Lexicon?, optionalHeads: [String] = [], minimumWordLength: Int = 6) {
        self.lexicon = lexicon
        self.optionalHeads = optionalHeads
        self.minimumWordLength = minimumWordLength
        knownAcronyms = Set(lexicon?.rows.compactMap { $0["acronym"] } ?? [])
        var acronymTable = ByteKeyTable()
        for acronym in knownAcronyms { acronymTable.insert(acronym, 0) }
        knownAcronymTable = acronymTable
        var heads = ByteKeyTable()
        for head in optionalHeads { heads.insert(head, 0) }
        headTable = heads
        hasAcronymColumn = lexicon?.columns.contains("acronym") ?? false
        canonicalNames = lexicon.map { lexicon in lexicon.rows.map { $0[lexicon.columns[0]] } } ?? []
        var rowsByKey: [String: KeyRows] = [:]
        var keyOrder: [String] = []
        for (key, row) in lexicon?.rowsBySurfaceKey.pairs ?? [] {
            if rowsByKey[key] == nil { keyOrder.append(key) }
            rowsByKey[key, default: KeyRows()].surface = row
        }
        for (key, row) in lexicon?.rowsByAcronymKey.pairs ?? [] {
            if rowsByKey[key] == nil { keyOrder.append(key) }
            rowsByKey[key, default: KeyRows()].acronym = row
        }
        var table = ByteKeyTable()
        for (index, key) in keyOrder.enumerated() { table.insert(key, index) }
        self.rowsByKey = table
        keyRows = keyOrder.map { rowsByKey[$0]! }
        shortFormKeys = lexicon?.rows.map { row in [row["acronym"], row["short"]].compactMap { $0.map(Lexicon.key) } } ?? []
    }

    /// The lexicon row for a name, trying it as written and without an optional head word.
    public func entry(for name: String) -> [String: String]? {
        entryIndex(for: name).map { lexicon!.rows[$0] }
    }

    /// The index of `entry(for:)`'s row.
    public func entryIndex(for name: String) -> Int? {
        var name = name
        return name.withUTF8 { entryIndex(bytes: $0) }
    }

    /// `entryIndex` of a UTF-8 name.
    func entryIndex(bytes name: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let lexicon else { return nil }
        if let found = asciiEntryIndex(for: name) { return found }
        let name = String(decoding: name, as: UTF8.self)
        if let row = lexicon.rowsBySurfaceKey.value(for: Lexicon.key(name)) { return row }
        if hasAcronymColumn, let row = lexicon.rowsByAcronymKey.value(for: Lexicon.key(name)) { return row }
        let words = name.split(separator: " ")
        if words.count > 1, let last = words.last, optionalHeads.contains(last.lowercased()) {
            return lexicon.rowsBySurfaceKey.value(for: Lexicon.key(words.dropLast().joined(separator: " ")))
        }
        return nil
    }

    /// `entryIndex` of an ASCII name: `.some(nil)` when there is none, nil when the name is
    /// not ASCII. The name is folded once: keys drop spaces, so the name without its last
    /// word has the key folded before that word.
    private func asciiEntryIndex(for name: UnsafeBufferPointer<UInt8>) -> Int?? {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(name.count, 1)) { key in
            var count = 0
            var words = 0
            var inWord = false
            var lastWord = 0..<0
            var keyBeforeLastWord = 0
            for (index, byte) in name.enumerated() {
                if byte >= 0x80 { return nil }
                if byte == 0x20 {
                    inWord = false
                    continue
                }
                if !inWord {
                    inWord = true
                    words += 1
                    lastWord = index..<index
                    keyBeforeLastWord = count
                }
                lastWord = lastWord.lowerBound..<index + 1
                if Lexicon.isASCIIKeyByte(byte) {
                    key[count] = Self.asciiLower(byte)
                    count += 1
                }
            }
            let whole = UnsafeBufferPointer(rebasing: key[..<count])
            if let rows = rowsByKey.value(forSimple: whole).map({ keyRows[$0] }) {
                if let row = rows.surface { return row }
                if hasAcronymColumn, let row = rows.acronym { return row }
            }
            guard words > 1, isHead(UnsafeBufferPointer(rebasing: name[lastWord])) else { return .some(nil) }
            return .some(rowsByKey.value(forSimple: UnsafeBufferPointer(rebasing: key[..<keyBeforeLastWord])).flatMap { keyRows[$0].surface })
        }
    }

    /// Whether an ASCII word is one of `optionalHeads`, in any case.
    private func isHead(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(word.count, 1)) { lower in
            for (index, byte) in word.enumerated() { lower[index] = Self.asciiLower(byte) }
            return headTable.value(forSimple: UnsafeBufferPointer(rebasing: lower[..<word.count])) != nil
        }
    }

    /// The lexicon row of a written name (UTF-8, spaces not yet collapsed) and the name to
    /// record: the row's canonical name, else the name title-cased. `shortForm` is the name
    /// as written when it is the row's acronym or short form.
    public func read(_ text: UnsafeBufferPointer<UInt8>) -> (name: String, row: Int?, shortForm: String?) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(text.count, 1)) { buffer in
            if let count = Self.collapseSpaces(text, into: buffer) {
                return read(collapsed: UnsafeBufferPointer(rebasing: buffer[..<count]))
            }
            var written = Self.collapsingSpaces(String(decoding: text, as: UTF8.self))
            return written.withUTF8 { read(collapsed: $0) }
        }
    }

    private func read(collapsed written: UnsafeBufferPointer<UInt8>) -> (name: String, row: Int?, shortForm: String?) {
        if let row = entryIndex(bytes: written), let name = canonicalNames[row] {
            return (name, row, isShortForm(bytes: written, ofRow: row) ? String(decoding: written, as: UTF8.self) : nil)
        }
        return (titleCased(bytes: written), nil, nil)
    }

    /// The canonical name of a lexicon row (its first column).
    public func canonicalName(ofRow row: Int) -> String? { canonicalNames[row] }

    /// Whether `name` is the row's acronym or short form (compared by `Lexicon.key`).
    public func isShortForm(_ name: String, ofRow row: Int) -> Bool {
        var name = name
        return name.withUTF8 { isShortForm(bytes: $0, ofRow: row) }
    }

    func isShortForm(bytes name: UnsafeBufferPointer<UInt8>, ofRow row: Int) -> Bool {
        let keys = shortFormKeys[row]
        guard !keys.isEmpty else { return false }
        let ascii: Bool? = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(name.count, 1)) { buffer in
            var count = 0
            for byte in name {
                if byte >= 0x80 { return nil }
                if Lexicon.isASCIIKeyByte(byte) {
                    buffer[count] = Self.asciiLower(byte)
                    count += 1
                }
            }
            // A key with a non-ASCII scalar is never equal to an ASCII key.
            let folded = UnsafeBufferPointer(rebasing: buffer[..<count])
            return keys.contains { $0.utf8.elementsEqual(folded) }
        }
        if let ascii { return ascii }
        return keys.contains(Lexicon.key(String(decoding: name, as: UTF8.self)))
    }

    public func canonical(_ name: String) -> String {
        if let row = entryIndex(for: name), let canonical = canonicalNames[row] { return canonical }
        var name = name
        return titleCased(name.withUTF8(Self.collapsingSpaces))
    }

    func titleCased(_ name: String) -> String {
        var name = name
        return name.withUTF8 { titleCased(bytes: $0) }
    }

    func titleCased(bytes name: UnsafeBufferPointer<UInt8>) -> String {
        if let cased = asciiTitleCased(name) { return cased }
        let name = String(decoding: name, as: UTF8.self)
        var words: [String] = []
        for word in name.split(separator: " ", omittingEmptySubsequences: true) {
            // Hyphenated parts are cased one by one (`DHARMA-GUARDIAN`).
            let parts = word.split(separator: "-", omittingEmptySubsequences: false).map { part -> String in
                let letters = part.unicodeScalars.filter { $0.properties.isAlphabetic }
                let allCaps = !letters.isEmpty && letters.allSatisfy { $0.properties.isUppercase }
                guard allCaps, letters.count >= minimumWordLength, !knownAcronyms.contains(String(part)) else {
                    return String(part)
                }
                return part.prefix(1) + part.dropFirst().lowercased()
            }
            words.append(parts.joined(separator: "-"))
        }
        return words.joined(separator: " ")
    }

    /// `titleCased` of an ASCII name, else nil.
    private func asciiTitleCased(_ name: UnsafeBufferPointer<UInt8>) -> String? {
        ASCIINameCaser.recase(name) { part, _ in shouldLowercase(part) ? .capitalized : .asWritten }
    }

    /// An all-caps ASCII word part long enough to be an ordinary word, and no known acronym.
    private func shouldLowercase(_ part: UnsafeBufferPointer<UInt8>) -> Bool {
        var letters = 0
        for byte in part {
            if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") { return false }
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { letters += 1 }
        }
        return letters > 0 && letters >= minimumWordLength && knownAcronymTable.value(forSimple: part) == nil
    }

    /// Runs of spaces, no-break spaces and line breaks become one space.
    func collapsingSpaces(_ text: String) -> String { Self.collapsingSpaces(text) }

    static func collapsingSpaces(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" || $0.isNewline || $0 == "\t" })
            .joined(separator: " ")
    }

    /// `collapsingSpaces` of UTF-8 text.
    public static func collapsingSpaces(_ text: UnsafeBufferPointer<UInt8>) -> String {
        let fast: String? = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(text.count, 1)) { output in
            collapseSpaces(text, into: output).map { String(decoding: UnsafeBufferPointer(rebasing: output[..<$0]), as: UTF8.self) }
        }
        return fast ?? collapsingSpaces(String(decoding: text, as: UTF8.self))
    }

    /// Writes `collapsingSpaces` of UTF-8 text into `output` (as long as the text) and
    /// returns the count, or nil when the bytes cannot tell. Bytes are split at spaces, tabs,
    /// line breaks and no-break spaces when every one of those stands alone as a Character:
    /// none is next to a non-ASCII character (which could be a combining mark or a prepended
    /// one).
    static func collapseSpaces(_ text: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        var count = 0
        var index = 0
        var pendingSpace = false
        /// Whether the previous scalar was non-ASCII and not a separator.
        var afterOther = false
        while index < text.count {
            let byte = text[index]
            let separatorLength: Int
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: separatorLength = 1
            // No-break space, next line.
            case 0xC2 where index + 1 < text.count && (text[index + 1] == 0xA0 || text[index + 1] == 0x85):
                separatorLength = 2
            // Line and paragraph separators.
            case 0xE2 where index + 2 < text.count && text[index + 1] == 0x80
                && (text[index + 2] == 0xA8 || text[index + 2] == 0xA9):
                separatorLength = 3
            default: separatorLength = 0
            }
            if separatorLength > 0 {
                if afterOther { return nil }
                if count > 0 { pendingSpace = true }
                index += separatorLength
                continue
            }
            if byte >= 0x80 {
                // Non-ASCII: not right after a separator.
                if index > 0, endsWithSeparator(text, before: index) { return nil }
                afterOther = true
            } else {
                afterOther = false
            }
            if pendingSpace {
                output[count] = 0x20
                count += 1
                pendingSpace = false
            }
            output[count] = byte
            count += 1
            index += 1
        }
        return count
    }

    /// Whether the bytes before `index` end with a separator of `collapsingSpaces`.
    private static func endsWithSeparator(_ text: UnsafeBufferPointer<UInt8>, before index: Int) -> Bool {
        let last = text[index - 1]
        if last < 0x80 { return last == 0x20 || (last >= 0x09 && last <= 0x0D) }
        if index >= 2, text[index - 2] == 0xC2, last == 0xA0 || last == 0x85 { return true }
        if index >= 3, text[index - 3] == 0xE2, text[index - 2] == 0x80, last == 0xA8 || last == 0xA9 { return true }
        return false
    }

    @inline(__always)
    static func asciiLower(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }
}
