/// What Gleaner reads from an HTML page (CONTRACT.md).
public enum HTMLTextMode: String, Sendable, CaseIterable {
    /// The article: its title on the first line, then its body (headings, paragraphs, lists,
    /// tables), one line per block, without navigation, boilerplate, comments or link lists.
    case article
    /// The whole visible text: `script`, `style` and `template` dropped, a line break at each
    /// block element, whitespace as written.
    case page
}

/// A page read: its text, its metadata, and what went wrong on the way.
public struct HTMLReading: Sendable {
    public var text: String
    /// `title`, `author`, `published`, `site`, `url`, `lang`, those the page gives.
    public var meta: [(String, JSONValue)]
    /// `published` as a calendar date: the document's reference date.
    public var published: CalendarDate?
    /// Invalid UTF-8 sequences replaced by U+FFFD (a page without a usable declared charset).
    public var replacements: Int
    public var warnings: [String]
}

/// Reads HTML pages: bytes to text in the page's declared charset (valid UTF-8 is always read
/// as UTF-8), parsed by libxml2 (`LibXML2HTMLParser`), then the article (`ArticleExtractor`)
/// or the whole visible text (`BlockTextRenderer`), and the metadata (`PageMetadataReader`).
public enum HTMLTextExtractor {
    /// The visible dateline: one of the article's first lines, short (a date and a few words,
    /// "Published 24 July 2015 05:36"), not a sentence that happens to hold a date.
    static let datelineLines = 3
    static let datelineMaximumWords = 8
    /// Pages nested deeper than this are read whole: readability's walks over nested
    /// candidates grow with the square of the depth (a 3000-deep page took 9 s), and real
    /// articles nest far less deeply.
    static let articleMaximumDepth = 200

    public static func read(_ bytes: [UInt8], mode: HTMLTextMode) -> HTMLReading {
        var replacements = 0
        let parsed: LibXML2HTMLParser.Parsed? = bytes.withUnsafeBufferPointer { buffer in
            if String(validating: buffer, as: UTF8.self) != nil {
                return LibXML2HTMLParser.parse(buffer, encoding: "UTF-8")
            }
            if let declared = HTMLCharset.declared(in: buffer), !["utf-8", "utf8"].contains(declared.lowercased()),
               LibXML2HTMLParser.knows(encoding: declared) {
                return LibXML2HTMLParser.parse(buffer, encoding: declared)
            }
            let (text, replaced) = TextDecoder.decode(buffer)
            replacements = replaced
            var decoded = text
            return decoded.withUTF8 { LibXML2HTMLParser.parse($0, encoding: "UTF-8") }
        }
        guard let parsed else {
            return HTMLReading(text: "", meta: [], published: nil, replacements: replacements, warnings: [])
        }
        var warnings: [String] = []
        if parsed.stoppedEarly {
            warnings.append("the HTML parser stopped before the end of the page: the text after that point is missing")
        }
        let document = parsed.document
        var metadata = PageMetadataReader.read(document)
        let text: String
        switch mode {
        case .page:
            var renderer = BlockTextRenderer(style: .asWritten)
            renderer.append(document)
            text = renderer.text
        case .article where parsed.depth > articleMaximumDepth:
            warnings.append("the page nests elements \(parsed.depth) deep (over \(articleMaximumDepth)): its whole visible text is read, not its article")
            var renderer = BlockTextRenderer(style: .collapsed)
            renderer.append(document)
            text = renderer.text
        case .article:
            text = article(of: document, metadata: &metadata)
        }
        return HTMLReading(text: text, meta: metadata.pairs, published: metadata.published.flatMap(DocumentID.isoDate),
                           replacements: replacements, warnings: warnings)
    }

    /// The article's text (its title line, then its body), completing `metadata` with the byline
    /// and the dateline found in the body. A page without an article gives its visible text.
    private static func article(of document: HTMLNode, metadata: inout PageMetadata) -> String {
        PagePreparer.prepare(document)
        let extractor = ArticleExtractor(title: metadata.title ?? "", hasByline: metadata.author != nil)
        let found = extractor.extract(from: document)
        var renderer = BlockTextRenderer(style: .collapsed)
        if let title = metadata.title { renderer.append(line: title) }
        let titleLength = renderer.output.count
        renderer.append(found?.content ?? document)
        if metadata.author == nil { metadata.author = found?.byline.flatMap { $0.isEmpty ? nil : $0 } }
        if metadata.published == nil {
            let body = String(decoding: renderer.output[titleLength...], as: UTF8.self)
            metadata.published = datelineHint(document) ?? dateline(body)
        }
        return renderer.text
    }

    private static func dateline(_ body: String) -> String? {
        for line in body.split(separator: "\n").prefix(datelineLines)
        where line.utf16.count <= 80 && PageText.wordCount(String(line)) <= datelineMaximumWords {
            if let date = PublishedDateParser.find(in: String(line)) { return date }
        }
        return nil
    }

    /// A date in a short element whose class or id says it holds the date.
    private static func datelineHint(_ document: HTMLNode) -> String? {
        var found: String?
        document.forEachDescendant { node in
            guard found == nil, node.isElement,
                  ContentScorer.matches(node.classAndID, any: ["date", "time", "publish", "dateline"]) else { return }
            let text = ContentScorer.innerText(node)
            if text.utf16.count < 100 { found = PublishedDateParser.find(in: text) }
        }
        return found
    }

    /// The text of `html` (tests and tools that hold a page as a string).
    public static func text(of html: String, mode: HTMLTextMode = .page) -> String {
        read(Array(html.utf8), mode: mode).text
    }
}
