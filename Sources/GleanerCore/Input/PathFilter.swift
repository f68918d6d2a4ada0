/// `--include` / `--exclude` globs, matched against a file's path relative to the folder named
/// on the command line: `*` and `?` stay within one path segment, `**` crosses segments
/// (`**/` may match nothing), `[abc]` / `[!abc]` / `[a-z]` match one character. A pattern
/// without `/` is matched against the file's name alone, so `*.html` finds HTML at any depth.
public struct PathFilter: Sendable {
    public let include: [String]
    public let exclude: [String]

    public init(include: [String] = [], exclude: [String] = []) {
        self.include = include
        self.exclude = exclude
    }

    /// Read the file: it matches some include pattern (or there are none) and no exclude pattern.
    public func accepts(_ relative: String) -> Bool {
        (include.isEmpty || include.contains { Self.matches($0, relative) })
            && !exclude.contains { Self.matches($0, relative) }
    }

    public static func matches(_ pattern: String, _ path: String) -> Bool {
        let subject = pattern.contains("/") ? path : String(path.split(separator: "/").last ?? "")
        return match(Array(pattern.unicodeScalars), 0, Array(subject.unicodeScalars), 0)
    }

    private static func match(_ p: [Unicode.Scalar], _ pi: Int, _ s: [Unicode.Scalar], _ si: Int) -> Bool {
        if pi == p.count { return si == s.count }
        switch p[pi] {
        case "*":
            if pi + 1 < p.count, p[pi + 1] == "*" {
                // `**/` also matches no folder at all.
                if pi + 2 < p.count, p[pi + 2] == "/", match(p, pi + 3, s, si) { return true }
                return (si...s.count).contains { match(p, pi + 2, s, $0) }
            }
            var end = si
            while true {
                if match(p, pi + 1, s, end) { return true }
                if end == s.count || s[end] == "/" { return false }
                end += 1
            }
        case "?":
            return si < s.count && s[si] != "/" && match(p, pi + 1, s, si + 1)
        case "[":
            guard si < s.count, let (matched, next) = bracket(p, pi, s[si]) else {
                return si < s.count && s[si] == "[" && match(p, pi + 1, s, si + 1)
            }
            return matched && match(p, next, s, si + 1)
        default:
            return si < s.count && s[si] == p[pi] && match(p, pi + 1, s, si + 1)
        }
    }

    /// Whether `c` is in the class that opens at `p[start]`, and the index after its `]`; nil
    /// when the bracket is not closed (then it is a literal `[`).
    private static func bracket(_ p: [Unicode.Scalar], _ start: Int, _ c: Unicode.Scalar) -> (Bool, Int)? {
        var i = start + 1
        let negated = i < p.count && (p[i] == "!" || p[i] == "^")
        if negated { i += 1 }
        var found = false, first = true
        while i < p.count, p[i] != "]" || first {
            first = false
            if i + 2 < p.count, p[i + 1] == "-", p[i + 2] != "]" {
                if p[i].value <= c.value && c.value <= p[i + 2].value { found = true }
                i += 3
            } else {
                if p[i] == c { found = true }
                i += 1
            }
        }
        guard i < p.count else { return nil }
        return (found != negated, i + 1)
    }
}
