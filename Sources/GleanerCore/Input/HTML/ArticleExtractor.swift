/// Finds a page's article the way readability.js (Mozilla's reader view) does, ported to the
/// `HTMLNode` tree: drop what is hidden, unlikely (class/id/role hints) or empty; score each
/// paragraph (1, plus its commas, plus one per 100 characters up to 3) into its five nearest
/// ancestors (halved for the grandparent, divided by 3·level beyond); scale each candidate by
/// its link density; take the best, climb to a shared ancestor when near-equal candidates
/// agree, merge its siblings that score well or read as prose; clean the result
/// (`ArticleCleaner`). When the article has under 500 characters, try again with fewer
/// filters (no unlikely-stripping, then no class weights, then no conditional cleaning) and
/// finally keep the longest attempt.
struct ArticleExtractor {
    static let characterThreshold = 500
    static let topCandidateCount = 5
    static let scoredTags: Set<String> = ["section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"]
    static let blockChildren: Set<String> = ["blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul"]
    static let keptSiblingTags: Set<String> = ["div", "article", "section", "p", "ol", "ul"]
    static let emptyRemovable: Set<String> = ["div", "section", "header", "h1", "h2", "h3", "h4", "h5", "h6"]

    struct Filters {
        var stripUnlikely = true
        var weighClasses = true
        var cleanConditionally = true

        /// The next, looser set, or nil when all are off.
        var loosened: Filters? {
            var next = self
            if stripUnlikely { next.stripUnlikely = false } else if weighClasses { next.weighClasses = false }
            else if cleanConditionally { next.cleanConditionally = false } else { return nil }
            return next
        }
    }

    struct Article {
        let content: HTMLNode
        /// The byline found in the body (a node marked as author/byline), when the page's
        /// metadata had none.
        let byline: String?
    }

    /// The title, for removing the heading that repeats it.
    let title: String
    /// Whether the metadata already names the author (then bylines in the body are content).
    let hasByline: Bool

    /// The article of `document` (prepared by `PagePreparer`), or nil when the page has no text.
    func extract(from document: HTMLNode) -> Article? {
        var filters = Filters()
        var attempts: [(content: HTMLNode, length: Int)] = []
        var byline: String?
        while true {
            let page = document.deepCopy()
            guard let content = attempt(page, filters: filters, byline: &byline) else { return nil }
            let length = ContentScorer.innerLength(content)
            if length >= Self.characterThreshold { return Article(content: content, byline: byline) }
            attempts.append((content, length))
            guard let looser = filters.loosened else { break }
            filters = looser
        }
        guard let best = attempts.max(by: { $0.length < $1.length }), best.length > 0 else { return nil }
        return Article(content: best.content, byline: byline)
    }

    private func attempt(_ document: HTMLNode, filters: Filters, byline: inout String?) -> HTMLNode? {
        guard let root = document.firstElementChild else { return nil }
        let body = root.firstElement(named: "body") ?? root
        let scorer = ContentScorer(weighClasses: filters.weighClasses)
        let elementsToScore = prune(from: root, filters: filters, byline: &byline)
        var candidates: [HTMLNode] = []
        for element in elementsToScore {
            guard let parent = element.parent, !parent.isDocument else { continue }
            let text = ContentScorer.innerText(element)
            let length = text.utf16.count
            guard length >= 25 else { continue }
            let ancestors = element.ancestors(limit: 5)
            let commas = text.utf16.count { ContentScorer.isComma($0) }
            let score = 1 + Double(commas + 1) + Double(min(length / 100, 3))
            for (level, ancestor) in ancestors.enumerated() {
                guard !ancestor.isDocument, let above = ancestor.parent, !above.isDocument else { continue }
                if ancestor.contentScore == nil {
                    initialize(ancestor, scorer)
                    candidates.append(ancestor)
                }
                let divider = level == 0 ? 1 : level == 1 ? 2 : Double(level * 3)
                ancestor.contentScore! += score / divider
            }
        }
        var top: [HTMLNode] = []
        for candidate in candidates {
            let score = candidate.contentScore! * (1 - ContentScorer.linkDensity(candidate))
            candidate.contentScore = score
            if let at = top.firstIndex(where: { score > $0.contentScore! }) {
                top.insert(candidate, at: at)
                if top.count > Self.topCandidateCount { top.removeLast() }
            } else if top.count < Self.topCandidateCount {
                top.append(candidate)
            }
        }
        let topCandidate: HTMLNode
        if let best = top.first, best.name != "body" {
            topCandidate = climb(from: best, top: top, scorer: scorer)
        } else {
            topCandidate = HTMLNode(element: "div")
            for child in body.children { topCandidate.append(child) }
            body.append(topCandidate)
            initialize(topCandidate, scorer)
        }
        let content = HTMLNode(element: "div")
        mergeSiblings(of: topCandidate, into: content)
        ArticleCleaner(scorer: scorer, cleanConditionally: filters.cleanConditionally).clean(content)
        return content
    }

