/// readability.js's measures of how much a node looks like article content: class and id hints,
/// text length with whitespace collapsed, commas, link density, text density. Hints are
/// case-insensitive substrings (readability's regular expressions are alternations of them),
/// matched on lower-cased attribute values.
struct ContentScorer {
    /// Whether class and id hints count (readability's FLAG_WEIGHT_CLASSES, dropped on the
    /// last retries).
    var weighClasses = true

    static let unlikely = [
        "-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community", "cover-wrap", "disqus", "extra",
        "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss", "shoutbox", "sidebar",
        "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate", "pagination", "pager", "popup",
        "yom-remote",
    ]
    static let maybeCandidate = ["and", "article", "body", "column", "content", "main", "mathjax", "shadow"]
    static let positive = [
        "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination", "post", "text",
        "blog", "story",
    ]
    static let negative = [
        "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr", "masthead", "media",
        "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor",
        "shopping", "tags", "widget",
    ]
    static let byline = ["byline", "author", "dateline", "writtenby", "p-author"]
    static let unlikelyRoles: Set<String> = [
        "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog",
    ]

    static func matches(_ value: String, any hints: [String]) -> Bool {
        // Most elements have neither class nor id: `classAndID` is then one space.
        guard !value.isEmpty, value != " " else { return false }
        let lower = lowercasedBytes(value)
        return hints.contains { contains(lower, $0) }
    }

    /// readability's `negative` also matches the word `hid` alone.
    static func isNegative(_ value: String) -> Bool {
        guard !value.isEmpty else { return false }
        let lower = lowercasedBytes(value)
        if contains(Array(" ".utf8) + lower + Array(" ".utf8), " hid ") { return true }
        return negative.contains { contains(lower, $0) }
    }

    /// ASCII letters lower-cased (the hints are ASCII; other bytes never match them anyway).
    private static func lowercasedBytes(_ value: String) -> [UInt8] {
        value.utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
    }

