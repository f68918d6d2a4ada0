/// The article's title from the page's `<title>`, as readability.js cleans it: the site's name
/// after a separator (` | `, ` - `, ` » ` …) or before a colon dropped when what remains still
/// reads as a title, the page's only `<h1>` when the title is very short or very long.
enum ArticleTitle {
    static let separators: Set<UInt16> = Set("|-–—\\/>»".utf16)
    static let hierarchical: Set<UInt16> = Set("\\/>»".utf16)

    static func find(in document: HTMLNode) -> String {
        let original = PageText.collapsedASCII(document.firstElement(named: "title")?.textContent ?? "")
        let units = Array(original.utf16)
        var title = original
        var hadHierarchical = false
        // ` X ` where X is a separator.
        let separatorAt = units.indices.filter { index in
            index > 0 && index + 1 < units.count && separators.contains(units[index])
                && ContentScorer.isSpace(units[index - 1]) && ContentScorer.isSpace(units[index + 1])
        }
        if let last = separatorAt.last {
            hadHierarchical = separatorAt.contains { hierarchical.contains(units[$0]) }
            title = String(decoding: units[..<(last - 1)], as: UTF16.self)
            if PageText.wordCount(title) < 3, let first = units.firstIndex(where: separators.contains) {
                title = String(decoding: units[(first + 1)...], as: UTF16.self)
            }
        } else if title.contains(": ") {
            let headings = document.elements(named: ["h1", "h2"])
            let trimmed = PageText.trimmed(title)
            if !headings.contains(where: { PageText.trimmed($0.textContent) == trimmed }) {
                let lastColon = units.lastIndex(of: 0x3A)!, firstColon = units.firstIndex(of: 0x3A)!
                title = String(decoding: units[(lastColon + 1)...], as: UTF16.self)
                if PageText.wordCount(title) < 3 {
                    title = String(decoding: units[(firstColon + 1)...], as: UTF16.self)
                } else if PageText.wordCount(String(decoding: units[..<firstColon], as: UTF16.self)) > 5 {
                    title = original
                }
            }
        } else if units.count > 150 || units.count < 15 {
            let h1s = document.elements(named: "h1")
            if h1s.count == 1 { title = ContentScorer.innerText(h1s[0]) }
        }
        // readability trims, then makes runs of two or more spaces one.
        title = PageText.collapsingLongRuns(PageText.trimmed(title))
        let words = PageText.wordCount(title)
        if words <= 4 {
            let withoutSeparators = units.indices.filter { index in !separatorAt.contains(where: { $0 - 1 <= index && index <= $0 + 1 }) }
                .map { units[$0] }
            if !hadHierarchical || words != PageText.wordCount(String(decoding: withoutSeparators, as: UTF16.self)) - 1 {
                title = original
            }
        }
        return title
    }
}