    // MARK: Pruning

    /// Walks the page once: removes hidden, unlikely and empty nodes, the byline and the heading
    /// that repeats the title; turns `div`s of phrasing content into paragraphs; returns the
    /// elements to score.
    private func prune(from root: HTMLNode, filters: Filters, byline: inout String?) -> [HTMLNode] {
        var elementsToScore: [HTMLNode] = []
        var removeTitleHeading = true
        var node: HTMLNode? = root
        func removeAndGetNext(_ node: HTMLNode) -> HTMLNode? {
            let next = node.nextElementInOrder(skippingChildren: true)
            node.remove()
            return next
        }
        while let current = node {
            let match = current.classAndID
            if !Self.isProbablyVisible(current)
                || (current.attribute("aria-modal") == "true" && current.attribute("role") == "dialog") {
                node = removeAndGetNext(current)
                continue
            }
            // The byline found on a first attempt is removed again on the retries (readability
            // keeps it in, which puts it in the text of short articles).
            if !hasByline, Self.isValidByline(current, match),
               byline == nil || PageText.trimmed(current.textContent).contains(byline!) {
                guard byline == nil else { node = removeAndGetNext(current); continue }
                let end = current.nextElementInOrder(skippingChildren: true)
                var next = current.nextElementInOrder()
                var nameNode: HTMLNode?
                while let candidate = next, candidate !== end {
                    if candidate.attribute("itemprop")?.contains("name") == true { nameNode = candidate; break }
                    next = candidate.nextElementInOrder()
                }
                byline = PageText.trimmed((nameNode ?? current).textContent)
                node = removeAndGetNext(current)
                continue
            }
            if removeTitleHeading, headingRepeatsTitle(current) {
                removeTitleHeading = false
                node = removeAndGetNext(current)
                continue
            }
            if filters.stripUnlikely {
                if ContentScorer.matches(match, any: ContentScorer.unlikely),
                   !ContentScorer.matches(match, any: ContentScorer.maybeCandidate),
                   !Self.hasAncestor(current, named: "table"), !Self.hasAncestor(current, named: "code"),
                   current.name != "body", current.name != "a" {
                    node = removeAndGetNext(current)
                    continue
                }
                if let role = current.attribute("role"), ContentScorer.unlikelyRoles.contains(role) {
                    node = removeAndGetNext(current)
                    continue
                }
            }
            if Self.emptyRemovable.contains(current.name), Self.isWithoutContent(current) {
                node = removeAndGetNext(current)
                continue
            }
            var scored = current
            if Self.scoredTags.contains(current.name) { elementsToScore.append(current) }
            if current.name == "div" {
                wrapPhrasing(in: current)
                if Self.hasSingleChild(current, named: "p"), ContentScorer.linkDensity(current) < 0.25 {
                    let paragraph = current.firstElementChild!
                    current.replace(with: paragraph)
                    scored = paragraph
                    elementsToScore.append(paragraph)
                } else if !current.contains(elementNamed: Self.blockChildren) {
                    scored = current.retag("p")
                    elementsToScore.append(scored)
                }
            }
            node = scored.nextElementInOrder()
        }
        return elementsToScore
    }

    /// Puts each run of phrasing content directly in `div` into a paragraph of its own.
    private func wrapPhrasing(in div: HTMLNode) {
        var child = div.firstChild
        while let current = child {
            guard PagePreparer.isPhrasing(current) else { child = current.nextSibling; continue }
            var run: [HTMLNode] = []
            var next: HTMLNode? = current
            while let node = next, PagePreparer.isPhrasing(node) {
                run.append(node)
                next = node.nextSibling
            }
            for node in run { node.remove() }
            while let first = run.first, PagePreparer.isWhitespace(first) { run.removeFirst() }
            while let last = run.last, PagePreparer.isWhitespace(last) { run.removeLast() }
            if !run.isEmpty {
                let paragraph = HTMLNode(element: "p")
                for node in run { paragraph.append(node) }
                div.insert(paragraph, before: next)
            }
            child = next
        }
    }

    // MARK: Choosing the top candidate

    private func initialize(_ node: HTMLNode, _ scorer: ContentScorer) {
        var score = 0.0
        switch node.name {
        case "div": score = 5
        case "pre", "td", "blockquote": score = 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": score = -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": score = -5
        default: break
        }
        node.contentScore = score + scorer.classWeight(node)
    }

