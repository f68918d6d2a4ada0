/// A gazetteer: a TSV file whose header names the columns. The first column is the surface
/// form a pattern matches; an `aliases` column adds more surfaces (`|`-separated) for the
/// same row. Lines starting with `#` and blank lines are skipped.
public struct Lexicon: Sendable {
    public let id: String
    public let columns: [String]
    public let rows: [[String: String]]
    private let rowBySurface: [String: Int]
    /// Rows by the key of their `acronym` column: looked up for every bare acronym.
    private let rowByAcronym: [String: Int]

    public init(id: String, tsv: String, file: String) throws(PluginError) {
        self.id = id
        var header: [String]?
        var rows: [[String: String]] = []
        var index: [String: Int] = [:]
        var lineNumber = 0
        for rawLine in tsv.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard let columns = header else {
                header = fields
                continue
            }
            guard fields.count <= columns.count, !fields[0].isEmpty else {
                throw PluginError(file: file, line: lineNumber, column: 1,
                                  message: "lexicon row has \(fields.count) fields for \(columns.count) columns, or an empty first field")
            }
            var row: [String: String] = [:]
            for (column, field) in zip(columns, fields) where !field.isEmpty { row[column] = field }
            let rowIndex = rows.count
            rows.append(row)
            var surfaces = [fields[0]]
            if let aliases = row["aliases"] { surfaces += aliases.split(separator: "|").map(String.init) }
            for surface in surfaces where index[Self.key(surface)] == nil {
                index[Self.key(surface)] = rowIndex
            }
        }
        guard let header else {
            throw PluginError(file: file, line: 1, column: 1, message: "lexicon has no header row")
        }
        columns = header
        self.rows = rows
        rowBySurface = index
        var acronyms: [String: Int] = [:]
        for (position, row) in rows.enumerated() {
            if let acronym = row["acronym"], acronyms[Self.key(acronym)] == nil { acronyms[Self.key(acronym)] = position }
        }
        rowByAcronym = acronyms
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

    /// Every distinct value of one column, longest first.
    public func values(of column: String) -> [String] {
        Self.longestFirst(rows.compactMap { $0[column] })
    }

    /// The row whose surface (or alias) matches `text`, compared by `Lexicon.key`.
    public func row(for text: String) -> [String: String]? {
        rowBySurface[Self.key(text)].map { rows[$0] }
    }

    /// The first row whose `column` equals `value` (compared by `Lexicon.key`).
    public func row(where column: String, is value: String) -> [String: String]? {
        let wanted = Self.key(value)
        if column == "acronym" { return rowByAcronym[wanted].map { rows[$0] } }
        return rows.first { $0[column].map(Self.key) == wanted }
    }

    /// Folds case, spaces, hyphens, dashes, quotes and dots away: `Well-being` and
    /// `Wellbeing`, `AYUSHMAN Bharat` and `Ayushman Bharat` share a key.
    public static func key(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                scalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(scalars)
    }

    private static func longestFirst(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
            .sorted { $0.utf8.count != $1.utf8.count ? $0.utf8.count > $1.utf8.count : $0 < $1 }
    }
}
