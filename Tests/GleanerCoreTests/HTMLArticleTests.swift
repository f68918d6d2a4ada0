import Foundation
import Testing
@testable import GleanerCore

/// The article and metadata of HTML pages (Input/HTML/): one small page per heuristic, with the
/// exact text and meta it gives.
@Suite struct HTMLArticleTests {
    /// Four paragraphs of prose: over 500 characters together, readability's shortest article.
    static let story = [
        "The port reopened on Tuesday after a storm closed it for three days, the harbour authority said, and the first ships were unloaded by noon.",
        "Repairs to the eastern quay, which lost two cranes, will cost about $4 million and take until spring, according to the authority's engineers.",
        "Shipping lines said the delay had cost them, but that most cargo would reach its destination within a week of the original schedule.",
        "Fishermen, who were kept ashore for the whole week, said the catch had been good since, and prices at the market had fallen again.",
    ]
    static let storyHTML = story.map { "<p>\($0)</p>" }.joined(separator: "\n")
    static let storyText = story.joined(separator: "\n") + "\n"

    func read(_ html: String, _ mode: HTMLTextMode = .article) -> HTMLReading {
        HTMLTextExtractor.read(Array(html.utf8), mode: mode)
    }

    func meta(_ reading: HTMLReading) -> [String: String] {
        Dictionary(uniqueKeysWithValues: reading.meta.compactMap { key, value in value.stringValue.map { (key, $0) } })
    }

    // MARK: The article

    @Test func navigationHeaderAndFooterAreDroppedAndTheTitleLosesTheSiteName() {
        let page = read("""
            <html lang="en"><head><title>Port reopens after a three-day storm | Harbour Daily</title></head><body>
            <header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav></header>
            <div id="main"><article><h1>Port reopens after a three-day storm</h1>
            \(Self.storyHTML)
            </article></div>
            <footer><p>© Harbour Daily. <a href="/terms">Terms of Service</a> <a href="/privacy">Privacy Policy</a></p></footer>
            </body></html>
            """)
        #expect(page.text == "Port reopens after a three-day storm\n" + Self.storyText)
        #expect(meta(page) == ["title": "Port reopens after a three-day storm", "lang": "en"])
    }

    @Test func aListOfRelatedLinksInsideTheArticleIsDropped() {
        let page = read("""
            <html><head><title>Port reopens after a three-day storm</title></head><body><div class="story">
            <p>\(Self.story[0])</p><p>\(Self.story[1])</p>
            <div class="related-links"><ul><li><a href="/a">Mayor opens new library</a></li><li><a href="/b">Flooding closes bridge</a></li><li><a href="/c">Schools win award</a></li></ul></div>
            <p>\(Self.story[2])</p><p>\(Self.story[3])</p>
            </div></body></html>
            """)
        #expect(page.text == "Port reopens after a three-day storm\n" + Self.storyText)
    }

    @Test func commentsAreDropped() {
        let page = read("""
            <html><head><title>Port reopens after a three-day storm</title></head><body>
            <div class="article-body">\(Self.storyHTML)</div>
            <div id="comments" class="comment-list">
            <p>Great news, finally, after all these years of waiting, and I can leave the car at home.</p>
            <p>Three days is far too long, in my view, for a port of this size, and the cost, frankly, is absurd.</p>
            </div></body></html>
            """)
        #expect(page.text == "Port reopens after a three-day storm\n" + Self.storyText)
    }

