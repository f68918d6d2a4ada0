import CLibXML2

/// Parses HTML bytes with libxml2's HTML parser into an `HTMLNode` tree: the only file that
/// imports CLibXML2. Comments, processing instructions and the doctype are dropped; entities
/// are decoded; CDATA is text.
enum LibXML2HTMLParser {
    struct Parsed {
        /// The document node: its element children are the page (`html`, or whatever the
        /// parser made of a fragment).
        let document: HTMLNode
        /// Set when libxml2 gave up before the end of the input: the tree lacks the rest.
        let stoppedEarly: Bool
        /// How deep the deepest element is (at most `maximumDepth`).
        let depth: Int
    }

    /// Elements deeper than this are attached to their ancestor at this depth, so that their
    /// text is kept in order while every walk over the tree stays shallow (legacy pages nest
    /// hundreds of unclosed `<font>` tags).
    static let maximumDepth = 512

    /// `encoding` is a name libxml2 (iconv) knows; nil when it does not know `encoding`.
    static func knows(encoding: String) -> Bool {
        guard let handler = xmlFindCharEncodingHandler(encoding) else { return false }
        xmlCharEncCloseFunc(handler)
        return true
    }

    /// Parses `bytes` as `encoding` (libxml2 converts to UTF-8), ignoring any charset the page
    /// declares (the caller chose the encoding).
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, encoding: String) -> Parsed? {
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return nil }
        // HUGE lifts libxml2's nesting limit of 256 elements (beyond it, it silently stops).
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
            | Int32(XML_PARSE_HUGE.rawValue)
        guard let context = htmlNewParserCtxt() else { return nil }
        defer { htmlFreeParserCtxt(context) }
        guard let document = bytes.withMemoryRebound(to: CChar.self, {
            htmlCtxtReadMemory(context, $0.baseAddress, Int32($0.count), nil, encoding, options)
        }) else { return nil }
        defer { xmlFreeDoc(document) }
        // A fatal error (a limit, memory) stops the parser: it sets the state to EOF and
        // disables SAX before the input's end.
        let stoppedEarly = context.pointee.disableSAX != 0
            || (context.pointee.input.map { $0.pointee.cur != nil && $0.pointee.end != nil
                    && $0.pointee.cur < $0.pointee.end } ?? false)
        let (root, depth) = convert(document)
        return Parsed(document: root, stoppedEarly: stoppedEarly, depth: depth)
    }

    /// libxml2's tree to `HTMLNode`s, without recursion.
    private static func convert(_ document: htmlDocPtr) -> (HTMLNode, depth: Int) {
        let root = HTMLNode(element: "#document")
        var deepest = 0
        var stack: [(xmlNodePtr?, HTMLNode, Int)] = [(document.pointee.children, root, 0)]
        while let (next, parent, depth) = stack.popLast() {
            guard let node = next else { continue }
            stack.append((node.pointee.next, parent, depth))
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content {
                    parent.append(HTMLNode(text: String(cString: content)))
                }
            case XML_ELEMENT_NODE:
                let name = node.pointee.name.map { String(cString: $0) } ?? ""
                var attributes: [(name: String, value: String)] = []
                var attribute = node.pointee.properties
                while let current = attribute {
                    let key = current.pointee.name.map { String(cString: $0).lowercased() } ?? ""
                    var value = ""
                    var child = current.pointee.children
                    while let part = child {
                        if let content = part.pointee.content { value += String(cString: content) }
                        child = part.pointee.next
                    }
                    attributes.append((key, value))
                    attribute = current.pointee.next
                }
                let element = HTMLNode(element: name.lowercased(), attributes: attributes)
                parent.append(element)
                deepest = max(deepest, depth + 1)
                if depth < maximumDepth {
                    stack.append((node.pointee.children, element, depth + 1))
                } else {
                    // Too deep: its children go to this element's parent, right after it.
                    stack.append((node.pointee.children, parent, depth))
                }
            default:
                continue
            }
        }
        return (root, deepest)
    }
}
