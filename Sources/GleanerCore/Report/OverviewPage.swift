import Foundation

/// The report's first page (`index.html`): counts per kind, the programs and exercises with
/// their editions, money per program (amounts in a sentence that names the program), a
/// timeline of dated mentions by year, and the documents list (the first `DocumentList.pageSize`
/// documents; the rest on `documents/N.html`). Its size depends on the number of distinct
/// names and years, not on the texts, so it stays small whatever the dataset's size.
struct OverviewPage {
    var title: String
    var tally: ReportTally
    var firstDocuments: [DocumentList.Row]
    var listPages: Int
    /// Rows shown per table of names (the tables are sorted by mentions).
    static let tableLimit = 500

    private func escape(_ text: String) -> String { HTMLText.escape(text) }

    func render() -> String {
        let kinds = tally.kinds.map(\.kind)
        var html = HTMLText.head(title: "glean report: \(title)", root: "")
        html += "<a class=\"skip\" href=\"#overview\">Skip to the overview</a>\n<header><h1>glean report</h1>"
            + "<p>\(escape(title)): <span id=\"total-documents\">\(tally.documents)</span> documents"
            + (tally.failed > 0 ? " (\(tally.failed) failed)" : "")
            + ", <span id=\"total-mentions\">\(tally.mentions)</span> mentions</p></header>\n<main id=\"overview\" class=\"overview\">\n"
        html += "<nav class=\"sections\" aria-label=\"Sections\"><a href=\"#kinds\">Kinds</a> · <a href=\"#timeline\">Timeline</a> · "
            + "<a href=\"#names\">Programs and exercises</a> · <a href=\"#money\">Money by program</a> · <a href=\"#documents\">Documents</a></nav>\n"

        html += "<div class=\"pair\">\n<section id=\"kinds\" aria-labelledby=\"kinds-h\"><h2 id=\"kinds-h\">Mentions by kind</h2>\n"
            + "<table class=\"kinds\"><thead><tr><th scope=\"col\">Kind</th><th scope=\"col\" class=\"n\">Mentions</th><th scope=\"col\" class=\"n\">Documents</th></tr></thead><tbody>\n"
        for kind in tally.kinds {
            html += "<tr data-kind=\"\(escape(kind.kind))\" data-mentions=\"\(kind.mentions)\" data-documents=\"\(kind.documents)\"><th scope=\"row\"><span class=\"swatch \(ReportAssets.kindClass(kind.kind, in: kinds))\" aria-hidden=\"true\"></span> \(escape(kind.kind))</th>"
                + "<td class=\"n\">\(kind.mentions)</td><td class=\"n\">\(kind.documents)</td></tr>\n"
        }
        html += "</tbody></table></section>\n"
        html += timeline() + "</div>\n"
        html += names()
        html += moneyByProgram()

        html += "<section id=\"documents\" aria-labelledby=\"documents-h\"><h2 id=\"documents-h\">Documents</h2>\n"
        if listPages > 1 {
            html += "<p>The first \(firstDocuments.count) of \(tally.documents); all of them: "
                + (1...listPages).map { "<a href=\"documents/\($0).html\">\($0)</a>" }.joined(separator: " ") + "</p>\n"
        }
        html += DocumentList.table(firstDocuments, kinds: kinds, root: "")
        html += "</section>\n</main>\n</body>\n</html>\n"
        return html
    }