    @Test func headingsListsAndDataTablesOfTheArticleAreKeptOneLinePerBlock() {
        let page = read("""
            <html><head><title>Harvest figures for the year</title></head><body><main><div class="post-content">
            <p>The harvest was larger than expected this year, the farmers' union said, with wheat, barley and oats all above the average of the last decade.</p>
            <h2>What grew best</h2>
            <p>Wheat did best, helped by a wet spring and a dry,   warm summer, and the union expects prices to fall, at least until the new year.</p>
            <ul><li>Wheat rose by a fifth, to the highest level since records began.</li><li>Barley rose by a tenth, though the quality, growers say, was mixed.</li></ul>
            <table><caption>Tonnes harvested</caption><tr><th>Crop</th><th>2024</th></tr><tr><td>Wheat</td><td>120</td></tr><tr><td>Barley</td><td>55</td></tr></table>
            <p>Oats, the smallest crop, rose least, but the union said, in its report, that demand from mills had never been stronger.</p>
            </div></main></body></html>
            """)
        #expect(page.text == """
            Harvest figures for the year
            The harvest was larger than expected this year, the farmers' union said, with wheat, barley and oats all above the average of the last decade.
            What grew best
            Wheat did best, helped by a wet spring and a dry, warm summer, and the union expects prices to fall, at least until the new year.
            Wheat rose by a fifth, to the highest level since records began.
            Barley rose by a tenth, though the quality, growers say, was mixed.
            Tonnes harvested
            Crop
            2024
            Wheat
            120
            Barley
            55
            Oats, the smallest crop, rose least, but the union said, in its report, that demand from mills had never been stronger.

            """)
    }

    @Test func aPageWhoseOnlyTextLooksUnlikelyIsReadWithFewerFilters() {
        let page = read("""
            <html><head><title>Notes</title></head><body><div class="sidebar">
            <p>The committee met on Thursday and agreed, after a short debate, to publish its report on water quality next month.</p>
            </div></body></html>
            """)
        #expect(page.text == "Notes\nThe committee met on Thursday and agreed, after a short debate, to publish its report on water quality next month.\n")
    }

    @Test func theBylineBecomesTheAuthorAndLeavesTheText() {
        let page = read("""
            <html><head><title>Port reopens after a three-day storm</title></head><body><article>
            <div class="byline">By Ana Costa</div>\(Self.storyHTML)</article></body></html>
            """)
        #expect(page.text == "Port reopens after a three-day storm\n" + Self.storyText)
        #expect(meta(page)["author"] == "By Ana Costa")
    }

    @Test func pageModeKeepsTheWholeVisibleText() {
        let page = read("""
            <html><head><title>Port news</title></head><body><nav><a href="/">Home</a></nav>
            <p>\(Self.story[0])</p><footer>Terms of Service</footer></body></html>
            """, .page)
        // The source's own line break after </nav> is kept (whitespace as written).
        #expect(page.text == "Port news\nHome\n\n\(Self.story[0])\nTerms of Service\n")
    }

    // MARK: Metadata, one source each

    @Test func jsonLDGivesTitleAuthorsDateAndPublisher() {
        let page = read("""
            <html lang="fr"><head><title>Le port rouvre | Journal du Port</title>
            <link rel="canonical" href="https://example.org/2019/port-rouvre">
            <script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "Journal"},
             {"@type": "NewsArticle", "headline": "Le port rouvre après la tempête",
             "author": [{"@type": "Person", "name": "Marie Dupont"}, {"@type": "Person", "name": "Jean Martin"}],
             "datePublished": "2019-03-05T08:30:00+01:00", "publisher": {"@type": "Organization", "name": "Journal du Port"}}]}</script>
            </head><body><article><p>Le port a rouvert mardi après trois jours de fermeture, a annoncé l'autorité portuaire.</p></article></body></html>
            """)
        #expect(page.meta.map(\.0) == ["title", "author", "published", "site", "url", "lang"])
        #expect(meta(page) == [
            "title": "Le port rouvre après la tempête", "author": "Marie Dupont, Jean Martin",
            "published": "2019-03-05T08:30:00+01:00", "site": "Journal du Port",
            "url": "https://example.org/2019/port-rouvre", "lang": "fr",
        ])
        #expect(page.published == CalendarDate(year: 2019, month: 3, day: 5))
        #expect(page.text.hasPrefix("Le port rouvre après la tempête\nLe port a rouvert mardi"))
    }

    @Test func metaTagsGiveTitleAuthorDateSiteAndURL() {
        let page = read("""
            <html lang="en-GB"><head><title>Bridge closed | The Courier</title>
            <meta property="og:title" content="Bridge closed for repairs">
            <meta property="og:site_name" content="The Courier">
            <meta property="og:url" content="https://courier.example/bridge">
            <meta name="author" content="Sam Lee">
            <meta property="article:published_time" content="2021-11-02 10:00:00">
            </head><body><article><p>The bridge was closed on Monday for repairs.</p></article></body></html>
            """)
        #expect(meta(page) == [
            "title": "Bridge closed for repairs", "author": "Sam Lee", "published": "2021-11-02T10:00:00",
            "site": "The Courier", "url": "https://courier.example/bridge", "lang": "en-GB",
        ])
    }

    @Test func aTimeElementGivesTheDate() {
        let page = read("""
            <html><head><title>Library opens</title></head><body><article>
            <p>Posted <time datetime="2018-06-12T09:00:00+02:00">12 June</time></p><p>The new library opened on Tuesday.</p>
            </article></body></html>
            """)
        #expect(meta(page)["published"] == "2018-06-12T09:00:00+02:00")
    }

    @Test func theVisibleDatelineGivesTheDateButASentenceWithADateDoesNot() {
        let dated = read("""
            <html><head><title>Market prices fall</title></head><body><article>
            <p>Published 14 February 2017</p><p>Prices at the market fell again this week, traders said.</p>
            </article></body></html>
            """)
        #expect(meta(dated)["published"] == "2017-02-14")
        #expect(dated.published == CalendarDate(year: 2017, month: 2, day: 14))
        let sentence = read("""
            <html><head><title>Market prices fall</title></head><body><article>
            <p>Prices at the market fell on 14 February 2017, the lowest since the market opened, traders said.</p>
            </article></body></html>
            """)
        #expect(meta(sentence)["published"] == nil)
    }

    @Test(arguments: [
        ("Fri, 24 Jul 2015 05:36:09 GMT", "2015-07-24"), ("July 24, 2015", "2015-07-24"), ("24th July 2015", "2015-07-24"),
        ("24. Juli 2015", "2015-07-24"), ("24 de julio de 2015", "2015-07-24"), ("24.07.2015", "2015-07-24"),
        ("2015年7月24日", "2015-07-24"), ("20150724", "2015-07-24"), ("2015/07/24", "2015-07-24"),
        ("2017-11-03 03:01:00.000000", "2017-11-03T03:01:00.000000"), ("07/08/2015", nil), ("no date", nil),
    ] as [(String, String?)])
    func publishedDatesAreWrittenAsISO8601(written: String, iso: String?) {
        #expect(PublishedDateParser.iso(written) == iso)
    }

    // MARK: Robustness (issue 18)

    @Test func textNestedDeeperThanLibxml2sLimitIsKept() {
        // html and body add two levels; the tree stops nesting at libxml2's level 513.
        for (depth, reported) in [(256, 258), (3000, 513)] {
            let html = String(repeating: "<div>", count: depth) + "paid $5 million" + String(repeating: "</div>", count: depth)
            #expect(read(html, .page).text == "paid $5 million\n", "\(depth)")
            #expect(read(html, .page).warnings.isEmpty)
            // Too deep for the article's walks: the whole text is read, and the record says so.
            let article = read(html)
            #expect(article.text == "paid $5 million\n", "\(depth)")
            #expect(article.warnings == ["the page nests elements \(reported) deep (over 200): its whole visible text is read, not its article"])
        }
        let tables = String(repeating: "<table><tr><td>", count: 100) + "paid $5 million" + String(repeating: "</td></tr></table>", count: 100)
        #expect(read(tables).text == "paid $5 million\n")
    }

    @Test func threeHundredUnclosedFontTagsKeepEveryParagraph() {
        let html = (0..<300).map { "<font size=2><p>Paragraph \($0) of the report, which the committee published in full on Monday.</p>" }.joined()
        for mode in HTMLTextMode.allCases {
            let lines = read(html, mode).text.split(separator: "\n")
            #expect(lines.count == 300, "\(mode)")
            #expect(lines.first?.hasPrefix("Paragraph 0 ") == true && lines.last?.hasPrefix("Paragraph 299 ") == true)
        }
    }

    @Test func theDeclaredCharsetIsHonoured() {
        var cp1252 = Array(#"<html><head><meta charset="windows-1252"></head><body><p>It cost "#.utf8)
        cp1252 += [0x80] + Array("5 million, caf".utf8) + [0xE9] + Array(".</p></body></html>".utf8)
        let western = HTMLTextExtractor.read(cp1252, mode: .page)
        #expect(western.text == "It cost €5 million, café.\n" && western.replacements == 0)
        // 価格 (price) in Shift_JIS, declared by http-equiv.
        var sjis = Array(#"<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"><p>"#.utf8)
        sjis += [0x89, 0xBF, 0x8A, 0x69] + Array(" 5</p>".utf8)
        #expect(HTMLTextExtractor.read(sjis, mode: .article).text == "価格 5\n")
        // Valid UTF-8 stays UTF-8 whatever the page declares; invalid bytes without a usable
        // declaration become U+FFFD and are counted.
        #expect(HTMLTextExtractor.text(of: "<meta charset=\"iso-8859-1\"><p>Caf\u{E9} \u{20AC}3m</p>") == "Caf\u{E9} \u{20AC}3m\n")
        let broken = HTMLTextExtractor.read(Array("<p>a".utf8) + [0xFF] + Array("b</p>".utf8), mode: .page)
        #expect(broken.text == "a\u{FFFD}b\n" && broken.replacements == 1)
    }

    @Test func noscriptAndTemplateTextIsNotGluedToItsNeighbours() {
        let page = read("<p>Before<noscript>Enable JavaScript</noscript>after<template>hidden</template> end</p>", .page)
        #expect(page.text == "Before\nEnable JavaScript\nafter end\n")
    }
}
