/// A page's metadata, as the document record's `meta` carries it.
struct PageMetadata: Equatable {
    var title: String?
    var author: String?
    /// ISO 8601: a timestamp as the page gives it, or `YYYY-MM-DD`.
    var published: String?
    var site: String?
    /// The canonical URL.
    var url: String?
    var lang: String?

    /// The fields that are present, in a fixed order.
    var pairs: [(String, JSONValue)] {
        [("title", title), ("author", author), ("published", published), ("site", site), ("url", url), ("lang", lang)]
            .compactMap { key, value in value.map { (key, .string($0)) } }
    }
}

/// Reads a page's metadata before anything is removed from it, in readability.js's order of
/// sources and then some: JSON-LD (schema.org `Article` and its subtypes: `headline`/`name`,
/// `author`, `publisher`, `datePublished`), `<meta>` tags (Open Graph, Dublin Core, Twitter,
/// Parse.ly, `article:published_time`, `itemprop="datePublished"` and common date names),
/// `<time datetime>`, the `<title>`, `<link rel="canonical">`, `<html lang>`. The visible
/// dateline and the body's byline are fallbacks the caller adds once the article is found.
struct PageMetadataReader {
    static let propertyPrefixes = ["article", "dc", "dcterm", "og", "twitter"]
    static let propertyFields = ["author", "creator", "description", "published_time", "title", "site_name"]
    static let namePrefixes = ["dc", "dcterm", "og", "twitter", "parsely", "weibo:article", "weibo:webpage"]
    static let nameFields = ["author", "creator", "pub-date", "description", "title", "site_name"]
    /// `<meta name=...>` (lower case, dots as colons) and `itemprop` names that give a
    /// publication date, beyond readability's.
    static let dateNames = [
        "datepublished", "og:published_time", "published_time", "article:published", "pubdate", "publishdate",
        "publish-date", "publish_date", "publication_date", "date", "dc:date", "dc:date:issued", "dcterms:created",
        "dcterms:date", "dcterms:issued", "sailthru:date", "citation_publication_date", "citation_date",
        "article_date_original", "cxenseparse:recs:publishtime", "originalpublicationdate", "created",
    ]
    static let articleTypes: Set<String> = [
        "Article", "AdvertiserContentArticle", "NewsArticle", "AnalysisNewsArticle", "AskPublicNewsArticle",
        "BackgroundNewsArticle", "OpinionNewsArticle", "ReportageNewsArticle", "ReviewNewsArticle", "Report",
        "SatiricalArticle", "ScholarlyArticle", "MedicalScholarlyArticle", "SocialMediaPosting", "BlogPosting",
        "LiveBlogPosting", "DiscussionForumPosting", "TechArticle", "APIReference",
    ]

    struct JSONLD {
        var title: String?
        var author: String?
        var site: String?
        var published: String?
    }

