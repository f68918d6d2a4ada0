/// Writes a tree's text with a line break at the start and end of each block element (one, not
/// one per nesting level) and `<br>` as a line break. Two styles:
/// - `asWritten` (`--html-text page`): text nodes exactly as in the source, whitespace included;
/// - `collapsed` (the article): whitespace collapsed the way a browser shows it (one space for
///   a run, none at the start or end of a line), `<pre>` kept as written.
struct BlockTextRenderer {
    enum Style { case asWritten, collapsed }

    /// Elements whose content is never shown.
    static let hidden: Set<String> = ["script", "style", "template"]
    /// Elements that start a new line: HTML's block-level elements, plus table rows and cells,
    /// list items and `noscript` so that neighbouring cells or fallbacks never run together.
    static let blocks: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
        "hr", "li", "main", "nav", "noscript", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot",
        "th", "thead", "title", "tr", "ul",
    ]

    let style: Style

    private(set) var output: [UInt8] = []
    private var pendingSpace = false
    private var preformatted = 0

    init(style: Style) {
        self.style = style
    }

    var text: String { String(decoding: output, as: UTF8.self) }

    mutating func append(line: String) {
        lineBreak()
        output.append(contentsOf: line.utf8)
        lineBreak()
    }

    /// Appends `node` and everything under it, without recursion.
    mutating func append(_ node: HTMLNode) {
        // A frame is a node and how many of its children are done; -1: not yet opened.
        var stack: [(HTMLNode, Int)] = [(node, -1)]
        while let (current, index) = stack.last {
            if index == -1 {
                if current.isText {
                    stack.removeLast()
                    appendText(current.text)
                    continue
                }
                if Self.hidden.contains(current.name) { stack.removeLast(); continue }
                if current.name == "br" { stack.removeLast(); newline(); continue }
                if Self.blocks.contains(current.name) { lineBreak() }
                if current.name == "pre" { preformatted += 1 }
                stack[stack.count - 1].1 = 0
            } else if index < current.children.count {
                stack[stack.count - 1].1 = index + 1
                stack.append((current.children[index], -1))
            } else {
                stack.removeLast()
                if current.name == "pre" { preformatted -= 1 }
                if Self.blocks.contains(current.name) { lineBreak() }
            }
        }
    }

    private mutating func appendText(_ text: String) {
        if style == .asWritten || preformatted > 0 {
            flushSpace()
            output.append(contentsOf: text.utf8)
            return
        }
        for byte in text.utf8 {
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                if let last = output.last, last != 0x0A { pendingSpace = true }
            } else {
                flushSpace()
                output.append(byte)
            }
        }
    }

    private mutating func flushSpace() {
        if pendingSpace { output.append(0x20) }
        pendingSpace = false
    }

    private mutating func newline() {
        pendingSpace = false
        output.append(0x0A)
    }

    private mutating func lineBreak() {
        pendingSpace = false
        if let last = output.last, last != 0x0A { output.append(0x0A) }
    }
}
