import Foundation

/// Expands references in a pattern: `{Name}` is the fragment `Name` (recursively), `{@lex}`
/// the lexicon's surfaces, `{@lex.column}` one column's values. Quantifiers like `{2}` or
/// `{1,3}` are left alone, and `\{` is a literal brace.
///
/// A lexicon reference becomes a few callouts into a `LexiconMatcher` (see `LexiconCallout`),
/// not an alternation of its entries, so a lexicon of any size compiles into a small pattern.
/// Whether it matches caselessly is read from where it stands: the rule's options and the
/// inline settings around it (`(?i)`, `(?i:…)`, `(?-i)`, `(?^)`). Each reference adds one
/// named capture group, so a pattern with lexicon references may not refer to groups by
/// number (`\1`, `\g{-1}`, `(?1)`, `(?(1)…)`); names work as before.
struct PatternComposer {
    let fragments: [String: String]
    let lexicons: [String: Lexicon]
    /// Starts the names of the groups lexicon references add; unique per rule of a plugin, so
    /// that the plugin's scan pattern (all its rules in one alternation) keeps them apart.
    var groupPrefix = "_lx"
    /// Writes lexicon references as alternations of their entries (`LexiconTrie`), the way
    /// they were compiled before callouts: the reference the tests compare callouts with.
    var lexiconsAsAlternations = false
    /// Lists of at most this many characters in all are written as alternations (factored
    /// later), which PCRE2's JIT tests faster than a callout: measured, the built-in lists as
    /// callouts cost `parties.country` 7 times the CPU. Larger ones, and every list when this
    /// is 0, become callouts (`RuleCompiler` lowers it for a rule too large for one pattern).
    var inlineCharacters = 16_000
    /// Writes the pattern for the Vectorscan prefilter, which knows no callouts: every
    /// reference of at most `prefilterCharacters` characters becomes its prefix tree (as rules
    /// were written before callouts; Vectorscan reports every match, so case needs no flat
    /// list), larger ones callouts, which the prefilter reads as any text of their length.
    var forPrefilter = false
    /// Lexicons up to this size keep exact prefilter windows: about 10,000 names (Vectorscan
    /// compiles them in seconds, once, into the cache); larger ones are over-approximated.
    static let prefilterCharacters = 250_000
    /// Writes only part `part` of `parts` of one reference's entries: a prefilter expression
    /// too long for Vectorscan is cut into several over parts of its largest lexicon.
    var split: (reference: String, part: Int, parts: Int)?
    /// Matchers built so far, shared by every rule of a plugin.
    let matchers: LexiconMatcherCache

    enum CompositionError: Error {
        case unknownFragment(String), unknownLexicon(String), cycle(String)
        /// A pattern with lexicon references refers to a group by number (the text shown).
        case numberedGroup(String)
    }

    init(fragments: [String: String], lexicons: [String: Lexicon], matchers: LexiconMatcherCache? = nil) {
        self.fragments = fragments
        self.lexicons = lexicons
        self.matchers = matchers ?? LexiconMatcherCache(lexicons: lexicons)
    }

    /// The pattern with every reference expanded; `options` are the rule's (they say whether a
    /// lexicon reference outside any inline setting is caseless).
    func expand(_ pattern: String, options: PatternOptions = []) throws(CompositionError) -> String {
        let text = try expand(pattern, stack: [])
        guard text.unicodeScalars.contains(Self.open) else { return text }
        return try substituteLexicons(in: text, options: options)
    }

