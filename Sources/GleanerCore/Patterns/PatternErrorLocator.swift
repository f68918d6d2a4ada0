/// Where a pattern that does not compile goes wrong, in the text its author wrote. PCRE2
/// reports an offset in the expanded pattern (fragments and lexicons substituted, word lists
/// factored), which nobody can see; this expands one level at a time, keeping where each piece
/// came from, and maps the offset back to the rule's pattern or to the fragment it falls in:
///
///     missing closing parenthesis, at column 17 of the pattern:
///       INS(?: [A-Za-z]+
///                       ^
struct PatternErrorLocator {
    let composer: PatternComposer
    let options: PatternOptions

    /// The PCRE2 message with the place it points at, or nil when the pattern compiles as
    /// written (the error came from a step after expansion).
    func describe(_ pattern: String) -> String? {
        describe(pattern, label: "the pattern", depth: 0)
    }

    private enum Origin {
        case written(Int)
        case reference(String, Range<Int>)
    }

    private func describe(_ text: String, label: String, depth: Int) -> String? {
        guard let (expanded, pieces) = try? expand(text) else { return nil }
        let error: PatternCompileError
        do {
            _ = try PCRE2Regex(expanded, options: options)
            return nil
        } catch let compileError {
            error = compileError
        }
        let offset = min(error.offset, expanded.utf8.count)
        // The piece holding the offset; an offset at a piece's end belongs to the next one.
        let piece = pieces.last { $0.output.lowerBound <= offset } ?? (output: 0..<0, origin: .written(0))
        switch piece.origin {
        case .written(let start):
            return Self.caret(error.message, at: min(text.utf8.count, start + offset - piece.output.lowerBound), in: text, label: label)
        case .reference(let name, let span):
            if !name.hasPrefix("@"), depth < 8, let fragment = composer.fragments[name],
               let inner = describe(fragment, label: "fragment {\(name)}", depth: depth + 1) {
                return inner
            }
            return Self.caret(error.message + " (inside {\(name)})", at: span.lowerBound, in: text, label: label)
        }
    }

    /// The text with each top-level `{Fragment}` or `{@lexicon}` replaced by its expansion, and
    /// where each output range came from. Escaped braces and quantifiers stay as written.
    private func expand(_ text: String) throws -> (String, [(output: Range<Int>, origin: Origin)]) {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        var pieces: [(output: Range<Int>, origin: Origin)] = []
        var literalStart = 0
        func flushLiteral(upTo end: Int) {
            guard end > literalStart else { return }
            pieces.append((output.count..<(output.count + end - literalStart), .written(literalStart)))
            output += bytes[literalStart..<end]
        }
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "{"), index == 0 || bytes[index - 1] != UInt8(ascii: "\\"),
                  let close = bytes[index...].firstIndex(of: UInt8(ascii: "}")) else {
                index += 1
                continue
            }
            let name = String(decoding: bytes[(index + 1)..<close], as: UTF8.self)
            let isReference = name.first == "@" || name.unicodeScalars.first.map { $0.properties.isAlphabetic || $0 == "_" } == true
            guard isReference else {
                index = close + 1
                continue
            }
            flushLiteral(upTo: index)
            let expansion = Array(try composer.expand("{\(name)}").utf8)
            pieces.append((output.count..<(output.count + expansion.count), .reference(name, index..<(close + 1))))
            output += expansion
            index = close + 1
            literalStart = index
        }
        flushLiteral(upTo: bytes.count)
        return (String(decoding: output, as: UTF8.self), pieces)
    }

    /// `message, at column N of LABEL:` then the line of `text` holding the byte `offset` and a
    /// caret under it (columns count characters, as an editor does).
    static func caret(_ message: String, at offset: Int, in text: String, label: String) -> String {
        let bytes = Array(text.utf8)
        let lineStart = bytes[..<offset].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let lineEnd = bytes[offset...].firstIndex(of: 0x0A) ?? bytes.count
        let line = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count
        let lineNote = lineStart > 0 ? " line \(bytes[..<lineStart].count { $0 == 0x0A } + 1)," : ""
        return "\(message), at\(lineNote) column \(column + 1) of \(label):\n    \(line)\n    \(String(repeating: " ", count: column))^"
    }
}
