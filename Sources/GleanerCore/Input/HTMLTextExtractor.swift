import CLibXML2

/// The visible text of an HTML document (CONTRACT.md), parsed with libxml2's HTML parser (the
/// only file that imports CLibXML2): `script`, `style` and comments dropped, entities decoded,
/// a line break at the start and end of each block element (one, not one per nesting level),
/// `<br>` a line break, and whitespace otherwise as written. The input is already valid UTF-8
/// (TextDecoder replaced bad bytes), and is parsed as UTF-8 whatever a `<meta charset>` says.
public enum HTMLTextExtractor {
    /// Elements whose content is never shown.
    static let hidden: Set<String> = ["script", "style"]
    /// Elements that start a new line: HTML's block-level elements, plus table rows and cells
    /// and list items so that neighbouring cells never run together.
    static let blocks: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
        "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
        "thead", "title", "tr", "ul",
    ]

    public static func text(of html: String) -> String {
        var html = html
        return html.withUTF8 { bytes in
            let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
                | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
            guard !bytes.isEmpty,
                  let document = bytes.withMemoryRebound(to: CChar.self, {
                      htmlReadMemory($0.baseAddress, Int32($0.count), nil, "UTF-8", options)
                  }) else { return "" }
            defer { xmlFreeDoc(document) }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var node = document.pointee.children
            while let current = node {
                append(current, to: &output)
                node = current.pointee.next
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    private static func append(_ node: xmlNodePtr, to output: inout [UInt8]) {
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            if let content = node.pointee.content {
                var pointer = content
                while pointer.pointee != 0 { output.append(pointer.pointee); pointer += 1 }
            }
        case XML_ELEMENT_NODE:
            let name = node.pointee.name.map { String(cString: $0) } ?? ""
            if hidden.contains(name) { return }
            if name == "br" { output.append(0x0A); return }
            let block = blocks.contains(name)
            if block { lineBreak(&output) }
            var child = node.pointee.children
            while let current = child {
                append(current, to: &output)
                child = current.pointee.next
            }
            if block { lineBreak(&output) }
        default:
            return  // comments, processing instructions, the doctype
        }
    }

    private static func lineBreak(_ output: inout [UInt8]) {
        if let last = output.last, last != 0x0A { output.append(0x0A) }
    }
}
