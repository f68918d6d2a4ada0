/// One document's page of the report (`docs/N.html`): its text with every mention highlighted
/// by kind, filters by kind and plugin with counts, and each mention's value and rule on hover
/// and on keyboard focus. Highlights are in the HTML itself, so the page reads without scripts;
/// the shared script adds the filters, counts and the details popup.
struct DocumentPage {
    var number: Int
    var count: Int
    var id: String
    var source: String
    var status: String
    var error: String?
    /// Nil when the source is gone, unreadable or changed since the run.
    var text: String?
    /// Why `text` is nil.
    var note: String?
    var mentions: [ReportMention]
    /// The dataset's kinds so far, for the colour classes (the same on every page).
    var kinds: [String]
    var title: String

    private func escape(_ text: String) -> String { HTMLText.escape(text) }

    func render() -> String {
        var html = HTMLText.head(title: "\(id) · glean report: \(title)", root: "../")
        html += "<a class=\"skip\" href=\"#article\">Skip to the text</a>\n<header><h1>\(escape(id))</h1><p>"
            + "<a href=\"../index.html\">Overview</a>"
            + (number > 1 ? " · <a href=\"\(number - 1).html\" rel=\"prev\">‹ previous</a>" : "")
            + (number < count ? " · <a href=\"\(number + 1).html\" rel=\"next\">next ›</a>" : "")
            + " · document \(number) of \(count)</p></header>\n<div class=\"layout\">\n<nav class=\"controls\" aria-label=\"Legend and filters\">\n"
        let pageKinds = kinds.filter { kind in mentions.contains { $0.kind == kind } }
        var plugins: [String] = []
        for mention in mentions where !plugins.contains(mention.plugin) { plugins.append(mention.plugin) }
        html += filters("kind", "Kinds", pageKinds, colored: true)
        html += filters("plugin", "Plugins", plugins.sorted(), colored: false)
        html += "<p id=\"shown\" aria-live=\"polite\"></p>\n<p class=\"hint\">Tab moves from mention to mention; Escape hides the details.</p>\n</nav>\n<main id=\"article\">\n"
        html += article()
        html += "</main>\n</div>\n<div id=\"tip\" role=\"tooltip\" hidden></div>\n<script src=\"../report.js\"></script>\n</body>\n</html>\n"
        return html
    }

    private func filters(_ name: String, _ legend: String, _ values: [String], colored: Bool) -> String {
        var html = "<fieldset><legend>\(legend)</legend>\n"
        for value in values {
            let swatch = colored ? "<span class=\"swatch \(kindClass(value))\" aria-hidden=\"true\"></span>" : ""
            let total = mentions.count { (name == "kind" ? $0.kind : $0.plugin) == value }
            html += "<label><input type=\"checkbox\" checked data-filter=\"\(name)\" value=\"\(escape(value))\">\(swatch)<span class=\"name\">\(escape(value))</span> "
                + "<output class=\"count\" data-\(name)=\"\(escape(value))\" data-total=\"\(total)\"></output></label>\n"
        }
        return html + "</fieldset>\n"
    }

    private func article() -> String {
        let counts = kinds.compactMap { kind -> String? in
            let count = mentions.count { $0.kind == kind }
            return count == 0 ? nil : "\(escape(kind)) \(count)"
        }
        var html = "<article aria-labelledby=\"doc-title\">\n<h2 id=\"doc-title\">\(escape(id))</h2>\n"
            + "<p class=\"meta\">\(escape(source)) · \(mentions.count) mentions\(counts.isEmpty ? "" : ": " + counts.joined(separator: ", "))"
            + (status == "ok" ? "" : " · <strong>\(escape(status))</strong>: \(escape(error ?? ""))") + "</p>\n"
        var unplaced: [ReportMention] = []
        if let text {
            let scalars = Array(text.unicodeScalars)
            var body = "", cursor = 0
            for mention in mentions {
                guard mention.start >= cursor, mention.end <= scalars.count,
                      slice(scalars, mention.start..<mention.end) == mention.text else {
                    unplaced.append(mention)
                    continue
                }
                body += escape(slice(scalars, cursor..<mention.start)) + mark(mention)
                cursor = mention.end
            }
            body += escape(slice(scalars, cursor..<scalars.count))
            html += "<div class=\"text\">\(body)</div>\n"
        } else {
            html += "<p class=\"note\">\(escape(note ?? "no text"))</p>\n"
            unplaced = mentions
        }
        if !unplaced.isEmpty {
            html += "<ul class=\"mentions\" aria-label=\"Mentions not shown in the text\">\n"
            for mention in unplaced {
                html += "<li>\(mark(mention)) <span class=\"where\">[\(mention.start), \(mention.end))</span></li>\n"
            }
            html += "</ul>\n"
        }
        return html + "</article>\n"
    }

    private func mark(_ mention: ReportMention) -> String {
        "<mark class=\"m \(kindClass(mention.kind))\" tabindex=\"0\" data-kind=\"\(escape(mention.kind))\" data-plugin=\"\(escape(mention.plugin))\""
            + " data-extractor=\"\(escape(mention.extractor))\" data-rule=\"\(escape(mention.rule))\" data-value=\"\(escape(JSONWriter.string(mention.value)))\""
            + " data-span=\"\(mention.start)-\(mention.end)\">\(escape(mention.text))</mark>"
    }

    private func kindClass(_ kind: String) -> String { ReportAssets.kindClass(kind, in: kinds) }

    private func slice(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        return String(view)
    }
}