    /// The lexicon references of a pattern (through its fragments too), each once, in order.
    func lexiconReferences(in pattern: String) -> [String] {
        guard let text = try? expand(pattern, stack: []) else { return [] }
        var found: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: Character(Self.open)), let close = rest[open...].firstIndex(of: Character(Self.close)) {
            let reference = String(rest[rest.index(after: open)..<close])
            if !found.contains(reference) { found.append(reference) }
            rest = rest[rest.index(after: close)...]
        }
        return found
    }

    /// The reference a too-long prefilter expression is split over: the largest that is
    /// written as an alternation (by name among equals, so every part cuts the same one).
    func splitReference(of pattern: String) -> String? {
        var best: (reference: String, characters: Int)?
        for reference in lexiconReferences(in: pattern) {
            guard let characters = try? matchers.characters(for: reference), characters <= Self.prefilterCharacters else { continue }
            if best == nil || (characters, best!.reference) > (best!.characters, reference) { best = (reference, characters) }
        }
        return best?.reference
    }

    /// The handler of a callout this composer wrote: `S` or `E`, `i` or `s`, group, reference.
    func callout(_ text: String, groupNumbers: [String: Int]) -> (any PatternCallout)? {
        let parts = text.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4, let group = groupNumbers[parts[2]],
              let matcher = try? matchers.matcher(for: parts[3], caseless: parts[1] == "i") else { return nil }
        switch parts[0] {
        case "S": return LexiconCallout(matcher: matcher, role: .start, group: group)
        case "E": return LexiconCallout(matcher: matcher, role: .end, group: group)
        default: return nil
        }
    }

    /// Marks a lexicon reference in the expanded text until the second pass writes it out.
    private static let open: Unicode.Scalar = "\u{E000}"
    private static let close: Unicode.Scalar = "\u{E001}"

    private func expand(_ pattern: String, stack: [String]) throws(CompositionError) -> String {
        var output = ""
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{") {
            // A backslash-escaped brace is literal.
            if open > rest.startIndex, rest[rest.index(before: open)] == "\\" {
                output += rest[...open]
                rest = rest[rest.index(after: open)...]
                continue
            }
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = rest[rest.index(after: open)..<close]
            output += rest[..<open]
            if name.first == "@" {
                let reference = String(name.dropFirst())
                guard lexicons[reference.split(separator: ".", maxSplits: 1).map(String.init)[0]] != nil else {
                    throw .unknownLexicon(reference.split(separator: ".", maxSplits: 1).map(String.init)[0])
                }
                output += String(Self.open) + reference + String(Self.close)
            } else if let first = name.unicodeScalars.first, first.properties.isAlphabetic || first == "_" {
                let key = String(name)
                guard let fragment = fragments[key] else { throw .unknownFragment(key) }
                guard !stack.contains(key) else { throw .cycle(key) }
                output += "(?:" + (try expand(fragment, stack: stack + [key])) + ")"
            } else {
                output += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return output + rest
    }

    /// The reference as an alternation: the prefix tree of `LexiconTrie`, as rules compiled
    /// before callouts; caseless, a flat list longest first, because the tree's siblings
    /// (`F` and `f`) can then both match and its order is no longer longest first.
    private func alternation(_ reference: String, caseless: Bool) throws(CompositionError) -> String {
        // A list is named by many rules (the stop words by most): write it once per plugin.
        let key = (caseless ? "i:" : "s:") + reference
        if let known = matchers.alternation(key) { return known }
        let text = try writeAlternation(reference, caseless: caseless)
        matchers.setAlternation(text, key)
        return text
    }

    private func writeAlternation(_ reference: String, caseless: Bool) throws(CompositionError) -> String {
        let entries = try matchers.entries(for: reference)
        guard caseless else { return LexiconTrie(entries.map(Self.atoms)).pattern }
        var seen = Set<String>()
        let sorted = entries.filter { seen.insert($0).inserted }.sorted { $0.count > $1.count }
        return sorted.isEmpty ? "(*FAIL)" : "(?:" + sorted.map(Self.escape).joined(separator: "|") + ")"
    }

    /// The reference as a prefix tree for the prefilter, only part of it under `split`.
    private func prefixTree(_ reference: String) throws(CompositionError) -> String {
        var entries = try matchers.entries(for: reference)
        guard let split, split.reference == reference else {
            if let known = matchers.alternation("t:" + reference) { return known }
            let text = LexiconTrie(entries.map(Self.atoms)).pattern
            matchers.setAlternation(text, "t:" + reference)
            return text
        }
        let count = entries.count
        entries = Array(entries[split.part * count / split.parts..<(split.part + 1) * count / split.parts])
        return LexiconTrie(entries.map(Self.atoms)).pattern
    }

    /// Replaces each marked lexicon reference with its callouts, reading the inline options in
    /// force there; refuses numbered group references, which the added groups would shift.
    private func substituteLexicons(in text: String, options: PatternOptions) throws(CompositionError) -> String {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 256)
        var caseless = options.contains(.caseless)
        var extended = options.contains(.extended)
        var saved: [(caseless: Bool, extended: Bool)] = []
        var site = 0
        var index = 0
        func at(_ offset: Int) -> UInt8 { offset < bytes.count ? bytes[offset] : 0 }
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        func copy(through end: Int) {
            let last = min(end, bytes.count - 1)
            if index <= last { output += bytes[index...last] }
            index = last + 1
        }
        func numbered(_ from: Int) throws(CompositionError) {
            let end = min(bytes.count, from + 8)
            throw .numberedGroup(String(decoding: bytes[from..<end], as: UTF8.self))
        }
        // Private-use marks: U+E000 is EE 80 80, U+E001 is EE 80 81.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0xEE, at(index + 1) == 0x80, at(index + 2) == 0x80 {
                var end = index + 3
                while end + 2 < bytes.count, !(bytes[end] == 0xEE && bytes[end + 1] == 0x80 && bytes[end + 2] == 0x81) { end += 1 }
                let reference = String(decoding: bytes[(index + 3)..<end], as: UTF8.self)
                let characters = try matchers.characters(for: reference)
                let piece: String
                if forPrefilter {
                    piece = characters <= Self.prefilterCharacters ? try prefixTree(reference)
                        : try callouts(for: reference, caseless: caseless, site: site)
                } else if lexiconsAsAlternations || characters <= inlineCharacters {
                    piece = try alternation(reference, caseless: caseless)
                } else {
                    piece = try callouts(for: reference, caseless: caseless, site: site)
                }
                output += Array(piece.utf8)
                site += 1
                index = end + 3
                continue
            }
            switch byte {
            case UInt8(ascii: "\\"):
                let next = at(index + 1)
                if next == UInt8(ascii: "Q") {
                    var end = index + 2
                    while end + 1 < bytes.count, !(bytes[end] == UInt8(ascii: "\\") && bytes[end + 1] == UInt8(ascii: "E")) { end += 1 }
                    copy(through: end + 1)
                    continue
                }
                if next >= UInt8(ascii: "1") && next <= UInt8(ascii: "9") { try numbered(index) }
                if next == UInt8(ascii: "g") {
                    let after = at(index + 2), then = at(index + 3)
                    if isDigit(after) || after == UInt8(ascii: "-") || after == UInt8(ascii: "+")
                        || (after == UInt8(ascii: "{") && (isDigit(then) || then == UInt8(ascii: "-") || then == UInt8(ascii: "+"))) {
                        try numbered(index)
                    }
                }
                copy(through: index + 1)
            case UInt8(ascii: "["):
                var end = index + 1
                if at(end) == UInt8(ascii: "^") { end += 1 }
                if at(end) == UInt8(ascii: "]") { end += 1 }
                while end < bytes.count, bytes[end] != UInt8(ascii: "]") {
                    if bytes[end] == UInt8(ascii: "\\") {
                        end += 2
                    } else if bytes[end] == UInt8(ascii: "["), at(end + 1) == UInt8(ascii: ":") {
                        var close = end + 2
                        while close + 1 < bytes.count, !(bytes[close] == UInt8(ascii: ":") && bytes[close + 1] == UInt8(ascii: "]")) { close += 1 }
                        end = close + 2
                    } else {
                        end += 1
                    }
                }
                copy(through: end)
            case UInt8(ascii: "#") where extended:
                var end = index
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                copy(through: end)
            case UInt8(ascii: ")"):
                if let outer = saved.popLast() { (caseless, extended) = outer }
                copy(through: index)
            case UInt8(ascii: "("):
                let second = at(index + 1), third = at(index + 2)
                if second == UInt8(ascii: "*") {
                    // `(*pla:` and the like open groups; `(*VERB)` and `(*MARK:x)` do not.
                    var end = index + 2
                    while end < bytes.count, (bytes[end] >= UInt8(ascii: "a") && bytes[end] <= UInt8(ascii: "z")) || bytes[end] == UInt8(ascii: "_") { end += 1 }
                    if end > index + 2, at(end) == UInt8(ascii: ":") {
                        saved.append((caseless, extended))
                        copy(through: end)
                    } else {
                        while end < bytes.count, bytes[end] != UInt8(ascii: ")") { end += 1 }
                        copy(through: end)
                    }
                    continue
                }
                guard second == UInt8(ascii: "?") else {
                    saved.append((caseless, extended))
                    copy(through: index)
                    continue
                }
                if third == UInt8(ascii: "#") {
                    var end = index + 3
                    while end < bytes.count, bytes[end] != UInt8(ascii: ")") { end += 1 }
                    copy(through: end)
                    continue
                }
                if isDigit(third) || ((third == UInt8(ascii: "-") || third == UInt8(ascii: "+")) && isDigit(at(index + 3))) {
                    try numbered(index)
                }
                if third == UInt8(ascii: "(") {
                    saved.append((caseless, extended))
                    let condition = at(index + 3)
                    if condition == UInt8(ascii: "?") || condition == UInt8(ascii: "*") {
                        copy(through: index + 2)
                    } else {
                        if isDigit(condition) || condition == UInt8(ascii: "-") || condition == UInt8(ascii: "+") { try numbered(index) }
                        var end = index + 3
                        while end < bytes.count, bytes[end] != UInt8(ascii: ")") { end += 1 }
                        copy(through: end)
                    }
                    continue
                }
                // Option settings: `(?i)`, `(?-i)`, `(?^)`, `(?i:`.
                var end = index + 2
                var on = true
                var newCaseless = caseless, newExtended = extended
                while end < bytes.count {
                    let letter = bytes[end]
                    if letter == UInt8(ascii: "^") {
                        newCaseless = false
                        newExtended = false
                    } else if letter == UInt8(ascii: "-") {
                        on = false
                    } else if letter == UInt8(ascii: "i") {
                        newCaseless = on
                    } else if letter == UInt8(ascii: "x") {
                        newExtended = on
                    } else if !"mnsJUa".utf8.contains(letter) {
                        break
                    }
                    end += 1
                }
                if at(end) == UInt8(ascii: ")") || at(end) == UInt8(ascii: ":") {
                    if at(end) == UInt8(ascii: ":") { saved.append((caseless, extended)) }
                    (caseless, extended) = (newCaseless, newExtended)
                    copy(through: end)
                    continue
                }
                saved.append((caseless, extended))
                copy(through: index + 1)
            default:
                copy(through: index)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The callouts standing for lexicon `reference` (see `LexiconCallout`).
    private func callouts(for reference: String, caseless: Bool, site: Int) throws(CompositionError) -> String {
        let matcher = try matchers.matcher(for: reference, caseless: caseless)
        if matcher.isEmpty { return "(*FAIL)" }
        let group = "\(groupPrefix)_\(site)"
        var first = matcher.firstScalars.map { "\\x{" + String($0.value, radix: 16) + "}" }.joined()
        if matcher.startsWithSpace { first += "\\s\\x{A0}" }
        if matcher.startsWithHyphen { first += "\\-\\x{2010}\\x{2011}\\x{2013}\\x{2014}" }
        let tail = "\(caseless ? "i" : "s"):\(group):\(reference.replacingOccurrences(of: "\"", with: "\"\""))\""
        return "(?=[\(first)])(?C\"S:\(tail))(?<\(group)>)(?:[^\\s\\x{A0}]|[\\s\\x{A0}]++){1,\(matcher.longestAtoms)}(?C\"E:\(tail))"
    }

    /// The pattern with its lexicon callouts read as what they may consume (up to M characters
    /// or whitespace runs), for the Vectorscan prefilter, which knows no callouts: it matches
    /// wherever the pattern does.
    static func withoutCallouts(_ pattern: String) -> String {
        guard pattern.contains("(?C\"") else { return pattern }
        var output = ""
        var rest = Substring(pattern)
        while let open = rest.range(of: "(?C\"") {
            output += rest[..<open.lowerBound]
            rest = rest[open.upperBound...]
            // The string ends at a quote that is not doubled, then `)`.
            while let quote = rest.firstIndex(of: "\"") {
                let after = rest.index(after: quote)
                if after < rest.endIndex, rest[after] == "\"" { rest = rest[rest.index(after: after)...]; continue }
                rest = rest[after...]
                break
            }
            if rest.first == ")" { rest = rest.dropFirst() }
            // The empty group that marks the start.
            if rest.hasPrefix("(?<"), let close = rest.range(of: ">)") { rest = rest[close.upperBound...] }
        }
        return (output + rest).replacingOccurrences(of: "|[\\s\\x{A0}]++){1,", with: "|[\\s\\x{A0}]+){1,")
    }

    /// Escapes regex metacharacters; a space matches any run of spaces or no-break spaces,
    /// and a hyphen any hyphen or dash, so lexicon entries match their common spellings.
    static func escape(_ literal: String) -> String { atoms(literal).joined() }

    /// The literal as pattern atoms, one per character.
    static func atoms(_ literal: String) -> [String] {
        literal.map { character in
            switch character {
            case " ": "[\\s\\x{00A0}]+"
            case "-", "\u{2010}", "\u{2011}", "\u{2013}", "\u{2014}": "[-\\x{2010}\\x{2011}\\x{2013}\\x{2014}]"
            case "\\", "^", "$", ".", "|", "?", "*", "+", "(", ")", "[", "]", "{", "}", "/": "\\" + String(character)
            default: String(character)
            }
        }
    }
}

