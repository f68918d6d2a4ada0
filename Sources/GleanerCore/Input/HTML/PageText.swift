/// Small text measures on page strings, as readability.js computes them (JavaScript's `\s` for
/// whitespace, its `\W` for word boundaries, lengths in UTF-16 units).
enum PageText {
    static func trimmed(_ text: String) -> String {
        let units = Array(text.utf16)
        guard let first = units.firstIndex(where: { !ContentScorer.isSpace($0) }),
              let last = units.lastIndex(where: { !ContentScorer.isSpace($0) }) else { return "" }
        return String(decoding: units[first...last], as: UTF16.self)
    }

    /// Trimmed, each run of whitespace one space.
    static func collapsed(_ text: String) -> String { ContentScorer.innerText(HTMLNode(text: text)) }

    /// Runs of two or more whitespace characters one space (`/\\s{2,}/g`); a single one kept.
    static func collapsingLongRuns(_ text: String) -> String {
        var result: [UInt16] = [], run: [UInt16] = []
        for unit in text.utf16 {
            if ContentScorer.isSpace(unit) { run.append(unit); continue }
            result += run.count >= 2 ? [0x20] : run
            run = []
            result.append(unit)
        }
        result += run.count >= 2 ? [0x20] : run
        return String(decoding: result, as: UTF16.self)
    }

    /// `document.title`: runs of ASCII whitespace one space, trimmed; other spaces (U+3000…)
    /// kept as written.
    static func collapsedASCII(_ text: String) -> String {
        var result = "", inSpace = false
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}" {
                inSpace = !result.isEmpty
            } else {
                if inSpace { result.append(" ") }
                inSpace = false
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `text.split(/\s+/).length`: one more than the runs of whitespace.
    static func wordCount(_ text: String) -> Int {
        var runs = 0, inSpace = false
        for unit in text.utf16 {
            if ContentScorer.isSpace(unit) {
                if !inSpace { runs += 1 }
                inSpace = true
            } else {
                inSpace = false
            }
        }
        return runs + 1
    }

    /// Lower-case ASCII word tokens (JavaScript's `\W+` splits everything else).
    static func tokens(_ text: String) -> [String] {
        text.lowercased().utf8.split { byte in
            !((0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x5F)
        }.map { String(decoding: $0, as: UTF8.self) }
    }

    /// readability's `_textSimilarity`: 1 when `b`'s words all occur in `a`, 0 when none do,
    /// weighted by the length of `b`'s words that are new.
    static func similarity(_ a: String, _ b: String) -> Double {
        let tokensA = tokens(a), tokensB = tokens(b)
        guard !tokensA.isEmpty, !tokensB.isEmpty else { return 0 }
        let known = Set(tokensA)
        let unique = tokensB.filter { !known.contains($0) }
        let uniqueLength = unique.isEmpty ? 0 : unique.reduce(0) { $0 + $1.count } + unique.count - 1
        let totalLength = tokensB.reduce(0) { $0 + $1.count } + tokensB.count - 1
        return 1 - Double(uniqueLength) / Double(totalLength)
    }

    /// `&quot;`, `&amp;`, `&apos;`, `&lt;`, `&gt;` and numeric references decoded: metadata
    /// values are often escaped twice.
    static func unescapingEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let after = rest[amp...]
            guard let semicolon = after.prefix(12).firstIndex(of: ";") else {
                result += "&"; rest = rest[rest.index(after: amp)...]; continue
            }
            let name = after[after.index(after: amp)..<semicolon]
            var replacement: String?
            switch name {
            case "quot": replacement = "\""
            case "amp": replacement = "&"
            case "apos": replacement = "'"
            case "lt": replacement = "<"
            case "gt": replacement = ">"
            default:
                if name.hasPrefix("#") {
                    let digits = name.dropFirst()
                    let value = digits.first == "x" || digits.first == "X"
                        ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
                    if let value {
                        replacement = String(Unicode.Scalar(value).map(Character.init) ?? "\u{FFFD}")
                        if value == 0 { replacement = "\u{FFFD}" }
                    }
                }
            }
            if let replacement {
                result += replacement
                rest = rest[rest.index(after: semicolon)...]
            } else {
                result += "&"
                rest = rest[rest.index(after: amp)...]
            }
        }
        return result + rest
    }
}