    private func names() -> String {
        let entries = tally.named.values.sorted { ($1.mentions, $0.kind, $0.name) < ($0.mentions, $1.kind, $1.name) }
        var html = "<section id=\"names\" aria-labelledby=\"names-h\"><h2 id=\"names-h\">Programs and exercises</h2>\n"
        guard !entries.isEmpty else { return html + "<p class=\"note\">No programs or exercises were found.</p></section>\n" }
        html += "<table class=\"names\"><thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Kind</th><th scope=\"col\">Acronyms</th>"
            + "<th scope=\"col\">Editions</th><th scope=\"col\" class=\"n\">Mentions</th><th scope=\"col\" class=\"n\">Documents</th></tr></thead><tbody>\n"
        for entry in entries.prefix(Self.tableLimit) {
            let editions = entry.editions.sorted().map(String.init)
            html += "<tr data-kind=\"\(escape(entry.kind))\" data-name=\"\(escape(entry.name))\" data-mentions=\"\(entry.mentions)\" "
                + "data-documents=\"\(entry.documents)\" data-editions=\"\(editions.joined(separator: ","))\"><th scope=\"row\">\(escape(entry.name))</th><td>\(escape(entry.kind))</td>"
                + "<td>\(escape(entry.acronyms.sorted().joined(separator: ", ")))</td><td class=\"editions\">\(editions.joined(separator: ", "))</td>"
                + "<td class=\"n\">\(entry.mentions)</td><td class=\"n\">\(entry.documents)</td></tr>\n"
        }
        html += "</tbody></table>\n"
        if entries.count > Self.tableLimit {
            html += "<p class=\"note\">\(entries.count - Self.tableLimit) more names are in <code>glean export --entities</code>.</p>\n"
        }
        return html + "</section>\n"
    }

    private func moneyByProgram() -> String {
        let entries = tally.money.values.sorted { ($1.amounts, $0.program, $0.currency) < ($0.amounts, $1.program, $1.currency) }
        var html = "<section id=\"money\" aria-labelledby=\"money-h\"><h2 id=\"money-h\">Money by program</h2>\n"
            + "<p class=\"hint\">Amounts in a sentence that names the program (an amount counts for each program of its sentence; "
            + "a restated amount, <code>equivalentOf</code>, is not counted again; a range counts its lower end).</p>\n"
        if tally.withoutSentence > 0 {
            html += "<p class=\"note\">\(tally.withoutSentence) mentions have no sentence (a dataset from an older glean): run <code>glean run</code> again to link them.</p>\n"
        }
        guard !entries.isEmpty else { return html + "<p class=\"note\">No sentence names both a program and an amount.</p></section>\n" }
        html += "<table class=\"money\"><thead><tr><th scope=\"col\">Program</th><th scope=\"col\">Currency</th><th scope=\"col\" class=\"n\">Total</th>"
            + "<th scope=\"col\" class=\"n\">Amounts</th><th scope=\"col\" class=\"n\">Documents</th></tr></thead><tbody>\n"
        for entry in entries.prefix(Self.tableLimit) {
            let total = "\(entry.total)"
            html += "<tr data-program=\"\(escape(entry.program))\" data-currency=\"\(escape(entry.currency))\" data-total=\"\(total)\">"
                + "<th scope=\"row\">\(escape(entry.program))</th><td>\(escape(entry.currency))</td><td class=\"n\">\(HTMLText.grouped(total))</td>"
                + "<td class=\"n\">\(entry.amounts)</td><td class=\"n\">\(entry.documents)</td></tr>\n"
        }
        html += "</tbody></table>\n"
        if entries.count > Self.tableLimit { html += "<p class=\"note\">and \(entries.count - Self.tableLimit) more.</p>\n" }
        return html + "</section>\n"
    }

    private func timeline() -> String {
        var html = "<section id=\"timeline\" aria-labelledby=\"timeline-h\"><h2 id=\"timeline-h\">Timeline</h2>\n"
            + "<p class=\"hint\">Dated mentions by the year they start in (<code>dateStart</code>)"
            + (tally.undated > 0 ? "; \(tally.undated) with an unknown year are left out" : "") + ".</p>\n"
        let years = tally.years.keys.sorted()
        guard let top = tally.years.values.max() else { return html + "<p class=\"note\">No dated mentions.</p></section>\n" }
        html += "<ol class=\"timeline\">\n"
        for year in years {
            let count = tally.years[year]!
            let width = max(1, Int((Double(count) / Double(top) * 100).rounded()))
            html += "<li data-year=\"\(year)\" data-count=\"\(count)\"><span class=\"year\">\(year)</span>"
                + "<span class=\"bar\" style=\"width: \(width)%\" aria-hidden=\"true\"></span><span class=\"n\">\(count)</span></li>\n"
        }
        return html + "</ol></section>\n"
    }
}