/// The entries of each lexicon reference and their matchers (one per case mode), built once
/// per plugin and shared by its rules.
final class LexiconMatcherCache: @unchecked Sendable {
    let lexicons: [String: Lexicon]
    private var entries: [String: [String]] = [:]
    private var matchers: [String: LexiconMatcher] = [:]
    private var characterCounts: [String: Int] = [:]
    private var alternations: [String: String] = [:]
    private let lock = NSLock()

    /// `entries` replaces what some references stand for (tests cut large lexicons this way).
    init(lexicons: [String: Lexicon], entries: [String: [String]] = [:]) {
        self.lexicons = lexicons
        self.entries = entries
    }

    /// The surfaces of `lex`, or the values of `lex.column`.
    func entries(for reference: String) throws(PatternComposer.CompositionError) -> [String] {
        lock.lock()
        defer { lock.unlock() }
        return try unlockedEntries(for: reference)
    }

    func matcher(for reference: String, caseless: Bool) throws(PatternComposer.CompositionError) -> LexiconMatcher {
        lock.lock()
        defer { lock.unlock() }
        let key = (caseless ? "i:" : "s:") + reference
        if let matcher = matchers[key] { return matcher }
        let matcher = LexiconMatcher(entries: try unlockedEntries(for: reference), caseless: caseless)
        matchers[key] = matcher
        return matcher
    }

