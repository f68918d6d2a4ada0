/// The documents table of the overview and of `documents/N.html`: each document with a link
/// to its page, its mentions per kind and its status.
enum DocumentList {
    static let pageSize = 1000

    struct Row {
        var number: Int
        var id: String
        var mentions: Int
        var counts: [(String, Int)]
        var status: String
        var hasText: Bool
    }

    static func table(_ rows: [Row], kinds: [String], root: String) -> String {
        var html = "<table class=\"documents\"><thead><tr><th scope=\"col\" class=\"n\">#</th><th scope=\"col\">Document</th>"
            + "<th scope=\"col\" class=\"n\">Mentions</th><th scope=\"col\">By kind</th><th scope=\"col\">Status</th></tr></thead><tbody>\n"
        for row in rows {
            let byKind = kinds.compactMap { kind -> String? in
                guard let count = row.counts.first(where: { $0.0 == kind })?.1, count > 0 else { return nil }
                return "\(HTMLText.escape(kind)) \(count)"
            }.joined(separator: ", ")
            html += "<tr data-doc=\"\(HTMLText.escape(row.id))\" data-mentions=\"\(row.mentions)\"><td class=\"n\">\(row.number)</td>"
                + "<td><a href=\"\(root)docs/\(row.number).html\">\(HTMLText.escape(row.id))</a>\(row.hasText ? "" : " <span class=\"hint\">(no text)</span>")</td>"
                + "<td class=\"n\">\(row.mentions)</td><td>\(byKind)</td><td>\(HTMLText.escape(row.status))</td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    /// A page of the full list (`documents/N.html`).
    static func page(_ rows: [Row], number: Int, of count: Int, kinds: [String], title: String) -> String {
        HTMLText.head(title: "Documents \(number) of \(count) · glean report: \(title)", root: "../")
            + "<header><h1>Documents, page \(number) of \(count)</h1><p><a href=\"../index.html\">Overview</a>"
            + (number > 1 ? " · <a href=\"\(number - 1).html\" rel=\"prev\">‹ previous</a>" : "")
            + (number < count ? " · <a href=\"\(number + 1).html\" rel=\"next\">next ›</a>" : "")
            + "</p></header>\n<main class=\"overview\">\n" + table(rows, kinds: kinds, root: "../") + "</main>\n</body>\n</html>\n"
    }
}
