/// readability.js's clean-up of the chosen article (`_prepArticle`): forms, embeds, footers,
/// asides, inputs and buttons removed; small "share" blocks removed; headings with negative
/// class hints removed; then tables, lists and divs that look like boilerplate ("fishy": few
/// commas and more images, list items, inputs, links or embeds than paragraphs would explain)
/// removed unless they hold a data table; empty paragraphs removed.
struct ArticleCleaner {
    let scorer: ContentScorer
    let cleanConditionally: Bool

    static let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]
    static let textish: Set<String> = ArticleExtractor.blockChildren.union(["span", "li", "td"])
    static let videoHosts = [
        "//www.dailymotion.com", "//dailymotion.com", "youtube.com", "youtube-nocookie.com", "//player.vimeo.com",
        "//www.player.vimeo.com", "v.qq.com", "bilibili.com", "//archive.org", "//www.archive.org",
        "//upload.wikimedia.org", "//player.twitch.tv",
    ]
    static let adWords: Set<String> = [
        "ad", "advertising", "advertisement", "pub", "publicité", "werb", "werbung", "广告", "реклама", "anuncio",
    ]
    static let loadingWords = ["loading", "正在加载", "загрузка", "chargement", "cargando"]

    func clean(_ article: HTMLNode) {
        markDataTables(article)
        removeConditionally(in: article, "form")
        removeConditionally(in: article, "fieldset")
        remove(["object", "embed", "footer", "link", "aside"], in: article)
        for child in article.elementChildren {
            removeMatching(under: child) { node in
                ContentScorer.mentionsSharing(node.classAndID) && node.textContent.utf16.count < ArticleExtractor.characterThreshold
            }
        }
        remove(["iframe", "input", "textarea", "select", "button"], in: article)
        for heading in article.elements(named: ["h1", "h2"]).reversed() where scorer.classWeight(heading) < 0 {
            heading.remove()
        }
        removeConditionally(in: article, "table")
        removeConditionally(in: article, "ul")
        removeConditionally(in: article, "div")
        for paragraph in article.elements(named: "p").reversed()
        where ContentScorer.innerLength(paragraph) == 0
            && !paragraph.contains(elementNamed: ["img", "embed", "object", "iframe"]) {
            paragraph.remove()
        }
    }

    static func isVideo(_ node: HTMLNode) -> Bool {
        node.attributes.contains { attribute in
            let value = attribute.value.lowercased()
            return value.contains("//") && videoHosts.contains { value.contains($0) }
        }
    }

    /// Removes the elements named `names` (one walk for all), videos excepted.
    private func remove(_ names: Set<String>, in article: HTMLNode) {
        for node in article.elements(named: names).reversed()
        where !(["object", "embed", "iframe"].contains(node.name) && Self.isVideo(node)) {
            node.remove()
        }
    }

    private func removeMatching(under root: HTMLNode, _ filter: (HTMLNode) -> Bool) {
        let end = root.nextElementInOrder(skippingChildren: true)
        var next = root.nextElementInOrder()
        while let node = next, node !== end {
            if filter(node) {
                next = node.nextElementInOrder(skippingChildren: true)
                node.remove()
            } else {
                next = node.nextElementInOrder()
            }
        }
    }

    /// Tables of data (kept whole) rather than of layout: readability's `_markDataTables`.
    private func markDataTables(_ article: HTMLNode) {
        for table in article.elements(named: "table") {
            table.isDataTable = Self.isDataTable(table)
        }
    }

    static func isDataTable(_ table: HTMLNode) -> Bool {
        if table.attribute("role") == "presentation" || table.attribute("datatable") == "0" { return false }
        if let summary = table.attribute("summary"), !summary.isEmpty { return true }
        if let caption = table.elements(named: "caption").first, !caption.children.isEmpty { return true }
        if table.contains(elementNamed: ["col", "colgroup", "tfoot", "thead", "th"]) { return true }
        if table.contains(elementNamed: ["table"]) { return false }
        var rows = 0, columns = 0
        for row in table.elements(named: "tr") {
            rows += Int(row.attribute("rowspan") ?? "").flatMap { $0 > 0 ? $0 : nil } ?? 1
            var inRow = 0
            for cell in row.elements(named: "td") {
                inRow += Int(cell.attribute("colspan") ?? "").flatMap { $0 > 0 ? $0 : nil } ?? 1
            }
            columns = max(columns, inRow)
        }
        if columns == 1 || rows == 1 { return false }
        if rows >= 10 || columns > 4 { return true }
        return rows * columns > 10
    }

    private func removeConditionally(in article: HTMLNode, _ tag: String) {
        guard cleanConditionally else { return }
        for node in article.elements(named: tag).reversed() where isFishy(node, tag) {
            node.remove()
        }
    }

    /// readability's `_cleanConditionally` test for one node.
    private func isFishy(_ node: HTMLNode, _ tag: String) -> Bool {
        var isList = tag == "ul" || tag == "ol"
        if !isList {
            let listLength = node.elements(named: ["ul", "ol"]).reduce(0) { $0 + ContentScorer.innerLength($1) }
            let length = ContentScorer.innerLength(node)
            isList = length == 0 ? listLength > 0 : Double(listLength) / Double(length) > 0.9
        }
        if tag == "table", node.isDataTable { return false }
        if ArticleExtractor.hasAncestor(node, named: "table", maxDepth: 0, where: { $0.isDataTable }) { return false }
        if ArticleExtractor.hasAncestor(node, named: "code") { return false }
        if node.elements(named: "table").contains(where: \.isDataTable) { return false }
        let weight = scorer.classWeight(node)
        if weight < 0 { return true }
        let text = ContentScorer.innerText(node)
        guard text.utf8.count { $0 == 0x2C } < 10 else { return false }
        var paragraphs = 0, images = 0, listItemCount = 0, inputs = 0, embeds = 0, video = false
        node.forEachDescendant { element in
            guard element.isElement else { return }
            switch element.name {
            case "p": paragraphs += 1
            case "img": images += 1
            case "li": listItemCount += 1
            case "input": inputs += 1
            case "object", "embed", "iframe":
                if Self.isVideo(element) { video = true }
                embeds += 1
            default: break
            }
        }
        if video { return false }
        let listItems = listItemCount - 100
        let headingDensity = ContentScorer.textDensity(node, Self.headings)
        let lower = text.lowercased()
        if Self.adWords.contains(lower) { return true }
        if Self.loadingWords.contains(where: { lower == $0 || lower == $0 + "…" || lower == $0 + "..." }) { return true }
        let length = text.utf16.count
        let linkDensity = ContentScorer.linkDensity(node)
        let hasTextishText = ContentScorer.hasText(insideAny: Self.textish, of: node)
        let inFigure = ArticleExtractor.hasAncestor(node, named: "figure")
        var remove = false
        if !inFigure, images > 1, Double(paragraphs) / Double(images) < 0.5 { remove = true }
        if !isList, listItems > paragraphs { remove = true }
        if inputs > paragraphs / 3 { remove = true }
        if !isList, !inFigure, headingDensity < 0.9, length < 25, images == 0 || images > 2, linkDensity > 0 { remove = true }
        if !isList, weight < 25, linkDensity > 0.2 { remove = true }
        if weight >= 25, linkDensity > 0.5 { remove = true }
        if (embeds == 1 && length < 75) || embeds > 1 { remove = true }
        if images == 0, !hasTextishText { remove = true }
        // Lists of images stay.
        if isList, remove {
            if node.elementChildren.contains(where: { $0.elementChildren.count > 1 }) { return true }
            if images == listItemCount { return false }
        }
        return remove
    }
}