    /// The metadata of `document` (not yet prepared: scripts still there).
    static func read(_ document: HTMLNode) -> PageMetadata {
        let jsonLD = readJSONLD(document)
        var values: [String: String] = [:]
        var dates: [String: String] = [:]
        for meta in document.elements(named: "meta") {
            guard let content = meta.attribute("content").map(PageText.trimmed), !content.isEmpty else { continue }
            var matched = false
            if let property = meta.attribute("property")?.lowercased() {
                if property == "og:url" { values["og:url"] = content }
                for token in property.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
                    let parts = token.split(separator: ":", maxSplits: 1).map(String.init)
                    if parts.count == 2, propertyPrefixes.contains(parts[0]), propertyFields.contains(parts[1]) {
                        values[String(token)] = content
                        matched = true
                        break
                    }
                }
            }
            let name = (meta.attribute("name") ?? meta.attribute("itemprop") ?? meta.attribute("property") ?? "")
                .lowercased().filter { !$0.isWhitespace }.replacingOccurrences(of: ".", with: ":")
            if !matched, isKnownName(name) { values[name] = content }
            if dateNames.contains(name), dates[name] == nil { dates[name] = content }
        }
        var metadata = PageMetadata()
        metadata.title = jsonLD.title ?? firstValue(values, [
            "dc:title", "dcterm:title", "og:title", "weibo:article:title", "weibo:webpage:title", "title",
            "twitter:title", "parsely-title",
        ]) ?? nonEmpty(ArticleTitle.find(in: document))
        let articleAuthor = values["article:author"].flatMap { isURL($0) ? nil : $0 }
        metadata.author = jsonLD.author
            ?? firstValue(values, ["dc:creator", "dcterm:creator", "author", "parsely-author"]) ?? articleAuthor
        metadata.site = jsonLD.site ?? values["og:site_name"]
        let published = jsonLD.published ?? values["article:published_time"] ?? values["parsely-pub-date"]
            ?? dateNames.lazy.compactMap { dates[$0] }.first ?? timeElementDate(document)
        metadata.published = published.flatMap { PublishedDateParser.iso(PageText.unescapingEntities($0)) }
        metadata.url = canonicalURL(document) ?? values["og:url"]
        if let lang = document.firstElement(named: "html")?.attribute("lang") { metadata.lang = nonEmpty(PageText.trimmed(lang)) }
        metadata.title = metadata.title.map(PageText.unescapingEntities).flatMap(nonEmpty)
        metadata.author = metadata.author.map(PageText.unescapingEntities).flatMap(nonEmpty)
        metadata.site = metadata.site.map(PageText.unescapingEntities).flatMap(nonEmpty)
        return metadata
    }

    private static func nonEmpty(_ text: String) -> String? {
        let trimmed = PageText.trimmed(text)
        return trimmed.isEmpty ? nil : trimmed
    }

    private static func firstValue(_ values: [String: String], _ keys: [String]) -> String? {
        keys.lazy.compactMap { values[$0] }.first
    }

    /// readability's name pattern: `[prefix(-|.|:)]field`.
    private static func isKnownName(_ name: String) -> Bool {
        if nameFields.contains(name) { return true }
        for prefix in namePrefixes where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            guard let separator = rest.first, "-:".contains(separator) else { continue }
            if nameFields.contains(String(rest.dropFirst())) { return true }
        }
        return false
    }

    private static func isURL(_ text: String) -> Bool {
        text.hasPrefix("http://") || text.hasPrefix("https://") || text.hasPrefix("//")
    }

    private static func canonicalURL(_ document: HTMLNode) -> String? {
        for link in document.elements(named: "link") {
            let rel = (link.attribute("rel") ?? "").lowercased().split(separator: " ")
            if rel.contains("canonical"), let href = link.attribute("href"), let url = nonEmpty(href) { return url }
        }
        return nil
    }

    /// `<time datetime>` that says it is the publication (`pubdate`, `itemprop`), else the first.
    private static func timeElementDate(_ document: HTMLNode) -> String? {
        let times = document.elements(named: "time").filter { $0.attribute("datetime").map(PageText.trimmed)?.isEmpty == false }
        let marked = times.first { $0.hasAttribute("pubdate") || $0.attribute("itemprop")?.lowercased() == "datepublished" }
        return (marked ?? times.first)?.attribute("datetime")
    }

    // MARK: JSON-LD

    static func readJSONLD(_ document: HTMLNode) -> JSONLD {
        for script in document.elements(named: "script") where script.attribute("type")?.lowercased() == "application/ld+json" {
            var content = PageText.trimmed(script.textContent)
            if content.hasPrefix("<![CDATA["), content.hasSuffix("]]>") {
                content = String(content.dropFirst(9).dropLast(3))
            }
            guard let parsed = try? JSONParser.parse(content), let article = findArticle(parsed) else { continue }
            var result = JSONLD()
            let name = article["name"]?.stringValue, headline = article["headline"]?.stringValue
            if let name, let headline, name != headline {
                // Some sites put their own name in `name`: take the one closer to the <title>.
                let title = ArticleTitle.find(in: document)
                let headlineMatches = PageText.similarity(headline, title) > 0.75
                let nameMatches = PageText.similarity(name, title) > 0.75
                result.title = headlineMatches && !nameMatches ? headline : name
            } else {
                result.title = (name ?? headline).map(PageText.trimmed)
            }
            result.author = authorNames(article["author"])
            if let publisher = article["publisher"], let name = publisher["name"]?.stringValue {
                result.site = PageText.trimmed(name)
            }
            result.published = article["datePublished"]?.stringValue.map(PageText.trimmed)
            return result
        }
        return JSONLD()
    }

    private static func authorNames(_ value: JSONValue?) -> String? {
        guard let value else { return nil }
        if let name = value["name"]?.stringValue { return PageText.trimmed(name) }
        if case .array(let items) = value {
            let names = items.compactMap { $0["name"]?.stringValue.map(PageText.trimmed) }
            return names.isEmpty ? nil : names.joined(separator: ", ")
        }
        return nil
    }

    private static func isArticle(_ value: JSONValue) -> Bool {
        switch value["@type"] {
        case .string(let type)?: return articleTypes.contains(type)
        case .array(let types)?: return types.contains { $0.stringValue.map(articleTypes.contains) == true }
        default: return false
        }
    }

    /// The article object in a JSON-LD value: the value itself, an item of an array, or an
    /// item of `@graph`.
    private static func findArticle(_ value: JSONValue) -> JSONValue? {
        if isArticle(value) { return value }
        if case .array(let items) = value { return items.lazy.compactMap(findArticle).first }
        if case .array(let graph)? = value["@graph"] { return graph.first(where: isArticle) }
        return nil
    }
}
