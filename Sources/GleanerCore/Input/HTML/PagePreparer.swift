/// readability.js's preparation of a page before its article is looked for: scripts, styles
/// and `noscript` fallbacks removed, placeholder images removed, runs of `<br>` turned into
/// paragraphs, `<font>` into `<span>`.
enum PagePreparer {
    /// Phrasing content (HTML's category, less the embeds readability drops from paragraphs).
    static let phrasing: Set<String> = [
        "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em", "embed", "i",
        "img", "input", "kbd", "label", "mark", "math", "meter", "noscript", "object", "output", "progress", "q",
        "ruby", "samp", "script", "select", "small", "span", "strong", "sub", "sup", "textarea", "time", "var", "wbr",
    ]

    static func prepare(_ document: HTMLNode) {
        removePlaceholderImages(document)
        for node in document.elements(named: ["script", "noscript", "style", "template"]) { node.remove() }
        if let body = document.firstElement(named: "body") { replaceBreaks(body) }
        for font in document.elements(named: "font") { font.retag("span") }
    }

    static func isPhrasing(_ node: HTMLNode) -> Bool {
        if node.isText || phrasing.contains(node.name) { return true }
        guard node.name == "a" || node.name == "del" || node.name == "ins" else { return false }
        return node.children.allSatisfy(isPhrasing)
    }

    /// Whitespace text or a `<br>`.
    static func isWhitespace(_ node: HTMLNode) -> Bool {
        node.isText ? ContentScorer.isWhitespaceText(node.text) : node.name == "br"
    }

    /// `node` or the first sibling after it that is an element or has visible text.
    static func skippingWhitespace(_ node: HTMLNode?) -> HTMLNode? {
        var next = node
        while let current = next, current.isText, ContentScorer.isWhitespaceText(current.text) {
            next = current.nextSibling
        }
        return next
    }

    /// Images with no source at all are lazy-loading placeholders (their `noscript` fallback
    /// is removed with the scripts).
    private static func removePlaceholderImages(_ document: HTMLNode) {
        for image in document.elements(named: "img") {
            let hasSource = image.attributes.contains { attribute in
                ["src", "srcset", "data-src", "data-srcset"].contains(attribute.name)
                    || [".jpg", ".jpeg", ".png", ".webp"].contains { attribute.value.lowercased().contains($0) }
            }
            if !hasSource { image.remove() }
        }
    }

    /// Two or more `<br>` in a row end a paragraph: `<div>a<br><br>b</div>` becomes
    /// `<div>a<p>b</p></div>`.
    private static func replaceBreaks(_ body: HTMLNode) {
        for br in body.elements(named: "br") where br.parent != nil {
            var next = br.nextSibling
            var replaced = false
            while let found = skippingWhitespace(next), found.name == "br" {
                replaced = true
                next = found.nextSibling
                found.remove()
            }
            guard replaced else { continue }
            let paragraph = HTMLNode(element: "p")
            br.replace(with: paragraph)
            next = paragraph.nextSibling
            while let current = next {
                if current.name == "br", let after = skippingWhitespace(current.nextSibling), after.name == "br" { break }
                if !isPhrasing(current) { break }
                next = current.nextSibling
                paragraph.append(current)
            }
            while let last = paragraph.lastChild, isWhitespace(last) { last.remove() }
            if let parent = paragraph.parent, parent.name == "p" { parent.retag("div") }
        }
    }
}
