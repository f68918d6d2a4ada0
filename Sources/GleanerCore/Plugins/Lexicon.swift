/// A gazetteer: a TSV file whose header names the columns. The first column is the surface
/// form a pattern matches; an `aliases` column adds more surfaces (`|`-separated) for the
/// same row. Lines starting with `#` and blank lines are skipped.
public struct Lexicon: Sendable {
    public let id: String
    public let columns: [String]
    public let rows: [[String: String]]
    /// Row indices by the key (`Lexicon.key`) of each surface form, as UTF-8 bytes.
    public let rowsBySurfaceKey: ByteKeyTable
    /// Rows by the key of their `acronym` column: looked up for every bare acronym.
    public let rowsByAcronymKey: ByteKeyTable

    public init(id: String, tsv: String, file: String) throws(PluginError) {
        self.id = id
        // Lines and fields are cut at bytes: a 100,000-row file loads in a fraction of the
        // time String's character splitting takes.
        let bytes = Array(tsv.utf8)
        var header: [String]?
        var rows: [[String: String]] = []
        var index = ByteKeyTable()
        index.reserveCapacity(bytes.lazy.filter { $0 == 0x0A }.count + 1)
        var lineNumber = 0
        var lineStart = 0
        var fields: [String] = []
        while lineStart <= bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
            defer { lineStart = lineEnd + 1 }
            lineNumber += 1
            var end = lineEnd
            if end > lineStart, bytes[end - 1] == 0x0D { end -= 1 }
            if end == lineStart || bytes[lineStart] == UInt8(ascii: "#") { continue }
            fields.removeAll(keepingCapacity: true)
            var fieldStart = lineStart
            for position in lineStart...end where position == end || bytes[position] == 0x09 {
                fields.append(String(decoding: bytes[fieldStart..<position], as: UTF8.self))
                fieldStart = position + 1
            }
            guard let columns = header else {
                header = fields
                continue
            }
            guard fields.count <= columns.count, !fields[0].isEmpty else {
                throw PluginError(file: file, line: lineNumber, column: 1,
                                  message: "lexicon row has \(fields.count) fields for \(columns.count) columns, or an empty first field")
            }
            var row = [String: String](minimumCapacity: fields.count)
            for (column, field) in zip(columns, fields) where !field.isEmpty { row[column] = field }
            let rowIndex = rows.count
            rows.append(row)
            index.insert(Self.key(fields[0]), rowIndex)
            if let aliases = row["aliases"] {
                for alias in aliases.split(separator: "|") { index.insert(Self.key(String(alias)), rowIndex) }
            }
        }
        guard let header else {
            throw PluginError(file: file, line: 1, column: 1, message: "lexicon has no header row")
        }
        columns = header
        self.rows = rows
        rowsBySurfaceKey = index
        var acronyms = ByteKeyTable()
        for (position, row) in rows.enumerated() {
            if let acronym = row["acronym"] { acronyms.insert(Self.key(acronym), position) }
        }
        rowsByAcronymKey = acronyms
    }

    /// An inline lexicon: one column, `name`, one row per entry.
    public init(id: String, entries: [String]) {
        self.id = id
        columns = ["name"]
        rows = entries.map { ["name": $0] }
        var index = ByteKeyTable()
        for (row, entry) in entries.enumerated() { index.insert(Self.key(entry), row) }
        rowsBySurfaceKey = index
        rowsByAcronymKey = ByteKeyTable()
    }

    /// Every surface form (first column and aliases), longest first so that an alternation
    /// built from them prefers the longest.
    public var surfaces: [String] {
        var all: [String] = []
        for row in rows {
            if let first = row[columns[0]] { all.append(first) }
            if let aliases = row["aliases"] { all += aliases.split(separator: "|").map(String.init) }
        }
        return Self.longestFirst(all)
    }

    /// Every surface form in row order, repeats included: what a matcher is built from
    /// (order does not matter to it, and sorting 100,000 names would).
    public var unorderedSurfaces: [String] {
        var all: [String] = []
        all.reserveCapacity(rows.count)
        let first = columns[0]
        for row in rows {
            if let surface = row[first] { all.append(surface) }
            if let aliases = row["aliases"] { all += aliases.split(separator: "|").map(String.init) }
        }
        return all
    }

    /// Every distinct value of one column, longest first.
    public func values(of column: String) -> [String] {
        Self.longestFirst(rows.compactMap { $0[column] })
    }

    /// The row whose surface (or alias) matches `text`, compared by `Lexicon.key`.
    public func row(for text: String) -> [String: String]? {
        rowsBySurfaceKey.value(for: Self.key(text)).map { rows[$0] }
    }

    /// The first row whose `column` equals `value` (compared by `Lexicon.key`).
    public func row(where column: String, is value: String) -> [String: String]? {
        let wanted = Self.key(value)
        if column == "acronym" { return rowsByAcronymKey.value(for: wanted).map { rows[$0] } }
        return rows.first { $0[column].map(Self.key) == wanted }
    }

    /// The index of the row whose surface (or alias) matches the UTF-8 `text`.
    public func rowIndex(for text: UnsafeBufferPointer<UInt8>) -> Int? {
        Self.value(in: rowsBySurfaceKey, for: text)
    }

    /// Folds case, spaces, hyphens, dashes, quotes and dots away: `Well-being` and
    /// `Wellbeing`, `AYUSHMAN Bharat` and `Ayushman Bharat` share a key.
    public static func key(_ text: String) -> String {
        var text = text
        if let folded = text.withUTF8({ asciiKey($0) }) { return folded }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                scalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(scalars)
    }

    /// The value `table` (keyed by `Lexicon.key`) holds for the UTF-8 `text`; ASCII text is
    /// folded on the stack and looked up by its bytes, without a String.
    @inline(__always)
    public static func value(in table: ByteKeyTable, for text: UnsafeBufferPointer<UInt8>) -> Int? {
        let ascii: Int?? = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(text.count, 1)) { buffer in
            guard let count = foldASCII(text, into: buffer) else { return nil }
            return .some(table.value(forSimple: UnsafeBufferPointer(rebasing: buffer[..<count])))
        }
        if let ascii { return ascii }
        return table.value(for: key(String(decoding: text, as: UTF8.self)))
    }

    /// The key of ASCII text, else nil: for ASCII, alphabetic means a letter and numeric a
    /// digit, and lower case is the ASCII mapping, so this equals the Unicode path.
    private static func asciiKey(_ text: UnsafeBufferPointer<UInt8>) -> String? {
        var ascii = true
        let key = String(unsafeUninitializedCapacity: max(text.count, 1)) { buffer in
            guard let count = foldASCII(text, into: buffer) else { ascii = false; return 0 }
            return count
        }
        return ascii ? key : nil
    }

    /// Whether an ASCII byte is kept in a key (a letter or digit).
    @inline(__always)
    static func isASCIIKeyByte(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    /// Writes the key bytes of ASCII `text` into `buffer` and returns their count; nil when
    /// `text` has a non-ASCII byte.
    @inline(__always)
    private static func foldASCII(_ text: UnsafeBufferPointer<UInt8>, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        var count = 0
        for byte in text {
            if byte >= 0x80 { return nil }
            let lower = byte | 0x20
            if lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z") {
                buffer[count] = lower
                count += 1
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                buffer[count] = byte
                count += 1
            }
        }
        return count
    }

    private static func longestFirst(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
            .sorted { $0.utf8.count != $1.utf8.count ? $0.utf8.count > $1.utf8.count : $0 < $1 }
    }
}