    private static func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
        var found = false
        needle.utf8.withContiguousStorageIfAvailable { pattern in
            guard let first = pattern.first, haystack.count >= pattern.count else { return }
            var index = 0
            let last = haystack.count - pattern.count
            while index <= last {
                if haystack[index] == first {
                    var offset = 1
                    while offset < pattern.count, haystack[index + offset] == pattern[offset] { offset += 1 }
                    if offset == pattern.count { found = true; return }
                }
                index += 1
            }
        }
        return found
    }

    /// Whether `share` or `sharedaddy` stands as a word (underscores count as boundaries).
    static func mentionsSharing(_ value: String) -> Bool {
        let bytes = Array(value.lowercased().utf8)
        let word = Array("share".utf8)
        guard bytes.count >= word.count else { return false }
        func isWordByte(_ byte: UInt8) -> Bool {
            (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte >= 0x80
        }
        for start in 0...(bytes.count - word.count) where bytes[start..<start + word.count].elementsEqual(word) {
            guard start == 0 || !isWordByte(bytes[start - 1]) else { continue }
            var end = start + word.count
            if bytes[end...].starts(with: Array("daddy".utf8)) { end += 5 }
            if end == bytes.count || !isWordByte(bytes[end]) { return true }
        }
        return false
    }

    /// ±25 for a negative or positive class, the same for the id.
    func classWeight(_ node: HTMLNode) -> Double {
        guard weighClasses else { return 0 }
        var weight = 0.0
        for value in [node.className, node.id] where !value.isEmpty {
            if Self.isNegative(value) { weight -= 25 }
            if Self.matches(value, any: Self.positive) { weight += 25 }
        }
        return weight
    }

    // MARK: Text measures (readability's `_getInnerText(e).length`: trimmed, runs of whitespace as one)

    static func isSpace(_ unit: UInt16) -> Bool {
        unit == 0x20 || (0x09...0x0D).contains(unit) || unit == 0xA0 || unit == 0x1680 || (0x2000...0x200A).contains(unit)
            || unit == 0x2028 || unit == 0x2029 || unit == 0x202F || unit == 0x205F || unit == 0x3000 || unit == 0xFEFF
    }

    static func isComma(_ unit: UInt16) -> Bool {
        unit == 0x2C || unit == 0x60C || unit == 0xFE50 || unit == 0xFE10 || unit == 0xFE11 || unit == 0x2E41
            || unit == 0x2E34 || unit == 0x2E32 || unit == 0xFF0C
    }

    /// A run of text as readability measures it: UTF-16 units from the first to the last
    /// visible character, each inner run of whitespace counted as one, and whether the run
    /// starts or ends with whitespace, so that two runs combine exactly.
    struct TextLength {
        var core = 0
        var hasContent = false
        var leadingSpace = false
        var trailingSpace = false

        mutating func append(_ text: String) {
            var inSpace = false
            for unit in text.utf16 {
                if isSpace(unit) {
                    if !hasContent { leadingSpace = true } else { inSpace = true }
                } else {
                    if inSpace || (hasContent && trailingSpace) { core += 1 }
                    inSpace = false
                    trailingSpace = false
                    core += 1
                    hasContent = true
                }
            }
            if inSpace { trailingSpace = true }
        }

        mutating func append(_ other: TextLength) {
            guard other.hasContent else {
                if other.leadingSpace || other.trailingSpace {
                    if hasContent { trailingSpace = true } else { leadingSpace = true }
                }
                return
            }
            guard hasContent else {
                let leading = leadingSpace || other.leadingSpace
                self = other
                leadingSpace = leading
                return
            }
            core += other.core + (trailingSpace || other.leadingSpace ? 1 : 0)
            trailingSpace = other.trailingSpace
        }
    }

    /// The length in UTF-16 units (as JavaScript counts) of the node's text, trimmed, each run
    /// of whitespace counted as one.
    static func innerLength(_ node: HTMLNode) -> Int {
        var length = TextLength()
        if node.isText { length.append(node.text) } else { node.forEachDescendant { if $0.isText { length.append($0.text) } } }
        return length.core
    }

    /// The node's text trimmed, runs of whitespace as one space.
    static func innerText(_ node: HTMLNode) -> String {
        var units: [UInt16] = []
        var inSpace = false
        func take(_ text: String) {
            for unit in text.utf16 {
                if isSpace(unit) {
                    if !units.isEmpty { inSpace = true }
                } else {
                    if inSpace { units.append(0x20); inSpace = false }
                    units.append(unit)
                }
            }
        }
        if node.isText { take(node.text) } else { node.forEachDescendant { if $0.isText { take($0.text) } } }
        return String(decoding: units, as: UTF16.self)
    }

    static func commaCount(_ node: HTMLNode) -> Int {
        var count = 0
        node.forEachDescendant { if $0.isText { count += $0.text.utf16.count { isComma($0) } } }
        return count
    }

    static func isWhitespaceText(_ text: String) -> Bool { text.utf16.allSatisfy(isSpace) }

    /// The share of the node's text inside links; in-page links (`#...`) count 0.3. One walk:
    /// the text of each outermost link is measured on the way.
    static func linkDensity(_ node: HTMLNode) -> Double {
        var total = TextLength()
        var links = 0.0
        // A frame: a node, how many of its children are done.
        var stack: [(HTMLNode, Int)] = [(node, 0)]
        var link: (depth: Int, coefficient: Double, length: TextLength)?
        while let (current, index) = stack.last {
            guard index < current.children.count else {
                stack.removeLast()
                if let open = link, open.depth == stack.count {
                    links += Double(open.length.core) * open.coefficient
                    link = nil
                }
                continue
            }
            stack[stack.count - 1].1 = index + 1
            let child = current.children[index]
            if child.isText {
                total.append(child.text)
                link?.length.append(child.text)
            } else if !child.children.isEmpty {
                if link == nil, child.name == "a" {
                    let href = child.attribute("href") ?? ""
                    link = (stack.count, href.count > 1 && href.hasPrefix("#") ? 0.3 : 1, TextLength())
                }
                stack.append((child, 0))
            }
        }
        if node.isText { total.append(node.text) }
        guard total.core > 0 else { return 0 }
        return links / Double(total.core)
    }

    /// Whether the node has a character that is not whitespace (stops at the first).
    static func hasVisibleText(_ node: HTMLNode) -> Bool {
        if node.isText { return !isWhitespaceText(node.text) }
        return node.firstDescendant { $0.isText && !isWhitespaceText($0.text) } != nil
    }

    /// Whether any descendant named `names` holds visible text: `textDensity(node, names) > 0`
    /// in one walk (deeply nested pages make the sum over nested matches quadratic).
    static func hasText(insideAny names: Set<String>, of node: HTMLNode) -> Bool {
        // A frame: a node, how many of its children are done, whether it is inside a match.
        var stack: [(HTMLNode, Int, Bool)] = [(node, 0, false)]
        while let (current, index, inside) = stack.last {
            guard index < current.children.count else { stack.removeLast(); continue }
            stack[stack.count - 1].1 = index + 1
            let child = current.children[index]
            if child.isText {
                if inside, !isWhitespaceText(child.text) { return true }
            } else if !child.children.isEmpty {
                stack.append((child, 0, inside || names.contains(child.name)))
            }
        }
        return false
    }

    /// The share of the node's text inside descendants named `names`.
    static func textDensity(_ node: HTMLNode, _ names: Set<String>) -> Double {
        let length = innerLength(node)
        guard length > 0 else { return 0 }
        let inside = node.elements(named: names).reduce(0) { $0 + innerLength($1) }
        return Double(inside) / Double(length)
    }
}
