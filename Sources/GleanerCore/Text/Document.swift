/// One input document: its id (CONTRACT.md), where it came from, its text, and metadata.
public struct Document: Sendable {
    public var id: String
    public var source: String
    public var text: String
    /// A JSON Lines record's fields other than `id` and `text`.
    public var meta: [(String, JSONValue)]
    /// The reference date (`published`, or a dateline found in the text), for yearless dates
    /// and two-digit years.
    public var referenceDate: CalendarDate?
    /// Why the document could not be read (unreadable, binary, corrupt): it is recorded with
    /// status "error" and not extracted.
    public var failure: String?
    /// How many invalid UTF-8 sequences the reader replaced with U+FFFD.
    public var replacements = 0
    /// What the reader could not read completely (an HTML page the parser gave up on), for the
    /// document record's `warnings`.
    public var warnings: [String] = []

    public init(id: String, source: String, text: String, meta: [(String, JSONValue)] = [],
                referenceDate: CalendarDate? = nil, failure: String? = nil) {
        self.id = id
        self.source = source
        self.text = text
        self.meta = meta
        self.referenceDate = referenceDate
        self.failure = failure
    }
}

/// A day of the Gregorian calendar; month and day may be unknown.
public struct CalendarDate: Sendable, Hashable {
    public var year: Int
    public var month: Int?
    public var day: Int?

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }
}