    /// A reference written out before (`PatternComposer` keys: case mode and reference).
    func alternation(_ key: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        return alternations[key]
    }

    func setAlternation(_ text: String, _ key: String) {
        lock.lock()
        defer { lock.unlock() }
        alternations[key] = text
    }

    /// The characters of all entries of a reference, counted once.
    func characters(for reference: String) throws(PatternComposer.CompositionError) -> Int {
        lock.lock()
        defer { lock.unlock() }
        if let known = characterCounts[reference] { return known }
        let count = try unlockedEntries(for: reference).reduce(0) { $0 + $1.count }
        characterCounts[reference] = count
        return count
    }

    private func unlockedEntries(for reference: String) throws(PatternComposer.CompositionError) -> [String] {
        if let known = entries[reference] { return known }
        let parts = reference.split(separator: ".", maxSplits: 1).map(String.init)
        guard let lexicon = lexicons[parts[0]] else { throw .unknownLexicon(parts[0]) }
        // Spaces around an entry are not part of it (a match never ends inside a space run).
        // The order does not matter: matchers sort, and so does the alternation (`LexiconTrie`).
        let items = (parts.count == 2 ? lexicon.values(of: parts[1]) : lexicon.unorderedSurfaces).compactMap { entry -> String? in
            // Most entries have nothing to trim: check the ends before asking Foundation.
            guard let first = entry.unicodeScalars.first, let last = entry.unicodeScalars.last else { return nil }
            if !first.properties.isWhitespace, !last.properties.isWhitespace { return entry }
            let trimmed = entry.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : trimmed
        }
        entries[reference] = items
        return items
    }
}