    /// From the best candidate: to an ancestor shared by three near-equal candidates, to a
    /// parent that scores higher, and up through single-child parents.
    private func climb(from best: HTMLNode, top: [HTMLNode], scorer: ContentScorer) -> HTMLNode {
        var topCandidate = best
        let bestScore = best.contentScore!
        let alternatives = top.dropFirst().filter { $0.contentScore! / bestScore >= 0.75 }.map { $0.ancestors() }
        if alternatives.count >= 3 {
            var parent = topCandidate.parent
            while let current = parent, current.name != "body", !current.isDocument {
                if alternatives.count(where: { list in list.contains { $0 === current } }) >= 3 {
                    topCandidate = current
                    break
                }
                parent = current.parent
            }
        }
        if topCandidate.contentScore == nil { initialize(topCandidate, scorer) }
        var parent = topCandidate.parent
        var lastScore = topCandidate.contentScore!
        let threshold = lastScore / 3
        while let current = parent, current.name != "body", !current.isDocument {
            guard let score = current.contentScore else { parent = current.parent; continue }
            if score < threshold { break }
            if score > lastScore { topCandidate = current; break }
            lastScore = score
            parent = current.parent
        }
        while let current = topCandidate.parent, current.name != "body", !current.isDocument,
              current.elementChildren.count == 1 {
            topCandidate = current
        }
        if topCandidate.contentScore == nil { initialize(topCandidate, scorer) }
        return topCandidate
    }

    /// Appends the top candidate and those of its siblings that belong to the article.
    private func mergeSiblings(of topCandidate: HTMLNode, into content: HTMLNode) {
        guard let parent = topCandidate.parent else { return content.append(topCandidate) }
        let topScore = topCandidate.contentScore ?? 0
        let threshold = max(10, topScore * 0.2)
        for sibling in parent.elementChildren {
            var keep = sibling === topCandidate
            if !keep {
                var bonus = 0.0
                if !topCandidate.className.isEmpty, sibling.className == topCandidate.className { bonus += topScore * 0.2 }
                if let score = sibling.contentScore, score + bonus >= threshold {
                    keep = true
                } else if sibling.name == "p" {
                    let density = ContentScorer.linkDensity(sibling)
                    let text = ContentScorer.innerText(sibling)
                    let length = text.utf16.count
                    if length > 80, density < 0.25 {
                        keep = true
                    } else if length < 80, length > 0, density == 0, text.hasSuffix(".") || text.contains(". ") {
                        keep = true
                    }
                }
            }
            guard keep else { continue }
            let kept = Self.keptSiblingTags.contains(sibling.name) ? sibling : sibling.retag("div")
            content.append(kept)
        }
    }

    // MARK: Tests on nodes

    static func isProbablyVisible(_ node: HTMLNode) -> Bool {
        if let style = node.attribute("style") {
            let compact = style.lowercased().filter { $0 != " " }
            if compact.contains("display:none") || compact.contains("visibility:hidden") { return false }
        }
        if node.hasAttribute("hidden") { return false }
        if node.attribute("aria-hidden") == "true", !node.className.contains("fallback-image") { return false }
        return true
    }

    static func isValidByline(_ node: HTMLNode, _ match: String) -> Bool {
        guard node.attribute("rel") == "author" || node.attribute("itemprop")?.contains("author") == true
                || ContentScorer.matches(match, any: ContentScorer.byline) else { return false }
        let length = PageText.trimmed(node.textContent).utf16.count
        return length > 0 && length < 100
    }

    private func headingRepeatsTitle(_ node: HTMLNode) -> Bool {
        guard node.name == "h1" || node.name == "h2" else { return false }
        return PageText.similarity(title, PageText.trimmed(node.textContent)) > 0.75
    }

    /// An element with no text whose only elements, if any, are `<br>` and `<hr>`.
    static func isWithoutContent(_ node: HTMLNode) -> Bool {
        guard node.isElement, !ContentScorer.hasVisibleText(node) else { return false }
        let elements = node.elementChildren.count
        return elements == 0 || elements == node.elements(named: ["br", "hr"]).count
    }

    /// Exactly one element child, named `name`, and no text ending in a visible character.
    static func hasSingleChild(_ node: HTMLNode, named name: String) -> Bool {
        let elements = node.elementChildren
        guard elements.count == 1, elements[0].name == name else { return false }
        return !node.children.contains { child in
            child.isText && child.text.utf16.last.map { !ContentScorer.isSpace($0) } == true
        }
    }

    /// readability's `_hasAncestorTag`: an ancestor named `name` within `maxDepth` levels
    /// (any depth when 0) that passes `filter`.
    static func hasAncestor(_ node: HTMLNode, named name: String, maxDepth: Int = 3,
                            where filter: (HTMLNode) -> Bool = { _ in true }) -> Bool {
        var depth = 0
        var current = node
        while let parent = current.parent {
            if maxDepth > 0, depth > maxDepth { return false }
            if parent.name == name, filter(parent) { return true }
            current = parent
            depth += 1
        }
        return false
    }
}
