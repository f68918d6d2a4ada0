/// Renders a dataset as one self-contained HTML page: every article with its mentions
/// highlighted by kind, a legend with counts, filters by kind and plugin, and each mention's
/// value and rule on hover and on keyboard focus. The page needs no network: its CSS and
/// script are inline (`ReportAssets`). Highlights are in the HTML itself, so the page reads
/// without scripts; the script adds the filters, counts and the details popup.
public struct HTMLReport: Sendable {
    public let dataset: ReportDataset
    public let title: String

    public init(dataset: ReportDataset, title: String) {
        self.dataset = dataset
        self.title = title
    }

    public func render() -> String {
        var html = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>glean report: \(escape(title))</title>
            <style>\(ReportAssets.css)</style>
            </head>
            <body>
            <a class="skip" href="#articles">Skip to the articles</a>
            <header><h1>glean report</h1><p>\(escape(title)): \(dataset.documents.count) documents, \(dataset.mentionCount) mentions</p></header>
            <div class="layout">
            <nav class="controls" aria-label="Legend and filters">

            """
        html += filters("kind", "Kinds", dataset.kinds, colored: true)
        html += filters("plugin", "Plugins", dataset.plugins, colored: false)
        html += "<p id=\"shown\" aria-live=\"polite\"></p>\n<details class=\"toc\"><summary>Documents</summary><ol>\n"
        for (index, document) in dataset.documents.enumerated() {
            html += "<li><a href=\"#doc-\(index + 1)\">\(escape(document.id))</a> (\(document.mentions.count))</li>\n"
        }
        html += "</ol></details>\n<p class=\"hint\">Tab moves from mention to mention; Escape hides the details.</p>\n</nav>\n<main id=\"articles\">\n"
        for (index, document) in dataset.documents.enumerated() {
            html += article(document, number: index + 1)
        }
        html += """
            </main>
            </div>
            <div id="tip" role="tooltip" hidden></div>
            <script>\(ReportAssets.script)</script>
            </body>
            </html>

            """
        return html
    }

    private func filters(_ name: String, _ legend: String, _ values: [String], colored: Bool) -> String {
        var html = "<fieldset><legend>\(legend)</legend>\n"
        for value in values {
            let swatch = colored ? "<span class=\"swatch \(kindClass(value))\" aria-hidden=\"true\"></span>" : ""
            let total = dataset.documents.reduce(0) { sum, document in
                sum + document.mentions.count { (name == "kind" ? $0.kind : $0.plugin) == value }
            }
            html += "<label><input type=\"checkbox\" checked data-filter=\"\(name)\" value=\"\(escape(value))\">\(swatch)<span class=\"name\">\(escape(value))</span> "
                + "<output class=\"count\" data-\(name)=\"\(escape(value))\" data-total=\"\(total)\"></output></label>\n"
        }
        return html + "</fieldset>\n"
    }

    private func article(_ document: ReportDataset.Document, number: Int) -> String {
        let counts = dataset.kinds.compactMap { kind -> String? in
            let count = document.mentions.count { $0.kind == kind }
            return count == 0 ? nil : "\(escape(kind)) \(count)"
        }
        var html = "<article id=\"doc-\(number)\" aria-labelledby=\"doc-\(number)-title\">\n"
            + "<h2 id=\"doc-\(number)-title\">\(escape(document.id))</h2>\n"
            + "<p class=\"meta\">\(escape(document.source)) · \(document.mentions.count) mentions\(counts.isEmpty ? "" : ": " + counts.joined(separator: ", "))"
            + (document.status == "ok" ? "" : " · <strong>\(escape(document.status))</strong>: \(escape(document.error ?? ""))") + "</p>\n"
        var unplaced: [ReportDataset.Mention] = []
        if let text = document.text {
            let scalars = Array(text.unicodeScalars)
            var body = "", cursor = 0
            for mention in document.mentions {
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
            html += "<p class=\"note\">\(escape(document.note ?? "no text"))</p>\n"
            unplaced = document.mentions
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

    private func mark(_ mention: ReportDataset.Mention) -> String {
        "<mark class=\"m \(kindClass(mention.kind))\" tabindex=\"0\" data-kind=\"\(escape(mention.kind))\" data-plugin=\"\(escape(mention.plugin))\""
            + " data-extractor=\"\(escape(mention.extractor))\" data-rule=\"\(escape(mention.rule))\" data-value=\"\(escape(mention.value))\""
            + " data-span=\"\(mention.start)-\(mention.end)\">\(escape(mention.text))</mark>"
    }

    /// Colour class of a kind: its place in the legend, cycling through the palette.
    private func kindClass(_ kind: String) -> String {
        "k\((dataset.kinds.firstIndex(of: kind) ?? 0) % ReportAssets.paletteSize)"
    }

    private func slice(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        return String(view)
    }

    /// Escapes text for HTML content and double- or single-quoted attributes.
    static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            case "\u{0}": output += "\u{FFFD}"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    private func escape(_ text: String) -> String { Self.escape(text) }
}
