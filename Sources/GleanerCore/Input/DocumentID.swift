/// Rules for document ids from JSON Lines records (they name nothing outside the dataset).
public enum DocumentID {
    public static func isValid(_ id: String) -> Bool {
        !id.isEmpty && !id.utf8.contains(0) && !id.hasPrefix("/")
            && !id.split(separator: "/", omittingEmptySubsequences: false).contains("..")
    }

    /// The id of a file found at `relative` (CONTRACT.md): `/` separators, `.gz` and then one
    /// more extension dropped (`2024/x.html.gz` → `2024/x`). A leading dot is not an extension.
    public static func forFile(relative: String) -> String {
        var name = relative
        if name.hasSuffix(".gz") { name.removeLast(3) }
        let last = name.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        if let dot = last.lastIndex(of: "."), dot != last.startIndex {
            name.removeLast(last.distance(from: dot, to: last.endIndex))
        }
        return name
    }

    /// `YYYY-MM-DD` (or a longer ISO 8601 timestamp) as a calendar date.
    public static func isoDate(_ text: String) -> CalendarDate? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 10, bytes[4] == 0x2D, bytes[7] == 0x2D,
              let year = Int(String(decoding: bytes[0..<4], as: UTF8.self)),
              let month = Int(String(decoding: bytes[5..<7], as: UTF8.self)),
              let day = Int(String(decoding: bytes[8..<10], as: UTF8.self)),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }
}
